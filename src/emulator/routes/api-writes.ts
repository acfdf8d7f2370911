// Creating and modifying APIs (4.3.1/4.3.2) and the definition check (4.3.14). A modify changes the
// stored definition only: what runs in an environment is the publish-time snapshot until published again.
import type { ApiDef, AuthType, BackendApi, BackendType, ReqParam } from '../model.ts';
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
import { optBool, optEnum, optInt, optText, reqEnum, reqInt, reqPattern } from './rules.ts';
import { apiDetail, requireApi } from './views.ts';

type Body = Record<string, unknown>;

/** 4.3.1: Chinese, letters, digits, `- _ . / ( ) :` (half or full width), `、`; starts with a letter, Chinese or digit; 3-255. */
export const API_NAME = /^[\u4e00-\u9fa5A-Za-z0-9][\u4e00-\u9fa5A-Za-z0-9\-_./()（）:：、]{2,254}$/;
const REQ_URI = /^\/[A-Za-z0-9\-_.~/{}*%+#!$&'=@]{0,511}$/;
const PARAM_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,31}$/;
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS', 'ANY'] as const;
const AUTH_TYPES = ['NONE', 'APP', 'IAM', 'AUTHORIZER'] as const;

function object(b: Body, name: string, required: boolean): Body | undefined {
  const v = b[name];
  if (v === undefined || v === null) {
    if (required) throw missingParam(name);
    return undefined;
  }
  if (typeof v !== 'object' || Array.isArray(v)) throw invalidParam(name, 'APIG.2011');
  return v as Body;
}

function requireAuthorizer(store: InstanceStore, id: string): void {
  if (!store.data.authorizers.has(id))
    throw new ApiError(404, 'APIG.3081', `authorizer with id: ${id} not found`);
}

function reqParams(raw: unknown, uri: string): ReqParam[] {
  if (raw === undefined || raw === null) raw = [];
  if (!Array.isArray(raw)) throw invalidParam('req_params', 'APIG.2011');
  const seen = new Set<string>();
  const params = raw.map((r): ReqParam => {
    if (!r || typeof r !== 'object' || Array.isArray(r)) throw invalidParam('req_params', 'APIG.2011');
    const p = r as Body;
    const name = reqPattern(p, 'name', PARAM_NAME);
    const location = reqEnum(p, 'location', ['PATH', 'QUERY', 'HEADER'] as const);
    const key = `${location}:${location === 'HEADER' ? name.toLowerCase() : name}`;
    if (seen.has(key)) throw new ApiError(400, 'APIG.3209', 'The parameter name already exists.');
    seen.add(key);
    return {
      id: newId(),
      name,
      location,
      type: reqEnum(p, 'type', ['STRING', 'NUMBER'] as const),
      required: optInt(p, 'required', 1, 2) ?? (location === 'PATH' ? 1 : 2),
      valid_enable: optInt(p, 'valid_enable', 1, 2) ?? 2,
      pass_through: optInt(p, 'pass_through', 1, 2) ?? 1,
      ...(optText(p, 'default_value', 255) ? { default_value: optText(p, 'default_value', 255) } : {}),
      ...(optText(p, 'sample_value', 255) ? { sample_value: optText(p, 'sample_value', 255) } : {}),
      ...(optText(p, 'remark', 255) ? { remark: optText(p, 'remark', 255) } : {}),
    };
  });
  // Every `{name}` of the path is a PATH parameter of the definition.
  for (const m of uri.matchAll(/\{([^}]+?)\+?\}/g)) {
    if (!params.some((p) => p.location === 'PATH' && p.name === m[1]))
      throw invalidParam('req_params', 'APIG.2011');
  }
  return params;
}

interface Backend {
  backend_api?: BackendApi;
  func_info?: ApiDef['func_info'];
  mock_info?: ApiDef['mock_info'];
}

function backendOf(store: InstanceStore, b: Body, type: BackendType, now: string): Backend {
  if (type === 'HTTP') {
    const be = object(b, 'backend_api', true) as Body;
    const vpc = object(be, 'vpc_channel_info', false);
    const urlDomain = optText(be, 'url_domain', 255);
    if (!vpc && !urlDomain) throw missingParam('url_domain');
    if (vpc) {
      const id = typeof vpc['vpc_channel_id'] === 'string' ? vpc['vpc_channel_id'] : '';
      if (!store.data.vpcChannels.has(id))
        throw new ApiError(404, 'APIG.3023', `The VPC channel does not exist,id:${id}`);
    }
    const authorizerId = optText(be, 'authorizer_id', 65);
    if (authorizerId) requireAuthorizer(store, authorizerId);
    return {
      backend_api: {
        id: newId(),
        url_domain: urlDomain ?? '',
        req_protocol: reqEnum(be, 'req_protocol', ['HTTP', 'HTTPS'] as const),
        req_method: reqEnum(be, 'req_method', METHODS),
        req_uri: reqPattern(be, 'req_uri', REQ_URI),
        timeout: reqInt(be, 'timeout', 1, 600000),
        enable_client_ssl: optBool(be, 'enable_client_ssl') ?? false,
        status: 1,
        register_time: now,
        update_time: now,
        vpc_channel_status: vpc ? 1 : 2,
        ...(vpc ? { vpc_channel_info: vpc as unknown as NonNullable<BackendApi['vpc_channel_info']> } : {}),
        ...(authorizerId ? { authorizer_id: authorizerId } : {}),
        ...(optText(be, 'remark', 255) ? { remark: optText(be, 'remark', 255) } : {}),
        ...(optText(be, 'version', 16) ? { version: optText(be, 'version', 16) } : {}),
      },
    };
  }
  if (type === 'MOCK') {
    const m = object(b, 'mock_info', true) as Body;
    return {
      mock_info: {
        id: newId(),
        result_content: optText(m, 'result_content', 2048) ?? '',
        ...(optInt(m, 'status_code', 200, 599) !== undefined
          ? { status_code: optInt(m, 'status_code', 200, 599) }
          : {}),
        register_time: now,
        update_time: now,
        status: 1,
      },
    };
  }
  const f = object(b, 'func_info', true) as Body;
  return {
    func_info: {
      id: newId(),
      function_urn: reqPattern(f, 'function_urn', /^.{1,255}$/s),
      invocation_type: reqEnum(f, 'invocation_type', ['async', 'sync'] as const),
      timeout: reqInt(f, 'timeout', 1, 600000),
      ...(optText(f, 'version', 64) ? { version: optText(f, 'version', 64) } : {}),
      register_time: now,
      update_time: now,
      status: 1,
    },
  };
}

function nameTaken(store: InstanceStore, groupId: string, name: string, selfId: string | undefined): void {
  for (const a of store.data.apis.values()) {
    if (a.id !== selfId && a.group_id === groupId && a.name === name) {
      throw new ApiError(400, 'APIG.3202', `The API name already exists, api_name:${name}`);
    }
  }
}

function pathTaken(
  store: InstanceStore,
  d: { group_id: string; req_method: string; req_uri: string; match_mode: string },
  selfId: string | undefined,
): void {
  for (const a of store.data.apis.values()) {
    if (
      a.id !== selfId &&
      a.group_id === d.group_id &&
      a.req_method === d.req_method &&
      a.req_uri.toLowerCase() === d.req_uri.toLowerCase() &&
      a.match_mode === d.match_mode
    ) {
      throw new ApiError(400, 'APIG.3301', 'The API already exists.');
    }
  }
}

function apiFields(store: InstanceStore, b: Body, self: ApiDef | undefined, nowMs: number): ApiDef {
  const now = isoSeconds(nowMs);
  const groupId = reqPattern(b, 'group_id', /^.{1,65}$/s);
  if (!store.data.groups.has(groupId))
    throw new ApiError(404, 'APIG.3001', `API group ${groupId} does not exist`);
  const name = reqPattern(b, 'name', API_NAME);
  const reqUri = reqPattern(b, 'req_uri', REQ_URI);
  const reqMethod = reqEnum(b, 'req_method', METHODS);
  const matchMode = optEnum(b, 'match_mode', ['SWA', 'NORMAL'] as const) ?? 'NORMAL';
  nameTaken(store, groupId, name, self?.id);
  pathTaken(
    store,
    { group_id: groupId, req_method: reqMethod, req_uri: reqUri, match_mode: matchMode },
    self?.id,
  );
  const authType = reqEnum(b, 'auth_type', AUTH_TYPES) as AuthType;
  const authorizerId = optText(b, 'authorizer_id', 65);
  if (authType === 'AUTHORIZER') {
    if (!authorizerId) throw missingParam('authorizer_id');
    requireAuthorizer(store, authorizerId);
  }
  const remark = optText(b, 'remark', 1000);
  if (remark && /[<>]/.test(remark)) throw invalidParam('remark', 'APIG.2011');
  const backendType = reqEnum(b, 'backend_type', ['HTTP', 'FUNCTION', 'MOCK'] as const) as BackendType;
  const appCode = optEnum(b, 'app_code_auth_type', ['DISABLE', 'HEADER'] as const);
  const array = (k: string): unknown[] => {
    const v = b[k];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) throw invalidParam(k, 'APIG.2011');
    return v;
  };
  return {
    id: self?.id ?? newId(),
    name,
    type: reqInt(b, 'type', 1, 2),
    ...(optText(b, 'version', 16) ? { version: optText(b, 'version', 16) } : {}),
    req_protocol: reqEnum(b, 'req_protocol', ['HTTP', 'HTTPS', 'BOTH'] as const),
    req_method: reqMethod,
    req_uri: reqUri,
    auth_type: authType,
    ...(authType === 'APP' && appCode ? { auth_opt: { app_code_auth_type: appCode } } : {}),
    cors: optBool(b, 'cors') ?? false,
    match_mode: matchMode,
    backend_type: backendType,
    ...(remark ? { remark } : {}),
    group_id: groupId,
    ...(optText(b, 'body_remark', 20480) ? { body_remark: optText(b, 'body_remark', 20480) } : {}),
    ...(optText(b, 'result_normal_sample', 20480)
      ? { result_normal_sample: optText(b, 'result_normal_sample', 20480) }
      : {}),
    ...(optText(b, 'result_failure_sample', 20480)
      ? { result_failure_sample: optText(b, 'result_failure_sample', 20480) }
      : {}),
    ...(authType === 'AUTHORIZER' && authorizerId ? { authorizer_id: authorizerId } : {}),
    status: 1,
    arrange_necessary: 2,
    register_time: self?.register_time ?? now,
    update_time: now,
    req_params: reqParams(b['req_params'], reqUri),
    backend_params: array('backend_params') as ApiDef['backend_params'],
    ...backendOf(store, b, backendType, now),
    policy_https: backendType === 'HTTP' ? array('policy_https') : [],
    policy_functions: backendType === 'FUNCTION' ? array('policy_functions') : [],
    policy_mocks: backendType === 'MOCK' ? array('policy_mocks') : [],
  };
}

export const apiWriteRoutes: RouteDef[] = [
  route('POST', '/apis', ({ store, body, nowMs }) => {
    const api = apiFields(store, asObject(body), undefined, nowMs);
    store.data.apis.set(api.id, api);
    return ok(apiDetail(store, api), 201);
  }),
  route('PUT', '/apis/{api_id}', ({ store, params, body, nowMs }) => {
    const old = requireApi(store, params['api_id'] ?? '');
    const api = apiFields(store, asObject(body), old, nowMs);
    store.data.apis.set(api.id, api);
    return ok(apiDetail(store, api));
  }),
  route('POST', '/apis/check', ({ store, body }) => {
    const b = asObject(body);
    const type = optEnum(b, 'type', ['name', 'path'] as const) ?? 'name';
    const apiId = optText(b, 'api_id', 65);
    const groupId = optText(b, 'group_id', 65);
    const inScope = (a: ApiDef) => a.id !== apiId && (!groupId || a.group_id === groupId);
    if (type === 'name') {
      const name = reqPattern(b, 'name', /^.{1,255}$/s);
      for (const a of store.data.apis.values()) {
        if (inScope(a) && a.name === name)
          throw new ApiError(400, 'APIG.3202', `The API name already exists, api_name:${name}`);
      }
      return noContent();
    }
    const method = reqEnum(b, 'req_method', METHODS);
    const uri = reqPattern(b, 'req_uri', /^.{1,512}$/s);
    const mode = reqEnum(b, 'match_mode', ['SWA', 'NORMAL'] as const);
    for (const a of store.data.apis.values()) {
      if (
        inScope(a) &&
        a.req_method === method &&
        a.req_uri.toLowerCase() === uri.toLowerCase() &&
        a.match_mode === mode
      )
        throw new ApiError(400, 'APIG.3301', 'The API already exists.');
    }
    return noContent();
  }),
];
