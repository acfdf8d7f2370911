// Shared pieces of the LINK routes: the route wrapper (instance check, LINK error envelope with a
// `request_id`), integer path ids, LINK paging (limit default 10, capped at 999) and body checks.
// Strict as an emulator: the error body uses the table's `request_id`, never the examples' `requestId`.
import { randomUUID } from 'node:crypto';
import type { EmulatorState } from '../state.ts';
import { ApiError, type InstanceCtx, type RouteDef, type RouteResult } from './common.ts';
import { LinkStore } from './link-store.ts';

export const LINK_PREFIX = '/v2/{project_id}/link/instances/{instance_id}';

/** A LINK business error: 7.4.4 puts nearly all of them at HTTP 500 (C9/C10). */
export class LinkError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface LinkCtx extends InstanceCtx {
  link: LinkStore;
  /** The operation as SCB.00000000 messages name it (`link-devices.save`). */
  op: string;
}

export function linkStoreOf(state: EmulatorState, instanceId: string): LinkStore {
  state.link ??= new Map();
  let s = state.link.get(instanceId);
  if (!s) state.link.set(instanceId, (s = new LinkStore()));
  return s;
}

function requestIdOf(nowMs: number): string {
  return `${randomUUID()}-${nowMs}-cnnorth7a-P-romalink-service01`;
}

/** The LINK error envelope (C9): `{ error_code, error_msg, request_id }`, the id also in x-request-id. */
function errorResult(e: { status: number; code: string; message: string }, nowMs: number): RouteResult {
  const request_id = requestIdOf(nowMs);
  return {
    status: e.status,
    headers: { 'x-request-id': request_id },
    body: { error_code: e.code, error_msg: e.message, request_id },
  };
}

/** `op` names the operation in SCB.00000000 messages (`romalink.link-devices.save`). */
export function linkRoute(
  method: string,
  rel: string,
  op: string,
  handler: (ctx: LinkCtx) => RouteResult,
): RouteDef {
  return {
    method,
    path: LINK_PREFIX + rel,
    scope: 'root',
    handler: (ctx) => {
      try {
        if (!ctx.state.instances.has(ctx.instanceId))
          throw new LinkError(
            500,
            'ROMA.00110002',
            `The instance does not exist. project_id: ${ctx.state.projectId}, instance_id: ${ctx.instanceId}`,
          );
        return handler({ ...ctx, link: linkStoreOf(ctx.state, ctx.instanceId), op });
      } catch (e) {
        if (e instanceof LinkError) return errorResult(e, ctx.nowMs);
        // Helpers shared with APIC throw ApiError for a bad parameter: the LINK service says SCB.00000000.
        if (e instanceof ApiError && e.status === 400)
          return errorResult({ status: 400, code: 'SCB.00000000', message: e.message }, ctx.nowMs);
        throw e;
      }
    },
  };
}

export function badParam(op: string, name: string, processor: 'path' | 'query' | 'body'): LinkError {
  return new LinkError(
    400,
    'SCB.00000000',
    `Parameter is not valid for operation [romalink.${op}]. Parameter is [${name}]. Processor is [${processor}].`,
  );
}

/** ROMA.00110001 (400): `[field:message, ...]`, as the 6.4.1 example prints it. */
export function invalid(field: string, why: string): LinkError {
  return new LinkError(
    400,
    'ROMA.00110001',
    `The parameter does not meet verification rules: [${field}:${why}]`,
  );
}

export function notFound(id: number | string): LinkError {
  return new LinkError(
    404,
    'ROMA.00110006',
    `The resource does not exist. Check whether the resource ID ${id} is correct.`,
  );
}

export function fail(code: string, message: string): LinkError {
  return new LinkError(500, code, message);
}

/** An integer path id (C6); anything else is SCB.00000000 on the path. */
export function pathId(ctx: LinkCtx, name: string): number {
  const v = ctx.params[name] ?? '';
  if (!/^\d{1,18}$/.test(v)) throw badParam(ctx.op, name, 'path');
  return Number(v);
}

export function found<T>(map: Map<number, T>, id: number): T {
  const v = map.get(id);
  if (v === undefined) throw notFound(id);
  return v;
}

/** C3: limit [0, 999999] default 10, above 999 only 999 are returned; offset counts items. */
export function linkPaging(ctx: LinkCtx): { offset: number; limit: number } {
  const num = (name: string, dflt: number): number => {
    const raw = ctx.query.get(name);
    if (raw === null || raw === '') return dflt;
    if (!/^\d{1,6}$/.test(raw)) throw badParam(ctx.op, name, 'query');
    return Number(raw);
  };
  return { offset: num('offset', 0), limit: Math.min(999, num('limit', 10)) };
}

/** A LINK list: `{ total, size, items }`, only the page mapped. */
export function linkPage<T>(
  ctx: LinkCtx,
  items: Iterable<T>,
  map: (t: T) => unknown,
  extra?: Record<string, unknown>,
): RouteResult {
  const { offset, limit } = linkPaging(ctx);
  const out: unknown[] = [];
  let total = 0;
  for (const it of items) {
    if (total >= offset && out.length < limit) out.push(map(it));
    total++;
  }
  return { status: 200, body: { total, size: out.length, ...extra, items: out } };
}

export function* where<T>(items: Iterable<T>, pred: (t: T) => boolean): Iterable<T> {
  for (const it of items) if (pred(it)) yield it;
}

/** Query filters: integers exactly, text as a substring. */
export function queryInt(ctx: LinkCtx, name: string): number | undefined {
  const raw = ctx.query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^\d{1,18}$/.test(raw)) throw badParam(ctx.op, name, 'query');
  return Number(raw);
}

export function queryText(ctx: LinkCtx, name: string): string | undefined {
  const raw = ctx.query.get(name);
  return raw === null || raw === '' ? undefined : raw;
}

export type Body = Record<string, unknown>;

export function bodyOf(ctx: LinkCtx, required = true): Body {
  const b = ctx.body;
  if (b === undefined || b === null) {
    if (required) throw fail('ROMA.00110009', 'The request body is empty.');
    return {};
  }
  if (typeof b !== 'object' || Array.isArray(b)) throw badParam(ctx.op, 'request', 'body');
  return b as Body;
}

const NAME_RE = /^[\u4e00-\u9fa5A-Za-z0-9_-]+$/;

export function text(
  b: Body,
  name: string,
  opts: { required?: boolean; min?: number; max?: number; pattern?: RegExp; names?: boolean } = {},
): string | undefined {
  const v = b[name];
  if (v === undefined || v === null || v === '') {
    if (opts.required) throw invalid(name, 'Can not be empty');
    return undefined;
  }
  if (typeof v !== 'string') throw invalid(name, 'must be a string');
  if (opts.min !== undefined && v.length < opts.min)
    throw invalid(name, `length must be at least ${opts.min}`);
  if (opts.max !== undefined && v.length > opts.max)
    throw invalid(name, `length must be at most ${opts.max}`);
  const re = opts.pattern ?? (opts.names ? NAME_RE : undefined);
  if (re && !re.test(v)) throw invalid(name, 'contains characters that are not allowed');
  return v;
}

/** An integer body field; fractional values are rounded down ("自动向下取整", C6). */
export function int(
  b: Body,
  name: string,
  opts: { required?: boolean; min?: number; max?: number; oneOf?: readonly number[] } = {},
): number | undefined {
  const v = b[name];
  if (v === undefined || v === null) {
    if (opts.required) throw invalid(name, 'must not be null');
    return undefined;
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) throw invalid(name, 'must be a number');
  const n = Math.floor(v);
  if (opts.min !== undefined && n < opts.min) throw invalid(name, `must be at least ${opts.min}`);
  if (opts.max !== undefined && n > opts.max) throw invalid(name, `must be at most ${opts.max}`);
  if (opts.oneOf && !opts.oneOf.includes(n)) throw invalid(name, `must be one of ${opts.oneOf.join(', ')}`);
  return n;
}

export function intArray(b: Body, name: string, max = 1000): number[] {
  const v = b[name];
  if (!Array.isArray(v) || v.length === 0) throw invalid(name, 'Can not be empty');
  if (v.length > max) throw invalid(name, `at most ${max} items`);
  if (!v.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0))
    throw invalid(name, 'must be integers');
  return (v as number[]).map((x) => Math.floor(x));
}

export const created = (body: unknown): RouteResult => ({ status: 201, body });
export const okBody = (body: unknown): RouteResult => ({ status: 200, body });
export const gone = (): RouteResult => ({ status: 204 });

/** A generated secret meeting the password rule (digit, upper, lower, special; 8–32). */
export function secretFor(seed: number): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  let x = (seed * 2654435761) >>> 0;
  let out = '';
  for (let i = 0; i < 12; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out += alphabet[x % alphabet.length];
  }
  return `Aa1!${out}`;
}

export function userNameFor(seed: number): string {
  return (seed * 2246822519).toString(16).toUpperCase().padStart(12, '0').slice(0, 32);
}
