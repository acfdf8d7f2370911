// Field-type schemas and normalisers for the MQS answers (MQS-LINK.md section 5). Tolerant as a client:
// the examples' spellings are folded onto the table names, and Object-vs-array quirks are evened out.
import type { ObjectSchema } from '../validate.ts';

const s = 'string' as const;
const n = 'number' as const;
const b = 'boolean' as const;
const ss = 'strings' as const;

type Obj = Record<string, unknown>;

export const listener: ObjectSchema = { fields: { name: s, port: n, backend: 'any' } };

export const instance: ObjectSchema = {
  required: ['instance_id'],
  fields: {
    instance_id: s,
    name: s,
    description: s,
    engine: s,
    engine_version: s,
    specification: s,
    storage_space: n,
    total_storage_space: n,
    used_storage_space: n,
    partition_num: n,
    connect_address: s,
    port: n,
    status: s,
    resource_spec_code: s,
    created_at: s,
    maintain_begin: s,
    maintain_end: s,
    ssl_enable: b,
    enable_publicip: b,
    publicip_address: s,
    public_connect_address: s,
    kafka_private_connect_address: s,
    rest_enable: b,
    rest_connect_address: s,
    mqs_connector_enable: b,
    mqs_connector_address: s,
    message_query_inst_enable: b,
    access_user: s,
    node_num: n,
    support_features: s,
    listeners: [listener],
  },
};

export const topic: ObjectSchema = {
  required: ['name'],
  fields: {
    name: s,
    partition: n,
    replication: n,
    retention_time: n,
    sync_message_flush: b,
    sync_replication: b,
    app_id: s,
    app_name: s,
    permissions: ss,
    external_configs: 'any',
    description: s,
    sensitive_word: s,
    topic_type: n,
    policiesOnly: b,
  },
};

export const policy: ObjectSchema = {
  fields: { owner: b, user_name: s, app_name: s, access_policy: s, tag: s },
};

export const message: ObjectSchema = {
  required: ['topic', 'partition', 'message_offset'],
  fields: {
    topic: s,
    partition: n,
    message_offset: n,
    key: s,
    value: s,
    size: n,
    timestamp: n,
    huge_message: b,
    message_id: s,
    app_id: s,
    tag: s,
  },
};

export const deleteResult: ObjectSchema = { required: ['id'], fields: { id: s, success: b } };

export const resend: ObjectSchema = { fields: { topic: s, partition: n, message_offset: n } };

/** The examples print `mqs_` as `mq5_`/`mqc_` and shorten `message_query_instance_enable` (C1, 5.1.2). */
const ALIASES: ReadonlyArray<readonly [string, string]> = [
  ['mq5_connector_enable', 'mqs_connector_enable'],
  ['mqc_connector_enable', 'mqs_connector_enable'],
  ['mq5_connector_address', 'mqs_connector_address'],
  ['mqc_connector_address', 'mqs_connector_address'],
  ['message_query_instance_enable', 'message_query_inst_enable'],
  ['public_boundwidth', 'public_bound_width'],
];

export function normalizeInstance(o: Obj): Obj {
  for (const [from, to] of ALIASES) {
    if (o[to] === undefined && o[from] !== undefined) o[to] = o[from];
  }
  // `listeners` is typed Object but the example is an array: one object becomes a list of one.
  if (o.listeners && typeof o.listeners === 'object' && !Array.isArray(o.listeners))
    o.listeners = [o.listeners];
  return o;
}

/** `policies` is an array in the table and one object in the 5.2.1 example. */
export function policiesOf(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (v && typeof v === 'object') return [v];
  return [];
}

/** Timestamps are integers in the table; a string of digits (as `created_at` elsewhere) is read the same. */
export function normalizeMessage(o: Obj): Obj {
  if (typeof o.timestamp === 'string' && /^\d+$/.test(o.timestamp)) o.timestamp = Number(o.timestamp);
  return o;
}

export const identity = (o: Obj): Obj => o;
