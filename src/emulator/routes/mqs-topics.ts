// MQS instances (5.1), topics (5.2) and access policies (5.3) of the emulator.
import {
  appsOf,
  emptyStream,
  mqsOf,
  usedPartitions,
  type AccessPolicy,
  type MqsInstanceRec,
  type MqsPolicyRec,
  type MqsTopicRec,
} from '../mqs-state.ts';
import { noContent, ok, type InstanceCtx, type RouteResult } from './common.ts';
import {
  err,
  TOPIC_NAME,
  POLICIES,
  instanceOf,
  topicOf,
  need,
  intParam,
  bodyObject,
  optInt,
  optBool,
  optStr,
  reqStr,
  checkRetention,
  topicWire,
  policyWire,
  readPolicies,
} from './mqs-common.ts';

// ---- 5.1 instances ----

export function listInstances(ctx: InstanceCtx): RouteResult {
  if (ctx.query.get('include_internal') !== 'true') throw err.invalid('include_internal');
  const instances = [...mqsOf(ctx.state).values()].map((r) => r.wire);
  return ok({ instances, instance_num: instances.length });
}

export function getInstance(ctx: InstanceCtx): RouteResult {
  return ok(instanceOf(ctx).wire);
}

// ---- 5.2 topics ----

export function listTopics(ctx: InstanceCtx): RouteResult {
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

export function createTopic(ctx: InstanceCtx): RouteResult {
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
export function modifyTopics(ctx: InstanceCtx): RouteResult {
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

export function deleteTopicsQuery(ctx: InstanceCtx): RouteResult {
  const inst = instanceOf(ctx);
  const names = (ctx.query.get('name') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) throw err.invalid('name');
  return deleteTopicsNamed(inst, names);
}

export function deleteTopicsBody(ctx: InstanceCtx): RouteResult {
  const inst = instanceOf(ctx);
  const b = bodyObject(ctx);
  const names = b.topics;
  if (!Array.isArray(names) || names.length === 0) throw err.invalid('topics');
  if (!names.every((n) => typeof n === 'string' && n !== '')) throw err.badKey('topics');
  return deleteTopicsNamed(inst, names as string[]);
}

// ---- 5.2.6 / 5.2.7 import and export: the file is the JSON `{ "topics": [...] }` that export writes ----

export function exportTopics(ctx: InstanceCtx): RouteResult {
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
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(ctx.headers?.['content-type'] ?? '');
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

export function importTopics(ctx: InstanceCtx): RouteResult {
  const inst = instanceOf(ctx);
  const mode = ctx.query.get('mode') ?? 'AddNew';
  if (mode !== 'AddNew' && mode !== 'Merge') throw err.invalid('mode');
  const prefix = ctx.query.get('prefix') ?? '';
  if (!/^multipart\/form-data/i.test(ctx.headers?.['content-type'] ?? ''))
    throw err.invalid('upload_file_name');
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
export function updateAccess(ctx: InstanceCtx): RouteResult {
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

export function queryAccess(ctx: InstanceCtx): RouteResult {
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
