// Form specs of VPC channels (4.15.1/4.15.2, members as rows: adding one is 4.15.6's effect, removing
// one drains it) and custom authorizers (4.20.1/4.20.2). Field rules from APIC-MORE.md.
import type { Authorizer } from '../../src/api/types/authorizers.ts';
import type { VpcChannelDetail } from '../../src/api/types/vpc.ts';
import type { AuthorizerWrite, VpcChannelWrite } from '../../src/api/types/writes.ts';
import { intOf, optInt, optText, rowsOf, textOf } from '../../src/forms/engine.ts';
import type { FieldErrors, FormSpec, FormValues } from '../../src/forms/types.ts';

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const fast = (v: FormValues) => textOf(v['type']) === '2';
const http = (v: FormValues) => fast(v) && textOf(v['hc_protocol']) !== 'TCP';

export const CHANNEL_NAME = /^[\u4e00-\u9fa5A-Za-z][\u4e00-\u9fa5A-Za-z0-9_-]{2,63}$/;

export const vpcChannelForm: FormSpec<VpcChannelDetail> = {
  noun: 'VPC channel',
  fields: [
    {
      kind: 'text',
      key: 'name',
      label: 'name',
      required: true,
      pattern: CHANNEL_NAME,
      patternHint: 'letters, digits, - _ (or Chinese); starts with a letter; 3-64',
    },
    {
      kind: 'choice',
      key: 'type',
      label: 'type',
      required: true,
      fixedOnEdit: true,
      choices: [
        { value: '2', label: 'fast channel, built-in load balancing (2)' },
        { value: '1', label: 'private ELB, being deprecated (1)' },
      ],
    },
    { kind: 'integer', key: 'port', label: 'host port', required: true, min: 1, max: 65535, when: fast },
    {
      kind: 'choice',
      key: 'balance_strategy',
      label: 'balancing',
      required: true,
      when: fast,
      choices: [
        { value: '1', label: 'weighted round robin' },
        { value: '2', label: 'weighted least connections' },
        { value: '3', label: 'source IP hash' },
        { value: '4', label: 'URI hash' },
      ],
    },
    {
      kind: 'choice',
      key: 'member_type',
      label: 'member type',
      required: true,
      fixedOnEdit: true,
      when: fast,
      choices: [
        { value: 'ip', label: 'ip' },
        { value: 'ecs', label: 'ecs' },
      ],
    },
    {
      kind: 'rows',
      key: 'members',
      label: 'members',
      uniqueBy: 'host',
      maxRows: 200,
      when: fast,
      columns: [
        { kind: 'text', key: 'host', label: 'host / ECS id', required: true, maxLength: 64 },
        { kind: 'integer', key: 'weight', label: 'weight', min: 0, max: 100 },
      ],
    },
    {
      kind: 'choice',
      key: 'hc_protocol',
      param: 'protocol',
      label: 'health check',
      required: true,
      when: fast,
      choices: ['TCP', 'HTTP', 'HTTPS'].map((p) => ({ value: p, label: p })),
    },
    {
      kind: 'text',
      key: 'hc_path',
      param: 'path',
      label: 'check path',
      required: true,
      maxLength: 1024,
      when: http,
    },
    {
      kind: 'text',
      key: 'hc_http_code',
      param: 'http_code',
      label: 'healthy codes',
      required: true,
      pattern: /^([1-5]\d\d(-[1-5]\d\d)?)(,[1-5]\d\d(-[1-5]\d\d)?)*$/,
      patternHint: 'e.g. 200,201,210-299',
      when: (v) => fast(v) && textOf(v['hc_protocol']) === 'HTTP',
    },
    {
      kind: 'integer',
      key: 'hc_port',
      param: 'port',
      label: 'check port',
      min: 0,
      max: 65535,
      when: fast,
      help: '0 or empty: the host port',
    },
    {
      kind: 'integer',
      key: 'hc_threshold_normal',
      param: 'threshold_normal',
      label: 'healthy after',
      required: true,
      min: 2,
      max: 10,
      unit: 'checks',
      when: fast,
    },
    {
      kind: 'integer',
      key: 'hc_threshold_abnormal',
      param: 'threshold_abnormal',
      label: 'unhealthy after',
      required: true,
      min: 2,
      max: 10,
      unit: 'checks',
      when: fast,
    },
    {
      kind: 'integer',
      key: 'hc_time_interval',
      param: 'time_interval',
      label: 'check every',
      required: true,
      min: 5,
      max: 300,
      unit: 's',
      when: fast,
    },
    {
      kind: 'integer',
      key: 'hc_timeout',
      param: 'timeout',
      label: 'check timeout',
      required: true,
      min: 2,
      max: 30,
      unit: 's',
      when: fast,
    },
  ],
  blank: () => ({
    type: '2',
    balance_strategy: '1',
    member_type: 'ip',
    hc_protocol: 'TCP',
    hc_threshold_normal: '2',
    hc_threshold_abnormal: '3',
    hc_time_interval: '10',
    hc_timeout: '5',
  }),
  load: ({ client }, item) => client.vpcChannels.get(item.id),
  fromItem: (c) => {
    const h = c.vpc_health_config ?? {};
    return {
      name: c.name,
      type: str(c.type ?? 2),
      port: str(c.port),
      balance_strategy: str(c.balance_strategy ?? 1),
      member_type: str(c.member_type || 'ip'),
      members: (c.members ?? []).map((m) => ({ host: str(m.ecs_id || m.host), weight: str(m.weight) })),
      hc_protocol: str(h.protocol || 'TCP').toUpperCase(),
      hc_path: str(h.path),
      hc_http_code: str(h.http_code),
      hc_port: h.port ? str(h.port) : '',
      hc_threshold_normal: str(h.threshold_normal ?? 2),
      hc_threshold_abnormal: str(h.threshold_abnormal ?? 3),
      hc_time_interval: str(h.time_interval ?? 10),
      hc_timeout: str(h.timeout ?? 5),
    };
  },
  check(v): FieldErrors {
    const interval = intOf(v['hc_time_interval']);
    const timeout = intOf(v['hc_timeout']);
    if (fast(v) && interval !== undefined && timeout !== undefined && timeout >= interval)
      return { hc_timeout: `less than the check interval (${interval} s)` };
    return {};
  },
  body(v, mode): VpcChannelWrite {
    const type = Number(textOf(v['type'])) as 1 | 2;
    if (type === 1) return { name: textOf(v['name']).trim(), type };
    const ecs = textOf(v['member_type']) === 'ecs';
    const protocol = textOf(v['hc_protocol']) as 'TCP' | 'HTTP' | 'HTTPS';
    const members = rowsOf(v['members']).map((r) => {
      const weight = intOf(r['weight']);
      const host = (r['host'] ?? '').trim();
      return {
        ...(ecs ? { ecs_id: host, ecs_name: host } : { host }),
        ...(weight !== undefined ? { weight } : {}),
      };
    });
    void mode;
    return {
      name: textOf(v['name']).trim(),
      type,
      port: optInt(v, 'port') ?? 0,
      balance_strategy: optInt(v, 'balance_strategy') ?? 1,
      member_type: ecs ? 'ecs' : 'ip',
      // 4.15.2 with `members` is the whole list: a row removed is a member drained.
      members,
      vpc_health_config: {
        protocol,
        ...(protocol !== 'TCP' ? { path: optText(v, 'hc_path') ?? '' } : {}),
        ...(protocol === 'HTTP' ? { http_code: optText(v, 'hc_http_code') ?? '' } : {}),
        ...(optInt(v, 'hc_port') !== undefined ? { port: optInt(v, 'hc_port') } : {}),
        threshold_normal: optInt(v, 'hc_threshold_normal') ?? 2,
        threshold_abnormal: optInt(v, 'hc_threshold_abnormal') ?? 3,
        time_interval: optInt(v, 'hc_time_interval') ?? 10,
        timeout: optInt(v, 'hc_timeout') ?? 5,
      },
    };
  },
  async create({ client }, body) {
    const c = await client.vpcChannels.create(body as VpcChannelWrite);
    return { id: c.id, name: c.name };
  },
  async update({ client }, item, body) {
    const c = await client.vpcChannels.update(item.id, body as VpcChannelWrite);
    return { id: c.id, name: c.name };
  },
  nameOf: (v) => textOf(v['name']),
  idOf: (c) => c.id,
};

const AUTHORIZER_NAME = /^[\u4e00-\u9fa5A-Za-z][\u4e00-\u9fa5A-Za-z0-9_]{2,63}$/;

export const authorizerForm: FormSpec<Authorizer> = {
  noun: 'custom authorizer',
  fields: [
    {
      kind: 'text',
      key: 'name',
      label: 'name',
      required: true,
      pattern: AUTHORIZER_NAME,
      patternHint: 'letters, digits, _ (or Chinese); starts with a letter; 3-64',
    },
    {
      kind: 'choice',
      key: 'type',
      label: 'type',
      required: true,
      choices: [
        { value: 'FRONTEND', label: 'FRONTEND' },
        { value: 'BACKEND', label: 'BACKEND' },
      ],
    },
    {
      kind: 'choice',
      key: 'authorizer_type',
      label: 'function',
      required: true,
      choices: [
        { value: 'FUNC', label: 'FunctionGraph (FUNC)' },
        { value: 'LD', label: 'custom backend (LD)' },
      ],
    },
    { kind: 'text', key: 'authorizer_uri', label: 'function URN', required: true, maxLength: 255 },
    {
      kind: 'text',
      key: 'ld_api_id',
      label: 'backend API id',
      required: true,
      maxLength: 64,
      when: (v) => textOf(v['authorizer_type']) === 'LD',
    },
    {
      kind: 'rows',
      key: 'identities',
      label: 'identity sources',
      uniqueBy: 'name',
      when: (v) => textOf(v['type']) === 'FRONTEND',
      columns: [
        {
          kind: 'text',
          key: 'name',
          label: 'name',
          required: true,
          pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/,
          patternHint: 'letters, digits, _ . -; 1-32',
        },
        {
          kind: 'choice',
          key: 'location',
          label: 'in',
          required: true,
          choices: [
            { value: 'HEADER', label: 'HEADER' },
            { value: 'QUERY', label: 'QUERY' },
          ],
        },
        { kind: 'text', key: 'validation', label: 'validation', maxLength: 1024 },
      ],
    },
    { kind: 'integer', key: 'ttl', label: 'cache', min: 0, max: 3600, unit: 's' },
    { kind: 'longtext', key: 'user_data', label: 'user data', maxLength: 2048 },
    { kind: 'boolean', key: 'need_body', label: 'send body' },
  ],
  blank: () => ({ type: 'FRONTEND', authorizer_type: 'FUNC', ttl: '0' }),
  fromItem: (a) => ({
    name: a.name,
    type: str(a.type || 'FRONTEND'),
    authorizer_type: str(a.authorizer_type || 'FUNC'),
    authorizer_uri: str(a.authorizer_uri),
    ld_api_id: str(a.ld_api_id),
    identities: (a.identities ?? []).map((i) => ({
      name: str(i.name),
      location: str(i.location || 'HEADER'),
      validation: str(i.validation),
    })),
    ttl: str(a.ttl ?? 0),
    user_data: str(a.user_data),
    need_body: a.need_body === true,
  }),
  body(v): AuthorizerWrite {
    const frontend = textOf(v['type']) === 'FRONTEND';
    const ld = textOf(v['authorizer_type']) === 'LD';
    return {
      name: textOf(v['name']).trim(),
      type: frontend ? 'FRONTEND' : 'BACKEND',
      authorizer_type: ld ? 'LD' : 'FUNC',
      authorizer_uri: textOf(v['authorizer_uri']).trim(),
      ...(ld ? { ld_api_id: textOf(v['ld_api_id']).trim() } : {}),
      identities: frontend
        ? rowsOf(v['identities']).map((r) => ({
            name: (r['name'] ?? '').trim(),
            location: r['location'] === 'QUERY' ? 'QUERY' : 'HEADER',
            ...(r['validation'] ? { validation: r['validation'] } : {}),
          }))
        : [],
      ttl: optInt(v, 'ttl') ?? 0,
      user_data: textOf(v['user_data']),
      need_body: v['need_body'] === true,
    };
  },
  async create({ client }, body) {
    const a = await client.authorizers.create(body as AuthorizerWrite);
    return { id: a.id, name: a.name };
  },
  async update({ client }, item, body) {
    const a = await client.authorizers.update(item.id, body as AuthorizerWrite);
    return { id: a.id, name: a.name };
  },
  nameOf: (v) => textOf(v['name']),
  idOf: (a) => a.id,
};
