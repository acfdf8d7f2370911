import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiMetricsRecent,
  formatUtc8,
  instanceMetrics,
  MetricsQueryError,
  parseDuration,
  parseUtc8,
  type StatisticsApi,
} from '../../src/emulator/metrics.ts';

const NOW = Date.UTC(2020, 6, 24, 7, 44, 56); // 2020-07-24 15:44:56 UTC+8, as in the 4.21.1 example
const API = '39bce6d25a3f470e8cf7b2c97174f7d9';

function checkSample(s: StatisticsApi): void {
  assert.equal(s.req_count, s.req_count2xx + s.req_count4xx + s.req_count5xx);
  assert.equal(s.req_count_error, s.req_count4xx + s.req_count5xx);
  assert.ok(s.req_count > 0);
  assert.ok(s.max_latency >= s.avg_latency, `max ${s.max_latency} ≥ avg ${s.avg_latency}`);
  assert.ok(s.max_backend_latency >= Math.floor(s.avg_backend_latency));
  assert.ok(
    Number.isInteger(s.max_latency) &&
      Number.isInteger(s.input_throughput) &&
      Number.isInteger(s.output_throughput),
  );
  assert.equal(s.current_minute % 60, 0);
  assert.equal(s.req_time, formatUtc8(s.current_minute));
}

test('time helpers: UTC+8 strings and durations', () => {
  assert.equal(formatUtc8(1595576640), '2020-07-24 15:44:00');
  assert.equal(parseUtc8('2020-07-24 15:44:00'), 1595576640);
  assert.equal(parseUtc8('2020-02-30 10:00:00'), undefined);
  assert.equal(parseUtc8('2020-07-24T15:44:00Z'), undefined);
  assert.equal(parseDuration('1h'), 60);
  assert.equal(parseDuration('2h45m'), 165);
  assert.equal(parseDuration('30m'), 30);
  for (const bad of ['', '0m', 'h', '5s', '1d', '-1h', 'm1'])
    assert.equal(parseDuration(bad), undefined, bad);
});

test('4.21.1: one hour of per-minute samples, documented fields, deterministic', () => {
  const r = apiMetricsRecent(API, 60, NOW, {
    groupId: 'd0fc4e40b7d1492cba802f667c7c7226',
    provider: '73d69ae0cfcf460190522d06b60f05ad',
  });
  assert.equal(r.code, 'APIG.0000');
  assert.equal(r.end_time, 1595576640);
  assert.equal(r.start_time, 1595576640 - 59 * 60);
  assert.ok(r.list.length > 0 && r.list.length <= 60);
  for (const s of r.list) {
    checkSample(s);
    assert.ok(s.current_minute >= r.start_time && s.current_minute <= r.end_time);
    assert.equal(s.cycle, 'MINUTE');
    assert.equal(s.api_id, API);
    assert.equal(s.group_id, 'd0fc4e40b7d1492cba802f667c7c7226');
    assert.equal(s.status, 1);
    assert.ok(s.register_time! >= s.req_time);
  }
  assert.deepEqual(
    apiMetricsRecent(API, 60, NOW, {
      groupId: 'd0fc4e40b7d1492cba802f667c7c7226',
      provider: '73d69ae0cfcf460190522d06b60f05ad',
    }),
    r,
  );
  // Later calls see the same past minutes.
  const later = apiMetricsRecent(API, 60, NOW + 10 * 60_000);
  const overlap = later.list.filter((s) => s.current_minute <= r.end_time);
  const before = r.list.filter((s) => s.current_minute >= later.start_time);
  assert.deepEqual(
    overlap.map((s) => s.req_count),
    before.map((s) => s.req_count),
  );
});

test('4.21.1: different APIs have different series; shapes vary over a day', () => {
  const a = apiMetricsRecent(API, 60, NOW).list.map((s) => s.req_count);
  const b = apiMetricsRecent('85deba41aae24839b14cdc03780e8bb6', 60, NOW).list.map((s) => s.req_count);
  assert.notDeepEqual(a, b);
  // Over 24 hourly buckets of a busy API the busiest hour is clearly busier than the quietest.
  const day = instanceMetrics(
    new URLSearchParams({ mode: 'API', api_id: API, cycle: 'hour', duration: '24h' }),
    NOW,
  );
  const counts = day.list.map((s) => s.req_count);
  assert.ok(Math.max(...counts) > 2 * Math.min(...counts), `daily shape ${counts.join(',')}`);
});

test('4.21.1: duration outside 1..60 minutes is refused', () => {
  for (const d of [0, 61, 1.5]) assert.throws(() => apiMetricsRecent(API, d, NOW), MetricsQueryError);
});

test('4.21.2: hour cycle over a start/end range, buckets aligned, sums consistent with minutes', () => {
  const q = new URLSearchParams({
    mode: 'API',
    api_id: API,
    cycle: 'hour',
    start_time: '2020-07-24 10:00:00',
    end_time: '2020-07-24 13:59:00',
  });
  const r = instanceMetrics(q, NOW);
  assert.equal(r.start_time, parseUtc8('2020-07-24 10:00:00'));
  assert.equal(r.end_time, parseUtc8('2020-07-24 13:59:00'));
  assert.ok(r.list.length <= 4 && r.list.length >= 1);
  for (const s of r.list) {
    checkSample(s);
    assert.equal(s.cycle, 'HOUR');
    assert.match(s.req_time, /:00:00$/);
  }
  // The minute cycle over the first hour adds up to the first hourly bucket.
  const minutes = instanceMetrics(
    new URLSearchParams({
      mode: 'API',
      api_id: API,
      cycle: 'minute',
      start_time: '2020-07-24 10:00:00',
      end_time: '2020-07-24 10:59:00',
    }),
    NOW,
  );
  const first = r.list.find((s) => s.req_time === '2020-07-24 10:00:00');
  assert.equal(
    first?.req_count ?? 0,
    minutes.list.reduce((n, s) => n + s.req_count, 0),
  );
});

test('4.21.2: day cycle aligns to midnight UTC+8; end_time + duration rule', () => {
  const r = instanceMetrics(
    new URLSearchParams({ cycle: 'day', end_time: '2020-07-24 12:00:00', duration: '72h' }),
    NOW,
    { instanceId: 'i-1' },
  );
  assert.equal(r.end_time - r.start_time, 72 * 3600);
  for (const s of r.list) {
    assert.match(s.req_time, / 00:00:00$/);
    assert.equal(s.cycle, 'DAY');
  }
  assert.ok(r.list.length >= 3 && r.list.length <= 4);
});

test('4.21.2: mode APP and ALL leave out the per-API fields', () => {
  const queries: Array<Record<string, string>> = [
    { mode: 'APP', roma_app_id: '98df09fb-d459-4cbf-83a7-2b55ca6f3d5d', duration: '1h' },
    { mode: 'ALL', duration: '30m' },
  ];
  for (const q of queries) {
    const r = instanceMetrics(new URLSearchParams(q), NOW);
    assert.ok(r.list.length > 0);
    for (const s of r.list) {
      checkSample(s);
      for (const k of ['cycle', 'api_id', 'group_id', 'provider', 'register_time', 'status'])
        assert.ok(!(k in s), `${q.mode} omits ${k}`);
    }
  }
});

test('4.21.2: the future has no samples; end is clamped to now', () => {
  const r = instanceMetrics(
    new URLSearchParams({ start_time: '2020-07-24 15:00:00', end_time: '2020-07-24 18:00:00' }),
    NOW,
  );
  assert.equal(r.end_time, Math.floor(NOW / 1000));
  for (const s of r.list) assert.ok(s.current_minute <= r.end_time);
});

test('4.21.2: validation errors are typed 400s with the reference codes', () => {
  const cases: Array<[Record<string, string>, string, string]> = [
    [{}, 'APIG.2001', 'missing time range'],
    [{ start_time: '2020-07-24 10:00:00' }, 'APIG.2001', 'missing time range'],
    [{ mode: 'NOPE', duration: '1h' }, 'APIG.2012', 'parameterName:mode'],
    [{ mode: 'API', duration: '1h' }, 'APIG.2012', 'parameterName:api_id'],
    [{ mode: 'APP', duration: '1h' }, 'APIG.2012', 'parameterName:roma_app_id'],
    [{ cycle: 'week', duration: '1h' }, 'APIG.2012', 'parameterName:cycle'],
    [{ duration: '1d' }, 'APIG.2012', 'parameterName:duration'],
    [{ start_time: 'yesterday', end_time: '2020-07-24 10:00:00' }, 'APIG.2012', 'parameterName:start_time'],
    [
      { start_time: '2020-07-24 11:00:00', end_time: '2020-07-24 10:00:00' },
      'APIG.2012',
      'parameterName:start_time',
    ],
    [{ cycle: 'minute', duration: '48h' }, 'APIG.2003', 'duration'],
    [{ cycle: 'day', duration: '1000h' }, 'APIG.2003', 'duration'],
  ];
  for (const [q, code, msg] of cases) {
    assert.throws(
      () => instanceMetrics(new URLSearchParams(q), NOW),
      (e: unknown) =>
        e instanceof MetricsQueryError &&
        e.status === 400 &&
        e.error_code === code &&
        e.error_msg.includes(msg),
      JSON.stringify(q),
    );
  }
});
