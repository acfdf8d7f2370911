// The pulse in numbers: totals, rates and per-minute series of a statistics answer (4.21.1/4.21.2),
// and the sections that show them. Pure; the views fetch.
//
// Choices where the reference is silent or short:
// - Minutes without traffic are absent from `list` (the emulator omits them, the examples list only
//   busy minutes): the series is filled with zeros over the window, so the line is not compressed.
// - Error rate = (4xx + 5xx) / requests over the window; `req_count_error` is shown when it differs.
// - The statistics have no 429 count (StatisticsAPI lists 2xx/4xx/5xx only): throttled calls are
//   inside 4xx and the view says so instead of inventing a number.
import type { ApiStatistics, StatisticsResult } from '../src/api/types/metrics.ts';
import type { DetailBlock, DetailSection } from './types.ts';
import { groupThousands } from '../src/ui/numbers.ts';

export interface PulseTotals {
  windowMin: number;
  /** Minutes with traffic. */
  busyMin: number;
  requests: number;
  c2xx: number;
  c4xx: number;
  c5xx: number;
  /** `req_count_error` summed (the service's own count of errors). */
  reported: number;
  errors: number;
  /** 0..1; null without requests. */
  errorRate: number | null;
  perMinAvg: number;
  perMinPeak: number;
  /** Weighted by requests; null without requests. */
  avgLatency: number | null;
  maxLatency: number | null;
}

const n = (v: number | undefined): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/**
 * The samples of the minutes the per-minute lines show (`minuteSeries`): an answer for 60 minutes may
 * hold a 61st at its start, and totals over it would disagree with the lines (a peak the line never
 * reaches). Samples without a minute cannot be placed and are kept.
 */
export function windowSamples(
  r: Pick<StatisticsResult, 'end_time' | 'list'>,
  windowMin: number,
): readonly ApiStatistics[] {
  const minutes = r.list.map((s) => s.current_minute).filter((m): m is number => typeof m === 'number');
  const endRaw = typeof r.end_time === 'number' ? r.end_time : Math.max(...minutes, -Infinity);
  if (!Number.isFinite(endRaw)) return r.list;
  const end = Math.floor(endRaw / 60) * 60;
  const start = end - (windowMin - 1) * 60;
  return r.list.filter(
    (s) => typeof s.current_minute !== 'number' || (s.current_minute >= start && s.current_minute <= end),
  );
}

export function pulseTotals(r: Pick<StatisticsResult, 'end_time' | 'list'>, windowMin: number): PulseTotals {
  const list = windowSamples(r, windowMin);
  let requests = 0;
  let c2xx = 0;
  let c4xx = 0;
  let c5xx = 0;
  let reported = 0;
  let latencySum = 0;
  let maxLatency: number | null = null;
  let peak = 0;
  let busy = 0;
  for (const s of list) {
    const r = n(s.req_count);
    requests += r;
    c2xx += n(s.req_count2xx);
    c4xx += n(s.req_count4xx);
    c5xx += n(s.req_count5xx);
    reported += n(s.req_count_error);
    latencySum += n(s.avg_latency) * r;
    if (typeof s.max_latency === 'number') maxLatency = Math.max(maxLatency ?? 0, s.max_latency);
    peak = Math.max(peak, r);
    if (r > 0) busy += 1;
  }
  const errors = c4xx + c5xx;
  return {
    windowMin,
    busyMin: busy,
    requests,
    c2xx,
    c4xx,
    c5xx,
    reported,
    errors,
    errorRate: requests > 0 ? errors / requests : null,
    perMinAvg: windowMin > 0 ? requests / windowMin : 0,
    perMinPeak: peak,
    avgLatency: requests > 0 ? latencySum / requests : null,
    maxLatency,
  };
}

/** `12,345`; one decimal below 100 when fractional. */
export function num(v: number): string {
  if (!Number.isInteger(v) && Math.abs(v) < 100) return v.toFixed(1);
  return groupThousands(v);
}

export function pct(rate: number | null): string {
  if (rate === null) return '—';
  const p = rate * 100;
  return `${p === 0 || p >= 10 ? p.toFixed(1) : p.toFixed(2)} %`;
}

export function ms(v: number | null): string {
  return v === null ? '—' : `${num(v)} ms`;
}

/**
 * Per-minute values over the window, oldest first, zeros where the answer has no sample. The window
 * ends at the answer's `end_time` (Unix seconds), else at the newest sample.
 */
export function minuteSeries(
  r: Pick<StatisticsResult, 'end_time' | 'list'>,
  windowMin: number,
  pick: (s: ApiStatistics) => number | undefined,
): number[] {
  const byMinute = new Map<number, ApiStatistics>();
  for (const s of r.list) if (typeof s.current_minute === 'number') byMinute.set(s.current_minute, s);
  const newest = Math.max(...byMinute.keys(), -Infinity);
  const endRaw = typeof r.end_time === 'number' ? r.end_time : newest;
  if (!Number.isFinite(endRaw)) return [];
  const end = Math.floor(endRaw / 60) * 60;
  const out: number[] = [];
  for (let t = end - (windowMin - 1) * 60; t <= end; t += 60) {
    const s = byMinute.get(t);
    out.push(s ? n(pick(s)) : 0);
  }
  return out;
}

function series(label: string, values: number[], unit = '') {
  const last = values.at(-1);
  const max = values.length ? Math.max(...values) : 0;
  const min = values.length ? Math.min(...values) : 0;
  return {
    label,
    values,
    current: last === undefined ? '—' : `${num(last)}${unit}`,
    scale: `max ${num(max)} · min ${num(min)}`,
  };
}

/** Totals as fields: units stated, error rate, 429 apart, latency. */
export function totalsBlock(t: PulseTotals): DetailBlock {
  const reported = t.reported !== t.errors ? ` · ${num(t.reported)} errors reported` : '';
  return {
    kind: 'fields',
    fields: [
      ['requests', requestsText(t)],
      ['error rate', `${pct(t.errorRate)} (4xx + 5xx of all requests)${reported}`],
      ['5xx', `${num(t.c5xx)} (${pct(t.requests ? t.c5xx / t.requests : null)})`],
      ['4xx', `${num(t.c4xx)} (${pct(t.requests ? t.c4xx / t.requests : null)})`],
      ['429 throttled', NO_429],
      ['latency', latencyText(t)],
    ],
  };
}

export const NO_429 = 'not reported apart: the statistics count them in 4xx';

function requestsText(t: PulseTotals): string {
  return `${num(t.requests)} in ${t.windowMin} min · ${num(t.perMinAvg)} req/min avg · peak ${num(t.perMinPeak)} req/min`;
}

function latencyText(t: PulseTotals): string {
  return `avg ${ms(t.avgLatency)} · max ${ms(t.maxLatency)}`;
}

/** The same on three lines (the pulse list's banner), plus extra lines. */
export function compactTotalsBlock(
  t: PulseTotals,
  extra: ReadonlyArray<readonly [string, string]> = [],
): DetailBlock {
  return {
    kind: 'fields',
    fields: [
      ['requests', requestsText(t)],
      [
        'errors',
        `${pct(t.errorRate)} · 5xx ${num(t.c5xx)} · 4xx ${num(t.c4xx)} · 429 not reported apart (in 4xx)`,
      ],
      ['latency', latencyText(t)],
      ...extra,
    ],
  };
}

/** Per-minute lines with their scale. `full` adds 2xx and max latency (the detail tab has the room). */
export function seriesBlock(r: StatisticsResult, windowMin: number, full: boolean): DetailBlock {
  const s = (pick: (x: ApiStatistics) => number | undefined) => minuteSeries(r, windowMin, pick);
  return {
    kind: 'sparklines',
    series: [
      series(
        'req/min',
        s((x) => x.req_count),
      ),
      ...(full
        ? [
            series(
              '2xx/min',
              s((x) => x.req_count2xx),
            ),
          ]
        : []),
      series(
        '5xx/min',
        s((x) => x.req_count5xx),
      ),
      series(
        '4xx/min',
        s((x) => x.req_count4xx),
      ),
      series(
        'avg ms',
        s((x) => x.avg_latency),
        ' ms',
      ),
      ...(full
        ? [
            series(
              'max ms',
              s((x) => x.max_latency),
              ' ms',
            ),
          ]
        : []),
    ],
  };
}

/** The pulse of an instance or an API: totals, then the per-minute lines. */
export function pulseSections(title: string, r: StatisticsResult, windowMin: number): DetailSection[] {
  const t = pulseTotals(r, windowMin);
  if (t.requests === 0)
    return [{ title, blocks: [{ kind: 'text', text: `no traffic in the last ${windowMin} min` }] }];
  return [{ title, blocks: [totalsBlock(t), seriesBlock(r, windowMin, true)] }];
}
