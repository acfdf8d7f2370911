// Compare two debug answers side by side: status, latency, headers and body lines.
import { prettyBody } from './pretty.ts';
import { latencyMs, parseRawResponse } from './raw.ts';
import type { DebugAnswerWire } from './types.ts';

export interface HeaderDiff {
  name: string;
  left: string | undefined;
  right: string | undefined;
  same: boolean;
}

export interface BodyLineDiff {
  left: string | undefined;
  right: string | undefined;
  same: boolean;
}

export interface AnswerDiff {
  status: { left: number | undefined; right: number | undefined; same: boolean };
  latency: { left: number | undefined; right: number | undefined; deltaMs: number | undefined };
  headers: HeaderDiff[];
  body: BodyLineDiff[];
  bodySame: boolean;
}

/** Headers that differ on every call and would drown the real differences. */
const VOLATILE = /^(date|x-request-id|x-apig-latency|x-apig-upstream-latency)$/i;

function headerMap(raw: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const h of parseRawResponse(raw).headers) {
    const key = h.name.toLowerCase();
    m.set(key, m.has(key) ? `${m.get(key)}, ${h.value}` : h.value);
  }
  return m;
}

export function diffAnswers(left: DebugAnswerWire, right: DebugAnswerWire): AnswerDiff {
  const l = parseRawResponse(left.response);
  const r = parseRawResponse(right.response);
  const lh = headerMap(left.response);
  const rh = headerMap(right.response);
  const names = [...new Set([...lh.keys(), ...rh.keys()])].sort();
  const headers = names.map((name) => {
    const a = lh.get(name);
    const b = rh.get(name);
    return {
      name,
      left: a,
      right: b,
      same: a === b || (VOLATILE.test(name) && a !== undefined && b !== undefined),
    };
  });
  const la = prettyBody(l.body).text.split('\n');
  const lb = prettyBody(r.body).text.split('\n');
  // Line-by-line alignment keeps this cheap and predictable; a full LCS diff is not worth it here.
  const body: BodyLineDiff[] = [];
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    body.push({ left: la[i], right: lb[i], same: la[i] === lb[i] });
  }
  const a = latencyMs(left.latency);
  const b = latencyMs(right.latency);
  return {
    status: { left: l.status, right: r.status, same: l.status === r.status },
    latency: { left: a, right: b, deltaMs: a !== undefined && b !== undefined ? b - a : undefined },
    headers,
    body,
    bodySame: l.body === r.body,
  };
}
