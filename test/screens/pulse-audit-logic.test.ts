// The pure parts of :pulse and :audit: series filled over the window, totals, names next to ids,
// audit lines read back redacted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { namesOf } from '../../src/actions/audit-names.ts';
import { parseAuditLine } from '../../src/actions/audit-read.ts';
import { nameIds, resultTone } from '../../screens/audit.ts';
import { minuteSeries, pulseTotals } from '../../screens/pulse-stats.ts';

test('minutes without a sample count as zero over the window, oldest first', () => {
  const end = 1_700_000_040; // not minute-aligned: the window ends in its minute
  const m = Math.floor(end / 60) * 60;
  const list = [
    { current_minute: m, req_count: 5 },
    { current_minute: m - 120, req_count: 7 },
  ];
  assert.deepEqual(
    minuteSeries({ end_time: end, list }, 4, (s) => s.req_count),
    [0, 7, 0, 5],
  );
});

test('totals: error rate of 4xx + 5xx, request-weighted average latency, per-minute average over the window', () => {
  const t = pulseTotals(
    {
      list: [
        {
          req_count: 10,
          req_count4xx: 1,
          req_count5xx: 1,
          req_count_error: 2,
          avg_latency: 10,
          max_latency: 30,
        },
        {
          req_count: 30,
          req_count4xx: 2,
          req_count5xx: 0,
          req_count_error: 2,
          avg_latency: 50,
          max_latency: 90,
        },
      ],
    },
    10,
  );
  assert.equal(t.requests, 40);
  assert.equal(t.errors, 4);
  assert.equal(t.errorRate, 0.1);
  assert.equal(t.avgLatency, 40);
  assert.equal(t.maxLatency, 90);
  assert.equal(t.perMinAvg, 4);
  assert.equal(t.perMinPeak, 30);
  assert.equal(pulseTotals({ list: [] }, 60).errorRate, null);
});

test('totals count the minutes the lines show: a 61st sample at the start of a 60-minute answer is left out', () => {
  const end = 1_700_000_040; // not on a minute: the window ends at its minute
  const minute = (k: number) => Math.floor(end / 60) * 60 - k * 60;
  const list = Array.from({ length: 61 }, (_, k) => ({
    current_minute: minute(60 - k),
    req_count: k === 0 ? 999 : 1,
  }));
  const t = pulseTotals({ end_time: end, list }, 60);
  assert.equal(t.requests, 60);
  assert.equal(t.perMinPeak, 1);
  assert.equal(Math.max(...minuteSeries({ end_time: end, list }, 60, (s) => s.req_count)), t.perMinPeak);
});

test('an action names every {id, name} it carries', () => {
  const names = namesOf({
    kind: 'batch-publish',
    apis: [
      { id: 'a1b2c3d4', name: 'orders' },
      { id: 'e5f6a7b8', name: 'refunds' },
    ],
    env: { id: 'env123456', name: 'RELEASE' },
  } as unknown as Parameters<typeof namesOf>[0]);
  assert.deepEqual(names, { a1b2c3d4: 'orders', e5f6a7b8: 'refunds', env123456: 'RELEASE' });
});

test('bare ids get their name; ids already written as name(id) are left alone', () => {
  const names = new Map([
    ['a1b2c3d4', 'orders'],
    ['e5f6a7b8', 'refunds'],
  ]);
  assert.equal(nameIds('apis:a1b2c3d4,e5f6a7b8', names), 'apis:orders(a1b2c3d4),refunds(e5f6a7b8)');
  assert.equal(nameIds('api:orders(a1b2c3d4)', names), 'api:orders(a1b2c3d4)');
  assert.equal(resultTone('failed'), 'danger');
  assert.equal(resultTone('unknown'), 'warning');
});

test('an audit line is read back redacted; a line that is not an entry is refused', () => {
  const r = parseAuditLine(
    JSON.stringify({
      ts: '2026-01-01T00:00:00Z',
      action: 'publish',
      object: 'api:x(1)',
      result: 'ok',
      errorMsg: 'token=abcdef123 and SECRETVALUE',
      requestIds: ['r1'],
    }),
    3,
    ['SECRETVALUE'],
  );
  assert.ok(r);
  assert.equal(r.line, 3);
  assert.doesNotMatch(r.errorMsg ?? '', /abcdef123|SECRETVALUE/);
  assert.equal(parseAuditLine('not json', 1), undefined);
  assert.equal(parseAuditLine('{"ts":1}', 1), undefined);
});
