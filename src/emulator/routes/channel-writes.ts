// VPC channels 4.15.1/4.15.2/4.15.3 with members 4.15.6/4.15.8, custom authorizers 4.20.1/4.20.2/4.20.3.
import type { Authorizer, VpcChannel, VpcMember } from '../model.ts';
import { isoSeconds, newId, type InstanceStore } from '../state.ts';
import {
  ApiError,
  asObject,
  invalidParam,
  missingParam,
  noContent,
  ok,
  route,
  type RouteDef,
} from './common.ts';
import {
  optBool,
  optEnum,
  optInt,
  optPattern,
  optText,
  reqEnum,
  reqInt,
  reqPattern,
  requireUnique,
} from './rules.ts';

type Body = Record<string, unknown>;

/** 4.15.1: Chinese, letters, digits, `-`, `_`; starts with a letter or Chinese; 3-64. */
const CHANNEL_NAME = /^[\u4e00-\u9fa5A-Za-z][\u4e00-\u9fa5A-Za-z0-9_-]{2,63}$/;
const AUTHORIZER_NAME = /^[\u4e00-\u9fa5A-Za-z][\u4e00-\u9fa5A-Za-z0-9_]{2,63}$/;
const IDENTITY_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;
const HTTP_CODES = /^([1-5]\d\d(-[1-5]\d\d)?)(,[1-5]\d\d(-[1-5]\d\d)?)*$/;

function requireChannel(store: InstanceStore, id: string): VpcChannel {
  const v = store.data.vpcChannels.get(id);
  if (!v) throw new ApiError(404, 'APIG.3023', `The VPC channel does not exist,id:${id}`);
  return v;
}

/** 4.15.1 health check (mandatory for type 2): thresholds 2-10, interval 5-300 > timeout 2-30. */
function healthConfig(raw: unknown, channelId: string, nowMs: number): Record<string, unknown> {
  if (raw === undefined || raw === null) throw missingParam('vpc_health_config');
  if (typeof raw !== 'object' || Array.isArray(raw)) throw invalidParam('vpc_health_config', 'APIG.2011');
  const h = raw as Body;
  // The 4.15.1 example sends lower-case `http`; the table lists upper case: both are read, upper case stored.
  const protocolRaw = typeof h['protocol'] === 'string' ? h['protocol'].toUpperCase() : h['protocol'];
  const protocol = reqEnum({ protocol: protocolRaw }, 'protocol', ['TCP', 'HTTP', 'HTTPS'] as const);
  const path = optText(h, 'path', 1024);
  if (protocol !== 'TCP' && !path) throw missingParam('path');
  const httpCode = optPattern(h, 'http_code', HTTP_CODES);
  if (protocol === 'HTTP' && !httpCode) throw missingParam('http_code');
  const interval = reqInt(h, 'time_interval', 5, 300);
  const timeout = optInt(h, 'timeout', 2, 30) ?? 5;
  if (timeout >= interval) throw invalidParam('timeout', 'APIG.2011');
  return {
    protocol,
    path: path ?? '',
    method: optEnum(h, 'method', ['GET', 'HEAD'] as const) ?? 'GET',
    port: optInt(h, 'port', 0, 65535) ?? 0,
    threshold_normal: reqInt(h, 'threshold_normal', 2, 10),
    threshold_abnormal: reqInt(h, 'threshold_abnormal', 2, 10),
    time_interval: interval,
    http_code: httpCode ?? '',
    enable_client_ssl: optBool(h, 'enable_client_ssl') ?? false,
    timeout,
    vpc_channel_id: channelId,
    id: newId(),
    create_time: isoSeconds(nowMs),
  };
}

interface MemberInput {
  host: string;
  weight: number;
  ecs_id?: string;
  ecs_name?: string;
}

function memberInputs(raw: unknown, memberType: string, required: boolean): MemberInput[] {
  if (raw === undefined || raw === null) {
    if (required) throw missingParam('members');
    return [];
  }
  if (!Array.isArray(raw) || (required && raw.length === 0)) throw invalidParam('members', 'APIG.2011');
  return raw.map((m, i) => {
    if (!m || typeof m !== 'object' || Array.isArray(m)) throw invalidParam(`members[${i}]`, 'APIG.2011');
    const b = m as Body;
    const weight = optInt(b, 'weight', 0, 100) ?? 1;
    if (memberType === 'ip') {
      const host = optText(b, 'host', 64);
      if (!host) throw missingParam('host');
      return { host, weight };
    }
    const ecsId = optPattern(b, 'ecs_id', /^[A-Za-z0-9_-]{1,64}$/);
    if (!ecsId) throw missingParam('ecs_id');
    const ecsName = optPattern(b, 'ecs_name', /^[\u4e00-\u9fa5A-Za-z0-9_.-]{1,64}$/) ?? ecsId;
    return { host: ecsId, weight, ecs_id: ecsId, ecs_name: ecsName };
  });
}

/** Adds members; a host already in the channel has its weight updated instead (one member per host). */
function upsertMembers(
  store: InstanceStore,
  channel: VpcChannel,
  inputs: MemberInput[],
  nowMs: number,
): void {
  for (const input of inputs) {
    const existing = [...store.data.vpcMembers.values()].find(
      (m) => m.vpc_channel_id === channel.id && m.host === input.host,
    );
    const m: VpcMember = existing
      ? { ...existing, weight: input.weight }
      : { id: newId(), ...input, status: 1, vpc_channel_id: channel.id, create_time: isoSeconds(nowMs) };
    store.data.vpcMembers.set(m.id, m);
  }
  refreshStatus(store, channel.id);
}

/** A channel is normal (1) while one of its members is healthy. */
function refreshStatus(store: InstanceStore, channelId: string): void {
  const c = store.data.vpcChannels.get(channelId);
  if (!c) return;
  const members = [...store.data.vpcMembers.values()].filter((m) => m.vpc_channel_id === channelId);
  store.data.vpcChannels.set(channelId, { ...c, status: members.some((m) => m.status === 1) ? 1 : 2 });
}

function membersOf(store: InstanceStore, channelId: string): VpcMember[] {
  return [...store.data.vpcMembers.values()].filter((m) => m.vpc_channel_id === channelId);
}

function channelFields(
  store: InstanceStore,
  b: Body,
  self: VpcChannel | undefined,
  id: string,
  nowMs: number,
) {
  const name = reqPattern(b, 'name', CHANNEL_NAME);
  requireUnique(
    store.data.vpcChannels.values(),
    (c) => c.name,
    name,
    self?.id,
    'APIG.3208',
    'The VPC channel name already exists.',
  );
  const type = reqInt(b, 'type', 1, 2);
  if (type === 1) {
    // Type 1 (private ELB, being deprecated) carries exactly one member: the ELB.
    return {
      name,
      type,
      port: 0,
      balance_strategy: 1,
      member_type: 'ip',
      members: memberInputs(b['members'], 'ip', self === undefined).slice(0, 1),
    };
  }
  const port = optInt(b, 'port', 1, 65535);
  if (port === undefined) throw missingParam('port');
  const balance = optInt(b, 'balance_strategy', 1, 4);
  if (balance === undefined) throw missingParam('balance_strategy');
  const memberType = optEnum(b, 'member_type', ['ip', 'ecs'] as const) ?? 'ecs';
  return {
    name,
    type,
    port,
    balance_strategy: balance,
    member_type: memberType,
    vpc_health_config: healthConfig(b['vpc_health_config'], id, nowMs),
    members: memberInputs(b['members'], memberType, false),
  };
}

function channelView(store: InstanceStore, c: VpcChannel): Record<string, unknown> {
  const { vpc_health_config, ...rest } = c;
  void vpc_health_config;
  void store;
  return rest;
}

function authorizerFields(store: InstanceStore, b: Body, selfId?: string) {
  const name = reqPattern(b, 'name', AUTHORIZER_NAME);
  requireUnique(
    store.data.authorizers.values(),
    (a) => a.name,
    name,
    selfId,
    'APIG.3211',
    'The authorizer name already exists.',
  );
  const type = reqEnum(b, 'type', ['FRONTEND', 'BACKEND'] as const);
  const authorizerType = reqEnum(b, 'authorizer_type', ['FUNC', 'LD'] as const);
  const uri = reqPattern(b, 'authorizer_uri', /^.{1,255}$/s);
  const ldApiId = optText(b, 'ld_api_id', 64);
  if (authorizerType === 'LD' && !ldApiId) throw missingParam('ld_api_id');
  const rawIds = b['identities'] ?? [];
  if (!Array.isArray(rawIds)) throw invalidParam('identities', 'APIG.2011');
  const seen = new Set<string>();
  const identities = rawIds.map((r) => {
    if (!r || typeof r !== 'object' || Array.isArray(r)) throw invalidParam('identities', 'APIG.2011');
    const i = r as Body;
    const idName = reqPattern(i, 'name', IDENTITY_NAME);
    const location = reqEnum(i, 'location', ['HEADER', 'QUERY'] as const);
    const key = `${location}:${idName}`;
    if (seen.has(key)) throw new ApiError(400, 'APIG.3212', 'he identity source name already exists.');
    seen.add(key);
    const validation = optText(i, 'validation', 1024);
    return { name: idName, location, ...(validation ? { validation } : {}) };
  });
  return {
    name,
    type,
    authorizer_type: authorizerType,
    authorizer_uri: uri,
    identities,
    ttl: optInt(b, 'ttl', 0, 3600) ?? 0,
    user_data: optText(b, 'user_data', 2048) ?? '',
    need_body: optBool(b, 'need_body') ?? false,
    ...(ldApiId ? { ld_api_id: ldApiId } : {}),
  };
}

export const channelWriteRoutes: RouteDef[] = [
  route('POST', '/vpc-channels', ({ store, body, nowMs }) => {
    const id = newId();
    const { members, ...fields } = channelFields(store, asObject(body), undefined, id, nowMs);
    const c: VpcChannel = { id, ...fields, create_time: isoSeconds(nowMs), status: 1 };
    store.data.vpcChannels.set(id, c);
    upsertMembers(store, c, members, nowMs);
    return ok(channelView(store, store.data.vpcChannels.get(id) as VpcChannel), 201);
  }),
  route('PUT', '/vpc-channels/{vpc_channel_id}', ({ store, params, body, nowMs }) => {
    const old = requireChannel(store, params['vpc_channel_id'] ?? '');
    const b = asObject(body);
    const { members, ...fields } = channelFields(store, b, old, old.id, nowMs);
    if (fields.type !== old.type) throw invalidParam('type', 'APIG.2011');
    const c: VpcChannel = { ...old, ...fields };
    store.data.vpcChannels.set(c.id, c);
    // 4.15.2 does not say whether members left out are removed; when `members` is sent it is the whole list.
    if (b['members'] !== undefined) {
      const keep = new Set(members.map((m) => m.host));
      for (const m of membersOf(store, c.id)) if (!keep.has(m.host)) store.data.vpcMembers.delete(m.id);
    }
    upsertMembers(store, c, members, nowMs);
    return ok(channelView(store, store.data.vpcChannels.get(c.id) as VpcChannel));
  }),
  route('DELETE', '/vpc-channels/{vpc_channel_id}', ({ store, params }) => {
    const c = requireChannel(store, params['vpc_channel_id'] ?? '');
    for (const a of store.data.apis.values()) {
      if (a.backend_api?.vpc_channel_info?.vpc_channel_id === c.id) {
        throw new ApiError(409, 'APIG.3414', 'The VPC channel is already being used by another API.');
      }
    }
    for (const m of membersOf(store, c.id)) store.data.vpcMembers.delete(m.id);
    store.data.vpcChannels.delete(c.id);
    return noContent();
  }),
  route('POST', '/vpc-channels/{vpc_channel_id}/members', ({ store, params, body, nowMs }) => {
    const c = requireChannel(store, params['vpc_channel_id'] ?? '');
    // Type 1 channels hold their one ELB member: only fast channels (type 2) take members.
    if (c.type !== 2) throw invalidParam('vpc_channel_id', 'APIG.2011');
    upsertMembers(store, c, memberInputs(asObject(body)['members'], c.member_type, true), nowMs);
    const members = membersOf(store, c.id);
    return ok({ total: members.length, size: members.length, members }, 201);
  }),
  route('DELETE', '/vpc-channels/{vpc_channel_id}/members/{member_id}', ({ store, params }) => {
    const c = requireChannel(store, params['vpc_channel_id'] ?? '');
    const m = store.data.vpcMembers.get(params['member_id'] ?? '');
    if (!m || m.vpc_channel_id !== c.id) throw new ApiError(404, 'APIG.3024', 'The instance does not exist.');
    store.data.vpcMembers.delete(m.id);
    refreshStatus(store, c.id);
    return noContent();
  }),

  route('POST', '/authorizers', ({ store, body, nowMs }) => {
    const a: Authorizer = {
      id: newId(),
      ...authorizerFields(store, asObject(body)),
      create_time: isoSeconds(nowMs),
      roma_app_id: '',
      roma_app_name: '',
    };
    store.data.authorizers.set(a.id, a);
    return ok(a, 201);
  }),
  route('PUT', '/authorizers/{authorizer_id}', ({ store, params, body }) => {
    const id = params['authorizer_id'] ?? '';
    const old = store.data.authorizers.get(id);
    if (!old) throw new ApiError(404, 'APIG.3081', `authorizer with id: ${id} not found`);
    const next = authorizerFields(store, asObject(body), id);
    const a: Authorizer = { ...old, ...next };
    if (!next.ld_api_id) delete a.ld_api_id;
    store.data.authorizers.set(id, a);
    return ok(a);
  }),
  route('DELETE', '/authorizers/{authorizer_id}', ({ store, params }) => {
    const id = params['authorizer_id'] ?? '';
    if (!store.data.authorizers.has(id))
      throw new ApiError(404, 'APIG.3081', `authorizer with id: ${id} not found`);
    for (const a of store.data.apis.values()) {
      if (a.authorizer_id === id || a.backend_api?.authorizer_id === id) {
        throw new ApiError(409, 'APIG.3478', 'The authorizer has been used by certain APIs.');
      }
    }
    store.data.authorizers.delete(id);
    return noContent();
  }),
];
