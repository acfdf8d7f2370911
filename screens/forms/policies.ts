// Form specs of the policies: throttles (4.7.1/4.7.2), special settings (4.9.1/4.9.2), signature keys
// (4.10.1/4.10.2), ACL policies (4.12.1/4.12.2). Field rules from APIC-CORE.md.
import type { AclPolicy } from '../../src/api/types/acls.ts';
import type { SignatureKey } from '../../src/api/types/signs.ts';
import type { ThrottlePolicy, ThrottleSpecial } from '../../src/api/types/throttles.ts';
import type { AclWrite, SignWrite, ThrottleWrite } from '../../src/api/types/writes.ts';
import { intOf, optInt, optText, textOf } from '../../src/forms/engine.ts';
import type { FieldErrors, FormSpec, FormValues } from '../../src/forms/types.ts';

const MAX_INT = 2147483647;
export const POLICY_NAME = /^[\u4e00-\u9fa5A-Za-z][\u4e00-\u9fa5A-Za-z0-9_]{2,63}$/;
export const POLICY_NAME_HINT = 'letters, digits, _ (or Chinese); starts with a letter; 3-64';

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
/** A limit of 0 is "not set" on the wire (the emulator stores absent limits as 0). */
const limit = (v: number | undefined): string => (v ? String(v) : '');

export const throttleForm: FormSpec<ThrottlePolicy> = {
  noun: 'throttling policy',
  fields: [
    {
      kind: 'text',
      key: 'name',
      label: 'name',
      required: true,
      pattern: POLICY_NAME,
      patternHint: POLICY_NAME_HINT,
    },
    {
      kind: 'choice',
      key: 'type',
      label: 'type',
      required: true,
      choices: [
        { value: '1', label: 'per API (1)' },
        { value: '2', label: 'shared (2)' },
      ],
    },
    {
      kind: 'integer',
      key: 'api_call_limits',
      label: 'API limit',
      required: true,
      min: 1,
      max: MAX_INT,
      unit: 'calls',
    },
    { kind: 'integer', key: 'user_call_limits', label: 'user limit', min: 1, max: MAX_INT, unit: 'calls' },
    {
      kind: 'integer',
      key: 'app_call_limits',
      label: 'app limit',
      param: 'app_calls',
      min: 1,
      max: MAX_INT,
      unit: 'calls',
    },
    { kind: 'integer', key: 'ip_call_limits', label: 'IP limit', min: 1, max: MAX_INT, unit: 'calls' },
    { kind: 'integer', key: 'time_interval', label: 'period', required: true, min: 1, max: MAX_INT },
    {
      kind: 'choice',
      key: 'time_unit',
      label: 'period unit',
      required: true,
      choices: ['SECOND', 'MINUTE', 'HOUR', 'DAY'].map((u) => ({ value: u, label: u })),
    },
    { kind: 'text', key: 'remark', label: 'remark', maxLength: 255 },
  ],
  blank: () => ({ type: '1', time_interval: '1', time_unit: 'SECOND' }),
  fromItem: (t) => ({
    name: t.name,
    type: str(t.type ?? 1),
    api_call_limits: limit(t.api_call_limits),
    user_call_limits: limit(t.user_call_limits),
    app_call_limits: limit(t.app_call_limits),
    ip_call_limits: limit(t.ip_call_limits),
    time_interval: str(t.time_interval),
    time_unit: str(t.time_unit || 'SECOND'),
    remark: str(t.remark),
  }),
  check: throttleRelations,
  body: (v): ThrottleWrite => ({
    name: textOf(v['name']).trim(),
    type: Number(textOf(v['type'])),
    api_call_limits: optInt(v, 'api_call_limits') ?? 0,
    time_interval: optInt(v, 'time_interval') ?? 0,
    time_unit: textOf(v['time_unit']),
    ...defined('user_call_limits', optInt(v, 'user_call_limits')),
    ...defined('app_call_limits', optInt(v, 'app_call_limits')),
    ...defined('ip_call_limits', optInt(v, 'ip_call_limits')),
    remark: textOf(v['remark']),
  }),
  create: async ({ client }, body) => named(await client.throttles.create(body as ThrottleWrite)),
  update: async ({ client }, item, body) =>
    named(await client.throttles.update(item.id, body as ThrottleWrite)),
  nameOf: (v) => textOf(v['name']),
  idOf: (t) => t.id,
  async touches({ client }, t) {
    const bound = await client.throttleBindings.boundApis.listAll({ throttle_id: t.id });
    if (bound.length === 0) return 'bound to no API';
    const envs = [...new Set(bound.map((b) => b.run_env_name).filter(Boolean))].join(', ');
    return `bound to ${bound.length} API${bound.length === 1 ? '' : 's'}${envs ? ` in ${envs}` : ''}`;
  },
};

/** 4.7.1: user ≤ API, app ≤ user (or API when no user limit), IP ≤ API. */
export function throttleRelations(v: FormValues): FieldErrors {
  const api = intOf(v['api_call_limits']);
  const user = intOf(v['user_call_limits']);
  const app = intOf(v['app_call_limits']);
  const ip = intOf(v['ip_call_limits']);
  const errors: Record<string, string> = {};
  if (api !== undefined && user !== undefined && user > api)
    errors['user_call_limits'] = `at most the API limit (${api})`;
  const appCap = user ?? api;
  if (appCap !== undefined && app !== undefined && app > appCap)
    errors['app_call_limits'] = `at most the ${user !== undefined ? 'user' : 'API'} limit (${appCap})`;
  if (api !== undefined && ip !== undefined && ip > api)
    errors['ip_call_limits'] = `at most the API limit (${api})`;
  return errors;
}

function defined<K extends string>(key: K, v: number | undefined): Partial<Record<K, number>> {
  return v === undefined ? {} : ({ [key]: v } as Record<K, number>);
}

function named(x: { id: string; name?: string; acl_name?: string }): { id: string; name: string } {
  return { id: x.id, name: x.name ?? x.acl_name ?? x.id };
}

/** 4.9.1/4.9.2: the object (app or tenant) is fixed once set; only the limit changes. */
export const throttleSpecialForm: FormSpec<ThrottleSpecial> = {
  noun: 'special throttling setting',
  fields: [
    {
      kind: 'choice',
      key: 'object_type',
      label: 'object type',
      required: true,
      fixedOnEdit: true,
      choices: [
        { value: 'APP', label: 'APP' },
        { value: 'USER', label: 'USER (tenant)' },
      ],
    },
    {
      kind: 'text',
      key: 'object_id',
      label: 'app id / tenant id',
      required: true,
      maxLength: 65,
      fixedOnEdit: true,
    },
    {
      kind: 'integer',
      key: 'call_limits',
      label: 'limit',
      required: true,
      min: 1,
      max: MAX_INT,
      unit: 'calls',
    },
  ],
  blank: () => ({ object_type: 'APP' }),
  fromItem: (s) => ({
    object_type: str(s.object_type),
    object_id: str(s.object_id),
    call_limits: str(s.call_limits),
  }),
  body: (v, mode) =>
    mode === 'edit'
      ? { call_limits: optInt(v, 'call_limits') }
      : {
          object_type: textOf(v['object_type']),
          object_id: textOf(v['object_id']).trim(),
          call_limits: optInt(v, 'call_limits'),
        },
  async create({ client, params }, body) {
    const s = await client.throttleSpecials.create(params['throttleId'] ?? '', body as never);
    return { id: s.id, name: s.object_name ?? s.object_id ?? s.id };
  },
  async update({ client, params }, item, body) {
    const s = await client.throttleSpecials.update(
      params['throttleId'] ?? item.throttle_id ?? '',
      item.id,
      body as never,
    );
    return { id: s.id, name: s.object_name ?? s.object_id ?? s.id };
  },
  nameOf: (v) => textOf(v['object_id']),
  idOf: (s) => s.id,
};

const SIGN_RULES = {
  hmac: { key: /^[A-Za-z0-9][A-Za-z0-9_-]{7,31}$/, secret: /^[A-Za-z0-9][A-Za-z0-9_\-!@#$%]{15,63}$/ },
  basic: { key: /^[A-Za-z][A-Za-z0-9_-]{3,31}$/, secret: /^[A-Za-z0-9][A-Za-z0-9_\-!@#$%]{7,63}$/ },
  public_key: {
    key: /^[A-Za-z0-9+/][A-Za-z0-9_\-+/=]{7,511}$/,
    secret: /^[A-Za-z0-9+/][A-Za-z0-9_\-!@#$%+/=]{14,2047}$/,
  },
} as const;
type SignType = keyof typeof SIGN_RULES;

export const signForm: FormSpec<SignatureKey> = {
  noun: 'signature key',
  fields: [
    {
      kind: 'text',
      key: 'name',
      label: 'name',
      required: true,
      pattern: POLICY_NAME,
      patternHint: POLICY_NAME_HINT,
    },
    {
      kind: 'choice',
      key: 'sign_type',
      label: 'type',
      required: true,
      choices: (['hmac', 'basic', 'public_key'] as const).map((t) => ({ value: t, label: t })),
    },
    { kind: 'text', key: 'sign_key', label: 'key', help: 'empty: generated', maxLength: 512 },
    { kind: 'secret', key: 'sign_secret', label: 'secret', help: 'empty: generated', maxLength: 2048 },
  ],
  blank: () => ({ sign_type: 'hmac' }),
  fromItem: (s) => ({
    name: s.name,
    sign_type: str(s.sign_type || 'hmac'),
    sign_key: str(s.sign_key),
    sign_secret: str(s.sign_secret),
  }),
  // A copy never reuses the key and secret: the gateway generates new ones.
  copyOf: (s) => ({
    name: `${s.name}_copy`,
    sign_type: str(s.sign_type || 'hmac'),
    sign_key: '',
    sign_secret: '',
  }),
  check(v) {
    const rules = SIGN_RULES[(textOf(v['sign_type']) as SignType) || 'hmac'] ?? SIGN_RULES.hmac;
    const errors: Record<string, string> = {};
    const key = textOf(v['sign_key']);
    const secret = textOf(v['sign_secret']);
    const t = textOf(v['sign_type']);
    if (key && !rules.key.test(key))
      errors['sign_key'] = `not a valid ${t} key (letters, digits, _ -; see 4.10.1)`;
    if (secret && !rules.secret.test(secret))
      errors['sign_secret'] = `not a valid ${t} secret (see 4.10.1 lengths)`;
    return errors;
  },
  body: (v): SignWrite => ({
    name: textOf(v['name']).trim(),
    sign_type: textOf(v['sign_type']) as SignType,
    ...(optText(v, 'sign_key') ? { sign_key: optText(v, 'sign_key') } : {}),
    ...(optText(v, 'sign_secret') ? { sign_secret: optText(v, 'sign_secret') } : {}),
  }),
  create: async ({ client }, body) => named(await client.signs.create(body as SignWrite)),
  update: async ({ client }, item, body) => named(await client.signs.update(item.id, body as SignWrite)),
  nameOf: (v) => textOf(v['name']),
  idOf: (s) => s.id,
  async touches({ client }, s) {
    const bound = await client.signBindings.boundApis.listAll({ sign_id: s.id });
    return bound.length === 0
      ? 'bound to no API'
      : `bound to ${bound.length} API${bound.length === 1 ? '' : 's'}`;
  },
};

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
export function validIpEntry(v: string): boolean {
  const [addr, mask] = v.split('/');
  if (mask !== undefined) return IPV4.test(addr ?? '') && /^\d+$/.test(mask) && Number(mask) <= 32;
  const range = v.split('-');
  if (range.length === 2) return range.every((r) => IPV4.test(r));
  return IPV4.test(v);
}

export const aclForm: FormSpec<AclPolicy> = {
  noun: 'ACL policy',
  fields: [
    {
      kind: 'text',
      key: 'acl_name',
      label: 'name',
      required: true,
      pattern: POLICY_NAME,
      patternHint: POLICY_NAME_HINT,
    },
    {
      kind: 'choice',
      key: 'acl_type',
      label: 'type',
      required: true,
      choices: [
        { value: 'PERMIT', label: 'PERMIT (whitelist)' },
        { value: 'DENY', label: 'DENY (blacklist)' },
      ],
    },
    {
      kind: 'choice',
      key: 'entity_type',
      label: 'object',
      required: true,
      fixedOnEdit: true,
      choices: [
        { value: 'IP', label: 'IP' },
        { value: 'DOMAIN', label: 'DOMAIN (tenant name)' },
      ],
    },
    {
      kind: 'text',
      key: 'acl_value',
      label: 'values',
      required: true,
      help: 'comma separated',
      maxLength: 8192,
    },
  ],
  blank: () => ({ acl_type: 'DENY', entity_type: 'IP' }),
  fromItem: (a) => ({
    acl_name: a.acl_name,
    acl_type: str(a.acl_type),
    entity_type: str(a.entity_type),
    acl_value: str(a.acl_value),
  }),
  check(v): FieldErrors {
    const values = textOf(v['acl_value'])
      .split(',')
      .map((s) => s.trim());
    if (values.join('') === '') return {};
    if (textOf(v['entity_type']) === 'IP') {
      const bad = values.find((x) => !validIpEntry(x));
      if (bad !== undefined) return { acl_value: `${bad || '(empty)'} is not an IP, CIDR or range` };
    }
    const seen = new Set<string>();
    for (const x of values) {
      if (seen.has(x)) return { acl_value: `${x} appears twice` };
      seen.add(x);
    }
    return {};
  },
  body: (v): AclWrite => ({
    acl_name: textOf(v['acl_name']).trim(),
    acl_type: textOf(v['acl_type']) as AclWrite['acl_type'],
    entity_type: textOf(v['entity_type']) as AclWrite['entity_type'],
    acl_value: textOf(v['acl_value'])
      .split(',')
      .map((s) => s.trim())
      .join(','),
  }),
  create: async ({ client }, body) => named(await client.acls.create(body as AclWrite)),
  update: async ({ client }, item, body) => named(await client.acls.update(item.id, body as AclWrite)),
  nameOf: (v) => textOf(v['acl_name']),
  idOf: (a) => a.id,
  async touches({ client }, a) {
    const bound = await client.aclBindings.boundApis.listAll({ acl_id: a.id });
    return bound.length === 0
      ? 'bound to no API'
      : `bound to ${bound.length} API${bound.length === 1 ? '' : 's'}`;
  },
};
