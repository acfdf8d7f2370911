// Parsing the raw `request` / `response` texts of a 4.3.8 answer into start line, headers and body.

export interface RawHeader {
  name: string;
  value: string;
}

export interface RawMessage {
  startLine: string;
  headers: RawHeader[];
  body: string;
  /** The gateway cut the body at 2,097,152 bytes and appended "[TRUNCATED]" (the marker is removed from `body`). */
  truncated: boolean;
}

export interface RawResponse extends RawMessage {
  httpVersion: string;
  status: number | undefined;
  reason: string;
}

export interface RawRequest extends RawMessage {
  method: string;
  target: string;
}

export const TRUNCATED_MARKER = '[TRUNCATED]';

const HEADER_LINE = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+):[ \t]*(.*)$/;

function splitLines(block: string): string[] {
  return block === '' ? [] : block.split(/\r?\n/);
}

function parseHeaderLines(lines: readonly string[]): RawHeader[] {
  const headers: RawHeader[] = [];
  for (const line of lines) {
    const m = HEADER_LINE.exec(line);
    if (m) headers.push({ name: m[1] ?? '', value: m[2] ?? '' });
    else if (/^[ \t]/.test(line) && headers.length > 0) {
      const last = headers[headers.length - 1];
      if (last) last.value += ` ${line.trim()}`; // obsolete line folding
    }
  }
  return headers;
}

const BLANK_LINE = /\r?\n\r?\n/;

/** Cut `text` at the first blank line: [head, rest] (rest is undefined when there is none). */
function cutAtBlankLine(text: string): [string, string | undefined] {
  const m = BLANK_LINE.exec(text);
  if (!m) return [text, undefined];
  return [text.slice(0, m.index), text.slice(m.index + m[0].length)];
}

/**
 * The 4.3.8 example puts a blank line in the middle of the gateway's headers
 * ("X-Apig-Latency: 0\r\n\r\nX-Apig-Ratelimit-API: ...\r\n\r\n\r\nmock success"). Tolerant as a
 * client: a block right after the blank line whose lines are all header-shaped, that names a gateway
 * header and ends in a blank line is taken as more headers, and one stray line break before the
 * body is dropped.
 */
function gatewayHeaderContinuation(rest: string): [string[], string] | undefined {
  const [block, after] = cutAtBlankLine(rest);
  if (after === undefined) return undefined;
  const lines = splitLines(block);
  if (lines.length === 0 || !lines.every((l) => HEADER_LINE.test(l))) return undefined;
  if (!lines.some((l) => /^(X-Apig-|X-Request-Id:)/i.test(l))) return undefined;
  return [lines, after.replace(/^\r?\n/, '')];
}

function parseMessage(raw: string): RawMessage {
  const [head, rest] = cutAtBlankLine(raw);
  const lines = splitLines(head);
  const startLine = lines[0] ?? '';
  let headerLines = lines.slice(1);
  let body = rest ?? '';
  const more = rest === undefined ? undefined : gatewayHeaderContinuation(rest);
  if (more) {
    headerLines = [...headerLines, ...more[0]];
    body = more[1];
  }
  const truncated = body.endsWith(TRUNCATED_MARKER);
  if (truncated) body = body.slice(0, -TRUNCATED_MARKER.length);
  return { startLine, headers: parseHeaderLines(headerLines), body, truncated };
}

export function parseRawResponse(raw: string): RawResponse {
  const msg = parseMessage(raw);
  const m = /^(HTTP\/[\d.]+)\s+(\d{3})(?:\s+(.*))?$/.exec(msg.startLine.trim());
  return {
    ...msg,
    httpVersion: m?.[1] ?? '',
    status: m ? Number(m[2]) : undefined,
    reason: m?.[3] ?? '',
  };
}

export function parseRawRequest(raw: string): RawRequest {
  const msg = parseMessage(raw);
  const [method = '', target = ''] = msg.startLine.trim().split(/\s+/);
  return { ...msg, method, target };
}

export function headerValue(headers: readonly RawHeader[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value;
}

/** Gateway headers an on-call engineer looks for first. */
export function isCalloutHeader(name: string): boolean {
  return /^(x-apig-latency|x-apig-ratelimit-.*|x-request-id)$/i.test(name);
}

export type StatusClass = 'info' | 'success' | 'redirect' | 'client-error' | 'server-error' | 'unknown';

export function statusClass(status: number | undefined): StatusClass {
  if (status === undefined) return 'unknown';
  if (status >= 500) return 'server-error';
  if (status >= 400) return 'client-error';
  if (status >= 300) return 'redirect';
  if (status >= 200) return 'success';
  if (status >= 100) return 'info';
  return 'unknown';
}

/** `latency` is documented as a String of milliseconds but returned as a number (C13.8). */
export function latencyMs(latency: string | number | undefined): number | undefined {
  if (latency === undefined || latency === '') return undefined;
  const n = typeof latency === 'number' ? latency : Number.parseFloat(latency);
  return Number.isFinite(n) ? n : undefined;
}
