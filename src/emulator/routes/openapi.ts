// OpenAPI import/export (APIC-MORE.md 4.14.1–4.14.4). Exports answer the Swagger 2.0 file itself (JSON or
// YAML, M2); imports take it as the `file_name` part of a multipart/form-data body (M1) and answer the
// per-API partial result. What an export writes, an import reads back into the same definitions.
import {
  OpenApiFileError,
  operationsOf,
  parseOpenApiText,
  serializeOpenApi,
  type OpenApiFormat,
  type OperationOutline,
} from '../../api/openapi-doc.ts';
import type { ApiDef, AuthType, Group, ReqParam } from '../model.ts';
import type { LdApi, LdApiParameter } from '../model-more.ts';
import { isoSeconds, newId, type InstanceStore } from '../state.ts';
import {
  ApiError,
  asObject,
  invalidParam,
  missingParam,
  ok,
  optString,
  route,
  type RouteDef,
} from './common.ts';

const DEFINES = ['spec', 'proxy', 'all', 'dev'];
const AUTH_TYPES: AuthType[] = ['NONE', 'APP', 'IAM', 'AUTHORIZER'];

/** One part of a multipart/form-data body. */
interface FormPart {
  name: string;
  filename?: string;
  data: Buffer;
}

export function parseMultipart(body: Buffer, contentType: string): FormPart[] {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!m) throw new ApiError(400, 'APIG.2000', 'Parameter error: multipart boundary missing');
  const boundary = Buffer.from(`--${m[1] ?? m[2]}`);
  const parts: FormPart[] = [];
  let start = body.indexOf(boundary);
  while (start >= 0) {
    const next = body.indexOf(boundary, start + boundary.length);
    if (next < 0) break;
    const chunk = body.subarray(start + boundary.length + 2, next - 2); // skip CRLF after boundary and before next
    const headEnd = chunk.indexOf('\r\n\r\n');
    if (headEnd >= 0) {
      const head = chunk.subarray(0, headEnd).toString('utf8');
      const name = /name="([^"]*)"/i.exec(head)?.[1];
      const filename = /filename="([^"]*)"/i.exec(head)?.[1];
      if (name !== undefined)
        parts.push({
          name,
          ...(filename !== undefined ? { filename } : {}),
          data: chunk.subarray(headEnd + 4),
        });
    }
    start = next;
  }
  return parts;
}

function formOf(ctx: { rawBody?: Buffer; headers?: Record<string, string | undefined> }): {
  fields: Map<string, string>;
  file: string;
} {
  const ct = ctx.headers?.['content-type'] ?? '';
  if (!ct.startsWith('multipart/form-data'))
    throw new ApiError(400, 'APIG.2000', 'Parameter error: the import takes multipart/form-data');
  const parts = parseMultipart(ctx.rawBody ?? Buffer.alloc(0), ct);
  const fields = new Map<string, string>();
  let file: string | undefined;
  for (const p of parts) {
    if (p.name === 'file_name') file = p.data.toString('utf8');
    else fields.set(p.name, p.data.toString('utf8'));
  }
  if (file === undefined) throw missingParam('file_name');
  return { fields, file };
}

function boolField(fields: Map<string, string>, name: string, dflt: boolean): boolean {
  const v = fields.get(name);
  if (v === undefined || v === '') return dflt;
  if (v === 'true' || v === 'false') return v === 'true';
  throw invalidParam(name);
}

function modeField(fields: Map<string, string>, name: string): 'merge' | 'override' {
  const v = fields.get(name) ?? 'merge';
  if (v !== 'merge' && v !== 'override') throw invalidParam(name);
  return v;
}

function fileError(e: unknown): never {
  if (e instanceof OpenApiFileError) throw new ApiError(400, e.code, e.message);
  throw e;
}

// ---- export ---------------------------------------------------------------------------------------

function paramOf(p: ReqParam): Record<string, unknown> {
  return {
    name: p.name,
    in: p.location.toLowerCase() === 'header' ? 'header' : p.location.toLowerCase(),
    required: p.required === 1 || p.location === 'PATH',
    type: p.type === 'NUMBER' ? 'number' : 'string',
    ...(p.default_value !== undefined ? { default: p.default_value } : {}),
    ...(p.remark ? { description: p.remark } : {}),
    ...(p.sample_value !== undefined ? { 'x-apigateway-sample-value': p.sample_value } : {}),
    'x-apigateway-pass-through': p.pass_through === 1 ? 'always' : 'never',
  };
}

function backendOf(a: ApiDef): Record<string, unknown> {
  if (a.backend_type === 'HTTP' && a.backend_api) {
    const b = a.backend_api;
    return {
      type: 'HTTP',
      httpEndpoints: {
        address: b.url_domain,
        scheme: b.req_protocol.toLowerCase(),
        method: b.req_method,
        path: b.req_uri,
        timeout: b.timeout,
        ...(b.vpc_channel_info ? { vpcChannel: b.vpc_channel_info.vpc_channel_id } : {}),
      },
    };
  }
  if (a.backend_type === 'FUNCTION' && a.func_info)
    return {
      type: 'FUNCTION',
      functionEndpoints: {
        'function-urn': a.func_info.function_urn,
        'invocation-type': a.func_info.invocation_type,
        timeout: a.func_info.timeout,
        version: a.func_info.version ?? 'latest',
      },
    };
  return {
    type: 'MOCK',
    mockEndpoints: {
      result_content: a.mock_info?.result_content ?? '',
      status_code: a.mock_info?.status_code ?? 200,
    },
  };
}

function operationOf(a: ApiDef, define: string): Record<string, unknown> {
  const op: Record<string, unknown> = {
    operationId: a.name,
    description: a.remark ?? '',
    schemes: a.req_protocol === 'BOTH' ? ['http', 'https'] : [a.req_protocol.toLowerCase()],
    parameters: a.req_params.map(paramOf),
    responses: { default: { description: 'default response' } },
    'x-apigateway-auth-type': a.auth_type,
    'x-apigateway-match-mode': a.match_mode,
    'x-apigateway-cors': a.cors,
    'x-apigateway-request-type': a.type === 2 ? 'private' : 'public',
    ...(a.tags && a.tags.length > 0 ? { tags: a.tags } : {}),
  };
  if (define !== 'spec') op['x-apigateway-backend'] = backendOf(a);
  if (define === 'all' || define === 'dev') {
    op['x-apigateway-result-normal-sample'] = a.result_normal_sample ?? '';
    op['x-apigateway-result-failure-sample'] = a.result_failure_sample ?? '';
  }
  return op;
}

export function exportGroup(
  group: Group,
  apis: ApiDef[],
  define: string,
  version: string,
): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const a of apis) {
    const m = a.req_method === 'ANY' ? 'x-apigateway-any-method' : a.req_method.toLowerCase();
    (paths[a.req_uri] ??= {})[m] = operationOf(a, define);
  }
  return {
    swagger: '2.0',
    info: { title: group.name, description: group.remark, version },
    host: group.sl_domain,
    paths,
  };
}

// ---- import ---------------------------------------------------------------------------------------

function reqParamsOf(op: Record<string, unknown>, path: string): ReqParam[] {
  const list = Array.isArray(op['parameters']) ? (op['parameters'] as Array<Record<string, unknown>>) : [];
  const out: ReqParam[] = list
    .filter((p) => p && typeof p.name === 'string' && typeof p.in === 'string')
    .map((p) => ({
      id: newId(),
      name: p.name as string,
      type: p.type === 'number' || p.type === 'integer' ? 'NUMBER' : 'STRING',
      location: String(p.in).toUpperCase() === 'FORMDATA' ? 'FORMDATA' : String(p.in).toUpperCase(),
      required: p.required === true ? 1 : 2,
      valid_enable: 2,
      pass_through: p['x-apigateway-pass-through'] === 'never' ? 2 : 1,
      ...(typeof p.default === 'string' ? { default_value: p.default } : {}),
      ...(typeof p.description === 'string' ? { remark: p.description } : {}),
      ...(typeof p['x-apigateway-sample-value'] === 'string'
        ? { sample_value: p['x-apigateway-sample-value'] }
        : {}),
    }));
  // Every {name} of the path must be a PATH parameter (4.3.1's rule); one the file forgot is added.
  for (const m of path.matchAll(/\{([^}+]+)\+?\}/g)) {
    const name = m[1] as string;
    if (!out.some((p) => p.location === 'PATH' && p.name === name))
      out.push({
        id: newId(),
        name,
        type: 'STRING',
        location: 'PATH',
        required: 1,
        valid_enable: 2,
        pass_through: 1,
      });
  }
  return out;
}

function applyBackend(api: ApiDef, op: Record<string, unknown>, mockMode: boolean, t: string): void {
  const be = (op['x-apigateway-backend'] ?? {}) as Record<string, unknown>;
  delete api.backend_api;
  delete api.func_info;
  delete api.mock_info;
  const http = be['httpEndpoints'] as Record<string, unknown> | undefined;
  const fn = be['functionEndpoints'] as Record<string, unknown> | undefined;
  if (!mockMode && be['type'] === 'HTTP' && http) {
    api.backend_type = 'HTTP';
    api.backend_api = {
      id: newId(),
      url_domain: String(http['address'] ?? ''),
      req_protocol: String(http['scheme'] ?? 'http').toUpperCase(),
      req_method: String(http['method'] ?? api.req_method),
      req_uri: String(http['path'] ?? api.req_uri),
      timeout: Number(http['timeout'] ?? 5000) || 5000,
      enable_client_ssl: false,
      status: 1,
      register_time: t,
      update_time: t,
      vpc_channel_status: http['vpcChannel'] ? 1 : 2,
      ...(http['vpcChannel'] ? { vpc_channel_info: { vpc_channel_id: String(http['vpcChannel']) } } : {}),
    };
  } else if (!mockMode && be['type'] === 'FUNCTION' && fn) {
    api.backend_type = 'FUNCTION';
    api.func_info = {
      id: newId(),
      function_urn: String(fn['function-urn'] ?? ''),
      invocation_type: String(fn['invocation-type'] ?? 'sync'),
      version: String(fn['version'] ?? 'latest'),
      timeout: Number(fn['timeout'] ?? 5000) || 5000,
      register_time: t,
      status: 1,
      update_time: t,
    };
  } else {
    const mock = (be['mockEndpoints'] ?? {}) as Record<string, unknown>;
    api.backend_type = 'MOCK';
    api.mock_info = {
      id: newId(),
      result_content: String(mock['result_content'] ?? ''),
      ...(typeof mock['status_code'] === 'number' ? { status_code: mock['status_code'] } : {}),
      register_time: t,
      status: 1,
      update_time: t,
    };
  }
}

function applyOperation(api: ApiDef, o: OperationOutline, mockMode: boolean, t: string): void {
  const op = o.operation;
  const schemes = Array.isArray(op['schemes']) ? (op['schemes'] as string[]) : ['https'];
  api.name = o.name;
  api.remark = o.remark;
  api.req_protocol = schemes.length > 1 ? 'BOTH' : (schemes[0] ?? 'https').toUpperCase();
  api.auth_type = AUTH_TYPES.includes(o.authType as AuthType) ? (o.authType as AuthType) : 'NONE';
  api.match_mode = o.matchMode === 'SWA' ? 'SWA' : 'NORMAL';
  api.cors = op['x-apigateway-cors'] === true;
  api.type = op['x-apigateway-request-type'] === 'private' ? 2 : 1;
  api.tags = Array.isArray(op['tags'])
    ? (op['tags'] as unknown[]).filter((x): x is string => typeof x === 'string')
    : [];
  if (typeof op['x-apigateway-result-normal-sample'] === 'string')
    api.result_normal_sample = op['x-apigateway-result-normal-sample'];
  if (typeof op['x-apigateway-result-failure-sample'] === 'string')
    api.result_failure_sample = op['x-apigateway-result-failure-sample'];
  api.req_params = reqParamsOf(op, o.path);
  api.backend_params = api.req_params.map((p) => ({
    id: newId(),
    name: p.name,
    location: p.location,
    origin: 'REQUEST',
    value: p.name,
    req_param_id: p.id,
  }));
  applyBackend(api, op, mockMode, t);
  api.update_time = t;
}

function importInto(
  store: InstanceStore,
  group: Group,
  ops: OperationOutline[],
  o: { apiMode: 'merge' | 'override'; mockMode: boolean; nowMs: number },
): { success: unknown[]; failure: unknown[] } {
  const t = isoSeconds(o.nowMs);
  const success: unknown[] = [];
  const failure: unknown[] = [];
  for (const op of ops) {
    const existing = [...store.data.apis.values()].find(
      (a) =>
        a.group_id === group.id &&
        a.req_method === op.method &&
        a.req_uri === op.path &&
        a.match_mode === op.matchMode,
    );
    if (existing && o.apiMode === 'merge') {
      failure.push({
        path: op.path,
        method: op.method,
        error_code: 'APIG.3301',
        error_msg: `The API already exists, An API with the same combination of the method, path, and x-apigateway-match-mode fields already exists. API name: ${existing.name}`,
      });
      continue;
    }
    const nameTaken = [...store.data.apis.values()].some(
      (a) => a.group_id === group.id && a.name === op.name && a !== existing,
    );
    if (nameTaken) {
      failure.push({
        path: op.path,
        method: op.method,
        error_code: 'APIG.3302',
        error_msg: 'The API name already exists.',
      });
      continue;
    }
    const api: ApiDef =
      existing ??
      ({
        id: newId(),
        group_id: group.id,
        req_method: op.method,
        req_uri: op.path,
        status: 1,
        arrange_necessary: 2,
        register_time: t,
        policy_https: [],
        policy_functions: [],
        policy_mocks: [],
      } as unknown as ApiDef);
    applyOperation(api, op, o.mockMode, t);
    store.data.apis.set(api.id, api);
    success.push({ path: op.path, method: op.method, action: existing ? 'update' : 'create', id: api.id });
  }
  return { success, failure };
}

// ---- custom backends (4.14.3/4.14.4) ----------------------------------------------------------------

function ldOperation(a: LdApi): Record<string, unknown> {
  return {
    operationId: a.name,
    description: a.description,
    parameters: a.parameters.map((p) => ({
      name: p.name,
      in: p.in === 'Headers' ? 'header' : p.in === 'Body' ? 'body' : 'query',
      required: p.required === true,
      ...(p.default ? { default: p.default } : {}),
      ...(p.description ? { description: p.description } : {}),
    })),
    responses: { default: { description: 'default response' } },
    'x-livedata-version': a.version,
    'x-livedata-content-type': a.content_type,
    'x-livedata-roma-app-id': a.roma_app_id,
    'x-livedata-type': a.type,
    'x-livedata-scripts': a.scripts.map(({ created_time: _c, modified_time: _m, ...s }) => s),
  };
}

function ldParams(op: Record<string, unknown>): LdApiParameter[] {
  const list = Array.isArray(op['parameters']) ? (op['parameters'] as Array<Record<string, unknown>>) : [];
  return list
    .filter((p) => p && typeof p.name === 'string')
    .map((p) => ({
      name: p.name as string,
      in: p.in === 'header' ? 'Headers' : p.in === 'body' ? 'Body' : 'Parameters',
      default: typeof p.default === 'string' ? p.default : '',
      description: typeof p.description === 'string' ? p.description : '',
      required: p.required === true,
    }));
}

export const openapiRoutes: RouteDef[] = [
  route('POST', '/openapi/export', ({ store, body, nowMs }) => {
    const b = asObject(body);
    const groupId = optString(b, 'group_id');
    if (!groupId) throw missingParam('group_id');
    const group = store.data.groups.get(groupId);
    if (!group) throw new ApiError(404, 'APIG.3001', `API group ${groupId} does not exist`);
    const define = optString(b, 'define') ?? 'spec';
    if (!DEFINES.includes(define)) throw invalidParam('define');
    const type = optString(b, 'type') ?? 'json';
    if (type !== 'json' && type !== 'yaml') throw invalidParam('type');
    const envId = optString(b, 'env_id');
    if (envId && !store.data.envs.has(envId))
      throw new ApiError(404, 'APIG.3003', `Environment ${envId} does not exist`);
    const only = b['apis'];
    if (only !== undefined && (!Array.isArray(only) || !only.every((x) => typeof x === 'string')))
      throw invalidParam('apis', 'APIG.2011');
    const apis = [...store.data.apis.values()].filter(
      (a) =>
        a.group_id === group.id &&
        (!envId || store.publicationOf(a.id, envId) !== undefined) &&
        (!only || (only as string[]).includes(a.id)),
    );
    const version =
      optString(b, 'version') ??
      isoSeconds(nowMs)
        .replace(/[-:TZ]/g, '')
        .slice(0, 14);
    const text = serializeOpenApi(exportGroup(group, apis, define, version), type as OpenApiFormat);
    return {
      status: 200,
      raw: { contentType: type === 'yaml' ? 'application/x-yaml' : 'application/json', data: text },
      headers: { 'content-disposition': `attachment; filename="${group.name}.${type}"` },
    };
  }),
  route('POST', '/openapi/import', (ctx) => {
    const { store, nowMs } = ctx;
    const { fields, file } = formOf(ctx);
    let parsed;
    try {
      parsed = parseOpenApiText(file);
    } catch (e) {
      fileError(e);
    }
    const ops = operationsOf(parsed.doc);
    const createGroup = boolField(fields, 'is_create_group', true);
    const mockMode = boolField(fields, 'mock_mode', false);
    boolField(fields, 'simple_mode', false);
    modeField(fields, 'extend_mode');
    const apiMode = modeField(fields, 'api_mode');
    let group: Group;
    if (createGroup) {
      const name = String(parsed.doc.info?.title ?? '').trim();
      if (!/^[A-Za-z\u4e00-\u9fa5][A-Za-z0-9_\u4e00-\u9fa5]{2,63}$/.test(name))
        throw invalidParam('info.title');
      if ([...store.data.groups.values()].some((g) => g.name === name))
        throw new ApiError(400, 'APIG.3201', 'The API group name already exists');
      const id = newId();
      const t = isoSeconds(nowMs);
      group = {
        id,
        name,
        status: 1,
        sl_domain: `${id}.apic.cn-north-4.huaweicloudapis.com`,
        sl_domains: [`${id}.apic.cn-north-4.huaweicloudapis.com`],
        remark: String(parsed.doc.info?.description ?? ''),
        register_time: t,
        update_time: t,
        url_domains: [],
        on_sell_status: 2,
        is_default: 2,
        version: 'V1',
        roma_app_id: fields.get('app_id') ?? '',
        roma_app_name: '',
      };
      store.data.groups.set(id, group);
    } else {
      const gid = fields.get('group_id');
      if (!gid) throw missingParam('group_id');
      const g = store.data.groups.get(gid);
      if (!g) throw new ApiError(404, 'APIG.3001', 'API group not found');
      group = g;
    }
    const r = importInto(store, group, ops, { apiMode, mockMode, nowMs });
    return ok({ ...r, swagger: { id: newId(), result: 'Success' }, group_id: group.id, ignore: [] });
  }),
  route('POST', '/openapi/livedata-apis/export', ({ store, body, nowMs }) => {
    const b = asObject(body);
    const appId = optString(b, 'app_id')?.trim();
    const format = optString(b, 'format') ?? 'json';
    if (format !== 'json' && format !== 'yaml') throw invalidParam('format');
    const status = b['status'];
    if (status !== undefined && ![1, 3, 4].includes(status as number)) throw invalidParam('status');
    const only = b['apis'];
    if (only !== undefined && (!Array.isArray(only) || !only.every((x) => typeof x === 'string')))
      throw invalidParam('apis', 'APIG.2011');
    const paths: Record<string, Record<string, unknown>> = {};
    for (const a of store.data.ldApis.values()) {
      if (appId && a.roma_app_id !== appId) continue;
      if (status !== undefined && a.status !== status) continue;
      if (only && !(only as string[]).includes(a.id)) continue;
      (paths[a.path] ??= {})[a.method.toLowerCase()] = ldOperation(a);
    }
    const doc = { swagger: '2.0', info: { title: 'livedata-apis', version: isoSeconds(nowMs) }, paths };
    return {
      status: 200,
      raw: {
        contentType: format === 'yaml' ? 'application/x-yaml' : 'application/json',
        data: serializeOpenApi(doc, format),
      },
    };
  }),
  route('POST', '/openapi/livedata-apis/import', (ctx) => {
    const { store, nowMs, instanceId } = ctx;
    const { fields, file } = formOf(ctx);
    let parsed;
    try {
      parsed = parseOpenApiText(file);
    } catch (e) {
      fileError(e);
    }
    modeField(fields, 'extend_mode');
    const apiMode = modeField(fields, 'api_mode');
    const success: unknown[] = [];
    const failure: unknown[] = [];
    const t = isoSeconds(nowMs);
    for (const op of operationsOf(parsed.doc)) {
      const o = op.operation;
      const appId = String(o['x-livedata-roma-app-id'] ?? '');
      const app = store.data.romaApps.get(appId);
      if (!app) {
        failure.push({
          path: op.path,
          method: op.method,
          error_code: 'APIG.3004',
          error_msg: `App ${appId} does not exist`,
        });
        continue;
      }
      const existing = [...store.data.ldApis.values()].find(
        (a) => a.roma_app_id === appId && a.method === op.method && a.path === op.path,
      );
      if (existing && apiMode === 'merge') {
        failure.push({
          path: op.path,
          method: op.method,
          error_code: 'APIG.3314',
          error_msg: 'The backend API already exists',
        });
        continue;
      }
      const scripts = Array.isArray(o['x-livedata-scripts'])
        ? (o['x-livedata-scripts'] as Array<Record<string, unknown>>).map((s) => ({
            ...(s as object),
            content: String(s['content'] ?? ''),
            created_time: t,
            modified_time: t,
          }))
        : [];
      const api: LdApi = {
        id: existing?.id ?? newId(),
        name: op.name,
        path: op.path,
        method: op.method,
        description: op.remark,
        version: String(o['x-livedata-version'] ?? 'v1'),
        content_type: String(o['x-livedata-content-type'] ?? 'json'),
        roma_app_id: appId,
        roma_app_name: app.name,
        return_format: false,
        parameters: ldParams(o),
        instance: instanceId,
        type: String(o['x-livedata-type'] ?? ''),
        status: existing?.status ?? 1,
        created_time: existing?.created_time ?? t,
        modified_time: t,
        scripts,
      };
      store.data.ldApis.set(api.id, api);
      success.push({ path: op.path, method: op.method, action: existing ? 'update' : 'create', id: api.id });
    }
    return ok({ success, failure, swagger: { id: newId(), result: 'Success' } });
  }),
];
