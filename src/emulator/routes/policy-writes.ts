// Creating and modifying policies: throttles 4.7.1/4.7.2, special settings 4.9.1-4.9.3, signature keys
// 4.10.1/4.10.2, ACL policies 4.12.1/4.12.2. Strict like the service: every field rule of the reference,
// names unique per family (APIG.3204/3207/3206), refusals naming the parameter.
import { randomBytes } from 'node:crypto';
import type { Acl, Sign, Throttle, ThrottleSpecial } from '../model.ts';
import { isoSeconds, newId, type InstanceStore } from '../state.ts';
import { ApiError, asObject, invalidParam, noContent, ok, route, type RouteDef } from './common.ts';
import {
  optEnum,
  optInt,
  optPattern,
  optText,
  POLICY_NAME,
  reqEnum,
  reqInt,
  reqPattern,
  requireUnique,
} from './rules.ts';
import { throttleView } from './throttles.ts';

type Body = Record<string, unknown>;

/** 4.7.1 leaves `time_unit` without an enum; the 4.17 quota units (with HOUR spelled right) are taken. */
export const THROTTLE_TIME_UNITS = ['SECOND', 'MINUTE', 'HOUR', 'DAY'] as const;

function requireThrottle(store: InstanceStore, id: string): Throttle {
  const t = store.data.throttles.get(id);
  if (!t) throw new ApiError(404, 'APIG.3005', `Request throttling policy ${id} does not exist`);
  return t;
}

/** The 4.7.1 body, with the stated relations: user ≤ api, app ≤ user (or api), ip ≤ api. */
function throttleFields(store: InstanceStore, b: Body, selfId?: string) {
  const name = reqPattern(b, 'name', POLICY_NAME);
  requireUnique(
    store.data.throttles.values(),
    (t) => t.name,
    name,
    selfId,
    'APIG.3204',
    'The request throttling policy name already exists.',
  );
  const api = reqInt(b, 'api_call_limits', 1);
  const user = optInt(b, 'user_call_limits', 1);
  // 4.7.1's table says `app_calls`, its example and every answer `app_call_limits`: both are read.
  const appKey = b['app_call_limits'] !== undefined ? 'app_call_limits' : 'app_calls';
  const app = optInt(b, appKey, 1);
  const ip = optInt(b, 'ip_call_limits', 1);
  if (user !== undefined && user > api) throw invalidParam('user_call_limits', 'APIG.2011');
  if (app !== undefined && app > (user ?? api)) throw invalidParam(appKey, 'APIG.2011');
  if (ip !== undefined && ip > api) throw invalidParam('ip_call_limits', 'APIG.2011');
  return {
    name,
    api_call_limits: api,
    user_call_limits: user ?? 0,
    app_call_limits: app ?? 0,
    ip_call_limits: ip ?? 0,
    time_interval: reqInt(b, 'time_interval', 1),
    time_unit: reqEnum(b, 'time_unit', THROTTLE_TIME_UNITS),
    remark: optText(b, 'remark', 255) ?? '',
    type: optInt(b, 'type', 1, 2) ?? 1,
    enable_adaptive_control: optEnum(b, 'enable_adaptive_control', ['TRUE', 'FALSE']) ?? 'FALSE',
  };
}

function requireSpecial(store: InstanceStore, throttleId: string, id: string): ThrottleSpecial {
  const s = store.data.throttleSpecials.get(id);
  if (!s || s.throttle_id !== throttleId) {
    throw new ApiError(404, 'APIG.3013', 'The excluded request throttling configuration does not exist.');
  }
  return s;
}

/** 4.10.1 key and secret rules per signature type. */
const SIGN_RULES = {
  hmac: {
    key: /^[A-Za-z0-9][A-Za-z0-9_-]{7,31}$/,
    secret: /^[A-Za-z0-9][A-Za-z0-9_\-!@#$%]{15,63}$/,
  },
  basic: {
    key: /^[A-Za-z][A-Za-z0-9_-]{3,31}$/,
    secret: /^[A-Za-z0-9][A-Za-z0-9_\-!@#$%]{7,63}$/,
  },
  public_key: {
    key: /^[A-Za-z0-9+/][A-Za-z0-9_\-+/=]{7,511}$/,
    secret: /^[A-Za-z0-9+/][A-Za-z0-9_\-!@#$%+/=]{14,2047}$/,
  },
} as const;
export const SIGN_TYPES = Object.keys(SIGN_RULES) as Array<keyof typeof SIGN_RULES>;

function generated(length: number): string {
  return randomBytes(length).toString('hex').slice(0, length);
}

function signFields(store: InstanceStore, b: Body, self?: Sign) {
  const name = reqPattern(b, 'name', POLICY_NAME);
  requireUnique(
    store.data.signs.values(),
    (s) => s.name,
    name,
    self?.id,
    'APIG.3207',
    'The signature key name already exists.',
  );
  const signType =
    optEnum(b, 'sign_type', SIGN_TYPES) ?? (self?.sign_type as keyof typeof SIGN_RULES) ?? 'hmac';
  const rules = SIGN_RULES[signType] ?? SIGN_RULES.hmac;
  // Omitted key/secret are generated on create and kept on modify.
  const key = optPattern(b, 'sign_key', rules.key) ?? self?.sign_key ?? generated(16);
  const secret = optPattern(b, 'sign_secret', rules.secret) ?? self?.sign_secret ?? generated(32);
  return { name, sign_type: signType, sign_key: key, sign_secret: secret };
}

/** 4.12.1 values: IP entities are addresses, CIDRs or `a-b` ranges; DOMAIN entities are tenant names. */
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
function validIpEntry(v: string): boolean {
  const [addr, mask] = v.split('/');
  if (mask !== undefined) return IPV4.test(addr ?? '') && /^\d+$/.test(mask) && Number(mask) <= 32;
  const range = v.split('-');
  if (range.length === 2) return range.every((r) => IPV4.test(r));
  return IPV4.test(v);
}
const TENANT_NAME = /^[A-Za-z0-9_\-.]{1,64}$/;

function aclFields(store: InstanceStore, b: Body, self?: Acl) {
  const name = reqPattern(b, 'acl_name', POLICY_NAME);
  requireUnique(
    store.data.acls.values(),
    (a) => a.acl_name,
    name,
    self?.id,
    'APIG.3206',
    'The access control policy name already exists.',
  );
  const aclType = reqEnum(b, 'acl_type', ['PERMIT', 'DENY'] as const);
  const entity = reqEnum(b, 'entity_type', ['IP', 'DOMAIN'] as const);
  // 4.12.2: only name, type and value can be modified.
  if (self && entity !== self.entity_type) throw invalidParam('entity_type', 'APIG.2011');
  const raw = b['acl_value'];
  if (raw === undefined || raw === null || raw === '') {
    throw new ApiError(
      400,
      'APIG.2001',
      'The request parameters must be specified,parameterName:acl_value. Please refer to the support documentation',
    );
  }
  if (typeof raw !== 'string') throw invalidParam('acl_value', 'APIG.2011');
  const values = raw.split(',').map((v) => v.trim());
  const valid = entity === 'IP' ? validIpEntry : (v: string) => TENANT_NAME.test(v);
  if (values.some((v) => !valid(v))) throw invalidParam('acl_value', 'APIG.2011');
  if (new Set(values).size !== values.length) {
    throw new ApiError(400, 'APIG.3306', 'The IP address already exists.');
  }
  return { acl_name: name, acl_type: aclType, entity_type: entity, acl_value: values.join(',') };
}

function countBound(store: InstanceStore, aclId: string): number {
  let n = 0;
  for (const b of store.data.aclBindings.values()) if (b.acl_id === aclId) n++;
  return n;
}

export const policyWriteRoutes: RouteDef[] = [
  route('POST', '/throttles', ({ store, body, nowMs }) => {
    const t: Throttle = {
      id: newId(),
      ...throttleFields(store, asObject(body)),
      create_time: isoSeconds(nowMs),
    };
    store.data.throttles.set(t.id, t);
    return ok(throttleView(store, t), 201);
  }),
  route('PUT', '/throttles/{throttle_id}', ({ store, params, body }) => {
    const old = requireThrottle(store, params['throttle_id'] ?? '');
    const t: Throttle = { ...old, ...throttleFields(store, asObject(body), old.id) };
    store.data.throttles.set(t.id, t);
    return ok(throttleView(store, t));
  }),

  route('POST', '/throttles/{throttle_id}/throttle-specials', ({ store, params, body, nowMs }) => {
    const t = requireThrottle(store, params['throttle_id'] ?? '');
    const b = asObject(body);
    const callLimits = reqInt(b, 'call_limits', 1);
    const objectType = reqEnum(b, 'object_type', ['APP', 'USER'] as const);
    const objectId = reqPattern(b, 'object_id', /^.{1,65}$/s);
    const app = objectType === 'APP' ? store.data.apps.get(objectId) : undefined;
    if (objectType === 'APP' && !app) throw new ApiError(404, 'APIG.3004', 'The app does not exist.');
    for (const s of store.data.throttleSpecials.values()) {
      if (s.throttle_id === t.id && s.object_type === objectType && s.object_id === objectId) {
        // 7.4.2 has no "special setting exists" code: refused as an invalid object_id (names the field).
        throw invalidParam('object_id', 'APIG.2011');
      }
    }
    const s: ThrottleSpecial = {
      id: newId(),
      throttle_id: t.id,
      call_limits: callLimits,
      apply_time: isoSeconds(nowMs),
      object_id: objectId,
      object_type: objectType,
      object_name: app ? app.name : objectId,
      ...(app ? { app_id: app.id, app_name: app.name } : {}),
    };
    store.data.throttleSpecials.set(s.id, s);
    return ok(s, 201);
  }),
  route('PUT', '/throttles/{throttle_id}/throttle-specials/{strategy_id}', ({ store, params, body }) => {
    const t = requireThrottle(store, params['throttle_id'] ?? '');
    const s = requireSpecial(store, t.id, params['strategy_id'] ?? '');
    const next = { ...s, call_limits: reqInt(asObject(body), 'call_limits', 1) };
    store.data.throttleSpecials.set(s.id, next);
    return ok(next);
  }),
  route('DELETE', '/throttles/{throttle_id}/throttle-specials/{strategy_id}', ({ store, params }) => {
    const t = requireThrottle(store, params['throttle_id'] ?? '');
    const s = requireSpecial(store, t.id, params['strategy_id'] ?? '');
    store.data.throttleSpecials.delete(s.id);
    return noContent();
  }),

  route('POST', '/signs', ({ store, body, nowMs }) => {
    const now = isoSeconds(nowMs);
    const s: Sign = { id: newId(), ...signFields(store, asObject(body)), create_time: now, update_time: now };
    store.data.signs.set(s.id, s);
    return ok(s, 201);
  }),
  route('PUT', '/signs/{sign_id}', ({ store, params, body, nowMs }) => {
    const id = params['sign_id'] ?? '';
    const old = store.data.signs.get(id);
    if (!old) throw new ApiError(404, 'APIG.3017', 'The signature key does not exist.');
    const s: Sign = { ...old, ...signFields(store, asObject(body), old), update_time: isoSeconds(nowMs) };
    store.data.signs.set(s.id, s);
    return ok(s);
  }),

  route('POST', '/acls', ({ store, body, nowMs }) => {
    const a: Acl = { id: newId(), ...aclFields(store, asObject(body)), update_time: isoSeconds(nowMs) };
    store.data.acls.set(a.id, a);
    return ok(a, 201);
  }),
  route('PUT', '/acls/{acl_id}', ({ store, params, body, nowMs }) => {
    const id = params['acl_id'] ?? '';
    const old = store.data.acls.get(id);
    if (!old) throw new ApiError(404, 'APIG.3006', 'The access control policy does not exist.');
    const a: Acl = { ...old, ...aclFields(store, asObject(body), old), update_time: isoSeconds(nowMs) };
    store.data.acls.set(a.id, a);
    return ok({ ...a, bind_num: countBound(store, a.id) });
  }),
];
