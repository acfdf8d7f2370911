// Building blocks the resource modules share: read one object, read a page, build a Lister, send a write.
import { listAll } from './paginate.ts';
import { isChange, type RequestSpec, type Transport } from './transport.ts';
import type { CallOptions, ListAllOptions, Page, PageQuery, QueryParams } from './types/common.ts';
import {
  atBoundary,
  conforms,
  ShapeError,
  validateObject,
  validateRecord,
  validateSingle,
  type ObjectSchema,
} from './validate.ts';
import { normalizeGeneric } from './normalize.ts';
import { RomaError, withUnknownOutcome } from './errors.ts';
import { servicePrefix, type ServiceFamily } from './services.ts';

type Obj = Record<string, unknown>;
export type Normalizer = (o: Obj) => Obj;

/** A paged collection: `list` reads one page, `listAll` every page. */
export interface Lister<T, Q extends PageQuery> {
  list(query: Q, opts?: CallOptions): Promise<Page<T>>;
  listAll(query: Omit<Q, 'offset' | 'limit'>, opts?: ListAllOptions): Promise<T[]>;
}
/** A Lister whose query is optional (no required filter). */
export interface OptionalLister<T, Q extends PageQuery> {
  list(query?: Q, opts?: CallOptions): Promise<Page<T>>;
  listAll(query?: Omit<Q, 'offset' | 'limit'>, opts?: ListAllOptions): Promise<T[]>;
}

export interface Scope {
  t: Transport;
  /** `/v2/{project_id}/{service}/instances/{instance_id}` (serviceScope), or `/v2/{project_id}` for project-wide calls. */
  base: string;
}

export function seg(id: string): string {
  return encodeURIComponent(id);
}

/**
 * The scope of one instance of one service family (src/api/services.ts): a family's client module is
 * built on it, e.g. `throttlesClient(serviceScope(project, 'apic', id))`, an MQS one on `'mqs'`.
 */
export function serviceScope(projectScope: Scope, service: ServiceFamily, instanceId: string): Scope {
  return { t: projectScope.t, base: `${projectScope.base}${servicePrefix(service)}/${seg(instanceId)}` };
}

function shape<T>(schema: ObjectSchema, norm: Normalizer, raw: unknown): T {
  const pre = raw && typeof raw === 'object' && !Array.isArray(raw) ? norm({ ...(raw as Obj) }) : raw;
  return validateObject(pre, schema, '$') as T;
}

/** A GET answered by one object. */
export interface ReadSpec extends CallOptions {
  path: string;
  schema: ObjectSchema;
  norm?: Normalizer;
  query?: QueryParams;
}

/** A GET answered by one page: the items sit under `itemsKey` of the C3 envelope. */
export interface PageSpec extends CallOptions {
  path: string;
  itemsKey: string;
  schema: ObjectSchema;
  norm?: Normalizer;
  query?: QueryParams;
}

/** A write (or a POST read such as debug); without `schema` the answer is handed back unchecked. */
export interface WriteSpec extends CallOptions {
  method: 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  schema?: ObjectSchema;
  norm?: Normalizer;
  query?: QueryParams;
  /** A POST that changes nothing (a test, a check): allowed read-only, its failure leaves no outcome open. */
  changesNothing?: boolean;
}

/**
 * Sends one request and reads its body at the validation boundary (a ShapeError becomes a RomaError).
 * A change answered 2xx with a body of the wrong shape may have been applied: its outcome is unknown.
 */
async function exchange<R>(scope: Scope, spec: RequestSpec, read: (body: unknown) => R): Promise<R> {
  const res = await scope.t.request(spec);
  const requestId = res.headers.get('x-request-id') ?? undefined;
  try {
    return atBoundary(spec.method, spec.path, requestId, () => read(res.body));
  } catch (e) {
    throw e instanceof RomaError && isChange(spec) ? withUnknownOutcome(e) : e;
  }
}

/** A GET of one object, read tolerantly (validateSingle): repairs go to `onWarnings`. */
export function getObject<T>(scope: Scope, req: ReadSpec): Promise<T> {
  const { path, schema, norm = normalizeGeneric, query, signal, onWarnings } = req;
  return exchange(scope, { method: 'GET', path: scope.base + path, query, signal }, (body) => {
    const pre = body && typeof body === 'object' && !Array.isArray(body) ? norm({ ...(body as Obj) }) : body;
    const r = validateSingle(pre, schema, '$');
    if (r.warnings.length > 0) onWarnings?.(r.warnings);
    return r.record as T;
  });
}

export function getPage<T>(scope: Scope, req: PageSpec): Promise<Page<T>> {
  const { path, itemsKey, schema, norm = normalizeGeneric, query, signal } = req;
  // The body was parsed for this call alone: its records become the rows, repaired where they are.
  return exchange(scope, { method: 'GET', path: scope.base + path, query, signal }, (body) =>
    pageFrom<T>(body, itemsKey, schema, norm, query, true),
  );
}

/**
 * A page of records from a C3 envelope. The body is left as it came unless `owned` (a body parsed for
 * this call alone): then its records are normalised and repaired in place instead of copied, which
 * halves what a page allocates (a list of 10,000 rows loads with 12 MiB less garbage).
 */
export function pageFrom<T>(
  body: unknown,
  itemsKey: string,
  schema: ObjectSchema,
  norm: Normalizer,
  query: QueryParams | undefined,
  owned = false,
): Page<T> {
  const env = validateObject(body, { fields: { total: 'number', size: 'number' } }, '$');
  const rawItems = env[itemsKey] ?? [];
  // An absent list with total 0 is an empty page; anything but an array is a shape error.
  if (!Array.isArray(rawItems)) throw new ShapeError(`$.${itemsKey}`, 'array', rawItems);
  // Items are checked one by one (validateRecord): a bad record is repaired or dropped, with a warning.
  const list: T[] = [];
  const warnings: string[] = [];
  rawItems.forEach((it, i) => {
    const record = it && typeof it === 'object' && !Array.isArray(it);
    const pre = record ? norm(owned ? (it as Obj) : { ...(it as Obj) }) : it;
    // A record validateRecord would keep as it is (nearly all): no warning path, copy or result built.
    if (record && conforms(pre, schema)) {
      list.push(pre as T);
      return;
    }
    const r = validateRecord(pre, schema, `$.${itemsKey}[${i}]`, record);
    warnings.push(...r.warnings);
    if (r.record) list.push(r.record as T);
  });
  const offset = Number(query?.offset ?? 0) || 0;
  return {
    items: list,
    total: typeof env.total === 'number' ? env.total : offset + list.length,
    size: typeof env.size === 'number' ? env.size : list.length,
    offset,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

export function lister<T, Q extends PageQuery>(
  scope: Scope,
  path: string | ((q: Q) => string),
  itemsKey: string,
  schema: ObjectSchema,
  norm: Normalizer = normalizeGeneric,
): Lister<T, Q> {
  const pathOf = (q: Q) => (typeof path === 'string' ? path : path(q));
  const read = (q: Q, signal?: AbortSignal) =>
    getPage<T>(scope, {
      path: pathOf(q),
      itemsKey,
      schema,
      norm,
      query: q as unknown as QueryParams,
      signal,
    });
  return {
    list: (query, opts) => read(query, opts?.signal),
    listAll: (query, opts) =>
      listAll<T>((offset, limit, signal) => read({ ...query, offset, limit } as Q, signal), {
        ...opts,
        label: scope.base + pathOf(query as Q),
      }),
  };
}

export function optionalLister<T, Q extends PageQuery>(
  scope: Scope,
  path: string,
  itemsKey: string,
  schema: ObjectSchema,
  norm: Normalizer = normalizeGeneric,
): OptionalLister<T, Q> {
  const l = lister<T, Q>(scope, path, itemsKey, schema, norm);
  return {
    list: (query, opts) => l.list(query ?? ({} as Q), opts),
    listAll: (query, opts) => l.listAll(query ?? ({} as Omit<Q, 'offset' | 'limit'>), opts),
  };
}

/** Sends a write; returns the validated body, or undefined for 204 (or the raw body when there is no schema). */
export function send<T>(scope: Scope, req: WriteSpec): Promise<T> {
  const { method, path, body, schema, norm = normalizeGeneric, query, signal, changesNothing } = req;
  const spec = { method, path: scope.base + path, body, query, signal };
  return exchange(scope, changesNothing ? { ...spec, allowInReadOnly: true } : spec, (answer) =>
    schema && answer !== undefined ? shape<T>(schema, norm, answer) : (answer as T),
  );
}

/** A DELETE answered 204: resolves once the server confirmed; never retried (the transport retries GET only). */
export async function deleteAt(scope: Scope, path: string, opts?: CallOptions): Promise<void> {
  await scope.t.request({ method: 'DELETE', path: scope.base + path, signal: opts?.signal });
}

/** `{ success_count, failure }` answers of the `?action=delete` batch calls (4.8.6, 4.12.4, 4.13.3). */
interface BatchAnswer {
  success_count: number;
  failure: unknown[];
}

/** `PUT path?action=delete` with `{ <key>: ids }`; a missing count or failure list reads as 0 / []. */
export async function deleteMany<R extends BatchAnswer>(
  scope: Scope,
  path: string,
  key: string,
  ids: string[],
  schema: ObjectSchema,
  opts?: CallOptions,
): Promise<R> {
  const body = { [key]: ids };
  const r = await send<R | undefined>(scope, {
    method: 'PUT',
    path,
    body,
    schema,
    query: { action: 'delete' },
    ...opts,
  });
  return { ...r, success_count: r?.success_count ?? 0, failure: r?.failure ?? [] } as R;
}

/** The writes every binding family shares (4.8.1/4.8.2, 4.11.1/4.11.2, 4.13.1/4.13.2, 4.18.1/4.18.2). */
export interface BindingWrites<Req, B> {
  /** `POST path`, answered `{ <answerKey>: [...] }`. */
  bind(req: Req, opts?: CallOptions): Promise<B[]>;
  /** `DELETE path/{id}`. */
  unbind(bindingId: string, opts?: CallOptions): Promise<void>;
}

export function bindingWrites<Req, B>(
  scope: Scope,
  path: string,
  answerKey: string,
  schema: ObjectSchema,
): BindingWrites<Req, B> {
  return {
    async bind(req, opts) {
      const body = await send<unknown>(scope, { method: 'POST', path, body: req, ...opts });
      try {
        return atBoundary('POST', scope.base + path, undefined, () => {
          const o = validateObject(body ?? {}, { fields: { [answerKey]: [schema] } }, '$');
          return (o[answerKey] as B[] | undefined) ?? [];
        });
      } catch (e) {
        // answered 2xx, so the bindings may exist: see exchange()
        throw e instanceof RomaError ? withUnknownOutcome(e) : e;
      }
    },
    unbind: (bindingId, opts) => deleteAt(scope, `${path}/${seg(bindingId)}`, opts),
  };
}

export { RomaError };
