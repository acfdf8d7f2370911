// The pure part of the form engine: visible fields, per-field and cross-field rules, the review diff
// (only changed fields, old → new, secrets masked), and a server 400 naming a parameter mapped to its field.
import type {
  ColumnField,
  Field,
  FieldErrors,
  FieldValue,
  FormMode,
  AnyFormSpec,
  FormSpec,
  FormValues,
  Row,
} from './types.ts';

export function visibleFields(spec: Pick<FormSpec, 'fields'>, values: FormValues): Field[] {
  return spec.fields.filter((f) => !f.when || f.when(values));
}

export function textOf(v: FieldValue | undefined): string {
  return typeof v === 'string' ? v : '';
}

export function rowsOf(v: FieldValue | undefined): readonly Row[] {
  return Array.isArray(v) ? (v as readonly Row[]) : [];
}

/** Parses an integer field's text; undefined when empty or not an integer. */
export function intOf(v: FieldValue | undefined): number | undefined {
  const s = textOf(v).trim();
  if (!/^-?\d+$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
}

function isEmpty(v: FieldValue | undefined): boolean {
  if (v === undefined) return true;
  if (typeof v === 'boolean') return false;
  if (typeof v === 'string') return v.trim() === '';
  return v.length === 0;
}

/** The error of one simple value (text, secret, long text, integer, choice), or null. */
function checkSimple(f: Field | ColumnField, v: FieldValue | undefined): string | null {
  if (isEmpty(v)) return f.required ? 'required' : null;
  const s = textOf(v);
  switch (f.kind) {
    case 'text':
    case 'secret': {
      const len = [...s].length;
      if (f.minLength !== undefined && len < f.minLength) return `at least ${f.minLength} characters`;
      if (f.maxLength !== undefined && len > f.maxLength) return `at most ${f.maxLength} characters`;
      if (f.pattern && !f.pattern.test(s)) return f.patternHint ?? 'not in the allowed format';
      return null;
    }
    case 'longtext': {
      if (f.maxLength !== undefined && [...s].length > f.maxLength)
        return `at most ${f.maxLength} characters`;
      if (f.json) {
        try {
          JSON.parse(s);
        } catch {
          return 'not valid JSON';
        }
      }
      return null;
    }
    case 'integer': {
      const n = intOf(s);
      if (n === undefined) return 'a whole number';
      if (f.min !== undefined && n < f.min) return `at least ${f.min}`;
      if (f.max !== undefined && n > f.max) return `at most ${f.max}`;
      return null;
    }
    case 'choice':
      return f.choices.some((c) => c.value === s)
        ? null
        : `one of ${f.choices.map((c) => c.value).join(', ')}`;
    default:
      return null;
  }
}

/** The error of one field's value (rows: the first bad cell, named by row and column), or null. */
export function checkField(f: Field, v: FieldValue | undefined): string | null {
  if (f.kind === 'boolean') return null;
  if (f.kind !== 'rows') return checkSimple(f, v);
  const rows = rowsOf(v);
  if (f.required && rows.length === 0) return 'at least one row';
  if (f.minRows !== undefined && rows.length < f.minRows) return `at least ${f.minRows} rows`;
  if (f.maxRows !== undefined && rows.length > f.maxRows) return `at most ${f.maxRows} rows`;
  for (const [i, row] of rows.entries()) {
    for (const c of f.columns) {
      const e = checkSimple(c, row[c.key]);
      if (e) return `row ${i + 1} ${c.label}: ${e}`;
    }
  }
  if (f.uniqueBy) {
    const seen = new Set<string>();
    for (const [i, row] of rows.entries()) {
      const k = row[f.uniqueBy] ?? '';
      if (seen.has(k)) return `row ${i + 1}: ${k} appears twice`;
      seen.add(k);
    }
  }
  return null;
}

/** Every error of the visible fields, then the spec's rules across fields (first error per field wins). */
export function validateForm(spec: AnyFormSpec, values: FormValues, mode: FormMode): FieldErrors {
  const errors: Record<string, string> = {};
  for (const f of visibleFields(spec, values)) {
    const e = checkField(f, values[f.key]);
    if (e) errors[f.key] = e;
  }
  for (const [k, e] of Object.entries(spec.check?.(values, mode) ?? {})) errors[k] ??= e;
  return errors;
}

export interface Change {
  key: string;
  label: string;
  from: string;
  to: string;
}

const MASK = '••••••';

/** How a value reads in the review (secrets masked unless revealed). */
export function displayValue(f: Field, v: FieldValue | undefined, reveal = false): string {
  if (f.kind === 'boolean') return v === true ? 'yes' : 'no';
  if (f.kind === 'rows') {
    const rows = rowsOf(v);
    if (rows.length === 0) return '(none)';
    return rows.map((r) => f.columns.map((c) => r[c.key] ?? '').join(' ')).join('; ');
  }
  const s = textOf(v);
  if (s === '') return '(empty)';
  if (f.kind === 'secret' && !reveal) return MASK;
  if (f.kind === 'integer' && f.unit) return `${s} ${f.unit}`;
  if (f.kind === 'choice') return f.choices.find((c) => c.value === s)?.label ?? s;
  return s;
}

function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(rowsOf(a)) === JSON.stringify(rowsOf(b));
  if (typeof a === 'boolean' || typeof b === 'boolean') return a === b;
  return textOf(a).trim() === textOf(b).trim();
}

/** The review: only the visible fields whose value changed, old → new. A new item lists what is filled in. */
export function diffValues(spec: Pick<FormSpec, 'fields'>, before: FormValues, after: FormValues): Change[] {
  const out: Change[] = [];
  for (const f of visibleFields(spec, after)) {
    if (sameValue(before[f.key], after[f.key])) continue;
    out.push({
      key: f.key,
      label: f.label,
      from: displayValue(f, before[f.key]),
      to: displayValue(f, after[f.key]),
    });
  }
  return out;
}

/**
 * The field a server refusal names: `…,parameterName:api_call_limits. …` (also the 4.15.1 variant
 * `parameter name:members` and indexed names such as `members[0]`). Null when none of the form's fields
 * carries that name.
 */
export function fieldOfServerError(
  spec: Pick<FormSpec, 'fields'>,
  errorMsg: string | undefined,
  values?: FormValues,
): string | null {
  const m = /parameter\s?name\s*:\s*([A-Za-z0-9_.[\]]+)/i.exec(errorMsg ?? '');
  if (!m) return null;
  const name = (m[1] ?? '').replace(/\[\d+\]/g, '').replace(/\.$/, '');
  const last = name.split('.').pop() ?? name;
  // Two blocks may share a wire name (`timeout` of the HTTP and FUNCTION backends): the shown one wins.
  const fields = values ? visibleFields(spec, values) : spec.fields;
  for (const candidate of [name, last]) {
    const f = fields.find((x) => x.key === candidate || x.param === candidate);
    if (f) return f.key;
    // A column of a list field (`host` of members) lands on the list.
    const owner = fields.find(
      (x) => x.kind === 'rows' && x.columns.some((c) => c.key === candidate || c.param === candidate),
    );
    if (owner) return owner.key;
  }
  return null;
}

/** Initial values: the item's for edit/copy, the blank ones for a new item; fields without a value get ''. */
export function completeValues(spec: Pick<FormSpec, 'fields'>, values: FormValues): FormValues {
  const out: Record<string, FieldValue> = { ...values };
  for (const f of spec.fields) {
    if (out[f.key] !== undefined) continue;
    out[f.key] = f.kind === 'boolean' ? false : f.kind === 'rows' ? [] : '';
  }
  return out;
}

/** Body helpers: a trimmed text or undefined, an integer or undefined. */
export function optText(values: FormValues, key: string): string | undefined {
  const s = textOf(values[key]).trim();
  return s === '' ? undefined : s;
}

export function optInt(values: FormValues, key: string): number | undefined {
  return intOf(values[key]);
}
