// Building blocks of the LINK client: the tolerant key normaliser and readers for the answers the
// shared helpers do not cover (bare arrays, files). The instance scope is `serviceScope(…, 'link', id)`.
import { send, type Normalizer, type Scope } from '../resource.ts';
import type { CallOptions } from '../types/common.ts';
import { ShapeError, atBoundary, validateRecord, type ObjectSchema } from '../validate.ts';

/**
 * Misspellings seen in the reference's examples, mapped to the table names (C13 items 5 and 7). A Map,
 * not an object literal: a record's key `constructor` or `toString` must not find Object's members.
 */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['serviceld', 'service_id'],
  ['mq_sasl_ssl', 'mqs_sasl_ssl'],
  ['mq5_sasl_ssl', 'mqs_sasl_ssl'],
]);

const snake = (k: string): string => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Key → the table name it is read as ('' for itself). Every record of a page has the same keys. */
const tableNames = new Map<string, string>();
/** A hostile body can bring endless distinct keys: past this many, names are worked out, not kept. */
const TABLE_NAMES_KEPT = 2000;

function tableNameOf(k: string): string {
  let to = tableNames.get(k);
  if (to === undefined) {
    to = ALIASES.get(k) ?? (/[A-Z]/.test(k) ? snake(k) : '');
    if (tableNames.size < TABLE_NAMES_KEPT) tableNames.set(k, to);
  }
  return to;
}

/**
 * Tolerant reading (ARCHITECTURE.md, LINK): camelCase keys of the examples (`serviceId`, `createdUser`,
 * `isPrivate`) and known misspellings are read as the snake_case names of the tables, unless the table
 * name is present too. Commands answer `command_name`, but the create body says `name`: both read.
 */
export const normalizeLink: Normalizer = (o) => {
  for (const k of Object.keys(o)) {
    const to = tableNameOf(k);
    if (to !== '' && to !== k && o[to] === undefined) o[to] = o[k];
  }
  return o;
};

/** A body that is a bare JSON array (6.2.8, 6.2.10, 6.5.3's example); `null` reads as empty. */
export function readArray<T>(
  method: string,
  path: string,
  body: unknown,
  schema: ObjectSchema,
  wrapKey?: string,
  onWarnings?: (w: string[]) => void,
): T[] {
  return atBoundary(method, path, undefined, () => {
    let raw = body;
    // 6.5.3's table wraps the list in `resources` while its example is bare: accept both.
    if (wrapKey && raw && typeof raw === 'object' && !Array.isArray(raw))
      raw = (raw as Record<string, unknown>)[wrapKey];
    if (raw === null || raw === undefined) return [];
    if (!Array.isArray(raw)) throw new ShapeError('$', 'array', raw);
    const out: T[] = [];
    const warnings: string[] = [];
    raw.forEach((it, i) => {
      const pre =
        it && typeof it === 'object' && !Array.isArray(it) ? normalizeLink({ ...(it as object) }) : it;
      const r = validateRecord(pre, schema, `$[${i}]`);
      warnings.push(...r.warnings);
      if (r.record) out.push(r.record as T);
    });
    if (warnings.length > 0) onWarnings?.(warnings);
    return out;
  });
}

/** A write whose answer is a bare array. */
export async function sendForArray<T>(
  scope: Scope,
  method: 'POST' | 'PUT',
  path: string,
  body: unknown,
  schema: ObjectSchema,
  opts?: CallOptions,
  wrapKey?: string,
): Promise<T[]> {
  const raw = await send<unknown>(scope, { method, path, body, ...opts });
  return readArray<T>(method, scope.base + path, raw, schema, wrapKey, opts?.onWarnings);
}

/** A GET whose answer is a bare array. */
export async function getArray<T>(
  scope: Scope,
  path: string,
  schema: ObjectSchema,
  opts?: CallOptions,
): Promise<T[]> {
  const res = await scope.t.request({ method: 'GET', path: scope.base + path, signal: opts?.signal });
  return readArray<T>('GET', scope.base + path, res.body, schema, undefined, opts?.onWarnings);
}
