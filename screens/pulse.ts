// `:pulse` — the instance in an incident: totals, error rate, 4xx/5xx, latency and per-minute lines
// over the last hour (banner, 4.21.2 mode INSTANCE), and its APIs with traffic ranked by errors
// (4.21.1 per published API); `s` sorts by latency. Enter opens the API. Refreshes while shown.
import type { RomaClient } from '../src/api/client.ts';
import { RomaError } from '../src/api/errors.ts';
import type { ApiSummary } from '../src/api/types/apis.ts';
import type { StatisticsResult } from '../src/api/types/metrics.ts';
import { listRequest } from '../src/app/screen-requests.ts';
import { apisScreen } from './apis.ts';
import { DASH, fields } from './format.ts';
import { compactTotalsBlock, ms, num, pct, pulseTotals, seriesBlock } from './pulse-stats.ts';
import { defineBanner, defineResource, type Column } from './types.ts';

/** The window of the view: 4.21.1 answers at most the last hour. */
export const PULSE_WINDOW_MIN = 60;
/** Published APIs asked for their statistics per refresh (one request each). */
export const PULSE_MAX_APIS = 100;
const CONCURRENCY = 6;

export interface PulseApiRow {
  id: string;
  name: string;
  group: string;
  requests: number;
  perMin: number;
  c4xx: number;
  c5xx: number;
  errors: number;
  errorRate: number | null;
  avgLatency: number | null;
  maxLatency: number | null;
}

function isPublished(a: ApiSummary): boolean {
  return Boolean(a.run_env_id || a.publish_id);
}

async function mapLimit<T, R>(items: readonly T[], limit: number, f: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export function apiRow(a: ApiSummary, r: StatisticsResult, windowMin: number): PulseApiRow {
  const t = pulseTotals(r, windowMin);
  return {
    id: a.id,
    name: a.name,
    group: a.group_name ?? '',
    requests: t.requests,
    perMin: t.perMinAvg,
    c4xx: t.c4xx,
    c5xx: t.c5xx,
    errors: t.errors,
    errorRate: t.errorRate,
    avgLatency: t.avgLatency,
    maxLatency: t.maxLatency,
  };
}

/** Most errors first; equal errors, the slower first. */
export function byErrors(a: PulseApiRow, b: PulseApiRow): number {
  return b.errors - a.errors || (b.avgLatency ?? 0) - (a.avgLatency ?? 0) || a.name.localeCompare(b.name);
}

export function bySlowest(a: PulseApiRow, b: PulseApiRow): number {
  return (b.avgLatency ?? -1) - (a.avgLatency ?? -1) || a.name.localeCompare(b.name);
}

async function topApis(
  client: RomaClient,
  instanceId: string,
  signal: AbortSignal,
  warn?: (w: string[]) => void,
): Promise<PulseApiRow[]> {
  const inst = client.instance(instanceId);
  const apis = (await inst.apis.listAll({}, { signal, ...(warn ? { onWarnings: warn } : {}) }))
    .filter(isPublished)
    .slice(0, PULSE_MAX_APIS);
  const rows = await mapLimit(apis, CONCURRENCY, async (a) => {
    try {
      const r = await inst.metrics.latest({ api_id: a.id, duration: `${PULSE_WINDOW_MIN}m` }, { signal });
      return apiRow(a, r, PULSE_WINDOW_MIN);
    } catch (e) {
      // deleted since the list was read
      if (e instanceof RomaError && e.status === 404) return undefined;
      throw e;
    }
  });
  return rows.filter((r): r is PulseApiRow => r !== undefined && r.requests > 0).sort(byErrors);
}

const count = (id: string, title: string, width: number, v: (r: PulseApiRow) => number | null, show = num) =>
  ({
    id,
    title,
    width,
    align: 'right',
    get: (r) => {
      const x = v(r);
      return x === null ? DASH : show(x);
    },
    sortValue: (r) => v(r) ?? -1,
  }) satisfies Column<PulseApiRow>;

function slowest(rows: readonly PulseApiRow[]): string {
  const slow = [...rows].sort(bySlowest).slice(0, 3);
  return slow.length ? slow.map((r) => `${r.name} ${ms(r.avgLatency)}`).join(' · ') : DASH;
}

export const pulseBanner = defineBanner<PulseApiRow, StatisticsResult>({
  fetch: ({ client, instanceId, signal }) =>
    client
      .instance(instanceId as string)
      .metrics.query({ mode: 'INSTANCE', cycle: 'minute', duration: `${PULSE_WINDOW_MIN}m` }, { signal }),
  render: (data, rows) => {
    const t = pulseTotals(data, PULSE_WINDOW_MIN);
    const title = `Instance — last ${PULSE_WINDOW_MIN} min, per minute`;
    const slow = ['slowest APIs', `${slowest(rows)} (avg)`] as const;
    if (t.requests === 0)
      return [
        {
          title,
          blocks: [{ kind: 'text', text: `no traffic in the last ${PULSE_WINDOW_MIN} min` }, fields(slow)],
        },
      ];
    return [{ title, blocks: [compactTotalsBlock(t, [slow]), seriesBlock(data, PULSE_WINDOW_MIN, false)] }];
  },
});

export const pulseScreen = defineResource<PulseApiRow>({
  id: 'pulse',
  title: 'APIs by errors',
  aliases: ['incident', 'top'],
  instanceScoped: true,
  live: true,
  banner: pulseBanner,
  columns: [
    { id: 'name', title: 'API', minWidth: 14, priority: 1, get: (r) => r.name },
    count('errors', 'ERRORS', 7, (r) => r.errors),
    count(
      'rate',
      'ERR %',
      8,
      (r) => r.errorRate,
      (x) => pct(x).replace(' %', '%'),
    ),
    count('5xx', '5XX', 6, (r) => r.c5xx),
    count('4xx', '4XX', 6, (r) => r.c4xx),
    count('avg', 'AVG MS', 8, (r) => r.avgLatency),
    count('max', 'MAX MS', 8, (r) => r.maxLatency),
    count('requests', 'REQUESTS', 9, (r) => r.requests),
    count('rpm', 'REQ/MIN', 8, (r) => r.perMin),
    { id: 'group', title: 'GROUP', minWidth: 8, priority: 9, get: (r) => r.group || DASH },
  ],
  idOf: (r) => r.id,
  nameOf: (r) => r.name,
  list: ({ client, instanceId, signal, warn }) => topApis(client, instanceId as string, signal, warn),
  enter: (r) => ({ screen: 'apis', itemId: r.id, label: r.name }),
  // the API's detail finds its row in the APIs list: have it loaded (not on the `list` channel, which
  // would cancel this view's own refresh)
  onChoose: (_row, store) => {
    const { channel: _list, ...req } = listRequest(apisScreen, store.getState().instanceId, {});
    void store.getState().actions.ensure(req);
  },
  summary: (r) => [
    {
      title: `${r.name} — last ${PULSE_WINDOW_MIN} min`,
      blocks: [
        fields(
          ['requests', `${num(r.requests)} · ${num(r.perMin)} req/min avg`],
          ['error rate', pct(r.errorRate)],
          ['5xx', num(r.c5xx)],
          ['4xx', `${num(r.c4xx)} (429 throttled not reported apart)`],
          ['latency', `avg ${ms(r.avgLatency)} · max ${ms(r.maxLatency)}`],
          ['group', r.group],
          ['id', r.id],
        ),
      ],
    },
  ],
  emptyText: () => `no published API had traffic in the last ${PULSE_WINDOW_MIN} min`,
});
