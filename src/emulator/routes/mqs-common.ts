// Shared pieces of the MQS routes (section 5): paths, the 7.4.3 errors, parameter readers, wire shapes.
import {
  HUGE_MESSAGE_BYTES,
  appsOf,
  byteSize,
  messageAt,
  mqsOf,
  type AccessPolicy,
  type MqsInstanceRec,
  type MqsPolicyRec,
  type MqsTopicRec,
} from '../mqs-state.ts';
import { ApiError, type InstanceCtx } from './common.ts';

export const BASE = '/v2/{project_id}/mqs/instances';
export const INST = `${BASE}/{instance_id}`;

export const err = {
  noInstance: () => new ApiError(404, 'MQS.00404022', 'This instance does not exist.'),
  invalid: (key: string) => new ApiError(400, 'MQS.00400800', `Invalid ${key} in the request.`),
  badKey: (key: string) =>
    new ApiError(
      400,
      'MQS.00400085',
      `The message body contains invalid characters or is not in JSON format, The error key is ${key}.`,
    ),
  emptyBody: () => new ApiError(400, 'MQS.00400004', 'Empty request body.'),
  notJson: () =>
    new ApiError(
      400,
      'MQS.00400005',
      'The message body contains invalid characters or is not in JSON format.',
    ),
  topicName: () => new ApiError(400, 'MQS.00400101', 'Invalid topic name.'),
  partition: () => new ApiError(400, 'MQS.00400102', 'Invalid partition.'),
  replication: () => new ApiError(400, 'MQS.00400103', 'Invalid replication.'),
  retention: () => new ApiError(400, 'MQS.00400105', 'Invalid retention time.'),
  brokers: () =>
    new ApiError(
      400,
      'MQS.00400861',
      'The number of replicas in the topic to be created is greater than the number of available brokers.',
    ),
  forbidden: () =>
    new ApiError(403, 'MQS.00403003', 'This role does not have the permission to perform this operation.'),
};

export const TOPIC_NAME = /^[A-Za-z][A-Za-z0-9_-]{2,199}$/;
export const POLICIES: readonly AccessPolicy[] = ['all', 'pub', 'sub'];
export const MESSAGE_LIMIT_MAX = 100;

export function instanceOf(ctx: InstanceCtx): MqsInstanceRec {
  const rec = mqsOf(ctx.state).get(ctx.params['instance_id'] ?? '');
  if (!rec) throw err.noInstance();
  return rec;
}

export function topicOf(inst: MqsInstanceRec, name: string | null | undefined): MqsTopicRec {
  const t = name ? inst.topics.get(name) : undefined;
  if (!t) throw err.topicName();
  return t;
}

export function need(t: MqsTopicRec, permission: string): void {
  if (!t.permissions.includes(permission)) throw err.forbidden();
}

/** A query parameter typed String that must hold a non-negative integer. */
export function intParam(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name);
  if (v === null || v === '') return undefined;
  if (!/^\d+$/.test(v)) throw err.invalid(name);
  return Number(v);
}

export function bodyObject(ctx: InstanceCtx): Record<string, unknown> {
  if (ctx.body === undefined || ctx.body === null) throw err.emptyBody();
  if (typeof ctx.body !== 'object' || Array.isArray(ctx.body)) throw err.notJson();
  return ctx.body as Record<string, unknown>;
}

export function optInt(b: Record<string, unknown>, key: string): number | undefined {
  const v = b[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw err.badKey(key);
  return v;
}

export function optBool(b: Record<string, unknown>, key: string): boolean | undefined {
  const v = b[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw err.badKey(key);
  return v;
}

export function optStr(b: Record<string, unknown>, key: string, max?: number): string | undefined {
  const v = b[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw err.badKey(key);
  if (max !== undefined && v.length > max) throw err.invalid(key);
  return v;
}

export function reqStr(b: Record<string, unknown>, key: string): string {
  const v = optStr(b, key);
  if (v === undefined || v === '') throw err.invalid(key);
  return v;
}

export function checkRetention(v: number | undefined): void {
  if (v !== undefined && (v < 1 || v > 720)) throw err.retention();
}

export function topicWire(t: MqsTopicRec): Record<string, unknown> {
  return {
    policiesOnly: false,
    name: t.name,
    replication: t.replication,
    partition: t.partition,
    retention_time: t.retention_time,
    sync_replication: t.sync_replication,
    sync_message_flush: t.sync_message_flush,
    app_id: t.app_id,
    app_name: t.app_name,
    permissions: t.permissions,
    external_configs: {},
    description: t.description,
    sensitive_word: t.sensitive_word,
    topic_type: t.topic_type,
  };
}

export function policyWire(p: MqsPolicyRec): Record<string, unknown> {
  return {
    owner: p.owner,
    user_name: p.app_id,
    app_name: p.app_name,
    access_policy: p.access_policy,
    tag: p.tag,
  };
}

export function messageWire(
  t: MqsTopicRec,
  partition: number,
  offset: number,
  withValue: boolean,
): Record<string, unknown> {
  const m = messageAt(t, partition, offset);
  if (!m) throw err.invalid('message_offset');
  const size = byteSize(m);
  const huge = size > HUGE_MESSAGE_BYTES;
  return {
    topic: t.name,
    partition,
    key: m.key,
    value: withValue && !huge ? m.value : '',
    size,
    timestamp: m.timestamp,
    huge_message: huge,
    message_offset: offset,
    message_id: m.message_id,
    app_id: m.app_id,
    tag: m.tag,
  };
}

/** Validates a 5.3.1 / import policy list against the instance's apps. */
export function readPolicies(ctx: InstanceCtx, raw: unknown, key = 'policies'): MqsPolicyRec[] {
  if (!Array.isArray(raw) || raw.length === 0) throw err.invalid(key);
  const apps = appsOf(ctx.state, ctx.params['instance_id'] ?? '');
  const seen = new Set<string>();
  return raw.map((p) => {
    if (!p || typeof p !== 'object' || Array.isArray(p)) throw err.badKey(key);
    const o = p as Record<string, unknown>;
    const appId = reqStr(o, 'app_id');
    if (!apps.has(appId)) throw err.invalid('app_id');
    if (seen.has(appId)) throw err.invalid(key);
    seen.add(appId);
    const access = reqStr(o, 'access_policy');
    if (!POLICIES.includes(access as AccessPolicy)) throw err.invalid('access_policy');
    return {
      app_id: appId,
      app_name: optStr(o, 'app_name') ?? (apps.get(appId) as string),
      access_policy: access as AccessPolicy,
      owner: optBool(o, 'owner') ?? false,
      tag: optStr(o, 'tag', 1000) ?? '',
    };
  });
}
