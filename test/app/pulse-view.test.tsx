// `:pulse`: the instance's last hour from the emulator's statistics over HTTP (4.21.2 INSTANCE) —
// totals, error rate, 4xx/5xx with 429 said apart, latency, scaled lines — and its published APIs
// ranked by errors from 4.21.1; Enter opens the API; auto-refresh runs only while it is shown.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PULSE_MAX_APIS } from '../../screens/pulse.ts';
import type { ApiStatistics, StatisticsResult } from '../../src/api/types/metrics.ts';
import { selectTop } from '../../src/store/index.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { until } from '../helpers/until.ts';
import { rowsOf } from './probes.ts';

// A fixed clock for the emulator: the test asks the same minutes the view asked.
const NOW = Date.now(); // frozen (signatures are checked against it: it must be close to now)

/** The 60 minutes up to an answer's end: it may hold a 61st at its start, depending on the second. */
function lastHour(r: StatisticsResult): ApiStatistics[] {
  const last = Math.floor((r.end_time ?? 0) / 60) * 60;
  return r.list.filter((s) => (s.current_minute ?? last) > last - 60 * 60);
}

const sum = (list: readonly ApiStatistics[], f: (s: ApiStatistics) => number | undefined) =>
  list.reduce((a, s) => a + (f(s) ?? 0), 0);
async function mapLimit<T, R>(items: readonly T[], f: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += 4) out.push(...(await Promise.all(items.slice(i, i + 4).map(f))));
  return out;
}
const en = (v: number) => Math.round(v).toLocaleString('en-US');

let h: Harness;
before(async () => {
  h = await startHarness({ rootScreen: 'apis', emulator: { now: () => NOW } });
  await until('apis loaded', () => rowsOf(h, 'apis').length > 0);
});
after(async () => {
  await h?.close();
});

test(':pulse shows the totals, error rate and 4xx/5xx the emulator answers, 429 apart, and scaled lines', async () => {
  const instanceId = h.store.getState().instanceId as string;
  // what the emulator answers for the instance's last hour, over HTTP
  const r = await h.store.client
    .instance(instanceId)
    .metrics.query({ mode: 'INSTANCE', cycle: 'minute', duration: '60m' });
  const hour = lastHour(r);
  const req = sum(hour, (s) => s.req_count);
  const c4 = sum(hour, (s) => s.req_count4xx);
  const c5 = sum(hour, (s) => s.req_count5xx);
  assert.ok(req > 0 && c4 + c5 > 0, 'the demo instance has traffic and errors');
  const maxLatency = Math.max(...hour.map((s) => s.max_latency ?? 0));
  const peak = Math.max(...hour.map((s) => s.req_count ?? 0));
  const rate = ((c4 + c5) / req) * 100;

  assert.equal(h.store.getState().autoRefreshMs, null);
  for (const k of [':', ...'pulse', '\r']) {
    h.ui.stdin.write(k);
    await settle();
  }
  const f = await waitForFrame(h.ui, (f) => f.includes('req/min') && f.includes('ERRORS'));
  assert.ok(f.includes(`${en(req)} in 60 min`), `total requests ${en(req)}\n${f}`);
  assert.ok(f.includes(`peak ${en(peak)} req/min`), f);
  assert.ok(f.includes(`${rate >= 10 ? rate.toFixed(1) : rate.toFixed(2)} %`), `error rate\n${f}`);
  assert.ok(f.includes(`5xx ${en(c5)}`) && f.includes(`4xx ${en(c4)}`), f);
  assert.match(f, /429 not reported apart/);
  assert.ok(f.includes(`max ${en(maxLatency)} ms`), f);
  // the request line's scale: the busiest minute of the window is its max
  assert.match(f, new RegExp(`req/min .*max ${en(peak)} · min \\d`));
  assert.ok(!/4\.21/.test(f), 'no reference section numbers in titles');
  // refreshed while shown
  assert.equal(h.store.getState().autoRefreshMs, h.env.defaultRefreshMs);
});

test('the list ranks the published APIs by their errors (4.21.1 per API); Enter opens the API', async () => {
  const instanceId = h.store.getState().instanceId as string;
  const inst = h.store.client.instance(instanceId);
  const published = (await inst.apis.listAll({})).filter((a) => a.run_env_id || a.publish_id);
  // a few at a time, like the view (the view's own refresh runs meanwhile)
  const expected = await mapLimit(published.slice(0, PULSE_MAX_APIS), async (a) => {
    const r = await inst.metrics.latest({ api_id: a.id, duration: '60m' });
    return {
      id: a.id,
      name: a.name,
      requests: sum(lastHour(r), (s) => s.req_count),
      errors: sum(lastHour(r), (s) => (s.req_count4xx ?? 0) + (s.req_count5xx ?? 0)),
    };
  });
  const withTraffic = expected.filter((e) => e.requests > 0);
  const top = Math.max(...withTraffic.map((e) => e.errors));
  await until('pulse rows', () => rowsOf(h, 'pulse').length > 0);
  const rows = rowsOf<{ id: string; name: string; errors: number }>(h, 'pulse');
  assert.deepEqual(rows.map((r) => r.id).sort(), withTraffic.map((e) => e.id).sort());
  assert.equal(rows[0]?.errors, top);
  const first = rows[0] as { id: string; name: string; errors: number };
  const f = await waitForFrame(h.ui, (f) => f.includes(first.name));
  const line = f.split('\n').find((l) => l.includes(first.name) && l.includes(en(first.errors)));
  assert.ok(line, `the top row names the API with the most errors\n${f}`);

  h.ui.stdin.write('\r');
  await until('API detail', () => selectTop(h.store.getState()).view === 'detail');
  const topEntry = selectTop(h.store.getState());
  assert.equal(topEntry.screen, 'apis');
  assert.equal(topEntry.itemId, first.id);
  await waitForFrame(
    h.ui,
    (f) => f.includes('Overview') && f.includes(first.name) && !f.includes('Not loaded'),
  );
  // left the pulse: its auto-refresh is off again
  assert.equal(h.store.getState().autoRefreshMs, null);
});

test('the API Pulse tab states units, error rate, 429 apart and the scale', async () => {
  // still on the API detail: Tab to its Pulse tab
  let f = '';
  for (let i = 0; i < 12 && !f.includes('[Pulse]'); i++) {
    h.ui.stdin.write('\t');
    await settle();
    f = h.ui.lastFrame() ?? '';
  }
  // the API with the most errors has traffic: its Pulse tab shows numbers, not "no traffic"
  f = await waitForFrame(h.ui, (f) => f.includes('[Pulse]') && f.includes('req/min'));
  assert.match(f, /requests .* in 60 min · .* req\/min avg/);
  assert.match(f, /error rate/);
  assert.match(f, /429 throttled +not reported apart/);
  assert.match(f, /max [\d,.]+ · min [\d,.]+/);
});
