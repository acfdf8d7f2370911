import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clockTime, groupThousands } from '../../src/ui/numbers.ts';

test('groupThousands groups as en-US does for integers', () => {
  for (const n of [0, 7, 999, 1000, 10_000, 123_456, 1_234_567, 999_999_999, -1500, 12.6])
    assert.equal(groupThousands(n), Math.round(n).toLocaleString('en-US'), String(n));
});

test('clockTime: 24-hour local time with seconds', () => {
  const d = new Date(2026, 10, 30, 14, 5, 9);
  assert.equal(clockTime(d.getTime()), '14:05:09');
  assert.equal(clockTime(new Date(2026, 0, 1, 0, 0, 0).getTime()), '00:00:00');
});
