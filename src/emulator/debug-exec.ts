// Debug an API (4.3.8) for real: the front-end request is matched against the API definition, the backend
// is executed (MOCK answers its configured content, HTTP calls the backend over the network, FUNCTION
// answers a simulated function result) and both sides are returned as raw HTTP text, as the gateway does.
//
// Gateway-side failures inside a debug answer (the debug call itself still answers 200) use the runtime
// codes of Huawei's API gateway, which the seed does not list: APIG.0101 404 API not found/not published,
// APIG.0201 400 bad request, APIG.0202 502 backend unavailable, APIG.0203 504 backend timeout,
// APIG.0303 401 wrong app credentials, APIG.0304 403 app not authorized.
import { randomBytes } from 'node:crypto';
import { request as httpRequest, STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { buildQueryString } from '../auth/signer.ts';

// ---- types -------------------------------------------------------------------------------------------

export type DebugMode = 'DEVELOPER' | 'MARKET' | 'CONSUMER';

/** 4.3.8 request body. */
export interface DebugRequestBody {
  mode: DebugMode;
  scheme: 'HTTP' | 'HTTPS';
  method: string;
  path: string;
  query?: Record<string, string[]>;
  header?: Record<string, string[]>;
  body?: string;
  app_key?: string;
  app_secret?: string;
  domain?: string;
  stage?: string;
}

/** 4.3.8 response body. `latency` is a number as in the documented example (the table says String). */
export interface DebugResult {
  request: string;
  response: string;
  latency: number;
  log: string;
}

export interface DebugReqParam {
  name: string;
  type?: string;
  /** PATH, QUERY, HEADER (the seed gives no enumeration; examples use these). */
  location: string;
  required?: number;
  default_value?: string;
  pass_through?: number;
}

export interface DebugBackendParam {
  name: string;
  location: string; // PATH | QUERY | HEADER
  origin: string; // REQUEST | CONSTANT | SYSTEM
  value: string;
}

/** The subset of the 4.3.5 API object that debugging needs. */
export interface DebugApiDefinition {
  id: string;
  name?: string;
  group_id?: string;
  req_method: string;
  req_uri: string;
  match_mode?: string;
  auth_type: string;
  backend_type: string;
  backend_api?: {
    url_domain?: string;
    req_protocol: string;
    req_method: string;
    req_uri: string;
    timeout: number;
    vpc_channel_status?: number;
    vpc_channel_info?: {
      vpc_channel_id?: string;
      vpc_channel_proxy_host?: string;
      vpc_channel_port?: string | number;
    };
  };
  func_info?: { function_urn: string; invocation_type: string; timeout: number; version?: string };
  /** `status_code` is not in the seed's ApiMock table; later APIG versions have it, so it is honoured when set. */
  mock_info?: { result_content?: string; status_code?: number };
  req_params?: DebugReqParam[];
  backend_params?: DebugBackendParam[];
}

export type AppCheck = 'ok' | 'unknown-app' | 'bad-secret' | 'not-authorized';

export interface DebugContext {
  nowMs: number;
  /** The environment the debug runs in (CONSUMER: the stage). */
  env?: { id: string; name: string };
  /** Values for `#name#` variables in the backend address and path. */
  envVariables?: Record<string, string>;
  /** Response-body limit; 2097152 bytes by default (4.3.8). */
  limitBytes?: number;
  /** CONSUMER mode: whether the API is published in the stage. Defaults to true. */
  published?: boolean;
  /** APP-auth APIs: checks app_key/app_secret and the app's authorization for the API in the env. */
  checkApp?: (appKey: string, appSecret: string) => AppCheck;
  /** VPC-channel backends: `host:port` of a healthy member, if any. */
  resolveVpcChannel?: (channelId: string) => string | undefined;
  /** The API group's subdomain (default Host of the debug request). */
  subdomain?: string;
  sourceIp?: string;
  /** The API's throttling limit per second for the X-Apig-Ratelimit-Api header (default 200, 4.7.1). */
  apiRateLimit?: number;
}

export const DEBUG_BODY_LIMIT = 2_097_152;
export const TRUNCATED_MARK = '[TRUNCATED]';

// ---- request validation -----------------------------------------------------------------------------

export class DebugRequestError extends Error {
  readonly status = 400;
  constructor(
    readonly error_code: string,
    readonly error_msg: string,
  ) {
    super(error_msg);
    this.name = 'DebugRequestError';
  }
}

const invalid = (p: string): DebugRequestError =>
  new DebugRequestError(
    'APIG.2011',
    `Invalid parameter value,parameterName:${p}. Please refer to the support documentation`,
  );
const missing = (p: string): DebugRequestError =>
  new DebugRequestError(
    'APIG.2001',
    `The request parameters must be specified,parameterName:${p}. Please refer to the support documentation`,
  );

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS'];
const QUERY_NAME_RE = /^[A-Za-z][A-Za-z0-9._-]*$/;
const HEADER_NAME_RE = /^[A-Za-z][A-Za-z0-9.-]*$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkNames(
  field: 'query' | 'header',
  v: unknown,
  mode: DebugMode,
): Record<string, string[]> | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isRecord(v)) throw invalid(field);
  const out: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(v)) {
    const re = field === 'query' ? QUERY_NAME_RE : HEADER_NAME_RE;
    const lower = name.toLowerCase();
    const forbidden =
      !re.test(name) ||
      Buffer.byteLength(name) > 32 ||
      lower.startsWith('x-apig-') ||
      lower.startsWith('x-sdk-') ||
      lower === 'x-stage' ||
      (field === 'header' && mode !== 'DEVELOPER' && (lower === 'x-auth-token' || lower === 'authorization'));
    if (forbidden) throw invalid(`${field}.${name}`);
    if (!Array.isArray(values) || !values.every((x) => typeof x === 'string'))
      throw invalid(`${field}.${name}`);
    out[name] = values as string[];
  }
  return out;
}

function optString(body: Record<string, unknown>, key: string): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw invalid(key);
  return v;
}

/** Validates a 4.3.8 request body as the reference describes it; throws DebugRequestError (400). */
export function parseDebugRequest(body: unknown): DebugRequestBody {
  if (!isRecord(body)) throw invalid('body');
  const mode = body['mode'];
  if (mode === undefined) throw missing('mode');
  if (mode !== 'DEVELOPER' && mode !== 'MARKET' && mode !== 'CONSUMER') throw invalid('mode');
  const scheme = body['scheme'];
  if (scheme === undefined) throw missing('scheme');
  if (scheme !== 'HTTP' && scheme !== 'HTTPS') throw invalid('scheme');
  const method = body['method'];
  if (method === undefined) throw missing('method');
  if (typeof method !== 'string' || !METHODS.includes(method)) throw invalid('method');
  const path = body['path'];
  if (path === undefined) throw missing('path');
  if (typeof path !== 'string' || !path.startsWith('/') || path.length > 1024) throw invalid('path');
  try {
    decodeURIComponent(path);
  } catch {
    throw invalid('path');
  }
  const reqBody = optString(body, 'body');
  if (reqBody !== undefined && Buffer.byteLength(reqBody) > DEBUG_BODY_LIMIT) throw invalid('body');
  const out: DebugRequestBody = { mode, scheme, method, path };
  const query = checkNames('query', body['query'], mode);
  const header = checkNames('header', body['header'], mode);
  if (query) out.query = query;
  if (header) out.header = header;
  if (reqBody !== undefined) out.body = reqBody;
  for (const k of ['app_key', 'app_secret', 'domain', 'stage'] as const) {
    const v = optString(body, k);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

// ---- helpers ------------------------------------------------------------------------------------------

/** "x-MY-hEaDer" → "X-My-Header", as the gateway canonicalises debug header names. */
export function canonicalHeaderName(name: string): string {
  return name
    .split('-')
    .map((p) => (p ? p[0]!.toUpperCase() + p.slice(1).toLowerCase() : p))
    .join('-');
}

const SECRET_HEADERS = new Set(['authorization', 'x-auth-token', 'x-security-token']);
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
  'te',
  'trailer',
]);

function maskIfSecret(name: string, value: string): string {
  return SECRET_HEADERS.has(name.toLowerCase()) ? '******' : value;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Matches a request path against an API `req_uri` with `{name}` (and greedy `{name+}`) parameters. */
export function matchPath(reqUri: string, path: string, prefix: boolean): Record<string, string> | undefined {
  const tpl = reqUri.split('/').filter((s) => s !== '');
  const got = path.split('/').filter((s) => s !== '');
  const params: Record<string, string> = {};
  for (let i = 0; i < tpl.length; i++) {
    const t = tpl[i]!;
    const greedy = /^\{([^}]+)\+\}$/.exec(t);
    if (greedy) {
      if (i >= got.length) return undefined;
      params[greedy[1]!] = got.slice(i).map(safeDecode).join('/');
      return params;
    }
    const g = got[i];
    if (g === undefined) return undefined;
    const p = /^\{([^}]+)\}$/.exec(t);
    if (p) params[p[1]!] = safeDecode(g);
    else if (safeDecode(t) !== safeDecode(g)) return undefined;
  }
  if (!prefix && got.length !== tpl.length) return undefined;
  return params;
}

const ENV_VAR_RE = /#([A-Za-z][A-Za-z0-9_-]{2,31})#/g;

/** Replaces `#name#` environment variables; returns the names that had no value. */
export function substituteEnvVariables(
  s: string,
  vars: Record<string, string>,
): { text: string; missing: string[] } {
  const missingVars: string[] = [];
  const text = s.replace(ENV_VAR_RE, (whole, name: string) => {
    const v = vars[name];
    if (v === undefined) {
      missingVars.push(name);
      return whole;
    }
    return v;
  });
  return { text, missing: missingVars };
}

function truncateBody(buf: Buffer, limit: number): string {
  if (buf.length <= limit) return buf.toString('utf8');
  return buf.subarray(0, limit).toString('utf8') + TRUNCATED_MARK;
}

function rawMessage(startLine: string, headers: Array<[string, string]>, body: string): string {
  return `${startLine}\r\n${headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${body}`;
}

function firstValue(
  map: Record<string, string[]> | undefined,
  name: string,
  caseInsensitive: boolean,
): string | undefined {
  if (!map) return undefined;
  if (!caseInsensitive) return map[name]?.[0];
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(map)) if (k.toLowerCase() === lower) return v[0];
  return undefined;
}

interface BackendAnswer {
  status: number;
  headers: Array<[string, string]>;
  body: Buffer;
  upstreamMs: number;
}

function gatewayError(status: number, code: string, msg: string, requestId: string): BackendAnswer {
  const body = Buffer.from(JSON.stringify({ error_msg: msg, error_code: code, request_id: requestId }));
  return { status, headers: [['Content-Type', 'application/json']], body, upstreamMs: 0 };
}

// ---- execution ----------------------------------------------------------------------------------------

interface FrontRequest {
  method: string;
  pathParams: Record<string, string>;
  query: Record<string, string[]>;
  header: Record<string, string[]>;
  body: string;
}

interface BackendRequest {
  path: string;
  query: Array<[string, string]>;
  headers: Record<string, string>;
}

function systemParam(
  value: string,
  api: DebugApiDefinition,
  ctx: DebugContext,
  requestId: string,
  appKey?: string,
): string {
  switch (value.replace(/^\$context\./, '')) {
    case 'requestId':
      return requestId;
    case 'sourceIp':
      return ctx.sourceIp ?? '127.0.0.1';
    case 'stage':
      return ctx.env?.name ?? 'RELEASE';
    case 'apiId':
      return api.id;
    case 'apiName':
      return api.name ?? '';
    case 'appId':
    case 'appKey':
      return appKey ?? '';
    case 'requestTime':
      return new Date(ctx.nowMs).toUTCString();
    default:
      return '';
  }
}

/** Maps the front-end request onto the backend one through req_params / backend_params. */
function mapToBackend(
  api: DebugApiDefinition,
  front: FrontRequest,
  backendUri: string,
  ctx: DebugContext,
  requestId: string,
  appKey: string | undefined,
): BackendRequest {
  const reqParams = api.req_params ?? [];
  const byName = new Map(reqParams.map((p) => [p.name, p]));
  const frontValue = (name: string): string | undefined => {
    const p = byName.get(name);
    const loc = p?.location.toUpperCase();
    if (loc === 'PATH' || (!p && front.pathParams[name] !== undefined)) return front.pathParams[name];
    if (loc === 'HEADER') return firstValue(front.header, name, true) ?? p?.default_value;
    if (loc === 'QUERY' || !p) return firstValue(front.query, name, false) ?? p?.default_value;
    return undefined;
  };

  const pathValues: Record<string, string> = { ...front.pathParams };
  const query: Array<[string, string]> = [];
  const headers: Record<string, string> = {};
  const consumed = { query: new Set<string>(), header: new Set<string>() };

  for (const bp of api.backend_params ?? []) {
    const origin = bp.origin.toUpperCase();
    const value =
      origin === 'CONSTANT'
        ? bp.value
        : origin === 'SYSTEM'
          ? systemParam(bp.value, api, ctx, requestId, appKey)
          : frontValue(bp.value);
    if (origin === 'REQUEST') {
      const src = byName.get(bp.value);
      if (src?.location.toUpperCase() === 'QUERY') consumed.query.add(bp.value);
      if (src?.location.toUpperCase() === 'HEADER') consumed.header.add(bp.value.toLowerCase());
    }
    if (value === undefined) continue;
    const loc = bp.location.toUpperCase();
    if (loc === 'PATH') pathValues[bp.name] = value;
    else if (loc === 'QUERY') query.push([bp.name, value]);
    else if (loc === 'HEADER') headers[bp.name] = value;
  }

  // Parameters not mapped explicitly pass through unless their definition says pass_through = 2.
  const noPass = (name: string, loc: string): boolean =>
    reqParams.some(
      (p) =>
        p.name.toLowerCase() === name.toLowerCase() &&
        p.location.toUpperCase() === loc &&
        p.pass_through === 2,
    );
  for (const [k, vs] of Object.entries(front.query)) {
    if (consumed.query.has(k) || noPass(k, 'QUERY')) continue;
    for (const v of vs) query.push([k, v]);
  }
  for (const p of reqParams) {
    if (
      p.location.toUpperCase() === 'QUERY' &&
      front.query[p.name] === undefined &&
      p.default_value !== undefined &&
      !consumed.query.has(p.name)
    )
      query.push([p.name, p.default_value]);
  }
  for (const [k, vs] of Object.entries(front.header)) {
    const lower = k.toLowerCase();
    if (
      consumed.header.has(lower) ||
      noPass(k, 'HEADER') ||
      HOP_BY_HOP.has(lower) ||
      lower === 'host' ||
      lower === 'content-length'
    )
      continue;
    if (headers[canonicalHeaderName(k)] === undefined) headers[canonicalHeaderName(k)] = vs.join(',');
  }

  const path = backendUri.replace(/\{([^}]+?)\+?\}/g, (whole, name: string) => {
    const v = pathValues[name];
    return v === undefined ? whole : v.split('/').map(encodeURIComponent).join('/');
  });
  return { path, query, headers };
}

function callHttp(
  protocol: string,
  hostPort: string,
  method: string,
  breq: BackendRequest,
  body: string,
  timeoutMs: number,
  limit: number,
  requestId: string,
): Promise<BackendAnswer | { failure: 'timeout' | 'unavailable'; detail: string }> {
  const started = performance.now();
  const qs = buildQueryString(breq.query);
  const isHttps = protocol.toUpperCase() === 'HTTPS';
  let url: URL;
  try {
    url = new URL(`${isHttps ? 'https' : 'http'}://${hostPort}`);
  } catch {
    return Promise.resolve({ failure: 'unavailable', detail: `invalid backend address ${hostPort}` });
  }
  const payload = Buffer.from(body, 'utf8');
  const headers: Record<string, string> = {
    ...breq.headers,
    'X-Request-Id': requestId,
    'User-Agent': breq.headers['User-Agent'] ?? 'APIGateway/1.0',
  };
  if (payload.length > 0) headers['Content-Length'] = String(payload.length);
  return new Promise((resolve) => {
    let settled = false;
    const done = (v: BackendAnswer | { failure: 'timeout' | 'unavailable'; detail: string }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(v);
    };
    const req = (isHttps ? httpsRequest : httpRequest)(
      {
        host: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port || (isHttps ? 443 : 80),
        method,
        path: breq.path + (qs ? `?${qs}` : ''),
        headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          // Keep one byte past the limit so truncation is detectable, drop the rest.
          if (size <= limit) chunks.push(c.subarray(0, Math.max(0, limit + 1 - size)));
          size += c.length;
        });
        res.on('end', () =>
          done({
            status: res.statusCode ?? 502,
            headers: flattenHeaders(res.headers),
            body: Buffer.concat(chunks),
            upstreamMs: Math.round(performance.now() - started),
          }),
        );
        res.on('error', (e) => done({ failure: 'unavailable', detail: e.message }));
      },
    );
    const timer = setTimeout(() => {
      done({ failure: 'timeout', detail: `no answer within ${timeoutMs} ms` });
      req.destroy();
    }, timeoutMs);
    req.on('error', (e) => done({ failure: 'unavailable', detail: e.message }));
    req.end(payload);
  });
}

function flattenHeaders(h: IncomingHttpHeaders): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined || HOP_BY_HOP.has(k) || k === 'content-length' || k === 'date') continue;
    out.push([canonicalHeaderName(k), Array.isArray(v) ? v.join(', ') : v]);
  }
  return out;
}

function functionAnswer(api: DebugApiDefinition, front: FrontRequest, requestId: string): BackendAnswer {
  const fi = api.func_info!;
  if (fi.invocation_type === 'async') {
    const body = Buffer.from(JSON.stringify({ request_id: requestId }));
    return { status: 202, headers: [['Content-Type', 'application/json']], body, upstreamMs: 1 };
  }
  const result = {
    function_urn: fi.function_urn,
    version: fi.version ?? 'latest',
    invocation_type: fi.invocation_type,
    result: 'ok',
    event: {
      httpMethod: front.method,
      pathParameters: front.pathParams,
      queryStringParameters: Object.fromEntries(Object.entries(front.query).map(([k, v]) => [k, v[0] ?? ''])),
      headers: Object.fromEntries(
        Object.entries(front.header)
          .filter(([k]) => !SECRET_HEADERS.has(k.toLowerCase()))
          .map(([k, v]) => [canonicalHeaderName(k), v.join(',')]),
      ),
      body: front.body,
    },
    request_id: requestId,
  };
  const body = Buffer.from(JSON.stringify(result));
  return { status: 200, headers: [['Content-Type', 'application/json']], body, upstreamMs: 2 };
}

export async function executeDebug(
  api: DebugApiDefinition,
  req: DebugRequestBody,
  ctx: DebugContext,
): Promise<DebugResult> {
  const started = performance.now();
  const limit = ctx.limitBytes ?? DEBUG_BODY_LIMIT;
  const requestId = randomBytes(16).toString('hex');
  const log: string[] = [];
  const stamp = new Date(ctx.nowMs).toISOString();
  const note = (s: string): void => {
    log.push(`${stamp} ${s}`);
  };

  // The raw request as the debug client sends it.
  const host = req.domain ?? ctx.subdomain ?? `${api.group_id ?? 'group'}.apic.emulator.local`;
  const frontQueryPairs: Array<[string, string]> = [];
  for (const [k, vs] of Object.entries(req.query ?? {})) for (const v of vs) frontQueryPairs.push([k, v]);
  const frontQs = buildQueryString(frontQueryPairs);
  const reqHeaders: Array<[string, string]> = [
    ['Host', host],
    ['User-Agent', 'APIGatewayDebugClient/1.0'],
    ['X-Apig-Mode', 'debug'],
  ];
  if (req.mode === 'CONSUMER') reqHeaders.push(['X-Stage', req.stage ?? ctx.env?.name ?? 'RELEASE']);
  for (const [k, vs] of Object.entries(req.header ?? {}))
    for (const v of vs) reqHeaders.push([canonicalHeaderName(k), maskIfSecret(k, v)]);
  if (req.body) reqHeaders.push(['Content-Length', String(Buffer.byteLength(req.body))]);
  const requestText = rawMessage(
    `${req.method} ${req.path}${frontQs ? `?${frontQs}` : ''} HTTP/1.1`,
    reqHeaders,
    req.body ?? '',
  );

  const answer = await (async (): Promise<BackendAnswer> => {
    note(
      `debug ${req.mode} ${req.scheme} ${req.method} ${req.path} on API ${api.id}${ctx.env ? ` in ${ctx.env.name}` : ''}`,
    );
    if (req.mode === 'CONSUMER' && ctx.published === false) {
      note(`API is not published in environment ${ctx.env?.name ?? req.stage ?? 'RELEASE'}`);
      return gatewayError(
        404,
        'APIG.0101',
        'The API does not exist or has not been published in the environment',
        requestId,
      );
    }
    const methodOk = api.req_method.toUpperCase() === 'ANY' || api.req_method.toUpperCase() === req.method;
    const pathParams = matchPath(api.req_uri, req.path, api.match_mode === 'SWA');
    if (!methodOk || !pathParams) {
      note(`no API matches ${req.method} ${req.path} (API is ${api.req_method} ${api.req_uri})`);
      return gatewayError(
        404,
        'APIG.0101',
        'The API does not exist or has not been published in the environment',
        requestId,
      );
    }
    const front: FrontRequest = {
      method: req.method,
      pathParams,
      query: req.query ?? {},
      header: req.header ?? {},
      body: req.body ?? '',
    };

    if (api.auth_type.toUpperCase() === 'APP') {
      if (!req.app_key || !req.app_secret) {
        note('APP authentication: no app_key/app_secret given');
        return gatewayError(
          401,
          'APIG.0303',
          'Incorrect app authentication information: app not found',
          requestId,
        );
      }
      const verdict = ctx.checkApp ? ctx.checkApp(req.app_key, req.app_secret) : 'ok';
      note(`APP authentication for app key ${req.app_key}: ${verdict}`);
      if (verdict === 'unknown-app')
        return gatewayError(
          401,
          'APIG.0303',
          'Incorrect app authentication information: app not found',
          requestId,
        );
      if (verdict === 'bad-secret')
        return gatewayError(
          401,
          'APIG.0303',
          'Incorrect app authentication information: verify signature fail',
          requestId,
        );
      if (verdict === 'not-authorized')
        return gatewayError(403, 'APIG.0304', 'The app is not authorized to access the API', requestId);
    }

    for (const p of api.req_params ?? []) {
      const loc = p.location.toUpperCase();
      const required = p.required ?? (loc === 'PATH' ? 1 : 2);
      if (required !== 1 || loc === 'PATH' || p.default_value !== undefined) continue;
      const present =
        loc === 'HEADER' ? firstValue(front.header, p.name, true) : firstValue(front.query, p.name, false);
      if (present === undefined) {
        note(`required ${loc} parameter ${p.name} is missing`);
        return gatewayError(
          400,
          'APIG.0201',
          `Bad request: required parameter ${p.name} is missing`,
          requestId,
        );
      }
    }

    const backendType = api.backend_type.toUpperCase();
    if (backendType === 'MOCK') {
      const status = api.mock_info?.status_code ?? 200;
      note(`MOCK backend answers ${status}`);
      return {
        status,
        headers: [['Content-Type', 'application/json']],
        body: Buffer.from(api.mock_info?.result_content ?? '', 'utf8'),
        upstreamMs: 0,
      };
    }
    if (backendType === 'FUNCTION') {
      if (!api.func_info)
        return gatewayError(500, 'APIG.0105', 'The backend configurations do not exist', requestId);
      note(
        `FUNCTION backend ${api.func_info.function_urn} invoked (${api.func_info.invocation_type}, simulated)`,
      );
      return functionAnswer(api, front, requestId);
    }
    if (backendType !== 'HTTP' || !api.backend_api)
      return gatewayError(500, 'APIG.0105', 'The backend configurations do not exist', requestId);

    const b = api.backend_api;
    const vars = ctx.envVariables ?? {};
    let hostPort: string | undefined;
    if (b.vpc_channel_status === 1) {
      const id = b.vpc_channel_info?.vpc_channel_id ?? '';
      hostPort = ctx.resolveVpcChannel?.(id);
      if (!hostPort) {
        note(`VPC channel ${id} has no healthy member`);
        return gatewayError(502, 'APIG.0202', 'Backend unavailable', requestId);
      }
    } else {
      const d = substituteEnvVariables(b.url_domain ?? '', vars);
      if (d.missing.length > 0) {
        note(
          `environment variable(s) ${d.missing.join(', ')} not defined in ${ctx.env?.name ?? 'the environment'}`,
        );
        return gatewayError(500, 'APIG.0105', 'The backend configurations do not exist', requestId);
      }
      hostPort = d.text;
    }
    const u = substituteEnvVariables(b.req_uri, vars);
    if (u.missing.length > 0) {
      note(
        `environment variable(s) ${u.missing.join(', ')} not defined in ${ctx.env?.name ?? 'the environment'}`,
      );
      return gatewayError(500, 'APIG.0105', 'The backend configurations do not exist', requestId);
    }
    const breq = mapToBackend(api, front, u.text, ctx, requestId, req.app_key);
    const method = b.req_method.toUpperCase() === 'ANY' ? req.method : b.req_method.toUpperCase();
    note(
      `HTTP backend ${method} ${b.req_protocol.toLowerCase()}://${hostPort}${breq.path} (timeout ${b.timeout} ms)`,
    );
    const r = await callHttp(b.req_protocol, hostPort, method, breq, front.body, b.timeout, limit, requestId);
    if ('failure' in r) {
      note(`backend ${r.failure}: ${r.detail}`);
      return r.failure === 'timeout'
        ? gatewayError(504, 'APIG.0203', 'Backend timeout', requestId)
        : gatewayError(502, 'APIG.0202', 'Backend unavailable', requestId);
    }
    note(`backend answered ${r.status} in ${r.upstreamMs} ms`);
    return r;
  })();

  const latency = Math.max(0, Math.round(performance.now() - started));
  const rate = ctx.apiRateLimit ?? 200;
  const headers: Array<[string, string]> = [
    ['Connection', 'keep-alive'],
    ...answer.headers,
    [
      'Content-Length',
      String(answer.body.length > limit ? limit + TRUNCATED_MARK.length : answer.body.length),
    ],
    ['Date', new Date(ctx.nowMs).toUTCString()],
    ['Server', 'api-gateway'],
    ['X-Apig-Latency', String(latency)],
    ['X-Apig-Upstream-Latency', String(answer.upstreamMs)],
    ['X-Apig-Ratelimit-Api', `remain:${rate - 1},limit:${rate},time:1 second`],
    ['X-Apig-Ratelimit-Api-Allenv', `remain:${rate * 75 - 1},limit:${rate * 75},time:1 second`],
    ['X-Request-Id', requestId],
  ];
  const reason = STATUS_CODES[answer.status] ?? '';
  const responseText = rawMessage(
    `HTTP/1.1 ${answer.status} ${reason}`.trimEnd(),
    headers,
    truncateBody(answer.body, limit),
  );
  return { request: requestText, response: responseText, latency, log: log.join('\n') };
}
