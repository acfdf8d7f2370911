// HTTP transport: ky underneath, with our own attempt loop so that every attempt is signed afresh
// (ky runs beforeRequest once per call, not per retry), per-attempt timeout, the read-only guard,
// retries for idempotent reads only, and every failure normalised into a RomaError.
import ky from 'ky';
import { buildQueryString } from '../auth/signer.ts';
import type { AuthProvider } from '../auth/provider.ts';
import { RomaError, hintFor, leavesOutcomeOpen, networkKind, type RomaErrorKind } from './errors.ts';
import { redactByName, redactText } from './redact.ts';
import type { QueryParams } from './types/common.ts';

export interface RetryPolicy {
  /** Total tries, first one included; at most 3. */
  limit: number;
  /** First backoff delay; doubles each retry, with "equal jitter" (half fixed, half random). */
  baseMs: number;
  /** Upper bound for any wait: a Retry-After longer than this is not waited for, the error is reported. */
  maxDelayMs: number;
}

export interface RequestEvent {
  method: string;
  path: string;
  attempt: number;
  status?: number;
  durationMs: number;
  errorKind?: RomaErrorKind;
  requestId?: string;
}

export interface TransportConfig {
  endpoint: string;
  auth: AuthProvider;
  timeoutMs?: number;
  insecure?: boolean;
  readOnly?: boolean;
  retry?: Partial<RetryPolicy>;
  /** One line per attempt, secrets redacted (this is what --log-file receives). */
  logger?: (line: string) => void;
  onRequest?: (e: RequestEvent) => void;
  /** Clock and sleep are injectable so tests never wait on wall-clock time. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Absolute path, e.g. `/v2/{project}/apic/instances/{id}/apis`. */
  path: string;
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  /** Auth-free calls (IAM login) are allowed in read-only mode and need no provider. */
  allowInReadOnly?: boolean;
  /** A body sent as is instead of JSON (a multipart/form-data upload, 4.14.2). */
  rawBody?: { contentType: string; data: string };
  /** How a 2xx body is read: parsed JSON (default), text (an exported file) or bytes (an archive). */
  accept?: 'json' | 'text' | 'bytes';
}

export interface RawResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for 204 / empty bodies. */
  body: unknown;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);
const IDEMPOTENT = new Set(['GET', 'HEAD']);
/**
 * 401 codes that mean "this token is missing, expired or unreadable" (ERRORS.md 7.4.2): a fresh password
 * login may fix them. (`APIG.1000`, token missing, is a 400 in 7.4.2 and never reaches the 401 check.)
 */
const INVALID_TOKEN_CODES = new Set(['APIC.7100', 'APIC.7101', 'APIC.7102', 'APIG.1001', 'APIG.1002']);

/** A request that changes something (not a GET, not a check or login that read-only mode allows). */
export function isChange(spec: Pick<RequestSpec, 'method' | 'allowInReadOnly'>): boolean {
  return !IDEMPOTENT.has(spec.method) && spec.allowInReadOnly !== true;
}

export function toQueryPairs(query: QueryParams | undefined): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const item of v as readonly string[]) pairs.push([k, item]);
    else pairs.push([k, String(v)]);
  }
  return pairs;
}

export function buildUrl(endpoint: string, path: string, query?: QueryParams): string {
  const qs = buildQueryString(toQueryPairs(query));
  return endpoint.replace(/\/+$/, '') + path + (qs ? '?' + qs : '');
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Retry-After is seconds or an HTTP date (RFC 9110 10.2.3); returns milliseconds, or undefined. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export class Transport {
  readonly endpoint: string;
  readonly readOnly: boolean;
  readonly insecure: boolean;
  private readonly retry: RetryPolicy;
  private readonly timeoutMs: number;
  private fetchImpl: Promise<typeof fetch> | undefined;

  constructor(private readonly cfg: TransportConfig) {
    this.endpoint = cfg.endpoint.replace(/\/+$/, '');
    this.readOnly = cfg.readOnly ?? false;
    this.insecure = cfg.insecure ?? false;
    this.timeoutMs = cfg.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retry = {
      limit: Math.min(3, Math.max(1, cfg.retry?.limit ?? 3)),
      baseMs: cfg.retry?.baseMs ?? 300,
      maxDelayMs: cfg.retry?.maxDelayMs ?? 30_000,
    };
  }

  get auth(): AuthProvider {
    return this.cfg.auth;
  }

  /** Sends one logical request (several attempts at most) and returns the parsed answer or throws RomaError. */
  async request(spec: RequestSpec): Promise<RawResponse> {
    const { method, path } = spec;
    if (this.readOnly && !IDEMPOTENT.has(method) && !spec.allowInReadOnly) {
      throw new RomaError({ kind: 'read-only', method, path });
    }
    const url = buildUrl(this.endpoint, path, spec.query);
    const bodyText =
      spec.rawBody !== undefined
        ? spec.rawBody.data
        : spec.body === undefined
          ? undefined
          : JSON.stringify(spec.body);
    const retryable = IDEMPOTENT.has(method);
    let refreshedAuth = false;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(spec, url, bodyText, attempt);
      if (outcome.ok) return outcome.response;
      const { error: err, sentAuth, cutOff } = outcome;
      if (
        err.kind === 'http' &&
        err.status === 401 &&
        !refreshedAuth &&
        err.errorCode !== undefined &&
        INVALID_TOKEN_CODES.has(err.errorCode) &&
        this.cfg.auth.invalidate?.(sentAuth)
      ) {
        // Re-authentication, not a retry: these codes come from the gateway's token check, which runs
        // before the request is routed to APIC, so the 401 proves nothing was executed. Repeating even a
        // POST/PUT/DELETE once with a fresh token therefore cannot apply it twice. Any other 401 (signature,
        // permission, an unknown code) is reported as is.
        refreshedAuth = true;
        attempt--;
        continue;
      }
      // A 2xx body cut off mid-JSON is a reset in disguise: a read is asked again (a change never is, see
      // `retryable`); a whole body that is not JSON (a portal page, another service) would come back the same.
      const transient =
        (err.kind === 'http' && RETRY_STATUSES.has(err.status ?? 0)) ||
        err.kind === 'reset' ||
        cutOff === true;
      if (!retryable || !transient || attempt >= this.retry.limit) throw err;
      const backoff = this.retry.baseMs * 2 ** (attempt - 1);
      const jittered = Math.round(backoff / 2 + (this.cfg.random ?? Math.random)() * (backoff / 2));
      const asked = err.retryAfter === undefined ? undefined : err.retryAfter * 1000;
      // Coming back sooner than the server asked would only be throttled again: hand the wait to the user.
      if (asked !== undefined && asked > this.retry.maxDelayMs) throw err;
      const wait = Math.min(this.retry.maxDelayMs, asked ?? jittered);
      try {
        await (this.cfg.sleep ?? defaultSleep)(wait, spec.signal);
      } catch {
        throw new RomaError({ kind: 'aborted', method, path, attempts: attempt });
      }
    }
  }

  private async getFetch(): Promise<typeof fetch> {
    if (!this.insecure) return fetch;
    this.fetchImpl ??= insecureFetch();
    return this.fetchImpl;
  }

  private async attempt(
    spec: RequestSpec,
    url: string,
    bodyText: string | undefined,
    attempt: number,
  ): Promise<
    | { ok: true; response: RawResponse }
    | { ok: false; error: RomaError; sentAuth?: Record<string, string>; cutOff?: boolean }
  > {
    const { method, path } = spec;
    const started = performance.now();
    const timer = new AbortController();
    const timeout = setTimeout(
      () => timer.abort(new DOMException('timeout', 'TimeoutError')),
      this.timeoutMs,
    );
    const signal = spec.signal ? AbortSignal.any([spec.signal, timer.signal]) : timer.signal;
    const report = (status: number | undefined, error?: RomaError, requestId?: string, body?: string) => {
      const durationMs = Math.round(performance.now() - started);
      this.cfg.onRequest?.({ method, path, attempt, status, durationMs, errorKind: error?.kind, requestId });
      if (this.cfg.logger) {
        const line = `${new Date().toISOString()} ${method} ${url} attempt=${attempt} ${
          status ?? '-'
        } ${durationMs}ms${error ? ` ${error.kind}${error.errorCode ? ' ' + error.errorCode : ''}` : ''}${
          requestId ? ` request_id=${requestId}` : ''
        }${body !== undefined ? ` body: ${body}` : ''}`;
        this.cfg.logger(redactByName(redactText(line, this.cfg.auth.secrets())));
      }
    };
    const fail = (
      kind: RomaErrorKind,
      extra: Partial<ConstructorParameters<typeof RomaError>[0]> = {},
      body?: string,
    ) => {
      const secrets = this.cfg.auth.secrets();
      const errorMsg = extra.errorMsg === undefined ? undefined : redactText(extra.errorMsg, secrets);
      // A change that may have reached the gateway: its fate is unknown, whatever the kind's usual hint.
      const open = isChange(spec) && leavesOutcomeOpen(kind);
      const error = new RomaError({
        kind,
        method,
        path,
        attempts: attempt,
        ...extra,
        errorMsg,
        ...(open ? { outcome: 'unknown' as const } : {}),
      });
      report(extra.status, error, extra.requestId, body);
      return { ok: false as const, error };
    };
    try {
      const headers: Record<string, string> = {
        Accept: spec.accept === undefined || spec.accept === 'json' ? 'application/json' : '*/*',
      };
      if (bodyText !== undefined) headers['Content-Type'] = spec.rawBody?.contentType ?? 'application/json';
      let authHeaders: Record<string, string>;
      try {
        authHeaders = await this.cfg.auth.authorize({ method, url, headers, body: bodyText }, signal);
      } catch (e) {
        if (e instanceof RomaError) {
          report(e.status, e);
          return { ok: false, error: e };
        }
        if (spec.signal?.aborted) return fail('aborted', { cause: e });
        if (timer.signal.aborted)
          return fail('timeout', { errorMsg: `no credentials within ${this.timeoutMs} ms` });
        return fail('auth', { errorMsg: String(e), cause: e });
      }
      const fetchImpl = await this.getFetch();
      let res: Response;
      let text: string;
      let bytes: Buffer | undefined;
      try {
        res = await ky(url, {
          method,
          headers: { ...headers, ...authHeaders },
          body: bodyText,
          retry: 0,
          timeout: false,
          throwHttpErrors: false,
          signal,
          fetch: fetchImpl,
        });
        bytes = spec.accept === 'bytes' ? Buffer.from(await res.arrayBuffer()) : undefined;
        text = bytes ? bytes.toString('utf8') : await res.text();
      } catch (e) {
        if (spec.signal?.aborted) return fail('aborted', { cause: e });
        if (timer.signal.aborted)
          return fail('timeout', { errorMsg: `no answer within ${this.timeoutMs} ms` });
        const kind = networkKind(e);
        return fail(kind === 'aborted' ? 'network' : kind, { errorMsg: causeMessage(e), cause: e });
      }
      let requestId = res.headers.get('x-request-id') ?? undefined;
      const status = res.status;
      if (status >= 200 && status < 300) {
        if (spec.accept === 'text' || spec.accept === 'bytes') {
          report(status, undefined, requestId);
          return { ok: true, response: { status, headers: res.headers, body: bytes ?? text } };
        }
        if (status === 204 || text.trim() === '') {
          report(status, undefined, requestId);
          return { ok: true, response: { status, headers: res.headers, body: undefined } };
        }
        try {
          const body: unknown = JSON.parse(text);
          report(status, undefined, requestId);
          return { ok: true, response: { status, headers: res.headers, body } };
        } catch {
          // A 200 HTML page is a login portal or a proxy, not a gateway that garbled its JSON: its words
          // are the message. Otherwise the message says what happened and the body's start goes to the
          // --log-file line only (a status line of raw JSON says nothing and pushes the hint off).
          if (/^\s*</.test(text)) {
            const hint = hintFor({ kind: 'bad-body' });
            return fail('malformed-json', { status, requestId, errorMsg: snippet(text), hint });
          }
          const cutOff = endsMidJson(text);
          const errorMsg = cutOff
            ? `the ${status} answer was cut off (incomplete JSON)`
            : `the ${status} answer is not valid JSON`;
          return { ...fail('malformed-json', { status, requestId, errorMsg }, bodyForLog(text)), cutOff };
        }
      }
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
      const retryAfter = retryAfterMs === undefined ? undefined : retryAfterMs / 1000;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return fail('bad-body', { status, requestId, retryAfter, errorMsg: snippet(text) });
      }
      const o = (parsed && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>;
      // IAM nests its errors as {"error": {"code", "message"}}; APIC uses {error_code, error_msg}.
      const nested = (o.error && typeof o.error === 'object' ? o.error : {}) as Record<string, unknown>;
      const errorCode = str(o.error_code) ?? str(nested.code);
      const errorMsg = str(o.error_msg) ?? str(nested.message) ?? (errorCode ? undefined : snippet(text));
      // LINK error bodies carry the id as `request_id`, `requestId` or `requestid` (MQS-LINK.md C9).
      requestId ??= str(o.request_id) ?? str(o.requestId) ?? str(o.requestid);
      return {
        ...fail('http', { status, requestId, retryAfter, errorCode, errorMsg }),
        sentAuth: authHeaders,
      };
    } finally {
      clearTimeout(timeout);
    }
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** Where a JSON text stands at its end: inside a string, how many brackets open, or closed too early. */
function jsonEnd(t: string): { inString: boolean; depth: number; garbage: boolean } {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth < 0 || (depth === 0 && t.slice(i + 1).trim() !== ''))
        return { inString, depth, garbage: true };
    }
  }
  return { inString, depth, garbage: false };
}

/**
 * Whether a text that failed to parse is the start of a JSON document cut short: it opens an object or
 * an array and ends inside a string or with brackets still open. Such a body was cut off on the way (the
 * emulator's `malformed` fault); one that closes everything it opened is garbage, not truncation.
 */
export function endsMidJson(text: string): boolean {
  const t = text.trimStart();
  if (!t.startsWith('{') && !t.startsWith('[')) return false;
  const end = jsonEnd(t);
  return !end.garbage && (end.inString || end.depth > 0);
}

/**
 * The start of a broken body for the --log-file line, secret-named members masked: a value cut off
 * mid-string is closed first so that the by-name rule sees (and masks) it.
 */
function bodyForLog(text: string): string {
  const head = text.slice(0, 400);
  return snippet(redactByName(jsonEnd(head).inString ? head + '"' : head));
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? flat.slice(0, 120) + '…' : flat;
}

function causeMessage(e: unknown): string {
  const parts: string[] = [];
  let c: unknown = e;
  for (let i = 0; c && i < 4; i++) {
    const o = c as { message?: unknown; code?: unknown; cause?: unknown };
    if (typeof o.code === 'string') parts.push(o.code);
    else if (typeof o.message === 'string' && o.message) parts.push(o.message);
    c = o.cause;
  }
  return parts.join(': ');
}

/** `--insecure`: undici's own fetch with an Agent that skips certificate checks, for this client only. */
async function insecureFetch(): Promise<typeof fetch> {
  const mod = await import('undici');
  // undici is CommonJS: from a split bundle's chunk (dist/chunks) it arrives as the default export only.
  const undici = 'Agent' in mod ? mod : (mod as unknown as { default: typeof mod }).default;
  const dispatcher = new undici.Agent({ connect: { rejectUnauthorized: false } });
  const f = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const req = input instanceof Request ? input : new Request(input, init);
    const body = req.body ? await req.arrayBuffer() : undefined;
    const res = await undici.fetch(req.url, {
      method: req.method,
      headers: [...req.headers],
      body,
      signal: req.signal,
      dispatcher,
    });
    return res as unknown as Response;
  };
  return f as typeof fetch;
}
