// The typed client of message integration (MQS, MQS-LINK.md section 5): 13 calls under
// `/v2/{project_id}/mqs/instances/{instance_id}`. The reference prints the prefix as mqs, mq5 and mqc
// (C1); the client always sends `mqs` (ARCHITECTURE.md, "MQS").
import { getObject, pageFrom, seg, type Scope } from '../resource.ts';
import type { RequestSpec } from '../transport.ts';
import type { CallOptions, QueryParams } from '../types/common.ts';
import type {
  MqsCreateTopic,
  MqsDeleteResult,
  MqsImportOptions,
  MqsInstance,
  MqsInstanceList,
  MqsMessage,
  MqsMessagePage,
  MqsMessageQuery,
  MqsPolicy,
  MqsResend,
  MqsTopic,
  MqsTopicAccess,
  MqsTopicPage,
  MqsTopicPolicies,
  MqsTopicQuery,
  MqsUpdateTopic,
} from '../types/mqs.ts';
import { atBoundary, validateObject, validateRecord } from '../validate.ts';
import * as S from './schemas.ts';

/** The path segment of the service; `mq5`/`mqc` in the reference are conversion artefacts (C1). */
export const MQS_PREFIX = 'mqs';

export interface MqsTopicsClient {
  /** 5.2.1 (without `limit` the service returns every topic). */
  list(query?: MqsTopicQuery, opts?: CallOptions): Promise<MqsTopicPage>;
  /** 5.2.2 → the created topic's name. */
  create(req: MqsCreateTopic, opts?: CallOptions): Promise<{ name: string }>;
  /** 5.2.3: 204, or 206 when only some topics were modified (`partial`). */
  update(topics: MqsUpdateTopic[], opts?: CallOptions): Promise<{ partial: boolean }>;
  /** 5.2.4 `DELETE /topics?name=a,b`: per-topic results. */
  remove(names: string[], opts?: CallOptions): Promise<MqsDeleteResult[]>;
  /** 5.2.5 `POST /topics/delete`: per-topic results. */
  removeMany(names: string[], opts?: CallOptions): Promise<MqsDeleteResult[]>;
  /** 5.2.6: uploads the text of an export file as form field `upload_file_name`. */
  importFile(fileText: string, fileName: string, opts?: MqsImportOptions & CallOptions): Promise<void>;
  /** 5.2.7: the text of the export file (all topics, or the named ones). */
  exportFile(names?: string[], opts?: CallOptions): Promise<string>;
  /** 5.3.2 */
  access(
    topic: string,
    query?: { offset?: number; limit?: number },
    opts?: CallOptions,
  ): Promise<MqsTopicAccess>;
  /** 5.3.1: replaces the policy lists of the given topics. */
  setAccess(topics: MqsTopicPolicies[], opts?: CallOptions): Promise<void>;
}

export interface MqsMessagesClient {
  /** 5.4.1: a time window (start_time + end_time) or one message (partition + message_offset). */
  query(query: MqsMessageQuery, opts?: CallOptions): Promise<MqsMessagePage>;
  /** 5.4.2 `?action_id=resend`: the answer echoes the message that was resent. */
  resend(m: MqsResend, opts?: CallOptions): Promise<MqsResend>;
}

export interface MqsClient {
  readonly instanceId: string;
  /** 5.1.2 */
  detail(opts?: CallOptions): Promise<MqsInstance>;
  topics: MqsTopicsClient;
  messages: MqsMessagesClient;
}

export interface MqsProjectClient {
  /** 5.1.1 (`include_internal=true` is required by the service). */
  instances(opts?: CallOptions): Promise<MqsInstanceList>;
  instance(instanceId: string): MqsClient;
}

type Obj = Record<string, unknown>;

async function call(
  scope: Scope,
  spec: Omit<RequestSpec, 'path'> & { path: string },
): Promise<{ body: unknown; status: number; requestId?: string; fullPath: string }> {
  const fullPath = scope.base + spec.path;
  const res = await scope.t.request({ ...spec, path: fullPath });
  const requestId = res.headers.get('x-request-id') ?? undefined;
  return { body: res.body, status: res.status, fullPath, ...(requestId ? { requestId } : {}) };
}

function records<T>(
  raw: unknown,
  at: string,
  schema: typeof S.topic,
  warnings: string[],
  norm = S.identity,
): T[] {
  const out: T[] = [];
  if (!Array.isArray(raw)) return out;
  raw.forEach((it, i) => {
    const pre = it && typeof it === 'object' && !Array.isArray(it) ? norm({ ...(it as Obj) }) : it;
    const r = validateRecord(pre, schema, `${at}[${i}]`);
    warnings.push(...r.warnings);
    if (r.record) out.push(r.record as T);
  });
  return out;
}

function deleteResults(body: unknown, method: string, path: string, requestId?: string): MqsDeleteResult[] {
  return atBoundary(method, path, requestId, () => {
    const o = validateObject(body ?? {}, { fields: { topics: [S.deleteResult] } }, '$');
    return ((o.topics as MqsDeleteResult[] | undefined) ?? []).map((t) => ({
      id: t.id,
      success: t.success === true,
    }));
  });
}

const BOUNDARY = 'roma-dash-mqs-import';

/** One-field multipart body; the export file is JSON text, so no binary escaping is needed. */
export function multipartFile(
  field: string,
  fileName: string,
  text: string,
): { contentType: string; data: string } {
  const safeName = fileName.replace(/["\r\n\\]/g, '_');
  return {
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    data:
      `--${BOUNDARY}\r\n` +
      `Content-Disposition: form-data; name="${field}"; filename="${safeName}"\r\n` +
      `Content-Type: application/json\r\n\r\n` +
      `${text}\r\n--${BOUNDARY}--\r\n`,
  };
}

export function mqsClient(projectScope: Scope, instanceId: string): MqsClient {
  const scope: Scope = {
    t: projectScope.t,
    base: `${projectScope.base}/${MQS_PREFIX}/instances/${seg(instanceId)}`,
  };

  const topics: MqsTopicsClient = {
    async list(query, opts) {
      const q = { ...query } as QueryParams;
      const r = await call(scope, {
        method: 'GET',
        path: '/topics',
        query: q,
        ...(opts?.signal ? { signal: opts.signal } : {}),
      });
      return atBoundary('GET', r.fullPath, r.requestId, () => {
        const page = pageFrom<MqsTopic>(r.body, 'topics', S.topic, S.identity, q);
        const env = r.body as Obj;
        const warnings = [...(page.warnings ?? [])];
        const policies = records<MqsPolicy>(S.policiesOf(env.policies), '$.policies', S.policy, warnings);
        const num = (v: unknown) =>
          typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
        const remain = num(env.remain_partitions);
        const max = num(env.max_partitions);
        return {
          total: page.total,
          size: page.size,
          permissions: Array.isArray(env.permissions)
            ? env.permissions.filter((p): p is string => typeof p === 'string')
            : [],
          topics: page.items,
          policies,
          ...(remain !== undefined ? { remain_partitions: remain } : {}),
          ...(max !== undefined ? { max_partitions: max } : {}),
          ...(warnings.length > 0 ? { warnings } : {}),
        };
      });
    },
    async create(req, opts) {
      const r = await call(scope, {
        method: 'POST',
        path: '/topics',
        body: req,
        ...(opts?.signal ? { signal: opts.signal } : {}),
      });
      return atBoundary('POST', r.fullPath, r.requestId, () => {
        const o = validateObject(r.body ?? {}, { fields: { name: 'string' } }, '$');
        return { name: typeof o.name === 'string' ? o.name : req.name };
      });
    },
    async update(list, opts) {
      const r = await call(scope, {
        method: 'PUT',
        path: '/topics',
        body: { topics: list },
        ...(opts?.signal ? { signal: opts.signal } : {}),
      });
      return { partial: r.status === 206 };
    },
    async remove(names, opts) {
      const r = await call(scope, {
        method: 'DELETE',
        path: '/topics',
        query: { name: names.join(',') },
        ...(opts?.signal ? { signal: opts.signal } : {}),
      });
      return deleteResults(r.body, 'DELETE', r.fullPath, r.requestId);
    },
    async removeMany(names, opts) {
      const r = await call(scope, {
        method: 'POST',
        path: '/topics/delete',
        body: { topics: names },
        ...(opts?.signal ? { signal: opts.signal } : {}),
      });
      return deleteResults(r.body, 'POST', r.fullPath, r.requestId);
    },
    async importFile(fileText, fileName, opts) {
      const query: QueryParams = { mode: opts?.mode, prefix: opts?.prefix };
      await call(scope, {
        method: 'POST',
        path: '/topics/import',
        query,
        rawBody: multipartFile('upload_file_name', fileName, fileText),
        ...(opts?.signal ? { signal: opts.signal } : {}),
      });
    },
    async exportFile(names, opts) {
      const r = await call(scope, {
        method: 'GET',
        path: '/topics/export',
        query: names && names.length > 0 ? { name: names.join(',') } : {},
        accept: 'text',
        ...(opts?.signal ? { signal: opts.signal } : {}),
      });
      return typeof r.body === 'string' ? r.body : JSON.stringify(r.body ?? '');
    },
    async access(topicName, query, opts) {
      const r = await call(scope, {
        method: 'GET',
        path: `/topics/${seg(topicName)}/accesspolicy`,
        query: { ...query },
        ...(opts?.signal ? { signal: opts.signal } : {}),
      });
      return atBoundary('GET', r.fullPath, r.requestId, () => {
        const o = validateObject(
          r.body,
          { fields: { name: 'string', total: 'number', size: 'number', operation: 'string' } },
          '$',
        );
        const warnings: string[] = [];
        const policies = records<MqsPolicy>(S.policiesOf(o.policies), '$.policies', S.policy, warnings);
        if (warnings.length > 0) opts?.onWarnings?.(warnings);
        return {
          name: typeof o.name === 'string' ? o.name : topicName,
          policies,
          total: typeof o.total === 'number' ? o.total : policies.length,
          size: typeof o.size === 'number' ? o.size : policies.length,
          ...(typeof o.operation === 'string' ? { operation: o.operation } : {}),
        };
      });
    },
    async setAccess(list, opts) {
      await call(scope, {
        method: 'POST',
        path: '/topics/accesspolicy',
        body: { topics: list },
        ...(opts?.signal ? { signal: opts.signal } : {}),
      });
    },
  };

  const messages: MqsMessagesClient = {
    async query(query, opts) {
      const q = { ...query } as QueryParams;
      const r = await call(scope, {
        method: 'GET',
        path: '/messages',
        query: q,
        ...(opts?.signal ? { signal: opts.signal } : {}),
      });
      return atBoundary('GET', r.fullPath, r.requestId, () => {
        const page = pageFrom<MqsMessage>(r.body, 'messages', S.message, S.normalizeMessage, {
          offset: query.offset,
        });
        return {
          messages: page.items,
          total: page.total,
          size: page.size,
          ...(page.warnings ? { warnings: page.warnings } : {}),
        };
      });
    },
    async resend(m, opts) {
      const r = await call(scope, {
        method: 'POST',
        path: '/messages/action',
        query: { action_id: 'resend' },
        body: m,
        ...(opts?.signal ? { signal: opts.signal } : {}),
      });
      return atBoundary('POST', r.fullPath, r.requestId, () => {
        if (r.body === undefined) return m;
        const o = validateObject(r.body, S.resend, '$');
        return {
          topic: typeof o.topic === 'string' ? o.topic : m.topic,
          partition: typeof o.partition === 'number' ? o.partition : m.partition,
          message_offset: typeof o.message_offset === 'number' ? o.message_offset : m.message_offset,
        };
      });
    },
  };

  return {
    instanceId,
    detail: (opts) =>
      getObject<MqsInstance>(scope, { path: '', schema: S.instance, norm: S.normalizeInstance, ...opts }),
    topics,
    messages,
  };
}

export function mqsProjectClient(projectScope: Scope): MqsProjectClient {
  const cache = new Map<string, MqsClient>();
  return {
    async instances(opts) {
      const r = await call(projectScope, {
        method: 'GET',
        path: `/${MQS_PREFIX}/instances`,
        query: { include_internal: 'true' },
        ...(opts?.signal ? { signal: opts.signal } : {}),
      });
      return atBoundary('GET', r.fullPath, r.requestId, () => {
        const o = validateObject(r.body, { fields: { instance_num: 'number' } }, '$');
        const warnings: string[] = [];
        const list = records<MqsInstance>(
          o.instances,
          '$.instances',
          S.instance,
          warnings,
          S.normalizeInstance,
        );
        if (warnings.length > 0) opts?.onWarnings?.(warnings);
        return {
          instances: list,
          instance_num: typeof o.instance_num === 'number' ? o.instance_num : list.length,
        };
      });
    },
    instance(instanceId) {
      let c = cache.get(instanceId);
      if (!c) cache.set(instanceId, (c = mqsClient(projectScope, instanceId)));
      return c;
    },
  };
}

export { isMqsNotEnabled } from './not-enabled.ts';
// The family's 7.4.3 table travels with its code (src/api/families.ts registers it on load).
export { MQS_ERROR_HINTS } from './error-codes.ts';
