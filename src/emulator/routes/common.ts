// Shared pieces of the emulator's routes: the error type, the route table shape, paging and filters.
import type { ServiceFamily } from '../../api/services.ts';
import type { EmulatorState, InstanceStore } from '../state.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface RouteCtx {
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body (undefined when the request had none). */
  body: unknown;
  state: EmulatorState;
  nowMs: number;
  /** The request body as received (multipart uploads are not parsed as JSON). */
  rawBody?: Buffer;
  /** Lower-cased request headers. */
  headers?: Record<string, string | undefined>;
}

/** Context of a route under `/v2/{project_id}/apic/instances/{instance_id}`; the instance exists. */
export interface InstanceCtx extends RouteCtx {
  instanceId: string;
  store: InstanceStore;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A non-JSON answer (an exported file, an archive): sent as is with its content type. */
  raw?: { contentType: string; data: string | Buffer };
}

export interface RouteDef {
  method: string;
  /** Path relative to the instance (`/apis/{api_id}`) or absolute when `scope` is 'root'. */
  path: string;
  scope: 'instance' | 'root';
  /** Service family of an instance route (default APIC): its path prefix, see src/api/services.ts. */
  service?: ServiceFamily;
  /** Served without credentials (3.4 API versions). */
  noAuth?: boolean;
  handler: (ctx: InstanceCtx) => RouteResult | Promise<RouteResult>;
}

export function route(
  method: string,
  path: string,
  handler: (ctx: InstanceCtx) => RouteResult | Promise<RouteResult>,
): RouteDef {
  return { method, path, scope: 'instance', handler };
}

/** An instance route of another service family: `serviceRoute('mqs', 'GET', '/topics', …)`. */
export function serviceRoute(
  service: ServiceFamily,
  method: string,
  path: string,
  handler: (ctx: InstanceCtx) => RouteResult | Promise<RouteResult>,
): RouteDef {
  return { method, path, scope: 'instance', service, handler };
}

export const ok = (body: unknown, status = 200): RouteResult => ({ status, body });
export const noContent = (): RouteResult => ({ status: 204 });

export function invalidParam(name: string, code = 'APIG.2012'): ApiError {
  return new ApiError(
    400,
    code,
    `Invalid parameter value,parameterName:${name}. Please refer to the support documentation`,
  );
}

export function missingParam(name: string): ApiError {
  return new ApiError(
    400,
    'APIG.2001',
    `The request parameters must be specified,parameterName:${name}. Please refer to the support documentation`,
  );
}

export function notFound(code: string, message: string): ApiError {
  return new ApiError(404, code, message);
}

/** C2: offset < 0 becomes 0; limit 1-500, default 20. Emulator is strict: limit outside the range is a 400. */
export function paging(q: URLSearchParams): { offset: number; limit: number } {
  const rawOffset = q.get('offset');
  const rawLimit = q.get('limit');
  let offset = 0;
  if (rawOffset !== null && rawOffset !== '') {
    if (!/^-?\d+$/.test(rawOffset)) throw invalidParam('offset');
    offset = Math.max(0, Number(rawOffset));
  }
  let limit = 20;
  if (rawLimit !== null && rawLimit !== '') {
    if (!/^-?\d+$/.test(rawLimit)) throw invalidParam('limit');
    limit = Number(rawLimit);
    if (limit < 1 || limit > 500) throw invalidParam('limit');
  }
  return { offset, limit };
}

/** Applies paging to a lazily produced sequence: counts everything, materialises only the page. */
export function page<T, R>(
  items: Iterable<T>,
  q: URLSearchParams,
  key: string,
  map: (item: T) => R,
  extra?: Record<string, unknown>,
): RouteResult {
  const { offset, limit } = paging(q);
  const out: R[] = [];
  let total = 0;
  for (const it of items) {
    if (total >= offset && out.length < limit) out.push(map(it));
    total++;
  }
  return ok({ ...extra, total, size: out.length, [key]: out });
}

/** The query's filters: `exact` for id-like parameters, `text` for names (see below). */
export interface Filters {
  exact: ReturnType<typeof exactFilter>;
  text: ReturnType<typeof textFilter>;
}

/** The usual list route: the items that `match` the query's filters, paged under `key` (mapped by `map`). */
export function listWhere<T, R = T>(
  items: Iterable<T>,
  q: URLSearchParams,
  key: string,
  match: (item: T, f: Filters) => boolean,
  map: (item: T) => R = (item) => item as unknown as R,
): RouteResult {
  const f: Filters = { exact: exactFilter(q), text: textFilter(q) };
  return page(
    filterIter(items, (it) => match(it, f)),
    q,
    key,
    map,
  );
}

export function* filterIter<T>(items: Iterable<T>, pred: (t: T) => boolean): Iterable<T> {
  for (const it of items) if (pred(it)) yield it;
}

/** Names listed in `precise_search` (comma separated) are matched exactly; other text filters are substring matches. */
export function textFilter(q: URLSearchParams): (param: string, value: string | undefined) => boolean {
  const precise = new Set(
    (q.get('precise_search') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  const want = queryValues(q);
  return (param, value) => {
    const f = want(param);
    if (f === null || f === '') return true;
    // Stored values can be of the wrong JSON type (the hostile seed): they never match a text filter.
    if (typeof value !== 'string') return false;
    return precise.has(param) ? value === f : value.includes(f);
  };
}

/** Exact-match filter for id-like query parameters. */
export function exactFilter(
  q: URLSearchParams,
): (param: string, value: string | number | undefined) => boolean {
  const want = queryValues(q);
  return (param, value) => {
    const f = want(param);
    if (f === null || f === '') return true;
    return String(value) === f;
  };
}

/**
 * `q.get` read once per parameter: a filter runs for every stored item of a list (10,000 APIs for
 * each page of 500), and URLSearchParams.get scans the whole query each time.
 */
function queryValues(q: URLSearchParams): (param: string) => string | null {
  const seen = new Map<string, string | null>();
  return (param) => {
    let v = seen.get(param);
    if (v === undefined) {
      v = q.get(param);
      seen.set(param, v);
    }
    return v;
  };
}

export function requireQuery(q: URLSearchParams, name: string): string {
  const v = q.get(name);
  if (v === null || v === '') throw missingParam(name);
  return v;
}

export function asObject(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body))
    throw new ApiError(400, 'APIG.2000', 'Parameter error: body must be a JSON object');
  return body as Record<string, unknown>;
}

export function reqString(
  b: Record<string, unknown>,
  name: string,
  opts: { max?: number; min?: number; enum?: readonly string[] } = {},
): string {
  const v = b[name];
  if (v === undefined || v === null || v === '') throw missingParam(name);
  if (typeof v !== 'string') throw invalidParam(name, 'APIG.2011');
  if (opts.min !== undefined && v.length < opts.min) throw invalidParam(name, 'APIG.2011');
  if (opts.max !== undefined && v.length > opts.max) throw invalidParam(name, 'APIG.2011');
  if (opts.enum && !opts.enum.includes(v)) throw invalidParam(name, 'APIG.2011');
  return v;
}

export function optString(b: Record<string, unknown>, name: string, max?: number): string | undefined {
  const v = b[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw invalidParam(name, 'APIG.2011');
  if (max !== undefined && v.length > max) throw invalidParam(name, 'APIG.2011');
  return v;
}

export function reqStringArray(b: Record<string, unknown>, name: string, maxItems = 1000): string[] {
  const v = b[name];
  if (v === undefined || v === null) throw missingParam(name);
  if (!Array.isArray(v) || v.length === 0) throw invalidParam(name, 'APIG.2011');
  if (v.length > maxItems || !v.every((x) => typeof x === 'string' && x.length > 0))
    throw invalidParam(name, 'APIG.2011');
  return v as string[];
}
