// What the `:messages` search box accepts, turned into a 5.4.1 query: a window relative to now (`15m`,
// `2h`, `90s`, `3d`), an absolute window (`2026-11-30 05:00..06:30`, `2026-11-30T05:00Z..2026-11-30T06:00Z`,
// or one instant meaning "from then until now"; times are UTC), or one message (`p0@237`, `0@237`).
import type { MqsMessageQuery } from '../src/api/types/mqs.ts';

export type MessageSearch =
  | { kind: 'window'; start: number; end: number; label: string }
  | { kind: 'offset'; partition: number; offset: number; label: string };

export const DEFAULT_WINDOW = '1h';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const MAX_RELATIVE_MS = 30 * 86_400_000;

/** `YYYY-MM-DD[ T]HH:MM[:SS][Z]` (UTC); `HH:MM[:SS]` alone takes the date of `base`. */
function parseInstant(s: string, base?: string): number | undefined {
  const t = s.trim().replace(/Z$/i, '');
  const full = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)$/.exec(t);
  if (full) return instant(full[1] as string, full[2] as string);
  const timeOnly = /^(\d{2}:\d{2}(?::\d{2})?)$/.exec(t);
  if (timeOnly && base) return instant(base, timeOnly[1] as string);
  const dateOnly = /^(\d{4}-\d{2}-\d{2})$/.exec(t);
  if (dateOnly) return instant(dateOnly[1] as string, '00:00');
  return undefined;
}

function instant(date: string, time: string): number | undefined {
  const ms = Date.parse(`${date}T${time.length === 5 ? `${time}:00` : time}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

function utc(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** Parses the search text; throws an Error whose message says what is accepted. */
export function parseSearch(text: string, nowMs: number): MessageSearch {
  const s = text.trim();
  const rel = /^(\d+)\s*([smhd])$/i.exec(s);
  if (rel) {
    const ms = Number(rel[1]) * (UNIT_MS[(rel[2] as string).toLowerCase()] as number);
    if (ms <= 0 || ms > MAX_RELATIVE_MS) throw new Error(`window ${s} must be between 1s and 30d`);
    return { kind: 'window', start: nowMs - ms, end: nowMs, label: `last ${s}` };
  }
  const off = /^p?(\d+)\s*@\s*(\d+)$/i.exec(s);
  if (off) {
    const partition = Number(off[1]);
    const offset = Number(off[2]);
    return { kind: 'offset', partition, offset, label: `partition ${partition} offset ${offset}` };
  }
  const [a, b] = s.split('..');
  const start = a !== undefined ? parseInstant(a) : undefined;
  if (start !== undefined) {
    const base = new Date(start).toISOString().slice(0, 10);
    const end = b === undefined || b.trim() === '' ? nowMs : parseInstant(b, base);
    if (end === undefined) throw new Error(`cannot read the end time "${b ?? ''}"`);
    if (end < start) throw new Error('the window ends before it starts');
    return { kind: 'window', start, end, label: `${utc(start)} .. ${utc(end)}` };
  }
  throw new Error('use 15m, 2h, 3d; 2026-11-30 05:00..06:30 (UTC); or p0@237 (partition@offset)');
}

/** The 5.4.1 query of a search: a window pages by offset/limit, an offset reads one message. */
export function searchQuery(
  topic: string,
  s: MessageSearch,
  page: { offset: number; limit: number },
): MqsMessageQuery {
  return s.kind === 'window'
    ? { topic, start_time: s.start, end_time: s.end, asc: false, ...page }
    : { topic, partition: s.partition, message_offset: s.offset };
}
