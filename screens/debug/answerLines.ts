// An answer as styled lines, per tab. Pure: the view only windows and paints these.
import { jsonLineTokens, layoutLines, prettyBody, type LongLineMode } from '../../src/debug/pretty.ts';
import { isCalloutHeader, latencyMs, parseRawResponse, statusClass } from '../../src/debug/raw.ts';
import type { DebugAnswerWire } from '../../src/debug/types.ts';
import { sanitizeMultiline, sanitizeText } from '../../src/ui/sanitize.ts';
import type { JsonToken, Theme } from '../../src/ui/theme.ts';
import { statusColor } from '../../src/ui/theme.ts';

export type AnswerTab = 'response' | 'request' | 'raw' | 'log';
export const ANSWER_TABS: readonly AnswerTab[] = ['response', 'request', 'raw', 'log'];
export const TAB_TITLES: Record<AnswerTab, string> = {
  response: 'Response',
  request: 'Raw request',
  raw: 'Raw response',
  log: 'Log',
};

export interface Segment {
  text: string;
  color?: string | undefined;
  bold?: boolean;
  inverse?: boolean;
}
export type Line = Segment[];

const seg = (text: string, color?: string, bold = false): Segment => ({ text, color, bold });

function plainLines(text: string, width: number, mode: LongLineMode, color?: string): Line[] {
  return layoutLines(sanitizeMultiline(text), width, mode).map((l) => [seg(l, color)]);
}

function jsonColor(theme: Theme, kind: string, text: string): string | undefined {
  const map: Record<string, JsonToken> = {
    key: 'key',
    string: 'string',
    number: 'number',
    punct: 'punctuation',
  };
  const token: JsonToken | undefined =
    kind === 'literal' ? (text === 'null' ? 'null' : 'boolean') : map[kind];
  return token ? theme.tokens.json[token] : undefined;
}

/** Body lines: pretty and syntax-coloured when JSON. Wrapping a coloured line keeps one colour per piece. */
export function bodyLines(body: string, theme: Theme, width: number, mode: LongLineMode): Line[] {
  const pretty = prettyBody(body);
  if (!pretty.isJson) return plainLines(body, width, mode);
  const out: Line[] = [];
  for (const raw of pretty.text.split('\n')) {
    const line = sanitizeText(raw);
    if (Array.from(line).length > width) {
      out.push(...plainLines(line, width, mode));
      continue;
    }
    out.push(jsonLineTokens(line).map((t) => seg(t.text, jsonColor(theme, t.kind, t.text))));
  }
  return out;
}

export function statusLine(answer: DebugAnswerWire, theme: Theme): Line {
  const r = parseRawResponse(answer.response);
  const ms = latencyMs(answer.latency);
  const color = r.status !== undefined ? statusColor(theme, r.status) : theme.tokens.warning;
  const cls = statusClass(r.status);
  return [
    seg(sanitizeText(r.startLine || '(no status line)'), color, true),
    seg(`  ${cls}`, theme.tokens.muted),
    seg(`  latency ${ms === undefined ? '?' : `${ms} ms`}`, theme.tokens.info),
  ];
}

export function answerLines(
  tab: AnswerTab,
  answer: DebugAnswerWire,
  theme: Theme,
  width: number,
  mode: LongLineMode,
): Line[] {
  const w = Math.max(10, width);
  if (tab === 'request') return plainLines(answer.request || '(empty)', w, mode);
  if (tab === 'raw') return plainLines(answer.response || '(empty)', w, mode);
  if (tab === 'log')
    return plainLines(answer.log || '(the gateway returned no log)', w, mode, theme.tokens.muted);
  const r = parseRawResponse(answer.response);
  const out: Line[] = [statusLine(answer, theme)];
  if (r.truncated) {
    out.push([seg('[TRUNCATED] the gateway cut the body at 2,097,152 bytes', theme.tokens.warning, true)]);
  }
  const callouts = r.headers.filter((h) => isCalloutHeader(h.name));
  if (callouts.length > 0) {
    out.push([seg('Gateway', theme.tokens.header, true)]);
    for (const h of callouts)
      out.push([seg(`  ★ ${sanitizeText(h.name)}: `, theme.tokens.accent, true), seg(sanitizeText(h.value))]);
  }
  out.push([seg('Headers', theme.tokens.header, true)]);
  for (const h of r.headers) {
    if (isCalloutHeader(h.name)) continue;
    out.push([seg(`  ${sanitizeText(h.name)}: `, theme.tokens.muted), seg(sanitizeText(h.value))]);
  }
  out.push([seg('Body', theme.tokens.header, true)]);
  out.push(
    ...(r.body === '' ? [[seg('(empty body)', theme.tokens.muted)]] : bodyLines(r.body, theme, w, mode)),
  );
  return out;
}
