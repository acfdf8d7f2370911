// What hangs off an APP: App Codes (4.16.3–4.16.7), its client quota (4.16.8, 4.17.1–4.17.9), access control
// (4.16.9–4.16.11) and configurations (4.25.1–4.25.5). Status codes as printed (a GET answered 201 included).
import { randomBytes } from 'node:crypto';
import type { App } from '../model.ts';
import type { AppConfig, AppQuota } from '../model-more.ts';
import { isoSeconds, newId, type InstanceStore } from '../state.ts';
import {
  ApiError,
  asObject,
  invalidParam,
  listWhere,
  noContent,
  ok,
  optString,
  reqString,
  reqStringArray,
  route,
  type RouteDef,
} from './common.ts';

export const APP_CODES_PER_APP = 5;
const APP_CODE_RE = /^[A-Za-z+/][A-Za-z0-9+!@#$%/=]{63,179}$/;
const QUOTA_NAME_RE = /^[A-Za-z\u4e00-\u9fa5][A-Za-z0-9_\u4e00-\u9fa5]{2,254}$/;
const TIME_UNITS = ['SECOND', 'MINUTE', 'HOURE', 'DAY'];
const CONFIG_NAME_RE = /^[A-Za-z][A-Za-z0-9_.@-]{0,63}$/;
const CONFIG_TYPES = ['variable', 'password', 'certificate'] as const;
const RESET_TIME_RE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

export function requireApp(store: InstanceStore, id: string): App {
  const a = store.data.apps.get(id);
  if (!a) throw new ApiError(404, 'APIG.3004', `App ${id} does not exist`);
  return a;
}

function requireQuota(store: InstanceStore, id: string): AppQuota {
  const q = store.data.appQuotas.get(id);
  if (!q) throw new ApiError(404, 'APIG.3093', `App quota ${id} does not exist`);
  return q;
}

function boundCount(store: InstanceStore, quotaId: string): number {
  let n = 0;
  for (const b of store.data.appQuotaBindings.values()) if (b.app_quota_id === quotaId) n++;
  return n;
}

/** GET answers carry the reset time with the zone suffix the reference prints (M6); writes echo it plain. */
function quotaWire(store: InstanceStore, q: AppQuota, forGet: boolean): Record<string, unknown> {
  return {
    app_quota_id: q.id,
    name: q.name,
    call_limits: q.call_limits,
    time_unit: q.time_unit,
    time_interval: q.time_interval,
    remark: q.remark,
    reset_time: forGet && q.reset_time ? `${q.reset_time} +0000 +0000` : q.reset_time,
    create_time: q.create_time,
    bound_app_num: boundCount(store, q.id),
  };
}

function positiveInt(b: Record<string, unknown>, name: string): number {
  const v = b[name];
  if (v === undefined || v === null) throw invalidParam(name, 'APIG.2001');
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw invalidParam(name, 'APIG.2011');
  return v;
}

function quotaFields(
  store: InstanceStore,
  body: unknown,
  selfId?: string,
): Omit<AppQuota, 'id' | 'create_time'> {
  const b = asObject(body);
  const name = reqString(b, 'name');
  if (!QUOTA_NAME_RE.test(name)) throw invalidParam('name');
  for (const q of store.data.appQuotas.values())
    if (q.name === name && q.id !== selfId)
      throw new ApiError(400, 'APIG.3325', 'The APP quota name already exists.');
  const time_unit = reqString(b, 'time_unit', { enum: TIME_UNITS });
  const reset_time = optString(b, 'reset_time') ?? '';
  if (reset_time && !RESET_TIME_RE.test(reset_time)) throw invalidParam('reset_time');
  const remark = optString(b, 'remark', 255) ?? '';
  if (/[<>]/.test(remark)) throw invalidParam('remark');
  return {
    name,
    call_limits: positiveInt(b, 'call_limits'),
    time_unit,
    time_interval: positiveInt(b, 'time_interval'),
    remark,
    reset_time,
  };
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const ipNum = (ip: string) => ip.split('.').reduce((n, p) => n * 256 + Number(p), 0);

/** An IP, a `start-end` range (start ≤ end) or a CIDR (4.16.9). */
export function validAclValue(v: string): boolean {
  if (IPV4.test(v)) return true;
  const range = v.split('-');
  if (range.length === 2) {
    const [a, b] = range as [string, string];
    return IPV4.test(a) && IPV4.test(b) && ipNum(a) <= ipNum(b);
  }
  const cidr = v.split('/');
  if (cidr.length === 2) {
    const bits = Number(cidr[1]);
    return IPV4.test(cidr[0] as string) && /^\d{1,2}$/.test(cidr[1] as string) && bits <= 32;
  }
  return false;
}

function configWire(c: AppConfig): Record<string, unknown> {
  return { ...c };
}

function requireConfig(store: InstanceStore, appId: string, id: string): AppConfig {
  const c = store.data.appConfigs.get(id);
  if (!c || c.app_id !== appId) throw new ApiError(404, 'APIG.3091', 'The APP configuration does not exist');
  return c;
}

/** 4.25: configurations exist only on integration applications (412 APIG.3456). */
function requireIntegrationApp(store: InstanceStore, id: string): App {
  const app = requireApp(store, id);
  if (app.app_type !== 'roma')
    throw new ApiError(412, 'APIG.3456', 'Cannot operate configuration of current app.');
  return app;
}

function configValue(b: Record<string, unknown>): string {
  return optString(b, 'config_value', 2048) ?? '';
}

export const appExtraRoutes: RouteDef[] = [
  // App Codes
  route('POST', '/apps/{app_id}/app-codes', ({ store, params, body, nowMs }) => {
    const app = requireApp(store, params['app_id'] ?? '');
    const code = reqString(asObject(body), 'app_code');
    if (!APP_CODE_RE.test(code)) throw invalidParam('app_code');
    return ok(addAppCode(store, app.id, code, nowMs), 201);
  }),
  route('PUT', '/apps/{app_id}/app-codes', ({ store, params, nowMs }) => {
    const app = requireApp(store, params['app_id'] ?? '');
    return ok(addAppCode(store, app.id, randomBytes(32).toString('hex'), nowMs), 201);
  }),
  route('GET', '/apps/{app_id}/app-codes', ({ store, params, query }) => {
    const app = requireApp(store, params['app_id'] ?? '');
    return listWhere(store.data.appCodes.values(), query, 'app_codes', (c) => c.app_id === app.id);
  }),
  route('GET', '/apps/{app_id}/app-codes/{app_code_id}', ({ store, params }) => {
    const app = requireApp(store, params['app_id'] ?? '');
    const c = store.data.appCodes.get(params['app_code_id'] ?? '');
    if (!c || c.app_id !== app.id) throw new ApiError(404, 'APIG.3082', 'The AppCode does not exist.');
    return ok(c, 201);
  }),
  route('DELETE', '/apps/{app_id}/app-codes/{app_code_id}', ({ store, params }) => {
    const app = requireApp(store, params['app_id'] ?? '');
    const c = store.data.appCodes.get(params['app_code_id'] ?? '');
    if (!c || c.app_id !== app.id) throw new ApiError(404, 'APIG.3082', 'The AppCode does not exist.');
    store.data.appCodes.delete(c.id);
    return noContent();
  }),

  // The client quota an app is bound to (none: 404 APIG.3067, the 7.4.2 "app quota does not exist").
  route('GET', '/apps/{app_id}/bound-quota', ({ store, params }) => {
    const app = requireApp(store, params['app_id'] ?? '');
    for (const b of store.data.appQuotaBindings.values()) {
      if (b.app_id !== app.id) continue;
      const q = store.data.appQuotas.get(b.app_quota_id);
      if (q) return ok(quotaWire(store, q, true));
    }
    throw new ApiError(404, 'APIG.3067', 'The app quota does not exist.');
  }),

  // Access control: one setting per app, replaced by PUT; an app without one reads as an empty list.
  route('PUT', '/apps/{app_id}/app-acl', ({ store, params, body }) => {
    const app = requireApp(store, params['app_id'] ?? '');
    const b = asObject(body);
    const type = reqString(b, 'app_acl_type', { enum: ['PERMIT', 'DENY'] }) as 'PERMIT' | 'DENY';
    const values = reqStringArray(b, 'app_acl_values', 100);
    if (!values.every(validAclValue)) throw invalidParam('app_acl_values');
    if (new Set(values).size !== values.length)
      throw new ApiError(400, 'APIG.3306', 'The IP address already exists.');
    const acl = { id: app.id, app_id: app.id, app_acl_type: type, app_acl_values: values };
    store.data.appAcls.set(app.id, acl);
    return ok({ app_id: app.id, app_acl_type: type, app_acl_values: values }, 201);
  }),
  route('GET', '/apps/{app_id}/app-acl', ({ store, params }) => {
    const app = requireApp(store, params['app_id'] ?? '');
    const acl = store.data.appAcls.get(app.id);
    return ok(
      { app_id: app.id, app_acl_type: acl?.app_acl_type ?? '', app_acl_values: acl?.app_acl_values ?? [] },
      201,
    );
  }),
  route('DELETE', '/apps/{app_id}/app-acl', ({ store, params }) => {
    const app = requireApp(store, params['app_id'] ?? '');
    store.data.appAcls.delete(app.id);
    return noContent();
  }),

  // Client quotas
  route('POST', '/app-quotas', ({ store, body, nowMs }) => {
    const q: AppQuota = { id: newId(), create_time: isoSeconds(nowMs), ...quotaFields(store, body) };
    store.data.appQuotas.set(q.id, q);
    return ok(quotaWire(store, q, false), 201);
  }),
  route('PUT', '/app-quotas/{app_quota_id}', ({ store, params, body }) => {
    const q = requireQuota(store, params['app_quota_id'] ?? '');
    Object.assign(q, quotaFields(store, body, q.id));
    return ok(quotaWire(store, q, false));
  }),
  route('DELETE', '/app-quotas/{app_quota_id}', ({ store, params }) => {
    const q = requireQuota(store, params['app_quota_id'] ?? '');
    for (const [id, b] of store.data.appQuotaBindings)
      if (b.app_quota_id === q.id) store.data.appQuotaBindings.delete(id);
    store.data.appQuotas.delete(q.id);
    return noContent();
  }),
  route('GET', '/app-quotas/{app_quota_id}', ({ store, params }) =>
    ok(quotaWire(store, requireQuota(store, params['app_quota_id'] ?? ''), true)),
  ),
  route('GET', '/app-quotas', ({ store, query }) =>
    listWhere(
      store.data.appQuotas.values(),
      query,
      'quotas',
      (q, { text }) => text('name', q.name),
      (q) => quotaWire(store, q, true),
    ),
  ),
  route('POST', '/app-quotas/{app_quota_id}/binding-apps', ({ store, params, body, nowMs }) => {
    const q = requireQuota(store, params['app_quota_id'] ?? '');
    const ids = reqStringArray(asObject(body), 'app_ids', 100);
    for (const id of ids) requireApp(store, id);
    // An app has at most one client quota (4.16.8 answers one): binding it to a second is refused.
    for (const b of store.data.appQuotaBindings.values())
      if (ids.includes(b.app_id) && b.app_quota_id !== q.id) throw invalidParam('app_ids');
    const applies = ids.map((appId) => {
      const existing = [...store.data.appQuotaBindings.values()].find((b) => b.app_id === appId);
      const b = existing ?? { id: newId(), app_quota_id: q.id, app_id: appId, bound_time: isoSeconds(nowMs) };
      store.data.appQuotaBindings.set(b.id, b);
      return { app_quota_id: q.id, app_id: appId, bound_time: b.bound_time };
    });
    return ok({ applies }, 201);
  }),
  route('DELETE', '/app-quotas/{app_quota_id}/bound-apps/{app_id}', ({ store, params }) => {
    const q = requireQuota(store, params['app_quota_id'] ?? '');
    const app = requireApp(store, params['app_id'] ?? '');
    const b = [...store.data.appQuotaBindings.values()].find(
      (x) => x.app_quota_id === q.id && x.app_id === app.id,
    );
    if (!b) throw invalidParam('app_id');
    store.data.appQuotaBindings.delete(b.id);
    return noContent();
  }),
  route('GET', '/app-quotas/{app_quota_id}/bound-apps', ({ store, params, query }) => {
    const q = requireQuota(store, params['app_quota_id'] ?? '');
    const rows = [...store.data.appQuotaBindings.values()]
      .filter((b) => b.app_quota_id === q.id)
      .map((b) => ({ b, app: store.data.apps.get(b.app_id) }))
      .filter((r): r is { b: typeof r.b; app: App } => r.app !== undefined);
    return listWhere(
      rows,
      query,
      'apps',
      (r, { text }) => text('app_name', r.app.name),
      (r) => appRow(r.app, q, r.b.bound_time),
    );
  }),
  route('GET', '/app-quotas/{app_quota_id}/bindable-apps', ({ store, params, query }) => {
    requireQuota(store, params['app_quota_id'] ?? '');
    const bound = new Set([...store.data.appQuotaBindings.values()].map((b) => b.app_id));
    return listWhere(
      store.data.apps.values(),
      query,
      'apps',
      (a, { text }) => !bound.has(a.id) && text('app_name', a.name),
      (a) => appRow(a, undefined, '0001-01-01T00:00:00Z'),
    );
  }),

  // App configurations; `/apps/configs` routes before `/apps/{app_id}` (literal segment wins).
  route('POST', '/apps/{app_id}/configs', ({ store, params, body, nowMs }) => {
    const app = requireIntegrationApp(store, params['app_id'] ?? '');
    const b = asObject(body);
    const type = reqString(b, 'config_type', { enum: CONFIG_TYPES }) as AppConfig['config_type'];
    const name = reqString(b, 'config_name');
    if (!CONFIG_NAME_RE.test(name)) throw invalidParam('config_name');
    for (const c of store.data.appConfigs.values())
      if (c.app_id === app.id && c.config_name === name)
        throw new ApiError(409, 'APIG.3457', 'Cannot operate configuration of current app.');
    const c: AppConfig = {
      id: newId(),
      app_id: app.id,
      config_type: type,
      config_name: name,
      config_value: configValue(b),
      update_time: isoSeconds(nowMs),
      description: optString(b, 'description', 255) ?? '',
    };
    store.data.appConfigs.set(c.id, c);
    return ok(configWire(c), 201);
  }),
  route('PUT', '/apps/{app_id}/configs/{app_config_id}', ({ store, params, body, nowMs }) => {
    const app = requireIntegrationApp(store, params['app_id'] ?? '');
    const c = requireConfig(store, app.id, params['app_config_id'] ?? '');
    const b = asObject(body);
    c.config_type = reqString(b, 'config_type', { enum: CONFIG_TYPES }) as AppConfig['config_type'];
    c.config_value = configValue(b);
    c.description = optString(b, 'description', 255) ?? c.description;
    c.update_time = isoSeconds(nowMs);
    return ok(configWire(c));
  }),
  route('DELETE', '/apps/{app_id}/configs/{app_config_id}', ({ store, params }) => {
    const app = requireIntegrationApp(store, params['app_id'] ?? '');
    const c = requireConfig(store, app.id, params['app_config_id'] ?? '');
    store.data.appConfigs.delete(c.id);
    return noContent();
  }),
  route('GET', '/apps/{app_id}/configs/{app_config_id}', ({ store, params }) => {
    const app = requireApp(store, params['app_id'] ?? '');
    return ok(configWire(requireConfig(store, app.id, params['app_config_id'] ?? '')));
  }),
  route('GET', '/apps/configs', ({ store, query }) =>
    listWhere(store.data.appConfigs.values(), query, 'configs', (c, { exact, text }) => {
      const app = store.data.apps.get(c.app_id);
      return (
        exact('app_id', c.app_id) && text('config_name', c.config_name) && text('roma_app_name', app?.name)
      );
    }),
  ),
];

function addAppCode(
  store: InstanceStore,
  appId: string,
  code: string,
  nowMs: number,
): Record<string, unknown> {
  const mine = [...store.data.appCodes.values()].filter((c) => c.app_id === appId);
  if (mine.some((c) => c.app_code === code))
    throw new ApiError(400, 'APIG.3311', 'The AppCode already exists.');
  if (mine.length >= APP_CODES_PER_APP)
    throw new ApiError(403, 'APIG.3131', 'The number of AppCodes exceeds the maximum allowed limit.');
  const c = { id: newId(), app_id: appId, app_code: code, create_time: isoSeconds(nowMs) };
  store.data.appCodes.set(c.id, c);
  return c;
}

function appRow(app: App, q: AppQuota | undefined, boundTime: string): Record<string, unknown> {
  return {
    app_id: app.id,
    name: app.name,
    status: app.status,
    app_key: app.app_key,
    remark: app.remark,
    register_time: app.register_time,
    update_time: app.update_time,
    app_quota_id: q?.id ?? '',
    app_quota_name: q?.name ?? '',
    bound_time: boundTime,
  };
}
