// Building blocks the resource modules share: read one object, read a page, build a Lister, send a write.
import { listAll } from './paginate.ts';
import type { RequestSpec, Transport } from './transport.ts';
import type { CallOptions, ListAllOptions, Page, PageQuery, QueryParams } from './types/common.ts';
import { atBoundary, ShapeError, validateObject, validateRecord, type ObjectSchema } from './validate.ts';
import { normalizeGeneric } from './normalize.ts';
import { RomaError } from './errors.ts';

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
  /** `/v2/{project_id}/apic/instances/{instance_id}` (or `/v2/{project_id}` for instance lists). */
  base: string;
}

export function seg(id: string): string {
  return encodeURIComponent(id);
}

function shape(schema: ObjectSchema, norm: Normalizer, raw: unknown, at: string): Obj {
  const pre = raw && typeof raw === 'object' && !Array.isArray(raw) ? norm({ ...(raw as Obj) }) : raw;
  return validateObject(pre, schema, at);
}

export async function getObject<T>(
  scope: Scope,
  path: string,
  schema: ObjectSchema,
  norm: Normalizer = normalizeGeneric,
  query?: QueryParams,
  opts?: CallOptions,
): Promise<T> {
  const spec: RequestSpec = { method: 'GET', path: scope.base + path, query, signal: opts?.signal };
  const res = await scope.t.request(spec);
  const requestId = res.headers.get('x-request-id') ?? undefined;
  return atBoundary('GET', spec.path, requestId, () => shape(schema, norm, res.body, '$') as T);
}

export async function getPage<T>(
  scope: Scope,
  path: string,
  itemsKey: string,
  schema: ObjectSchema,
  norm: Normalizer,
  query: QueryParams | undefined,
  opts?: CallOptions,
): Promise<Page<T>> {
  const spec: RequestSpec = { method: 'GET', path: scope.base + path, query, signal: opts?.signal };
  const res = await scope.t.request(spec);
  const requestId = res.headers.get('x-request-id') ?? undefined;
  return atBoundary('GET', spec.path, requestId, () => pageFrom<T>(res.body, itemsKey, schema, norm, query));
}

export function pageFrom<T>(
  body: unknown,
  itemsKey: string,
  schema: ObjectSchema,
  norm: Normalizer,
  query: QueryParams | undefined,
): Page<T> {
  const env = validateObject(body, { fields: { total: 'number', size: 'number' } }, '$');
  const rawItems = env[itemsKey] ?? [];
  // An absent list with total 0 is an empty page; anything but an array is a shape error.
  if (!Array.isArray(rawItems)) throw new ShapeError(`$.${itemsKey}`, 'array', rawItems);
  // Items are checked one by one (validateRecord): a bad record is repaired or dropped, with a warning.
  const list: T[] = [];
  const warnings: string[] = [];
  rawItems.forEach((it, i) => {
    const pre = it && typeof it === 'object' && !Array.isArray(it) ? norm({ ...(it as Obj) }) : it;
    const r = validateRecord(pre, schema, `$.${itemsKey}[${i}]`);
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
  const toQuery = (q: Q): QueryParams => q as unknown as QueryParams;
  return {
    list: (query, opts) => getPage<T>(scope, pathOf(query), itemsKey, schema, norm, toQuery(query), opts),
    listAll: (query, opts) =>
      listAll<T>(
        (offset, limit, signal) =>
          getPage<T>(
            scope,
            pathOf(query as Q),
            itemsKey,
            schema,
            norm,
            toQuery({ ...query, offset, limit } as Q),
            {
              signal,
            },
          ),
        { ...opts, label: scope.base + pathOf(query as Q) },
      ),
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

/** A write (or POST read such as debug). Returns the validated body, or undefined for 204. */
export async function send<T>(
  scope: Scope,
  method: 'POST' | 'PUT' | 'DELETE',
  path: string,
  body: unknown,
  schema?: ObjectSchema,
  norm: Normalizer = normalizeGeneric,
  query?: QueryParams,
  opts?: CallOptions,
): Promise<T> {
  const spec: RequestSpec = { method, path: scope.base + path, body, query, signal: opts?.signal };
  const res = await scope.t.request(spec);
  if (!schema || res.body === undefined) return res.body as T;
  const requestId = res.headers.get('x-request-id') ?? undefined;
  return atBoundary(method, spec.path, requestId, () => shape(schema, norm, res.body, '$') as T);
}

/** A DELETE answered 204: resolves once the server confirmed; never retried (the transport retries GET only). */
export async function deleteAt(scope: Scope, path: string, opts?: CallOptions): Promise<void> {
  await scope.t.request({ method: 'DELETE', path: scope.base + path, signal: opts?.signal });
}

/** Reads `{ <key>: [...] }` answers of the binding calls (4.8.1, 4.11.1, 4.13.1, 4.18.1). */
export function itemsOf<T>(
  body: unknown,
  key: string,
  schema: ObjectSchema,
  method: string,
  path: string,
): T[] {
  return atBoundary(method, path, undefined, () => {
    const o = validateObject(body ?? {}, { fields: { [key]: [schema] } }, '$');
    return (o[key] as T[] | undefined) ?? [];
  });
}

export { RomaError };
