// Validation of a debug form before sending, with the name rules of 4.3.8 exactly.
import { DEBUG_METHODS, resolvePath, type DebugForm, type ParamRow } from './form.ts';
import type { DebugMode } from './types.ts';

export const MAX_BODY_BYTES = 2_097_152;
export const MAX_PATH_CHARS = 1024;
export const MAX_NAME_BYTES = 32;

/** Field key → message. Keys: `mode`, `stage`, `method`, `path`, `body`, `appKey`, `appSecret`, `path.N`, `query.N`, `header.N`. */
export type FormErrors = Record<string, string>;

function reservedPrefixOrStage(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (lower.startsWith('x-apig-') || lower.startsWith('x-sdk-'))
    return 'must not start with X-Apig- or X-Sdk-';
  if (lower === 'x-stage') return 'X-Stage is reserved';
  return undefined;
}

function nameShape(name: string, pattern: RegExp, allowed: string): string | undefined {
  if (name === '') return 'name is required';
  if (!/^[A-Za-z]/.test(name)) return 'must start with a letter';
  if (!pattern.test(name)) return `only ${allowed}`;
  if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) return `at most ${MAX_NAME_BYTES} bytes`;
  return undefined;
}

export function headerNameError(name: string, mode: DebugMode): string | undefined {
  const shape = nameShape(name, /^[A-Za-z][A-Za-z0-9.-]*$/, 'letters, digits, . and -');
  if (shape) return shape;
  const reserved = reservedPrefixOrStage(name);
  if (reserved) return reserved;
  const lower = name.toLowerCase();
  if ((mode === 'MARKET' || mode === 'CONSUMER') && (lower === 'x-auth-token' || lower === 'authorization')) {
    return `${name} is not allowed in ${mode} mode`;
  }
  return undefined;
}

export function queryNameError(name: string): string | undefined {
  return (
    nameShape(name, /^[A-Za-z][A-Za-z0-9._-]*$/, 'letters, digits, ., _ and -') ?? reservedPrefixOrStage(name)
  );
}

export function pathError(path: string): string | undefined {
  if (!path.startsWith('/')) return 'must start with /';
  if (path.length > MAX_PATH_CHARS) return `at most ${MAX_PATH_CHARS} characters`;
  try {
    decodeURI(path);
  } catch {
    return 'percent-encoding cannot be decoded';
  }
  return undefined;
}

/** Rows not sent: both parts empty, or an optional declared parameter left empty. */
export function isBlankRow(r: ParamRow): boolean {
  return (r.name === '' && r.value === '') || (r.declared === true && !r.required && r.value === '');
}

function rowErrors(
  rows: readonly ParamRow[],
  prefix: string,
  nameRule: (name: string) => string | undefined,
  errors: FormErrors,
): void {
  rows.forEach((row, i) => {
    if (isBlankRow(row) && !row.required) return;
    const nameErr = nameRule(row.name);
    if (nameErr) errors[`${prefix}.${i}`] = `${row.name || prefix}: ${nameErr}`;
    else if (row.required && row.value === '') errors[`${prefix}.${i}`] = `${row.name} is required`;
  });
}

export function validateForm(form: DebugForm): FormErrors {
  const errors: FormErrors = {};
  if (!(DEBUG_METHODS as readonly string[]).includes(form.method))
    errors.method = `method must be one of ${DEBUG_METHODS.join(', ')}`;
  if (form.mode === 'CONSUMER' && form.stage.trim() === '')
    errors.stage = 'environment is required in CONSUMER mode';
  form.pathParams.forEach((p, i) => {
    if (p.value === '') errors[`path.${i}`] = `${p.name} is required`;
  });
  const pathErr = pathError(resolvePath(form.pathTemplate, form.pathParams));
  if (pathErr) errors.path = `path ${pathErr}`;
  rowErrors(form.query, 'query', queryNameError, errors);
  rowErrors(form.headers, 'header', (n) => headerNameError(n, form.mode), errors);
  if (Buffer.byteLength(form.body, 'utf8') > MAX_BODY_BYTES)
    errors.body = `body is larger than ${MAX_BODY_BYTES} bytes`;
  // An app key without its secret (or the reverse) cannot sign; APP-auth in CONSUMER mode needs both.
  const needApp = form.authType === 'APP' && form.mode === 'CONSUMER';
  if ((needApp || form.appSecret !== '') && form.appKey === '')
    errors.appKey = 'app key is required (pick an app)';
  if ((needApp || form.appKey !== '') && form.appSecret === '') errors.appSecret = 'app secret is required';
  return errors;
}
