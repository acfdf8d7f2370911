// Fault injection for tests and benchmarks. Off by default; set per server.
//
// Spec syntax (`--faults SPEC`): comma-separated `key=value` items, all optional, in any order.
//   latency=MS          fixed delay before every answer                       latency=50
//   spike=P:MS          with probability P, MS extra delay                    spike=0.05:800
//   5xx=P               answer 500 or 503 with {"error_code":"APIG.9999"}     5xx=0.2
//   429=P[:SEC]         answer 429 APIG.9008 with Retry-After: SEC (def. 1)   429=0.1:2
//   reset=P             destroy the connection (TCP RST) before answering     reset=0.05
//   malformed=P         send a truncated JSON body under a JSON content type  malformed=0.05
//   slow=P:MS           send headers and half the body, pause MS, the rest     slow=0.02:1500
//   garble=P            writes only: apply the change, then garble its 2xx     garble=0.1
//                       answer (truncated JSON; a bodiless 204 is cut off by a
//                       reset): the client cannot tell whether it happened
//   w5xx=P              writes only: answer 500/503 before applying anything   w5xx=1
//                       (reads answer normally, so a re-read after it works)
//   seed=N              seed of the deterministic random sequence (def. 1)    seed=42
//   pagefail=OFFSET     reads of a list from `offset` OFFSET on answer 500    pagefail=1000
//                       APIG.9999, every time (a later page of a long list
//                       failing while the first ones load)
//   off | none | ''     no faults
// Probabilities are in [0,1]; the kinds are exclusive, so 5xx+429+reset+malformed+slow+garble must be ≤ 1.
// Decisions are a deterministic function of the seed and the order of requests.
//
// `POST /v3/auth/tokens` is never faulted: it stands for IAM, a different service from the gateway
// whose faults we simulate, and faulting it would make every password-flow test flaky by design.
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

export interface FaultSpec {
  latencyMs: number;
  spike: { p: number; ms: number };
  p5xx: number;
  p429: number;
  retryAfterSec: number;
  pReset: number;
  pMalformed: number;
  slow: { p: number; ms: number };
  /** Writes (POST/PUT/DELETE) whose 2xx answer is garbled after the change was applied. */
  pGarble?: number;
  /** Writes answered 500/503 before anything is applied (reads pass). */
  pWrite5xx?: number;
  /** GETs whose `offset` query parameter is at least this answer 500 (pagefail=OFFSET). */
  pageFailFrom?: number;
  seed: number;
}

export type FaultKind = 'none' | '5xx' | '429' | 'reset' | 'malformed' | 'slow-body' | 'garble';

export interface FaultDecision {
  delayMs: number;
  kind: FaultKind;
  retryAfterSec?: number;
  /** For '5xx': which status to send. */
  status?: 500 | 503;
  /** For 'slow-body': how long to pause mid-body. */
  pauseMs?: number;
}

export interface FaultInjector {
  /** `query`: the request's query string (pagefail reads its `offset`). */
  decide(method: string, path: string, query?: URLSearchParams): FaultDecision;
}

export class FaultSpecError extends Error {
  readonly code = 'FAULT_SPEC_INVALID';
  constructor(
    message: string,
    readonly hint: string = 'Example: latency=50,spike=0.05:800,5xx=0.2,429=0.1:2,reset=0.05,malformed=0.05,slow=0.02:1500,seed=42',
  ) {
    super(message);
    this.name = 'FaultSpecError';
  }
}

export const NO_FAULT: FaultDecision = Object.freeze({ delayMs: 0, kind: 'none' }) as FaultDecision;

export function emptyFaultSpec(): FaultSpec {
  return {
    latencyMs: 0,
    spike: { p: 0, ms: 0 },
    p5xx: 0,
    p429: 0,
    retryAfterSec: 1,
    pReset: 0,
    pMalformed: 0,
    slow: { p: 0, ms: 0 },
    seed: 1,
  };
}

function prob(key: string, s: string | undefined): number {
  const n = Number(s);
  if (s === undefined || s === '' || !Number.isFinite(n) || n < 0 || n > 1)
    throw new FaultSpecError(`fault ${key}: probability must be a number between 0 and 1, got "${s ?? ''}"`);
  return n;
}

function nonNegInt(key: string, s: string | undefined): number {
  const n = Number(s);
  if (s === undefined || s === '' || !Number.isInteger(n) || n < 0)
    throw new FaultSpecError(`fault ${key}: expected a whole number ≥ 0, got "${s ?? ''}"`);
  return n;
}

export function parseFaultSpec(s: string): FaultSpec {
  const spec = emptyFaultSpec();
  const text = s.trim();
  if (text === '' || text === 'off' || text === 'none') return spec;
  const seen = new Set<string>();
  for (const item of text.split(',')) {
    const part = item.trim();
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) throw new FaultSpecError(`fault "${part}": expected key=value`);
    const key = part.slice(0, eq).trim();
    const [a, b, ...rest] = part
      .slice(eq + 1)
      .trim()
      .split(':');
    if (seen.has(key)) throw new FaultSpecError(`fault ${key} given twice`);
    seen.add(key);
    if (rest.length > 0) throw new FaultSpecError(`fault ${key}: too many ':' parts`);
    switch (key) {
      case 'latency':
        if (b !== undefined) throw new FaultSpecError('fault latency: expected latency=MS');
        spec.latencyMs = nonNegInt(key, a);
        break;
      case 'spike':
        spec.spike = { p: prob(key, a), ms: nonNegInt(key, b) };
        break;
      case '5xx':
        if (b !== undefined) throw new FaultSpecError('fault 5xx: expected 5xx=P');
        spec.p5xx = prob(key, a);
        break;
      case '429':
        spec.p429 = prob(key, a);
        spec.retryAfterSec = b === undefined ? 1 : nonNegInt(key, b);
        break;
      case 'reset':
        if (b !== undefined) throw new FaultSpecError('fault reset: expected reset=P');
        spec.pReset = prob(key, a);
        break;
      case 'malformed':
        if (b !== undefined) throw new FaultSpecError('fault malformed: expected malformed=P');
        spec.pMalformed = prob(key, a);
        break;
      case 'slow':
        spec.slow = { p: prob(key, a), ms: nonNegInt(key, b) };
        break;
      case 'garble':
        if (b !== undefined) throw new FaultSpecError('fault garble: expected garble=P');
        spec.pGarble = prob(key, a);
        break;
      case 'w5xx':
        if (b !== undefined) throw new FaultSpecError('fault w5xx: expected w5xx=P');
        spec.pWrite5xx = prob(key, a);
        break;
      case 'pagefail':
        if (b !== undefined) throw new FaultSpecError('fault pagefail: expected pagefail=OFFSET');
        spec.pageFailFrom = nonNegInt(key, a);
        break;
      case 'seed':
        if (b !== undefined) throw new FaultSpecError('fault seed: expected seed=N');
        spec.seed = nonNegInt(key, a);
        break;
      default:
        throw new FaultSpecError(
          `unknown fault "${key}"`,
          'Known faults: latency, spike, 5xx, 429, reset, malformed, slow, garble, w5xx, pagefail, seed',
        );
    }
  }
  const total =
    spec.p5xx +
    spec.p429 +
    spec.pReset +
    spec.pMalformed +
    spec.slow.p +
    (spec.pGarble ?? 0) +
    (spec.pWrite5xx ?? 0);
  if (total > 1 + 1e-9)
    throw new FaultSpecError(
      `fault probabilities add up to ${total.toFixed(3)}; 5xx+429+reset+malformed+slow+garble+w5xx must be ≤ 1`,
    );
  return spec;
}

/** mulberry32: tiny, fast, good enough for deterministic fault draws. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function isFaultExempt(method: string, path: string): boolean {
  return method.toUpperCase() === 'POST' && path.split('?')[0]!.replace(/\/+$/, '') === '/v3/auth/tokens';
}

function isWrite(method: string): boolean {
  return ['POST', 'PUT', 'DELETE', 'PATCH'].includes(method.toUpperCase());
}

export function createFaultInjector(spec: FaultSpec | null): FaultInjector {
  if (spec === null) return { decide: () => NO_FAULT };
  const rnd = mulberry32(spec.seed);
  return {
    decide(method: string, path: string, query?: URLSearchParams): FaultDecision {
      if (isFaultExempt(method, path)) return NO_FAULT;
      // Always three draws per request, so one fault's probability never shifts another's sequence.
      const rSpike = rnd();
      const rKind = rnd();
      const rVariant = rnd();
      const delayMs = spec.latencyMs + (rSpike < spec.spike.p ? spec.spike.ms : 0);
      if (spec.pageFailFrom !== undefined && method.toUpperCase() === 'GET') {
        const offset = Number(query?.get('offset') ?? 0);
        if (Number.isFinite(offset) && offset >= spec.pageFailFrom)
          return { delayMs, kind: '5xx', status: 500 };
      }
      let edge = 0;
      if (rKind < (edge += spec.pReset)) return { delayMs, kind: 'reset' };
      if (rKind < (edge += spec.p5xx)) return { delayMs, kind: '5xx', status: rVariant < 0.5 ? 500 : 503 };
      if (rKind < (edge += spec.p429)) return { delayMs, kind: '429', retryAfterSec: spec.retryAfterSec };
      if (rKind < (edge += spec.pMalformed)) return { delayMs, kind: 'malformed' };
      if (rKind < (edge += spec.slow.p)) return { delayMs, kind: 'slow-body', pauseMs: spec.slow.ms };
      // Last, so that adding it leaves every other kind's sequence as it was.
      if (rKind < (edge += spec.pGarble ?? 0) && isWrite(method)) return { delayMs, kind: 'garble' };
      if (rKind < (edge += spec.pWrite5xx ?? 0) && isWrite(method))
        return { delayMs, kind: '5xx', status: rVariant < 0.5 ? 500 : 503 };
      return delayMs === 0 ? NO_FAULT : { delayMs, kind: 'none' };
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}

function requestId(): string {
  return randomBytes(16).toString('hex');
}

function writeJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json;charset=UTF-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'X-Request-Id': requestId(),
    Server: 'api-gateway',
    ...extra,
  });
  res.end(text);
}

function resetSocket(res: ServerResponse): void {
  const sock = res.socket;
  if (!sock) return;
  // resetAndDestroy sends a TCP RST (client sees ECONNRESET) rather than a polite FIN.
  if (typeof sock.resetAndDestroy === 'function') sock.resetAndDestroy();
  else sock.destroy();
}

/**
 * Answers a request with the decided fault, for the kinds that replace the real answer
 * ('5xx', '429', 'reset'). Returns false (and writes nothing) for the other kinds.
 */
export function sendFault(res: ServerResponse, d: FaultDecision): boolean {
  switch (d.kind) {
    case '5xx':
      writeJson(res, d.status ?? 500, { error_code: 'APIG.9999', error_msg: 'System error' });
      return true;
    case '429':
      // ERRORS.md 7.4.2: 429 APIG.9008 "Too many requests."
      writeJson(
        res,
        429,
        { error_code: 'APIG.9008', error_msg: 'Too many requests.' },
        { 'Retry-After': String(d.retryAfterSec ?? 1) },
      );
      return true;
    case 'reset':
      resetSocket(res);
      return true;
    default:
      return false;
  }
}

/** A body that is certainly not valid JSON but looks like the start of the real one. */
export function malformBody(bodyText: string): string {
  const cut = bodyText.slice(0, Math.max(1, Math.floor(bodyText.length * 0.6)));
  const garbled = cut + '\u0000,"';
  try {
    JSON.parse(garbled);
    return '{"error_code":"APIG.9999","error_msg":';
  } catch {
    return garbled;
  }
}

/**
 * Writes the real answer, bent by the decided fault: 'malformed' truncates the JSON (content type kept),
 * 'garble' does the same to a write's 2xx answer and cuts a bodiless 2xx off with a reset (the change
 * stays applied either way),
 * 'slow-body' sends headers and part of the body, pauses, then the rest. '5xx', '429' and 'reset'
 * are sent as by sendFault. Never rejects: a client that went away mid-pause is not an error here.
 */
export async function writeResponseWithFault(
  res: ServerResponse,
  d: FaultDecision,
  status: number,
  headers: Record<string, string>,
  bodyText: string,
): Promise<void> {
  if (sendFault(res, d)) return;
  const withoutLength = Object.fromEntries(
    Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'content-length'),
  );
  const success = status >= 200 && status < 300;
  if (d.kind === 'garble' && success && bodyText === '') {
    resetSocket(res);
    return;
  }
  // Nothing to garble or slow down in an empty body (204s): it goes out as it is.
  if ((d.kind === 'malformed' || (d.kind === 'garble' && success)) && bodyText !== '') {
    const bad = malformBody(bodyText);
    const hasType = Object.keys(headers).some((k) => k.toLowerCase() === 'content-type');
    res.writeHead(status, {
      ...withoutLength,
      ...(hasType ? {} : { 'Content-Type': 'application/json;charset=UTF-8' }),
      'Content-Length': String(Buffer.byteLength(bad)),
    });
    res.end(bad);
    return;
  }
  if (d.kind === 'slow-body' && bodyText !== '') {
    const buf = Buffer.from(bodyText, 'utf8');
    res.writeHead(status, { ...withoutLength, 'Content-Length': String(buf.length) });
    const half = Math.floor(buf.length / 2);
    res.write(buf.subarray(0, half));
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, d.pauseMs ?? 0);
      res.once('close', () => {
        clearTimeout(t);
        resolve();
      });
    });
    if (!res.destroyed && !res.writableEnded) res.end(buf.subarray(half));
    return;
  }
  res.writeHead(status, { ...withoutLength, 'Content-Length': String(Buffer.byteLength(bodyText)) });
  res.end(bodyText);
}
