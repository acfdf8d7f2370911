// Form specs of groups (4.2.1/4.2.2, name check 4.2.6 as you type), environments (4.4.1/4.4.2) and
// environment variables (4.5.1/4.5.5). Field rules from APIC-CORE.md / APIC-MORE.md.
import type { EnvVariable, Environment } from '../../src/api/types/envs.ts';
import type { ApiGroup } from '../../src/api/types/groups.ts';
import type { EnvVariableCreate, GroupCreate } from '../../src/api/types/writes.ts';
import { textOf } from '../../src/forms/engine.ts';
import type { FormSpec } from '../../src/forms/types.ts';

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

export const GROUP_NAME = /^[\u4e00-\u9fa5A-Za-z0-9][\u4e00-\u9fa5A-Za-z0-9\-_./()（）:：、]{2,254}$/;

export const groupForm: FormSpec<ApiGroup> = {
  noun: 'API group',
  fields: [
    {
      kind: 'text',
      key: 'name',
      label: 'name',
      required: true,
      pattern: GROUP_NAME,
      patternHint: 'letters, digits, Chinese, - _ . / ( ) : 、; starts with a letter or digit; 3-255',
    },
    { kind: 'text', key: 'remark', label: 'remark', maxLength: 1000 },
  ],
  blank: () => ({}),
  fromItem: (g) => ({ name: g.name, remark: str(g.remark) }),
  body: (v): GroupCreate => ({ name: textOf(v['name']).trim(), remark: textOf(v['remark']) }),
  async create({ client }, body) {
    const g = await client.groups.create(body as GroupCreate);
    return { id: g.id, name: g.name };
  },
  async update({ client }, item, body) {
    const g = await client.groups.update(item.id, body as GroupCreate);
    return { id: g.id, name: g.name };
  },
  nameOf: (v) => textOf(v['name']),
  idOf: (g) => g.id,
  nameCheck: {
    field: 'name',
    async check({ client }, value) {
      const free = await client.groups.isNameAvailable({ group_name: value });
      return free ? null : 'APIG.3201: the API group name already exists';
    },
  },
};

export const ENV_NAME = /^[A-Za-z][A-Za-z0-9_]{2,63}$/;

export const envForm: FormSpec<Environment> = {
  noun: 'environment',
  fields: [
    {
      kind: 'text',
      key: 'name',
      label: 'name',
      required: true,
      pattern: ENV_NAME,
      patternHint: 'letters, digits, _; starts with a letter; 3-64',
    },
    { kind: 'text', key: 'remark', label: 'remark', maxLength: 255 },
  ],
  blank: () => ({}),
  fromItem: (e) => ({ name: e.name, remark: str(e.remark) }),
  body: (v) => ({ name: textOf(v['name']).trim(), remark: textOf(v['remark']) }),
  async create({ client }, body) {
    const e = await client.envs.create(body as { name: string });
    return { id: e.id, name: e.name };
  },
  async update({ client }, item, body) {
    const e = await client.envs.update(item.id, body as { name: string });
    return { id: e.id, name: e.name };
  },
  nameOf: (v) => textOf(v['name']),
  idOf: (e) => e.id,
};

export const VARIABLE_NAME = /^[A-Za-z][A-Za-z0-9_-]{2,31}$/;
export const VARIABLE_VALUE = /^[A-Za-z0-9_\-/.:]{1,255}$/;

/** A variable of one group (`params.groupId`) in one environment; only the value can change (4.5.5). */
export const envVariableForm: FormSpec<EnvVariable> = {
  noun: 'environment variable',
  fields: [
    {
      kind: 'text',
      key: 'env_id',
      label: 'environment id',
      required: true,
      maxLength: 65,
      fixedOnEdit: true,
    },
    {
      kind: 'text',
      key: 'variable_name',
      label: 'name',
      required: true,
      fixedOnEdit: true,
      pattern: VARIABLE_NAME,
      patternHint: 'letters, digits, _ -; starts with a letter; 3-32 (case-sensitive)',
    },
    {
      kind: 'text',
      key: 'variable_value',
      label: 'value',
      required: true,
      pattern: VARIABLE_VALUE,
      patternHint: 'letters, digits, _ - / . :; 1-255',
    },
  ],
  blank: ({ params }) => ({ env_id: params['envId'] ?? 'DEFAULT_ENVIRONMENT_RELEASE_ID' }),
  fromItem: (v) => ({
    env_id: str(v.env_id),
    variable_name: v.variable_name,
    variable_value: str(v.variable_value),
  }),
  body: (v, mode) =>
    mode === 'edit'
      ? { variable_value: textOf(v['variable_value']).trim() }
      : {
          env_id: textOf(v['env_id']).trim(),
          variable_name: textOf(v['variable_name']).trim(),
          variable_value: textOf(v['variable_value']).trim(),
        },
  async create({ client, params }, body) {
    const v = await client.envVariables.create({
      ...(body as Omit<EnvVariableCreate, 'group_id'>),
      group_id: params['groupId'] ?? '',
    });
    return { id: v.id, name: v.variable_name };
  },
  async update({ client }, item, body) {
    const v = await client.envVariables.update(item.id, body as { variable_value: string });
    return { id: v.id, name: v.variable_name };
  },
  nameOf: (v) => textOf(v['variable_name']),
  idOf: (v) => v.id,
};
