// Message integration (MQS, MQS-LINK.md section 5): the 13 calls under /v2/{project_id}/mqs/instances.
// Strict as an emulator: only the `mqs` prefix is served; the reference's `mq5`/`mqc` spellings (C1) are
// answered 404 MQS.00404001. Errors use the 7.4.3 codes in the ROMA envelope {error_code, error_msg}
// (section 5 documents no error body). Rules that the reference leaves open are listed in ARCHITECTURE.md.
import {
  HUGE_MESSAGE_BYTES,
  appendResend,
  appsOf,
  byteSize,
  canPublish,
  emptyStream,
  endOffset,
  firstRetained,
  lowerBound,
  messageAt,
  mqsOf,
  timeAt,
  usedPartitions,
  type AccessPolicy,
  type MqsInstanceRec,
  type MqsPolicyRec,
  type MqsTopicRec,
} from '../mqs-state.ts';
import { ApiError, noContent, ok, type InstanceCtx, type RouteDef, type RouteResult } from './common.ts';

const BASE = '/v2/{project_id}/mqs/instances';
const INST = `${BASE}/{instance_id}`;

const err = {
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

const TOPIC_NAME = /^[A-Za-z][A-Za-z0-9_-]{2,199}$/;
const POLICIES: readonly AccessPolicy[] = ['all', 'pub', 'sub'];
const MESSAGE_LIMIT_MAX = 100;

function instanceOf(ctx: InstanceCtx): MqsInstanceRec {
  const rec = mqsOf(ctx.state).get(ctx.params['instance_id'] ?? '');
  if (!rec) throw err.noInstance();
  return rec;
}

function topicOf(inst: MqsInstanceRec, name: string | null | undefined): MqsTopicRec {
  const t = name ? inst.topics.get(name) : undefined;
  if (!t) throw err.topicName();
  return t;
}

function need(t: MqsTopicRec, permission: string): void {
  if (!t.permissions.includes(permission)) throw err.forbidden();
}

/** A query parameter typed String that must hold a non-negative integer. */
function intParam(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name);
  if (v === null || v === '') return undefined;
  if (!/^\d+$/.test(v)) throw err.invalid(name);
  return Number(v);
}

function bodyObject(ctx: InstanceCtx): Record<string, unknown> {
  if (ctx.body === undefined || ctx.body === null) throw err.emptyBody();
  if (typeof ctx.body !== 'object' || Array.isArray(ctx.body)) throw err.notJson();
  return ctx.body as Record<string, unknown>;
}

function optInt(b: Record<string, unknown>, key: string): number | undefined {
  const v = b[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw err.badKey(key);
  return v;
}

function optBool(b: Record<string, unknown>, key: string): boolean | undefined {
  const v = b[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw err.badKey(key);
  return v;
}

function optStr(b: Record<string, unknown>, key: string, max?: number): string | undefined {
  const v = b[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw err.badKey(key);
  if (max !== undefined && v.length > max) throw err.invalid(key);
  return v;
}

function reqStr(b: Record<string, unknown>, key: string): string {
  const v = optStr(b, key);
  if (v === undefined || v === '') throw err.invalid(key);
  return v;
}

function checkRetention(v: number | undefined): void {
  if (v !== undefined && (v < 1 || v > 720)) throw err.retention();
}

function topicWire(t: MqsTopicRec): Record<string, unknown> {
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

function policyWire(p: MqsPolicyRec): Record<string, unknown> {
  return {
    owner: p.owner,
    user_name: p.app_id,
    app_name: p.app_name,
    access_policy: p.access_policy,
    tag: p.tag,
  };
}

function messageWire(
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
function readPolicies(ctx: InstanceCtx, raw: unknown, key = 'policies'): MqsPolicyRec[] {
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

// ---- 5.1 instances ----

function listInstances(ctx: InstanceCtx): RouteResult {
  if (ctx.query.get('include_internal') !== 'true') throw err.invalid('include_internal');
  const instances = [...mqsOf(ctx.state).values()].map((r) => r.wire);
  return ok({ instances, instance_num: instances.length });
}

function getInstance(ctx: InstanceCtx): RouteResult {
  return ok(instanceOf(ctx).wire);
}

// ---- 5.2 topics ----

function listTopics(ctx: InstanceCtx): RouteResult {
  const inst = instanceOf(ctx);
  const q = ctx.query;
  const name = q.get('name') ?? '';
  const appName = q.get('app_name') ?? '';
  const access = q.get('access_policy') ?? '';
  if (access !== '' && !POLICIES.includes(access as AccessPolicy)) throw err.invalid('access_policy');
  const offset = intParam(q, 'offset') ?? 0;
  const limit = intParam(q, 'limit');
  const hit = (p: MqsPolicyRec) =>
    (appName === '' || p.app_name === appName) && (access === '' || p.access_policy === access);
  const matching = [...inst.topics.values()].filter(
    (t) =>
      (name === '' || t.name.includes(name)) &&
      (appName === '' && access === '' ? true : t.policies.some(hit)),
  );
  const pageItems = matching.slice(offset, limit === undefined ? undefined : offset + limit);
  const policies =
    appName === '' && access === '' ? [] : pageItems.flatMap((t) => t.policies.filter(hit)).map(policyWire);
  return ok({
    total: matching.length,
    size: pageItems.length,
    permissions: ['modify'],
    topics: pageItems.map(topicWire),
    policies,
    remain_partitions: inst.maxPartitions - usedPartitions(inst),
    max_partitions: inst.maxPartitions,
  });
}

interface TopicInput {
  name: string;
  partition: number;
  replication: number;
  retention_time: number;
  sync_replication: boolean;
  sync_message_flush: boolean;
  description: string;
  sensitive_word: string;
}

/** The 5.2.2 rules shared by create and import. */
function readTopicInput(b: Record<string, unknown>, inst: MqsInstanceRec): TopicInput {
  const name = optStr(b, 'name');
  if (!name || !TOPIC_NAME.test(name)) throw err.topicName();
  const partition = optInt(b, 'partition') ?? 3;
  if (partition < 1 || partition > 50) throw err.partition();
  const replication = optInt(b, 'replication') ?? 3;
  if (replication < 1 || replication > 3) throw err.replication();
  if (replication > inst.brokers) throw err.brokers();
  const retention = optInt(b, 'retention_time') ?? 72;
  checkRetention(retention);
  return {
    name,
    partition,
    replication,
    retention_time: retention,
    sync_replication: optBool(b, 'sync_replication') ?? false,
    sync_message_flush: optBool(b, 'sync_message_flush') ?? false,
    description: optStr(b, 'description', 1000) ?? '',
    sensitive_word: optStr(b, 'sensitive_word', 1000) ?? '',
  };
}

function newTopic(input: TopicInput, policies: MqsPolicyRec[], nowMs: number): MqsTopicRec {
  const owner = policies.find((p) => p.owner) ?? (policies[0] as MqsPolicyRec);
  owner.owner = true;
  return {
    ...input,
    app_id: owner.app_id,
    app_name: owner.app_name,
    permissions: ['read', 'access', 'delete', 'modify'],
    topic_type: 0,
    policies,
    stream: emptyStream(nowMs),
    appended: Array.from({ length: input.partition }, () => []),
  };
}

function createTopic(ctx: InstanceCtx): RouteResult {
  const inst = instanceOf(ctx);
  const b = bodyObject(ctx);
  const input = readTopicInput(b, inst);
  if (inst.topics.has(input.name)) throw err.topicName();
  const appId = reqStr(b, 'app_id');
  const apps = appsOf(ctx.state, ctx.params['instance_id'] ?? '');
  if (!apps.has(appId)) throw err.invalid('app_id');
  const access = reqStr(b, 'access_policy');
  if (!POLICIES.includes(access as AccessPolicy)) throw err.invalid('access_policy');
  if (input.partition > inst.maxPartitions - usedPartitions(inst)) throw err.partition();
  const policy: MqsPolicyRec = {
    app_id: appId,
    app_name: apps.get(appId) as string,
    access_policy: access as AccessPolicy,
    owner: true,
    tag: optStr(b, 'tag', 1000) ?? '',
  };
  inst.topics.set(input.name, newTopic(input, [policy], ctx.nowMs));
  return ok({ name: input.name });
}

/** 5.2.3: 204 when every topic changed, 206 when some were skipped (unknown, or no `modify` permission). */
function modifyTopics(ctx: InstanceCtx): RouteResult {
  const inst = instanceOf(ctx);
  const b = bodyObject(ctx);
  if (!Array.isArray(b.topics) || b.topics.length === 0) throw err.invalid('topics');
  const updates = b.topics.map((raw) => {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw err.badKey('topics');
    const o = raw as Record<string, unknown>;
    const name = reqStr(o, 'name');
    const retention = optInt(o, 'retention_time');
    checkRetention(retention);
    return {
      name,
      retention,
      syncRep: optBool(o, 'sync_replication'),
      syncFlush: optBool(o, 'sync_message_flush'),
      description: optStr(o, 'description', 1000),
      sensitive: optStr(o, 'sensitive_word', 1000),
    };
  });
  let done = 0;
  let skipped = 0;
  let forbidden = 0;
  for (const u of updates) {
    const t = inst.topics.get(u.name);
    if (!t) {
      skipped++;
      continue;
    }
    if (!t.permissions.includes('modify')) {
      forbidden++;
      continue;
    }
    if (u.retention !== undefined) t.retention_time = u.retention;
    if (u.syncRep !== undefined) t.sync_replication = u.syncRep;
    if (u.syncFlush !== undefined) t.sync_message_flush = u.syncFlush;
    if (u.description !== undefined) t.description = u.description;
    if (u.sensitive !== undefined) t.sensitive_word = u.sensitive;
    done++;
  }
  if (done === 0) throw forbidden > 0 && skipped === 0 ? err.forbidden() : err.topicName();
  return done === updates.length ? noContent() : { status: 206 };
}

/** 5.2.4 / 5.2.5: each topic succeeds or fails on its own (unknown, or no `delete` permission). */
function deleteTopicsNamed(inst: MqsInstanceRec, names: string[]): RouteResult {
  const topics = names.map((id) => {
    const t = inst.topics.get(id);
    const success = t !== undefined && t.permissions.includes('delete');
    if (success) inst.topics.delete(id);
    return { id, success };
  });
  return ok({ topics });
}

function deleteTopicsQuery(ctx: InstanceCtx): RouteResult {
  const inst = instanceOf(ctx);
  const names = (ctx.query.get('name') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) throw err.invalid('name');
  return deleteTopicsNamed(inst, names);
}

function deleteTopicsBody(ctx: InstanceCtx): RouteResult {
  const inst = instanceOf(ctx);
  const b = bodyObject(ctx);
  const names = b.topics;
  if (!Array.isArray(names) || names.length === 0) throw err.invalid('topics');
  if (!names.every((n) => typeof n === 'string' && n !== '')) throw err.badKey('topics');
  return deleteTopicsNamed(inst, names as string[]);
}

// ---- 5.2.6 / 5.2.7 import and export: the file is the JSON `{ "topics": [...] }` that export writes ----

function exportTopics(ctx: InstanceCtx): RouteResult {
  const inst = instanceOf(ctx);
  const wanted = (ctx.query.get('name') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const list = wanted.length === 0 ? [...inst.topics.values()] : wanted.map((n) => topicOf(inst, n));
  const topics = list.map((t) => ({
    name: t.name,
    partition: t.partition,
    replication: t.replication,
    retention_time: t.retention_time,
    sync_replication: t.sync_replication,
    sync_message_flush: t.sync_message_flush,
    description: t.description,
    sensitive_word: t.sensitive_word,
    policies: t.policies.map((p) => ({ ...p })),
  }));
  return {
    status: 200,
    body: { topics },
    headers: { 'content-disposition': 'attachment; filename="topics.json"' },
  };
}

/** The one file field of a multipart body (enough for the dashboard's upload and for curl -F). */
function multipartField(ctx: InstanceCtx, field: string): string | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(ctx.contentType ?? '');
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary || !ctx.rawBody) return undefined;
  const text = ctx.rawBody.toString('utf8');
  for (const part of text.split(`--${boundary}`)) {
    const sep = part.indexOf('\r\n\r\n');
    if (sep < 0) continue;
    const head = part.slice(0, sep);
    if (!new RegExp(`name="${field}"`, 'i').test(head)) continue;
    return part.slice(sep + 4).replace(/\r\n$/, '');
  }
  return undefined;
}

function importTopics(ctx: InstanceCtx): RouteResult {
  const inst = instanceOf(ctx);
  const mode = ctx.query.get('mode') ?? 'AddNew';
  if (mode !== 'AddNew' && mode !== 'Merge') throw err.invalid('mode');
  const prefix = ctx.query.get('prefix') ?? '';
  if (!/^multipart\/form-data/i.test(ctx.contentType ?? '')) throw err.invalid('upload_file_name');
  const file = multipartField(ctx, 'upload_file_name');
  if (file === undefined) throw err.invalid('upload_file_name');
  let parsed: unknown;
  try {
    parsed = JSON.parse(file);
  } catch {
    throw err.notJson();
  }
  const list = (parsed as { topics?: unknown } | null)?.topics;
  if (!Array.isArray(list)) throw err.badKey('topics');
  const instanceId = ctx.params['instance_id'] ?? '';
  // Everything is checked before anything changes: an import applies whole or not at all.
  const planned = list.map((raw) => {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw err.badKey('topics');
    const o = raw as Record<string, unknown>;
    const input = readTopicInput(o, inst);
    const rawPolicies = Array.isArray(o.policies) ? o.policies : [];
    const renamed = rawPolicies.map((p) => {
      const q = { ...(p as Record<string, unknown>) };
      if (prefix !== '') {
        // 5.2.6: the prefix joined to the app name makes a new app name; the topics are imported under it
        const name = `${prefix}${String(q.app_name ?? '')}`;
        const existing = [...appsOf(ctx.state, instanceId)].find(([, n]) => n === name);
        const id = existing?.[0] ?? `${prefix}${String(q.app_id ?? '')}`.slice(0, 64);
        if (!existing) inst.extraApps.set(id, name);
        q.app_id = id;
        q.app_name = name;
      }
      return q;
    });
    return { input, policies: readPolicies(ctx, renamed) };
  });
  if (mode === 'AddNew' && planned.some((p) => inst.topics.has(p.input.name))) throw err.topicName();
  const added = planned
    .filter((p) => !inst.topics.has(p.input.name))
    .reduce((n, p) => n + p.input.partition, 0);
  if (added > inst.maxPartitions - usedPartitions(inst)) throw err.partition();
  for (const { input, policies } of planned) {
    const t = inst.topics.get(input.name);
    if (!t) {
      inst.topics.set(input.name, newTopic(input, policies, ctx.nowMs));
      continue;
    }
    // Merge: settings from the file, policies added or replaced per app; the partition count stays
    t.retention_time = input.retention_time;
    t.sync_replication = input.sync_replication;
    t.sync_message_flush = input.sync_message_flush;
    t.description = input.description;
    t.sensitive_word = input.sensitive_word;
    for (const p of policies) {
      const i = t.policies.findIndex((x) => x.app_id === p.app_id);
      const keep = { ...p, owner: i >= 0 ? (t.policies[i] as MqsPolicyRec).owner : false };
      if (i >= 0) t.policies[i] = keep;
      else t.policies.push(keep);
    }
  }
  return noContent();
}

// ---- 5.3 access policies ----

/** 5.3.1 replaces each topic's policy list; the owner app's policy must stay in it. */
function updateAccess(ctx: InstanceCtx): RouteResult {
  const inst = instanceOf(ctx);
  const b = bodyObject(ctx);
  if (!Array.isArray(b.topics) || b.topics.length === 0) throw err.invalid('topics');
  const planned = b.topics.map((raw) => {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw err.badKey('topics');
    const o = raw as Record<string, unknown>;
    const t = topicOf(inst, reqStr(o, 'name'));
    need(t, 'access');
    const policies = readPolicies(ctx, o.policies);
    const owner = policies.find((p) => p.app_id === t.app_id);
    if (!owner) throw err.invalid('policies');
    for (const p of policies) p.owner = p.app_id === t.app_id;
    return {
      t,
      policies,
      description: optStr(o, 'description', 1000),
      sensitive: optStr(o, 'sensitive_word', 1000),
    };
  });
  for (const p of planned) {
    p.t.policies = p.policies;
    if (p.description !== undefined) p.t.description = p.description;
    if (p.sensitive !== undefined) p.t.sensitive_word = p.sensitive;
  }
  return noContent();
}

function queryAccess(ctx: InstanceCtx): RouteResult {
  const inst = instanceOf(ctx);
  const t = topicOf(inst, ctx.params['topic_name']);
  const offset = intParam(ctx.query, 'offset') ?? 0;
  const limit = intParam(ctx.query, 'limit');
  const page = t.policies.slice(offset, limit === undefined ? undefined : offset + limit);
  return ok({
    name: t.name,
    policies: page.map(policyWire),
    total: t.policies.length,
    size: page.length,
    operation: t.name,
  });
}

// ---- 5.4 messages ----

function timeParam(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name);
  if (v === null || v === '') return undefined;
  if (!/^\d{1,15}$/.test(v)) throw err.invalid(name);
  return Number(v);
}

/**
 * 5.4.1. With start_time and end_time: the messages of every partition whose time is in [start, end],
 * newest first unless asc=true, paged by offset/limit (default 10, at most 100); huge messages come without
 * their value. Otherwise partition + message_offset: that one message with its whole value.
 */
function queryMessages(ctx: InstanceCtx): RouteResult {
  const inst = instanceOf(ctx);
  const q = ctx.query;
  const topicName = q.get('topic');
  if (!topicName) throw err.invalid('topic');
  const t = topicOf(inst, topicName);
  need(t, 'read');
  const start = timeParam(q, 'start_time');
  const end = timeParam(q, 'end_time');
  const asc = q.get('asc');
  if (asc !== null && asc !== '' && asc !== 'true' && asc !== 'false') throw err.invalid('asc');
  const limit = intParam(q, 'limit') ?? 10;
  if (limit < 1 || limit > MESSAGE_LIMIT_MAX) throw err.invalid('limit');
  const offset = intParam(q, 'offset') ?? 0;

  if (start !== undefined || end !== undefined) {
    if (start === undefined) throw err.invalid('start_time');
    if (end === undefined || end < start) throw err.invalid('end_time');
    const ranges = Array.from({ length: t.partition }, (_, p) => ({
      p,
      lo: Math.max(firstRetained(t, p, ctx.nowMs), lowerBound(t, p, start)),
      hi: lowerBound(t, p, end + 1),
    }));
    const total = ranges.reduce((n, r) => n + Math.max(0, r.hi - r.lo), 0);
    // k-way merge over the partitions, from the old end (asc) or the new end (default)
    const ascending = asc === 'true';
    const cursor = ranges.map((r) => (ascending ? r.lo : r.hi - 1));
    const out: Array<Record<string, unknown>> = [];
    for (let taken = 0; taken < offset + limit; taken++) {
      let best = -1;
      let bestTime = 0;
      ranges.forEach((r, i) => {
        const c = cursor[i] as number;
        if (c < r.lo || c >= r.hi) return;
        const tm = timeAt(t, r.p, c);
        if (best < 0 || (ascending ? tm < bestTime : tm > bestTime)) {
          best = i;
          bestTime = tm;
        }
      });
      if (best < 0) break;
      const c = cursor[best] as number;
      if (taken >= offset) out.push(messageWire(t, best, c, true));
      cursor[best] = ascending ? c + 1 : c - 1;
    }
    return ok({ messages: out, total, size: out.length });
  }

  const partition = intParam(q, 'partition');
  const msgOffset = intParam(q, 'message_offset');
  if (partition === undefined) throw err.invalid('partition');
  if (msgOffset === undefined) throw err.invalid('message_offset');
  if (partition >= t.partition) throw err.partition();
  const gone = msgOffset < firstRetained(t, partition, ctx.nowMs) || msgOffset >= endOffset(t, partition);
  if (gone) return ok({ messages: [], total: 0, size: 0 });
  const m = messageWire(t, partition, msgOffset, true);
  const full = messageAt(t, partition, msgOffset);
  return ok({ messages: [{ ...m, value: full?.value ?? '' }], total: 1, size: 1 });
}

/** 5.4.2: appends a copy of the message to its partition; its producing app must still be allowed to publish. */
function resendMessage(ctx: InstanceCtx): RouteResult {
  const inst = instanceOf(ctx);
  if (ctx.query.get('action_id') !== 'resend') throw err.invalid('action_id');
  const b = bodyObject(ctx);
  const t = topicOf(inst, reqStr(b, 'topic'));
  need(t, 'read');
  const partition = b.partition;
  if (typeof partition !== 'number' || !Number.isInteger(partition)) throw err.badKey('partition');
  const offset = b.message_offset;
  if (typeof offset !== 'number' || !Number.isInteger(offset)) throw err.badKey('message_offset');
  if (partition < 0 || partition >= t.partition) throw err.partition();
  if (offset < firstRetained(t, partition, ctx.nowMs) || offset >= endOffset(t, partition))
    throw err.invalid('message_offset');
  const m = messageAt(t, partition, offset);
  // a message produced through an integration app is resent as that app, which must still hold pub/all;
  // one produced outside any app (empty app_id) is resent by the tenant
  if (!m || (m.app_id !== '' && !canPublish(t, m.app_id))) throw err.forbidden();
  appendResend(inst, t, partition, offset, ctx.nowMs);
  return ok({ topic: t.name, partition, message_offset: offset });
}

function root(method: string, path: string, handler: RouteDef['handler']): RouteDef {
  return { method, path, scope: 'root', handler };
}

const SERVED: RouteDef[] = [
  root('GET', BASE, listInstances),
  root('GET', INST, getInstance),
  root('GET', `${INST}/topics`, listTopics),
  root('POST', `${INST}/topics`, createTopic),
  root('PUT', `${INST}/topics`, modifyTopics),
  root('DELETE', `${INST}/topics`, deleteTopicsQuery),
  root('POST', `${INST}/topics/delete`, deleteTopicsBody),
  root('POST', `${INST}/topics/import`, importTopics),
  root('GET', `${INST}/topics/export`, exportTopics),
  root('POST', `${INST}/topics/accesspolicy`, updateAccess),
  root('GET', `${INST}/topics/{topic_name}/accesspolicy`, queryAccess),
  root('GET', `${INST}/messages`, queryMessages),
  root('POST', `${INST}/messages/action`, resendMessage),
];

/** The reference's misprinted prefixes are not served: they answer the 7.4.3 "URL does not exist". */
const MISPRINTS: RouteDef[] = ['mq5', 'mqc'].flatMap((prefix) =>
  SERVED.map((r) =>
    root(r.method, r.path.replace('/mqs/', `/${prefix}/`), () => {
      throw new ApiError(404, 'MQS.00404001', 'The requested URL does not exist.');
    }),
  ),
);

export const mqsRoutes: RouteDef[] = [...SERVED, ...MISPRINTS];
