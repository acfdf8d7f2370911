// Response validation at the boundary: a small field-type schema per resource. Tolerant where the
// meaning is unambiguous (numeric strings for numbers, numbers for strings, null as absent, unknown
// fields kept), strict otherwise: a field of the wrong type becomes a RomaError of kind 'shape'.
//
// List items are checked one by one with `validateRecord` instead (tolerant as a client): one bad
// record must not hide the other 499 of a page. A bad field is repaired or removed, a record that
// cannot be shown is dropped, and each repair is reported as a warning string on the page.
import { RomaError } from './errors.ts';

export type FieldType =
  'string' | 'number' | 'boolean' | 'strings' | 'object' | 'any' | ObjectSchema | readonly [ObjectSchema];

export interface ObjectSchema {
  required?: readonly string[];
  fields: Readonly<Record<string, FieldType>>;
}

export class ShapeError extends Error {
  constructor(
    readonly field: string,
    readonly expected: string,
    readonly got: unknown,
  ) {
    super(`${field}: expected ${expected}, got ${describe(got)}`);
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'string') return `string ${JSON.stringify(v.length > 30 ? v.slice(0, 30) + '…' : v)}`;
  return typeof v;
}

function coerce(value: unknown, type: FieldType, at: string): unknown {
  if (type === 'any') return value;
  if (type === 'string') {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw new ShapeError(at, 'string', value);
  }
  if (type === 'number') {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
      return Number(value);
    throw new ShapeError(at, 'number', value);
  }
  if (type === 'boolean') {
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'TRUE') return true;
    if (value === 'false' || value === 'FALSE') return false;
    throw new ShapeError(at, 'boolean', value);
  }
  if (type === 'strings') {
    if (!Array.isArray(value)) throw new ShapeError(at, 'array of strings', value);
    return value.map((v, i) => coerce(v, 'string', `${at}[${i}]`));
  }
  if (type === 'object') {
    if (value && typeof value === 'object' && !Array.isArray(value)) return value;
    throw new ShapeError(at, 'object', value);
  }
  if (Array.isArray(type)) {
    const [schema] = type as readonly [ObjectSchema];
    if (!Array.isArray(value)) throw new ShapeError(at, 'array', value);
    return value.map((v, i) => validateObject(v, schema, `${at}[${i}]`));
  }
  return validateObject(value, type as ObjectSchema, at);
}

/** Returns a copy with known fields checked and coerced; unknown fields are kept as they came. */
export function validateObject(value: unknown, schema: ObjectSchema, at = '$'): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ShapeError(at, 'object', value);
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [name, type] of Object.entries(schema.fields)) {
    const v = out[name];
    if (v === null || v === undefined) {
      delete out[name];
      continue;
    }
    out[name] = coerce(v, type, `${at}.${name}`);
  }
  for (const name of schema.required ?? []) {
    if (out[name] === undefined) throw new ShapeError(`${at}.${name}`, 'a value', undefined);
  }
  return out;
}

/** Runs a validation and turns a ShapeError into the client's RomaError. */
export function atBoundary<T>(method: string, path: string, requestId: string | undefined, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ShapeError) {
      throw new RomaError({ kind: 'shape', method, path, requestId, errorMsg: e.message, cause: e });
    }
    throw e;
  }
}

/** A record as the list shows it, or null when it was dropped; `warnings` says what was repaired. */
export interface RecordResult {
  record: Record<string, unknown> | null;
  warnings: string[];
}

/**
 * Tolerant variant of {@link validateObject} for list items. A field of the wrong type is
 * - for a string field: replaced by its JSON text (an object name stays visible, and inert);
 * - for any other field: removed, so the typed record never carries a lie (a throttle limit of
 *   "lots" shows as absent rather than as NaN);
 * - for an array of records: the bad elements are dropped.
 * The record itself is dropped when it is not an object or a required field is missing.
 */
export function validateRecord(
  value: unknown,
  schema: ObjectSchema,
  at = '$',
  /** `value` is a copy of the caller's own (pageFrom normalises a copy): repaired where it is. */
  owned = false,
): RecordResult {
  const warnings: string[] = [];
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { record: null, warnings: [`${at}: dropped, expected an object, got ${describe(value)}`] };
  }
  const record = repairObject(value as Record<string, unknown>, schema, at, warnings, owned);
  for (const name of schema.required ?? []) {
    if (record[name] === undefined) {
      warnings.push(`${at}: dropped, required field ${name} is missing`);
      return { record: null, warnings };
    }
  }
  return { record, warnings };
}

/**
 * {@link validateRecord} for a single object (a `get`): wrong-typed fields are repaired the same way,
 * each repair a warning, so a detail view still renders. Not an object, or a required field missing,
 * is still a ShapeError (there is nothing to show).
 */
export function validateSingle(
  value: unknown,
  schema: ObjectSchema,
  at = '$',
): { record: Record<string, unknown>; warnings: string[] } {
  const r = validateRecord(value, schema, at);
  if (r.record) return { record: r.record, warnings: r.warnings };
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ShapeError(at, 'object', value);
  const missing = (schema.required ?? []).find((n) => (value as Record<string, unknown>)[n] == null) ?? '?';
  throw new ShapeError(`${at}.${missing}`, 'a value', (value as Record<string, unknown>)[missing]);
}

function repairObject(
  value: Record<string, unknown>,
  schema: ObjectSchema,
  at: string,
  warnings: string[],
  owned = false,
): Record<string, unknown> {
  const out: Record<string, unknown> = owned ? value : { ...value };
  for (const [name, type] of fieldsOf(schema)) {
    const v = out[name];
    if (v === undefined) continue;
    if (v === null) {
      delete out[name];
      continue;
    }
    // Well-typed scalars (nearly every field of every record) are kept as they are.
    if ((type === 'string' || type === 'boolean') && typeof v === type) continue;
    if (type === 'number' && typeof v === 'number' && Number.isFinite(v)) continue;
    const fixed = repairField(v, type, `${at}.${name}`, warnings);
    if (fixed === undefined) delete out[name];
    else out[name] = fixed;
  }
  return out;
}

/**
 * True when {@link validateRecord} would keep `value` exactly as it is: an object whose every typed
 * field is absent or already of its type (no null to drop, nothing to coerce), down through nested
 * records, and with its required fields. Allocates nothing, so a page of well-formed records (nearly
 * every page) is checked without building a warning path or a copy per record.
 */
export function conforms(value: unknown, schema: ObjectSchema): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const o = value as Record<string, unknown>;
  const fields = fieldsOf(schema);
  for (let i = 0; i < fields.length; i++) {
    const [name, type] = fields[i]!;
    const v = o[name];
    if (v !== undefined && !fieldConforms(v, type)) return false;
  }
  const required = schema.required ?? [];
  for (let i = 0; i < required.length; i++) if (o[required[i]!] === undefined) return false;
  return true;
}

function fieldConforms(v: unknown, type: FieldType): boolean {
  switch (type) {
    case 'any':
      return v !== null;
    case 'string':
    case 'boolean':
      return typeof v === type;
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'object':
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    case 'strings':
      if (!Array.isArray(v)) return false;
      for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
      return true;
  }
  if (!Array.isArray(type)) return conforms(v, type as ObjectSchema);
  const [schema] = type as readonly [ObjectSchema];
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!conforms(v[i], schema)) return false;
  return true;
}

const schemaFields = new WeakMap<ObjectSchema, ReadonlyArray<readonly [string, FieldType]>>();

/** A schema's fields as entries, built once per schema (every record of every page walks them). */
function fieldsOf(schema: ObjectSchema): ReadonlyArray<readonly [string, FieldType]> {
  let entries = schemaFields.get(schema);
  if (entries === undefined) {
    entries = Object.entries(schema.fields);
    schemaFields.set(schema, entries);
  }
  return entries;
}

function repairField(value: unknown, type: FieldType, at: string, warnings: string[]): unknown {
  if (Array.isArray(type)) {
    const [schema] = type as readonly [ObjectSchema];
    if (!Array.isArray(value)) {
      warnings.push(`${at}: removed, expected array, got ${describe(value)}`);
      return undefined;
    }
    const kept: unknown[] = [];
    value.forEach((v, i) => {
      const r = validateRecord(v, schema, `${at}[${i}]`);
      warnings.push(...r.warnings);
      if (r.record) kept.push(r.record);
    });
    return kept;
  }
  if (typeof type === 'object') {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      warnings.push(`${at}: removed, expected object, got ${describe(value)}`);
      return undefined;
    }
    return repairObject(value as Record<string, unknown>, type as ObjectSchema, at, warnings);
  }
  if (type === 'strings' && Array.isArray(value)) {
    return value.map((v, i) => repairField(v ?? '', 'string', `${at}[${i}]`, warnings));
  }
  try {
    return coerce(value, type, at);
  } catch (e) {
    if (!(e instanceof ShapeError)) throw e;
    if (type === 'string') {
      warnings.push(`${at}: expected string, got ${describe(value)}; shown as JSON`);
      return safeJson(value);
    }
    warnings.push(`${e.message}; removed`);
    return undefined;
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return '[unserialisable]';
  }
}
