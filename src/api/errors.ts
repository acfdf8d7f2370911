// The one error type the client fails with: HTTP errors, network failures, bad bodies, shape errors,
// the read-only guard and credential problems all become a RomaError with a kind and a human hint.
import { ERROR_CODE_HINTS } from './error-codes.ts';

/** A family's documented codes: [status, meaning, handling]. */
export type ErrorHintTable = Readonly<Record<string, readonly [number, string, string]>>;

// The gateway's table is always here; the message and device families' tables (7.4.3, 7.4.4) come
// with their code, which loads on first use (src/api/families.ts registers them before any call of
// the family is sent, so every error of that family finds its hint).
const familyTables: ErrorHintTable[] = [];

/** Adds a family's code table to `hintFor` (once per table). */
export function registerErrorHints(table: ErrorHintTable): void {
  if (!familyTables.includes(table)) familyTables.push(table);
}

function documentedHint(code: string): readonly [number, string, string] | undefined {
  const apic = ERROR_CODE_HINTS[code];
  if (apic) return apic;
  for (const t of familyTables) {
    const hit = t[code];
    if (hit) return hit;
  }
  return undefined;
}

export type RomaErrorKind =
  /** The server answered an error status with the documented `{error_code, error_msg}` body. */
  | 'http'
  /** An error status whose body is not the documented JSON (e.g. an HTML page from a proxy). */
  | 'bad-body'
  /** A success status whose body is not JSON at all. */
  | 'malformed-json'
  /** JSON that does not have the documented shape (wrong-typed field, missing list). */
  | 'shape'
  | 'refused'
  | 'dns'
  | 'tls'
  | 'reset'
  | 'timeout'
  | 'network'
  | 'aborted'
  /** A write refused client-side because the profile or flag says read-only. */
  | 'read-only'
  /** Credentials missing, rejected by IAM, or unusable (e.g. an encrypted KooCLI profile). */
  | 'auth'
  | 'config'
  /** A local file roma-dash writes (the audit log, --log-file) cannot be written; `path` names it. */
  | 'file';

/**
 * `unknown`: a change (POST/PUT/DELETE) was sent but its answer could not be read — a 2xx with a broken
 * or wrong-shaped body, a reset, a timeout — so it may or may not have been applied. Absent otherwise.
 */
export type WriteOutcome = 'unknown';

/** Kinds that leave a change's fate open: the request may have reached the gateway and been applied. */
const OPEN_KINDS: ReadonlySet<RomaErrorKind> = new Set([
  'malformed-json',
  'shape',
  'reset',
  'timeout',
  'network',
]);

/** Whether a failure of kind `kind` on a change leaves its outcome unknown (see WriteOutcome). */
export function leavesOutcomeOpen(kind: RomaErrorKind): boolean {
  return OPEN_KINDS.has(kind);
}

export interface RomaErrorInit {
  kind: RomaErrorKind;
  method: string;
  path: string;
  status?: number;
  errorCode?: string;
  errorMsg?: string;
  requestId?: string;
  hint?: string;
  /** How many attempts were made (retries included). */
  attempts?: number;
  /** Seconds the server asked to wait (429 Retry-After). */
  retryAfter?: number;
  /** Set on a change whose answer could not be read (see WriteOutcome). */
  outcome?: WriteOutcome;
  cause?: unknown;
}

export class RomaError extends Error {
  readonly kind: RomaErrorKind;
  readonly method: string;
  readonly path: string;
  readonly status?: number;
  readonly errorCode?: string;
  readonly errorMsg?: string;
  readonly requestId?: string;
  readonly hint: string;
  readonly attempts?: number;
  readonly retryAfter?: number;
  readonly outcome?: WriteOutcome;

  constructor(init: RomaErrorInit) {
    super(describe(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'RomaError';
    this.kind = init.kind;
    this.method = init.method;
    this.path = init.path;
    this.status = init.status;
    this.errorCode = init.errorCode;
    this.errorMsg = init.errorMsg;
    this.requestId = init.requestId;
    this.attempts = init.attempts;
    this.retryAfter = init.retryAfter;
    if (init.outcome) this.outcome = init.outcome;
    this.hint = init.outcome ? unknownOutcomeHint(init.kind) : (init.hint ?? hintFor(init));
  }

  /** A plain object for logs, the store and JSON views (no cause chain, no secrets). */
  toJSON(): Omit<RomaErrorInit, 'cause'> & { message: string; hint: string } {
    return {
      message: this.message,
      kind: this.kind,
      method: this.method,
      path: this.path,
      status: this.status,
      errorCode: this.errorCode,
      errorMsg: this.errorMsg,
      requestId: this.requestId,
      hint: this.hint,
      attempts: this.attempts,
      retryAfter: this.retryAfter,
      ...(this.outcome ? { outcome: this.outcome } : {}),
    };
  }
}

/** The same failure, marked as a change whose outcome is unknown (message and hint say so). */
export function withUnknownOutcome(e: RomaError): RomaError {
  if (e.outcome === 'unknown') return e;
  return new RomaError({
    kind: e.kind,
    method: e.method,
    path: e.path,
    status: e.status,
    errorCode: e.errorCode,
    errorMsg: e.errorMsg,
    requestId: e.requestId,
    attempts: e.attempts,
    retryAfter: e.retryAfter,
    outcome: 'unknown',
    cause: e,
  });
}

const OPEN_CAUSE: Partial<Record<RomaErrorKind, string>> = {
  'malformed-json': 'The answer to this change was a broken body',
  shape: 'The answer to this change had an unexpected shape',
  reset: 'The connection was reset after the change was sent',
  timeout: 'No answer came within the timeout after the change was sent',
  network: 'The connection failed after the change was sent',
};

/** Never "retry": repeating a change that did happen applies it twice (a second version, a second binding). */
export function unknownOutcomeHint(kind: RomaErrorKind): string {
  return (
    `${OPEN_CAUSE[kind] ?? 'The answer to this change could not be read'}: it may or may not have been applied. ` +
    'Do not repeat it blindly: re-read the object to see what is true now.'
  );
}

export function isRomaError(e: unknown): e is RomaError {
  return e instanceof RomaError;
}

function describe(i: RomaErrorInit): string {
  const where = `${i.method} ${i.path}`;
  if (i.outcome === 'unknown') {
    const why = describeKind(i, where)
      .slice(where.length)
      .replace(/^:?\s*/, '');
    return `${where}: outcome unknown — ${why}`;
  }
  return describeKind(i, where);
}

function describeKind(i: RomaErrorInit, where: string): string {
  switch (i.kind) {
    case 'http':
      return `${where} failed: ${i.status ?? '?'} ${i.errorCode ?? ''} ${i.errorMsg ?? ''}`.trim();
    case 'bad-body':
      return `${where} failed: ${i.status ?? '?'} with a non-JSON error body`;
    case 'malformed-json':
      return `${where}: the response body is not valid JSON`;
    case 'shape':
      return `${where}: unexpected response shape: ${i.errorMsg ?? ''}`.trim();
    case 'read-only':
      return `${where} refused: read-only mode`;
    case 'aborted':
      return `${where} cancelled`;
    case 'file':
      return `cannot ${i.method === 'READ' ? 'read' : 'write'} ${i.path}${i.errorMsg ? ': ' + i.errorMsg : ''}`;
    default:
      return `${where} failed (${i.kind})${i.errorMsg ? ': ' + i.errorMsg : ''}`;
  }
}

const STATUS_HINTS: Record<number, string> = {
  400: 'The request was rejected as invalid; correct it before trying again.',
  401: 'The credentials were not accepted: check the AK/SK or token, and that the clock is right (signatures expire).',
  403: 'Access denied: check the IAM permissions of the user and that the project id matches the instance.',
  404: 'Not found: check the project id, instance id and resource id.',
  405: 'Method not allowed on this resource.',
  408: 'The server timed out waiting for the request; it can be sent again.',
  409: 'Conflict with the current state of the resource.',
  412: 'A precondition of the operation does not hold (see the message).',
  429: 'Too many requests: the gateway throttled this client; wait and retry.',
  500: 'Server error: retry later; if it persists, note the request id for support.',
  502: 'Bad gateway: a proxy between you and ROMA Connect failed; retry later.',
  503: 'Service unavailable: retry later.',
  504: 'Gateway timeout: retry later or narrow the query.',
};

const KIND_HINTS: Record<Exclude<RomaErrorKind, 'http'>, string> = {
  'bad-body':
    'The answer was not from the ROMA Connect API (an HTML page, likely a proxy, captive portal or wrong --endpoint).',
  'malformed-json':
    'Reading again usually works (a read is tried up to 3 times): the body broke on the way. If it persists, ' +
    '--log-file FILE records how each body began; check --endpoint points at the ROMA Connect API.',
  shape: 'The server answered with a field of an unexpected type; the dashboard cannot use this answer.',
  refused: 'Connection refused: check --endpoint / the region, and that nothing blocks the port.',
  dns: 'The host name could not be resolved: check --region or --endpoint and your DNS.',
  tls: 'TLS certificate verification failed: fix the trust store (NODE_EXTRA_CA_CERTS) or, for a test gateway only, pass --insecure.',
  reset: 'The connection was reset by the server or a proxy; retry.',
  timeout: 'No answer within the timeout: raise --timeout SECONDS or check the network.',
  network: 'Network failure: check connectivity to the endpoint.',
  aborted: 'The request was cancelled (superseded by a newer one).',
  'read-only': 'Read-only mode (--read-only or the profile\'s "readOnly"): writes are disabled.',
  auth: 'Check the credentials: see `roma-dash --help` for where they are read from.',
  config: 'Check the command line and the profile file (see `roma-dash --help`).',
  file: 'Check that the directory exists, its permissions and the free space.',
};

export function hintFor(i: Pick<RomaErrorInit, 'kind' | 'status' | 'errorCode' | 'errorMsg'>): string {
  if (i.kind !== 'http') return KIND_HINTS[i.kind];
  const documented = i.errorCode ? documentedHint(i.errorCode) : undefined;
  if (documented) {
    const meaning = fillPlaceholders(documented[1], i.errorMsg);
    return `${meaning}${/[.!?]$/.test(meaning) ? ' ' : '. '}${fillPlaceholders(documented[2], i.errorMsg)}`;
  }
  return (i.status !== undefined ? STATUS_HINTS[i.status] : undefined) ?? 'The request failed.';
}

// Up to four words naming a value in a documented text: `name`, `device ID`, `ModBus connection point ID`.
const LABEL = String.raw`[\w()-]+(?: [\w()-]+){0,3}`;
const PLACEHOLDER = /\{\d+\}/g;
// A labelled value that is a clause of its own (after a comma, or opening a sentence) and ends it:
// without the value, the label says nothing and goes with it. (After a semicolon comes advice, kept:
// `; check the file content: {0}` → `; check the file content`.)
const LABEL_CLAUSE = new RegExp(String.raw`\s*,\s*${LABEL}:\s*\{\d+\}(?=\s*(?:[,;.!?]|$))`, 'g');
const LABEL_SENTENCE = new RegExp(String.raw`(?<=[.!?])\s+${LABEL}:\s*\{\d+\}(?=\s*(?:[,;.!?]|$))`, 'g');
const LABEL_BEFORE = new RegExp(String.raw`(${LABEL}):\s*$`);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The value of the placeholder at `at` of `template`, read from the server's message: the text after
 * the placeholder's label (`… rules: {0}` → what follows `rules:` in the message) up to what follows
 * the placeholder in the template. Undefined when the message does not carry it unambiguously.
 */
function valueFromMessage(template: string, at: number, length: number, message: string): string | undefined {
  const label = LABEL_BEFORE.exec(template.slice(0, at))?.[1];
  if (!label) return undefined;
  const words = label.split(' ');
  let start: number | undefined;
  // The longest tail of the label that the message names exactly once: `rules` in "… rules: [x]".
  for (let k = 0; k < words.length && start === undefined; k++) {
    const re = new RegExp(String.raw`(?<![\w-])${escapeRegExp(words.slice(k).join(' '))}\s*:\s*`, 'gi');
    const hits = [...message.matchAll(re)];
    if (hits.length > 1) return undefined;
    if (hits.length === 1) start = hits[0]!.index + hits[0]![0].length;
  }
  if (start === undefined) return undefined;
  const rest = message.slice(start);
  const after = template.slice(at + length);
  let value: string | undefined;
  if (after.trim() === '') value = rest.replace(/[\s.]+$/, '');
  else if (/^[,;.!?]/.test(after)) value = rest.split(after[0]!)[0];
  else {
    const next = /^\s*([\w()-]+)/.exec(after)?.[1];
    const end =
      next === undefined ? -1 : rest.search(new RegExp(String.raw`\s${escapeRegExp(next)}(?![\w-])`, 'i'));
    value = end < 0 ? undefined : rest.slice(0, end);
  }
  value = value?.trim();
  return value && value.length <= 200 && !/\{\d+\}/.test(value) ? value : undefined;
}

/**
 * A documented text (the reference's error tables print message templates: `… rules: {0}`) ready to
 * show: each `{n}` is filled from the server's message when it carries the value after the same label,
 * otherwise dropped with its lead-in (`, name: {0}` whole, `rules: {0}` → `rules`). Never a raw `{0}`.
 */
export function fillPlaceholders(template: string, message?: string): string {
  if (!template.includes('{')) return template;
  const filled = template.replace(PLACEHOLDER, (ph: string, at: number) =>
    message ? (valueFromMessage(template, at, ph.length, message) ?? ph) : ph,
  );
  return filled
    .replace(LABEL_CLAUSE, '')
    .replace(LABEL_SENTENCE, '')
    .replace(/\s*:\s*\{\d+\}/g, ' ')
    .replace(PLACEHOLDER, ' ')
    .replace(/\s+([,;.!?])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** Maps a low-level fetch/socket failure (undici puts the system error in `cause`) to a kind. */
export function networkKind(err: unknown): RomaErrorKind {
  const codes: string[] = [];
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    const o = e as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown };
    if (typeof o.code === 'string') codes.push(o.code);
    if (typeof o.name === 'string') codes.push(o.name);
    e = o.cause;
  }
  const has = (...c: string[]) => codes.some((x) => c.includes(x));
  if (has('AbortError')) return 'aborted';
  if (
    has(
      'TimeoutError',
      'UND_ERR_CONNECT_TIMEOUT',
      'UND_ERR_HEADERS_TIMEOUT',
      'UND_ERR_BODY_TIMEOUT',
      'ETIMEDOUT',
    )
  )
    return 'timeout';
  if (has('ECONNREFUSED')) return 'refused';
  if (has('ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME')) return 'dns';
  if (has('ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED')) return 'reset';
  if (codes.some((c) => /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(c))) return 'tls';
  return 'network';
}
