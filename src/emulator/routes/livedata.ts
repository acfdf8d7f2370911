// Custom backends ("livedata" APIs, APIC-MORE.md 4.19.1–4.19.14). A function script really runs: its
// Base64 JavaScript `execute(data)` is evaluated in a fresh node:vm context with a time limit, so a test
// shows the script's own answer. Data scripts have no database here: they answer an empty result set.
import { runInNewContext } from 'node:vm';
import type { ApiDef } from '../model.ts';
import type { LdApi, LdApiDeploy, LdApiParameter, LdApiScript } from '../model-more.ts';
import { isoSeconds, newId, type InstanceStore } from '../state.ts';
import { publishApi } from './publish.ts';
import {
  ApiError,
  asObject,
  filterIter,
  invalidParam,
  noContent,
  ok,
  optString,
  page,
  reqString,
  requireQuery,
  route,
  textFilter,
  type RouteDef,
} from './common.ts';

export const LD_API_QUOTA = 10000;
export const LD_SCRIPT_QUOTA = 5;
export const LD_DATASOURCE_QUOTA = 3;
// Pattern refusals are APIG.2011 ("does not match the rule"), as the 4.19.1 example.
const METHODS = ['GET', 'PUT', 'POST', 'DELETE'];
const PARAM_IN = ['Headers', 'Parameters', 'Body'];
/** 4.19.1: letters, digits, Chinese, `- _ . / ( ) :` (half- or full-width) and `、`; 3–100. */
const NAME_RE = /^[A-Za-z0-9\u4e00-\u9fa5][A-Za-z0-9\u4e00-\u9fa5\-_./()（）:：、]{2,99}$/;
/** LdApiParameter `name`: Headers/Parameters names; a Body parameter is named by its media type. */
const PARAM_NAME_RE = /^[A-Za-z][A-Za-z0-9._-]{0,31}$/;
const BODY_PARAM_NAMES = ['application/json', 'application/xml', 'application/text'];
const PATH_RE = /^\/[A-Za-z0-9\-_./{}]{1,255}$/;
const VERSION_RE = /^[A-Za-z0-9_.-]{2,64}$/;
const AUTH_TYPES = ['NONE', 'APP', 'IAM', 'AUTHORIZER'];

export function requireLdApi(store: InstanceStore, id: string): LdApi {
  const a = store.data.ldApis.get(id);
  if (!a) throw new ApiError(404, 'APIG.3084', `The livedata API does not exist, id: ${id}`);
  return a;
}

function parameters(v: unknown): LdApiParameter[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw invalidParam('parameters', 'APIG.2011');
  return v.map((raw, i) => {
    const p = asObject(raw);
    const where = reqString(p, 'in', { enum: PARAM_IN });
    const name = reqString(p, 'name', { max: 32 });
    if (where === 'Body' ? !BODY_PARAM_NAMES.includes(name) : !PARAM_NAME_RE.test(name))
      throw invalidParam(`parameters[${i}]`, 'APIG.2011');
    const description = optString(p, 'description', 255) ?? '';
    if (/[<>]/.test(description)) throw invalidParam(`parameters[${i}]`, 'APIG.2011');
    return {
      name,
      in: where,
      default: optString(p, 'default', 4000) ?? '',
      description,
      required: p['required'] === true,
    };
  });
}

/** Create/modify body (4.19.1/4.19.2), with the uniqueness rules of 7.4.2 (3215 name, 3314 method+path). */
function definition(
  store: InstanceStore,
  body: unknown,
  selfId?: string,
): Omit<LdApi, 'id' | 'instance' | 'type' | 'status' | 'created_time' | 'modified_time' | 'scripts'> {
  const b = asObject(body);
  const name = reqString(b, 'name');
  if (!NAME_RE.test(name)) throw invalidParam('name', 'APIG.2011');
  const path = reqString(b, 'path');
  if (!PATH_RE.test(path)) throw invalidParam('path', 'APIG.2011');
  const method = reqString(b, 'method', { enum: METHODS });
  const version = reqString(b, 'version');
  if (!VERSION_RE.test(version)) throw invalidParam('version', 'APIG.2011');
  const roma_app_id = reqString(b, 'roma_app_id', { max: 65 });
  const app = store.data.romaApps.get(roma_app_id);
  if (!app) throw new ApiError(404, 'APIG.3004', `App ${roma_app_id} does not exist`);
  const description = optString(b, 'description', 1000) ?? '';
  if (/[<>]/.test(description)) throw invalidParam('description', 'APIG.2011');
  for (const other of store.data.ldApis.values()) {
    if (other.id === selfId || other.roma_app_id !== roma_app_id) continue;
    if (other.name === name) throw new ApiError(400, 'APIG.3215', 'The backend API name already exists.');
    if (other.method === method && other.path === path)
      throw new ApiError(400, 'APIG.3314', 'The backend API already exists.');
  }
  const sig = optString(b, 'api_signature_id', 64);
  return {
    name,
    path,
    method,
    description,
    version,
    content_type: optString(b, 'content_type') ?? 'json',
    ...(sig ? { api_signature_id: sig } : {}),
    roma_app_id,
    roma_app_name: app.name,
    return_format: b['return_format'] === true,
    parameters: parameters(b['parameters']),
  };
}

function scriptsOf(
  store: InstanceStore,
  body: unknown,
  nowMs: number,
): { type: string; scripts: LdApiScript[] } {
  const b = asObject(body);
  const type = optString(b, 'api_type') ?? 'function';
  if (type !== 'data' && type !== 'function') throw invalidParam('api_type');
  const raw = b['scripts'] ?? [];
  if (!Array.isArray(raw)) throw invalidParam('scripts', 'APIG.2011');
  if (raw.length > LD_SCRIPT_QUOTA)
    throw new ApiError(403, 'APIG.3135', 'The number of API scripts exceeds the maximum allowed limit.');
  const names = new Set<string>();
  const scripts = raw.map((r): LdApiScript => {
    const s = asObject(r);
    const content = reqString(s, 'content', { max: 100000 });
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(content)) throw invalidParam('content');
    const script: LdApiScript = {
      content,
      type: optString(s, 'type') ?? 'SQL',
      created_time: isoSeconds(nowMs),
      modified_time: isoSeconds(nowMs),
      enable_result_paging: s['enable_result_paging'] === true,
      enable_prepar_estatement:
        s['enable_preparstatement'] === true || s['enable_prepar_estatement'] === true,
    };
    if (type === 'data') {
      const dsId = reqString(s, 'ds_id');
      const ds = store.data.dataSources.get(dsId);
      if (!ds) throw new ApiError(404, 'APIG.3083', 'The data source does not exist.');
      const objectName = reqString(s, 'object_name', { max: 32 });
      if (names.has(objectName))
        throw new ApiError(400, 'APIG.3315', 'The returned object name already exists.');
      names.add(objectName);
      Object.assign(script, { ds_id: ds.id, ds_name: ds.name, ds_type: ds.type, object_name: objectName });
    }
    return script;
  });
  return { type, scripts };
}

/** Runs the API's scripts against the test parameters (4.19.7). */
export function runScripts(api: LdApi, data: Record<string, string>): { status: string; body: string } {
  if (api.scripts.length === 0)
    return { status: '500', body: JSON.stringify({ error: 'the API has no script' }) };
  if (api.type === 'data') {
    const out: Record<string, unknown[]> = {};
    for (const s of api.scripts) out[s.object_name ?? 'result'] = [];
    return { status: '200', body: JSON.stringify(out) };
  }
  try {
    const code = Buffer.from(api.scripts[0]?.content ?? '', 'base64').toString('utf8');
    const result: unknown = runInNewContext(
      `${code}\n;execute(__data)`,
      { __data: { ...data } },
      { timeout: 200 },
    );
    return { status: '200', body: typeof result === 'string' ? result : JSON.stringify(result ?? null) };
  } catch (e) {
    return { status: '500', body: JSON.stringify({ error: e instanceof Error ? e.message : String(e) }) };
  }
}

function wire(api: LdApi): Record<string, unknown> {
  return { ...api };
}

/** Creates and publishes the frontend API of a deployment (4.19.9 with deploy_front_api=true). */
function frontendApi(store: InstanceStore, ld: LdApi, b: Record<string, unknown>, nowMs: number): ApiDef {
  const auth = reqString(b, 'auth_type', { enum: AUTH_TYPES }) as ApiDef['auth_type'];
  const groupId = reqString(b, 'group_id');
  if (!store.data.groups.has(groupId))
    throw new ApiError(404, 'APIG.3001', `API group ${groupId} does not exist`);
  const envId = reqString(b, 'env_id');
  if (!store.data.envs.has(envId))
    throw new ApiError(404, 'APIG.3003', `Environment ${envId} does not exist`);
  const authorizerId = optString(b, 'authorizer_id');
  if (auth === 'AUTHORIZER' && !authorizerId) throw invalidParam('authorizer_id', 'APIG.2001');
  if (auth === 'AUTHORIZER' && !store.data.authorizers.has(authorizerId ?? ''))
    throw new ApiError(404, 'APIG.3081', `The custom authorizer does not exist, id: ${authorizerId}`);
  const protocol = optString(b, 'protocol') ?? 'HTTPS';
  if (!['HTTP', 'HTTPS', 'BOTH'].includes(protocol)) throw invalidParam('protocol');
  const method = optString(b, 'method') ?? ld.method;
  if (!METHODS.includes(method)) throw invalidParam('method');
  const uri = optString(b, 'path') ?? ld.path;
  const name = ld.name.replace(/[^A-Za-z0-9_\u4e00-\u9fa5]/g, '_').slice(0, 64);
  // The frontend API is an ordinary API of the group: its name and its method + path are unique there.
  for (const a of store.data.apis.values()) {
    if (a.group_id !== groupId) continue;
    if (a.name === name)
      throw new ApiError(400, 'APIG.3202', `The API name already exists, api_name:${name}`);
    if (a.req_method === method && a.req_uri.toLowerCase() === uri.toLowerCase() && a.match_mode === 'NORMAL')
      throw new ApiError(400, 'APIG.3301', 'The API already exists.');
  }
  const t = isoSeconds(nowMs);
  const api: ApiDef = {
    id: newId(),
    name,
    type: 1,
    req_protocol: protocol,
    req_method: method,
    req_uri: uri,
    auth_type: auth,
    cors: b['cors'] === true,
    match_mode: 'NORMAL',
    // The emulator has no livedata runtime behind the gateway: the frontend answers with a mock.
    backend_type: 'MOCK',
    remark: `Custom backend ${ld.name}`,
    group_id: groupId,
    ...(authorizerId ? { authorizer_id: authorizerId } : {}),
    roma_app_id: ld.roma_app_id,
    status: 1,
    arrange_necessary: 2,
    register_time: t,
    update_time: t,
    req_params: [],
    backend_params: [],
    mock_info: {
      id: newId(),
      result_content: JSON.stringify({ livedata: ld.name }),
      register_time: t,
      status: 1,
      update_time: t,
    },
    policy_https: [],
    policy_functions: [],
    policy_mocks: [],
  };
  store.data.apis.set(api.id, api);
  publishApi(store, api.id, envId, `deployed from custom backend ${ld.id}`, nowMs);
  return api;
}

function deployWire(d: LdApiDeploy, api: LdApi): Record<string, unknown> {
  const { undeploy_time: _u, ...rest } = d;
  return { ...rest, api_definition: wire(api) };
}

export const livedataRoutes: RouteDef[] = [
  route('POST', '/livedata-apis', ({ store, body, nowMs, instanceId }) => {
    if (store.data.ldApis.size >= LD_API_QUOTA)
      throw new ApiError(403, 'APIG.3134', 'The number of livedata APIs exceeds the maximum allowed limit.');
    const t = isoSeconds(nowMs);
    const api: LdApi = {
      id: newId(),
      ...definition(store, body),
      instance: instanceId,
      type: '',
      status: 1,
      created_time: t,
      modified_time: t,
      scripts: [],
    };
    store.data.ldApis.set(api.id, api);
    return ok(wire(api), 201);
  }),
  route('POST', '/livedata-apis/check', ({ store, body }) => {
    const b = asObject(body);
    const type = reqString(b, 'type', { enum: ['name', 'path'] });
    const appId = optString(b, 'roma_app_id');
    const mine = [...store.data.ldApis.values()].filter((a) => !appId || a.roma_app_id === appId);
    if (type === 'name') {
      const name = reqString(b, 'ld_api_name');
      if (mine.some((a) => a.name === name))
        throw new ApiError(400, 'APIG.3215', 'The livedata API name already exists');
    } else {
      const method = reqString(b, 'ld_api_method', { enum: METHODS });
      const path = reqString(b, 'ld_api_path');
      if (mine.some((a) => a.method === method && a.path === path))
        throw new ApiError(400, 'APIG.3314', 'The backend API already exists.');
    }
    return noContent();
  }),
  route('PUT', '/livedata-apis/{ld_api_id}', ({ store, params, body, nowMs }) => {
    const api = requireLdApi(store, params['ld_api_id'] ?? '');
    Object.assign(api, definition(store, body, api.id), { modified_time: isoSeconds(nowMs) });
    return ok(wire(api));
  }),
  route('DELETE', '/livedata-apis/{ld_api_id}', ({ store, params }) => {
    const api = requireLdApi(store, params['ld_api_id'] ?? '');
    if (api.status === 4) throw new ApiError(403, 'APIG.3483', 'The API is deployed and cannot be deleted.');
    store.data.ldApis.delete(api.id);
    for (const [id, t] of store.data.ldApiTests) if (t.ld_api_id === api.id) store.data.ldApiTests.delete(id);
    for (const [id, d] of store.data.ldApiDeploys)
      if (d.ld_api_id === api.id) store.data.ldApiDeploys.delete(id);
    return noContent();
  }),
  route('GET', '/livedata-apis/{ld_api_id}', ({ store, params }) =>
    ok(wire(requireLdApi(store, params['ld_api_id'] ?? ''))),
  ),
  route('GET', '/livedata-apis', ({ store, query }) => {
    const text = textFilter(query);
    const status = query.get('status');
    if (status && !['1', '3', '4'].includes(status)) throw invalidParam('status');
    const items = filterIter(
      store.data.ldApis.values(),
      (a) =>
        (!query.get('app_id') || a.roma_app_id === query.get('app_id')) &&
        text('app_name', a.roma_app_name) &&
        text('name', a.name) &&
        text('path', a.path) &&
        (!status || String(a.status) === status),
    );
    return page(items, query, 'apis', wire);
  }),
  route('POST', '/livedata-apis/{ld_api_id}/scripts', ({ store, params, body, nowMs }) => {
    const api = requireLdApi(store, params['ld_api_id'] ?? '');
    const { type, scripts } = scriptsOf(store, body, nowMs);
    Object.assign(api, { type, scripts, modified_time: isoSeconds(nowMs) });
    return ok(wire(api));
  }),
  route('POST', '/livedata-apis/{ld_api_id}/test', ({ store, params, body, nowMs, state }) => {
    const api = requireLdApi(store, params['ld_api_id'] ?? '');
    const b = asObject(body);
    // The 4.19.7 example sends `parameter` (singular); the table says `parameters`: both are read.
    const ps = parameters(b['parameters'] ?? b['parameter']);
    const data = Object.fromEntries(ps.map((p) => [p.name, p.default ?? '']));
    const started = performance.now();
    const r = runScripts(api, data);
    const testId = store.data.ldApiTests.size + 1;
    const t = {
      id: String(testId),
      test_id: testId,
      ld_api_id: api.id,
      test_status_code: r.status,
      test_request: JSON.stringify(
        ps.map((p) => ({ paramName: p.name, paramValue: p.default, paramIn: p.in })),
      ),
      test_response: r.body,
      test_used_time: Math.max(1, Math.round(performance.now() - started)),
      test_operator: state.projectId,
      test_method: api.method,
      test_date: isoSeconds(nowMs),
    };
    store.data.ldApiTests.set(t.id, t);
    const { id: _id, ...out } = t;
    return ok(out);
  }),
  route('GET', '/livedata-apis/{ld_api_id}/test', ({ store, params, query }) => {
    const api = requireLdApi(store, params['ld_api_id'] ?? '');
    const mine = [...store.data.ldApiTests.values()].filter((t) => t.ld_api_id === api.id).reverse();
    return page(mine, query, 'histories', ({ id: _id, ...t }) => t);
  }),
  route('POST', '/livedata-apis/{ld_api_id}/deploy', ({ store, params, body, nowMs }) => {
    const api = requireLdApi(store, params['ld_api_id'] ?? '');
    if (api.status === 4 || api.scripts.length === 0)
      throw new ApiError(403, 'APIG.3484', 'The API status does not support deployment.');
    const b = asObject(body);
    const appId = optString(b, 'roma_app_id');
    if (appId && appId !== api.roma_app_id)
      throw new ApiError(
        409,
        'APIG.3479',
        'the roma app used for deploy must be the same as the roma app of the ld api',
      );
    const front = b['deploy_front_api'] !== false ? frontendApi(store, api, b, nowMs) : undefined;
    const d: LdApiDeploy = {
      id: newId(),
      ld_api_id: api.id,
      group_id: front?.group_id ?? '',
      env_id: front ? (optString(b, 'env_id') ?? '') : '',
      api_id: front?.id ?? '',
      deploy_time: isoSeconds(nowMs),
    };
    store.data.ldApiDeploys.set(d.id, d);
    api.status = 4;
    api.modified_time = isoSeconds(nowMs);
    return ok(deployWire(d, api));
  }),
  route('GET', '/livedata-apis/{ld_api_id}/deploy', ({ store, params }) => {
    const api = requireLdApi(store, params['ld_api_id'] ?? '');
    // Not paged (M8): the history is the whole list.
    const histories = [...store.data.ldApiDeploys.values()]
      .filter((d) => d.ld_api_id === api.id)
      .reverse()
      .map((d) => deployWire(d, api));
    return ok({ histories });
  }),
  route('POST', '/livedata-apis/{ld_api_id}/undeploy', ({ store, params, nowMs }) => {
    const api = requireLdApi(store, params['ld_api_id'] ?? '');
    if (api.status !== 4)
      throw new ApiError(403, 'APIG.3486', 'The API status does not support undeployment.');
    for (const a of store.data.authorizers.values())
      if (a.authorizer_type === 'LD' && a.ld_api_id === api.id)
        throw new ApiError(409, 'APIG.3460', 'The Id api cannot be offlined for binding to an authorizer');
    api.status = 3;
    api.modified_time = isoSeconds(nowMs);
    for (const d of store.data.ldApiDeploys.values())
      if (d.ld_api_id === api.id && !d.undeploy_time) d.undeploy_time = isoSeconds(nowMs);
    return noContent();
  }),
  route('GET', '/livedata-quota', ({ store }) =>
    ok({
      api: String(LD_API_QUOTA),
      api_used: String(store.data.ldApis.size),
      datasource: String(LD_DATASOURCE_QUOTA),
      datasource_used: String(store.data.dataSources.size),
      scripts: String(LD_SCRIPT_QUOTA),
    }),
  ),
  route('GET', '/data-sources', ({ store, query }) => {
    const appId = requireQuery(query, 'app_id');
    const text = textFilter(query);
    const items = filterIter(
      store.data.dataSources.values(),
      (d) => d.app_id === appId && text('name', d.name),
    );
    return page(items, query, 'data_sources', ({ app_id: _a, ...d }) => d);
  }),
];
