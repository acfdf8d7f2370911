// The emulator's HTTP server: node:http, a small router (literal segments win over `{id}` patterns),
// raw body kept for signature checks, JSON parsing, the ROMA error envelope, auth and fault hooks.
import { SERVICE_SEGMENTS, type ServiceFamily } from '../api/services.ts';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { answerClientError } from './client-error.ts';
import { ApiError, type InstanceCtx, type RouteDef, type RouteResult } from './routes/common.ts';
import type { EmulatorState } from './state.ts';

export type AuthOutcome = { ok: true } | { ok: false; status: number; error_code: string; error_msg: string };

export interface AuthInput {
  method: string;
  rawUrl: string;
  headers: Record<string, string | undefined>;
  rawBody: Buffer;
  pathProjectId?: string;
}

/** What the server needs from faults.ts; index.ts adapts the injector to this. */
export interface FaultHooks {
  /** Runs before routing; returns true when it already answered (5xx, 429, reset). */
  before(
    res: ServerResponse,
    method: string,
    path: string,
    query?: URLSearchParams,
  ): Promise<{ handled: boolean; write: ResponseWriter }>;
}

export type ResponseWriter = (
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  bodyText: string,
) => Promise<void>;

export interface EmulatorStats {
  requests: number;
  byMethod: Record<string, number>;
  log: Array<{ method: string; path: string; status: number }>;
}

export interface ServerDeps {
  state: EmulatorState;
  routes: RouteDef[];
  now: () => number;
  authenticate(input: AuthInput): AuthOutcome;
  /** `POST /v3/auth/tokens` (IAM password flow); unauthenticated by nature. */
  handleTokenRequest(
    body: unknown,
    query: URLSearchParams,
  ): { status: number; headers: Record<string, string>; body: unknown };
  faults: FaultHooks | null;
  stats: EmulatorStats;
  /** Called after every successful mutating request (persistence). */
  onMutation?(): void;
}

const LOG_KEEP = 200;
/** `/v2/{project_id}/<service>/instances/{instance_id}` for every service family (src/api/services.ts). */
const instancePrefix = (service: ServiceFamily = 'apic'): string[] => [
  'v2',
  '{project_id}',
  ...SERVICE_SEGMENTS[service],
  '{instance_id}',
];

interface CompiledRoute {
  def: RouteDef;
  segments: string[];
}

/** The path segments a route answers (`{…}` = parameter). */
export function routeSegments(def: RouteDef): string[] {
  const rel = def.path.split('/').filter(Boolean);
  return def.scope === 'instance' ? [...instancePrefix(def.service), ...rel] : rel;
}

function compile(def: RouteDef): CompiledRoute {
  return { def, segments: routeSegments(def) };
}

const isParam = (s: string): boolean => s.startsWith('{') && s.endsWith('}');

function matchRoute(
  routes: CompiledRoute[],
  method: string,
  parts: string[],
): { route: CompiledRoute; params: Record<string, string> } | { methodMismatch: boolean } {
  let best: { route: CompiledRoute; params: Record<string, string> } | undefined;
  let pathMatched = false;
  for (const r of routes) {
    if (r.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let okMatch = true;
    for (let i = 0; i < parts.length && okMatch; i++) {
      const seg = r.segments[i] as string;
      const part = parts[i] as string;
      if (isParam(seg)) params[seg.slice(1, -1)] = part;
      else if (seg !== part) okMatch = false;
    }
    if (!okMatch) continue;
    pathMatched = true;
    if (r.def.method !== method) continue;
    if (!best || moreLiteral(r, best.route)) best = { route: r, params };
  }
  return best ?? { methodMismatch: pathMatched };
}

/** The route whose first differing segment is literal wins (`/apis/publish` before `/apis/{api_id}`). */
function moreLiteral(a: CompiledRoute, b: CompiledRoute): boolean {
  for (let i = 0; i < a.segments.length; i++) {
    const la = !isParam(a.segments[i] as string);
    const lb = !isParam(b.segments[i] as string);
    if (la !== lb) return la;
  }
  return false;
}

/** Request bodies above this are answered 413 (the gateway's own limit is not in the seed; APIC bodies are small). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** Reads the body, keeping at most MAX_BODY_BYTES: the rest is drained, so a huge upload costs no memory. */
function readBody(req: IncomingMessage): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => resolve({ body: Buffer.concat(chunks), tooLarge: size > MAX_BODY_BYTES }));
    req.on('error', reject);
  });
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function lowerHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) out[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
  return out;
}

const plainWriter: ResponseWriter = async (res, status, headers, bodyText) => {
  res.writeHead(status, headers);
  res.end(bodyText);
};

export function createEmulatorServer(deps: ServerDeps): Server {
  const compiled = deps.routes.map(compile);
  const server = createServer((req, res) => {
    handle(deps, compiled, req, res).catch(() => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error_code: 'APIG.9999', error_msg: 'System error' }));
      } else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;
  server.on('clientError', answerClientError);
  return server;
}

async function handle(
  deps: ServerDeps,
  routes: CompiledRoute[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const rawUrl = req.url ?? '/';
  const qIndex = rawUrl.indexOf('?');
  const rawPath = qIndex < 0 ? rawUrl : rawUrl.slice(0, qIndex);
  const query = new URLSearchParams(qIndex < 0 ? '' : rawUrl.slice(qIndex + 1));
  const parts = rawPath.split('/').filter(Boolean).map(safeDecode);
  const path = '/' + parts.join('/');
  const requestId =
    Math.abs(deps.now()).toString(16).padStart(12, '0') + Math.random().toString(16).slice(2, 22);

  deps.stats.requests++;
  deps.stats.byMethod[method] = (deps.stats.byMethod[method] ?? 0) + 1;
  const record = (status: number): void => {
    deps.stats.log.push({ method, path, status });
    if (deps.stats.log.length > LOG_KEEP) deps.stats.log.splice(0, deps.stats.log.length - LOG_KEEP);
  };

  const { body: rawBody, tooLarge } = await readBody(req);

  let write = plainWriter;
  if (deps.faults) {
    const f = await deps.faults.before(res, method, path, query);
    if (f.handled) {
      record(res.statusCode || 0);
      return;
    }
    write = f.write;
  }

  const send = async (result: RouteResult): Promise<void> => {
    const headers: Record<string, string> = { 'x-request-id': requestId, ...result.headers };
    let text: string | Buffer = '';
    if (result.raw) {
      text = result.raw.data;
      headers['content-type'] = result.raw.contentType;
    } else if (result.body !== undefined && result.status !== 204) {
      text = JSON.stringify(result.body);
      headers['content-type'] = 'application/json;charset=UTF-8';
    }
    record(result.status);
    // Binary files (asset archives) bypass the fault writer, which garbles text bodies.
    if (Buffer.isBuffer(text)) {
      res.writeHead(result.status, headers);
      res.end(text);
      return;
    }
    await write(res, result.status, headers, text);
  };
  const sendError = (e: ApiError): Promise<void> =>
    send({ status: e.status, body: { error_code: e.code, error_msg: e.message } });

  if (tooLarge) {
    // Emulator's choice of code (the seed lists none for 413): the runtime "bad request" family.
    return sendError(new ApiError(413, 'APIG.0201', `Request body larger than ${MAX_BODY_BYTES} bytes`));
  }

  let body: unknown;
  const reqHeaders = lowerHeaders(req);
  const parseBody = (): ApiError | undefined => {
    // File uploads (4.14.2/4.14.4) are read by their route from the raw body.
    if ((reqHeaders['content-type'] ?? '').startsWith('multipart/form-data')) return undefined;
    if (rawBody.length === 0 || rawBody.toString('utf8').trim() === '') return undefined;
    try {
      body = JSON.parse(rawBody.toString('utf8'));
      return undefined;
    } catch (e) {
      const why = e instanceof Error ? e.message : 'invalid JSON';
      return new ApiError(400, 'APIG.2000', `Parameter error: Serialization error: ${why}`);
    }
  };

  // IAM token endpoint: the password flow must be testable against the same server.
  if (method === 'POST' && path === '/v3/auth/tokens') {
    const bad = parseBody();
    if (bad) return sendError(bad);
    const r = deps.handleTokenRequest(body, query);
    return send({ status: r.status, headers: r.headers, body: r.body });
  }

  // Authenticate before routing, as a gateway does: an unauthenticated caller learns nothing about routes.
  const pathProjectId = parts[0] === 'v2' ? parts[1] : undefined;
  const open = matchRoute(routes, method, parts);
  const auth: AuthOutcome =
    'route' in open && open.route.def.noAuth
      ? { ok: true }
      : deps.authenticate({
          method,
          rawUrl,
          headers: reqHeaders,
          rawBody,
          ...(pathProjectId !== undefined ? { pathProjectId } : {}),
        });
  if (!auth.ok) return sendError(new ApiError(auth.status, auth.error_code, auth.error_msg));
  if (pathProjectId !== undefined && pathProjectId !== deps.state.projectId) {
    return sendError(new ApiError(403, 'APIC.7111', 'Token not belong to the project in URI.'));
  }

  const badBody = parseBody();
  if (badBody) return sendError(badBody);

  const m = matchRoute(routes, method, parts);
  if (!('route' in m)) {
    // Real gateways answer unknown routes with APIG.0101 in the ROMA envelope.
    return m.methodMismatch
      ? sendError(new ApiError(405, 'APIG.0106', `Method ${method} is not allowed on ${path}`))
      : sendError(
          new ApiError(
            404,
            'APIG.0101',
            'The API does not exist or has not been published in the environment',
          ),
        );
  }

  const instanceId = m.params['instance_id'];
  const ctx: InstanceCtx = {
    method,
    params: m.params,
    query,
    body,
    state: deps.state,
    nowMs: deps.now(),
    rawBody,
    headers: reqHeaders,
    instanceId: instanceId ?? '',
    store: undefined as unknown as InstanceCtx['store'],
  };
  if (m.route.def.scope === 'instance' && instanceId !== undefined) {
    const store = deps.state.stores.get(instanceId);
    const isInstanceApi = m.route.def.path === '/' || m.route.def.path === '/restriction';
    if (!store || !deps.state.instances.has(instanceId)) {
      return sendError(
        isInstanceApi
          ? new ApiError(404, 'APIC.7302', 'Instance not found')
          : new ApiError(404, 'APIG.3030', `The instance does not exist;id:${instanceId}`),
      );
    }
    ctx.store = store;
  }

  let result: RouteResult;
  try {
    result = await m.route.def.handler(ctx);
  } catch (e) {
    if (e instanceof ApiError) return sendError(e);
    return sendError(new ApiError(500, 'APIG.9999', 'System error'));
  }
  if (method !== 'GET' && result.status < 300) {
    try {
      deps.onMutation?.();
    } catch {
      // the change is applied: its answer is the route's, whatever persisting it does
    }
  }
  return send(result);
}
