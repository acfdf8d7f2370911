// Form spec of MQS topics: create (5.2.2) and modify (5.2.3). Field rules from MQS-LINK.md 5.2.2/5.2.3;
// partition, replicas, owner app, permission and tags cannot change after creation (5.2.3 has no such
// fields), so they are shown fixed when editing and only the modifiable ones are sent.
import { RomaError } from '../../src/api/errors.ts';
import type { MqsAccessPolicy, MqsCreateTopic, MqsTopic, MqsUpdateTopic } from '../../src/api/types/mqs.ts';
import { optInt, textOf } from '../../src/forms/engine.ts';
import type { FormSpec, FormValues } from '../../src/forms/types.ts';

/** 5.2.2: starts with a letter; letters, digits, _ and -; 3–200 characters (the emulator's rule too). */
export const TOPIC_NAME = /^[A-Za-z][A-Za-z0-9_-]{2,199}$/;

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/**
 * The MQS envelope carries no `parameterName:` (7.4.3): the topic codes name their field by the code,
 * `MQS.00400800` says "Invalid <key> in the request." and `MQS.00400085` "…The error key is <key>.".
 */
export function topicFieldOfError(code: string | undefined, msg: string | undefined): string | null {
  switch (code) {
    case 'MQS.00400101':
      return 'name';
    case 'MQS.00400102':
      return 'partition';
    case 'MQS.00400103':
    case 'MQS.00400861':
      return 'replication';
    case 'MQS.00400105':
      return 'retention_time';
  }
  const m = /Invalid (\w+) in the request|error key is (\w+)/i.exec(msg ?? '');
  return m ? (m[1] ?? m[2] ?? null) : null;
}

function updateBody(v: FormValues): MqsUpdateTopic {
  const retention = optInt(v, 'retention_time');
  return {
    name: textOf(v['name']).trim(),
    ...(retention !== undefined ? { retention_time: retention } : {}),
    sync_replication: v['sync_replication'] === true,
    sync_message_flush: v['sync_message_flush'] === true,
    description: textOf(v['description']),
    sensitive_word: textOf(v['sensitive_word']),
  };
}

function createBody(v: FormValues): MqsCreateTopic {
  const n = (key: string) => optInt(v, key);
  const tag = textOf(v['tag']).trim();
  return {
    name: textOf(v['name']).trim(),
    app_id: textOf(v['app_id']).trim(),
    access_policy: textOf(v['access_policy']) as MqsAccessPolicy,
    ...(n('partition') !== undefined ? { partition: n('partition') } : {}),
    ...(n('replication') !== undefined ? { replication: n('replication') } : {}),
    ...(n('retention_time') !== undefined ? { retention_time: n('retention_time') } : {}),
    sync_replication: v['sync_replication'] === true,
    sync_message_flush: v['sync_message_flush'] === true,
    ...(tag !== '' ? { tag } : {}),
    description: textOf(v['description']),
    sensitive_word: textOf(v['sensitive_word']),
  };
}

export const topicForm: FormSpec<MqsTopic> = {
  noun: 'topic',
  fields: [
    {
      kind: 'text',
      key: 'name',
      label: 'name',
      required: true,
      fixedOnEdit: true,
      pattern: TOPIC_NAME,
      patternHint: 'letters, digits, _ -; starts with a letter; 3-200',
    },
    {
      kind: 'text',
      key: 'app_id',
      label: 'owner app id',
      required: true,
      fixedOnEdit: true,
      maxLength: 64,
      help: 'integration app key (see :apps)',
    },
    {
      kind: 'choice',
      key: 'access_policy',
      label: 'permission',
      required: true,
      fixedOnEdit: true,
      choices: [
        { value: 'all', label: 'publish + subscribe (all)' },
        { value: 'pub', label: 'publish (pub)' },
        { value: 'sub', label: 'subscribe (sub)' },
      ],
    },
    { kind: 'integer', key: 'partition', label: 'partitions', fixedOnEdit: true, min: 1, max: 50 },
    { kind: 'integer', key: 'replication', label: 'replicas', fixedOnEdit: true, min: 1, max: 3 },
    { kind: 'integer', key: 'retention_time', label: 'retention', min: 1, max: 720, unit: 'h' },
    { kind: 'boolean', key: 'sync_replication', label: 'sync replication' },
    { kind: 'boolean', key: 'sync_message_flush', label: 'sync flush' },
    {
      kind: 'text',
      key: 'tag',
      label: 'tags',
      fixedOnEdit: true,
      maxLength: 1000,
      help: 'a || b; with permission all: publish tags & subscribe tags',
    },
    { kind: 'text', key: 'description', label: 'description', maxLength: 1000 },
    { kind: 'text', key: 'sensitive_word', label: 'sensitive words', maxLength: 1000, help: 'a || b' },
  ],
  blank: () => ({
    access_policy: 'all',
    partition: '3',
    replication: '3',
    retention_time: '72',
    sync_replication: false,
    sync_message_flush: false,
  }),
  /** The owner app's permission and tags live in the access policy (5.3.2), not in the topic row. */
  async load({ client }, t) {
    const access = await (await client.mqs()).topics.access(t.name, { limit: 100 });
    const owner =
      access.policies.find((p) => p.owner) ?? access.policies.find((p) => p.user_name === t.app_id);
    return { ...t, owner_access: str(owner?.access_policy), owner_tag: str(owner?.tag) };
  },
  fromItem: (t) => ({
    name: t.name,
    app_id: str(t.app_id),
    access_policy: str(t['owner_access']) || 'all',
    partition: str(t.partition),
    replication: str(t.replication),
    retention_time: str(t.retention_time),
    sync_replication: t.sync_replication === true,
    sync_message_flush: t.sync_message_flush === true,
    tag: str(t['owner_tag']),
    description: str(t.description),
    sensitive_word: str(t.sensitive_word),
  }),
  body: (v, mode) => (mode === 'edit' ? updateBody(v) : createBody(v)),
  async create({ client }, body) {
    const r = await (await client.mqs()).topics.create(body as MqsCreateTopic);
    return { id: r.name, name: r.name };
  },
  async update({ client }, item, body) {
    const { partial } = await (await client.mqs()).topics.update([body as MqsUpdateTopic]);
    // 206 on a one-topic request: the service skipped it (5.2.3 does not say why); not a success.
    if (partial) {
      throw new RomaError({
        kind: 'http',
        method: 'PUT',
        path: 'topics',
        status: 206,
        errorMsg: `topic ${item.name} was not modified (206 Partial Content)`,
        hint: 'Reload :topics and check the topic still exists and you may modify it (PERM m).',
      });
    }
    return { id: item.name, name: item.name };
  },
  fieldOfError: topicFieldOfError,
  nameOf: (v) => textOf(v['name']),
  idOf: (t) => t.name,
};
