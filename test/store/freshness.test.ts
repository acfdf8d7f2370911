// The freshness rules every reader follows (src/store/freshness.ts): when the cache serves, when the
// service is asked again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readKind } from '../../src/store/freshness.ts';

const first = { refreshTick: 0, autoTicked: false };
const afterRefresh = { refreshTick: 1, autoTicked: false };
const afterAutoTick = { refreshTick: 0, autoTicked: true };

test('a view takes the cache on first show and reads again after a refresh or a followed auto tick', () => {
  assert.equal(readKind('show', first), 'ensure');
  assert.equal(readKind('show', afterRefresh), 'load');
  assert.equal(readKind('show', afterAutoTick), 'load');
  assert.equal(readKind('show', { refreshTick: 3, autoTicked: true }), 'load');
});

test('a picker takes the cache since the last refresh, whenever it asks', () => {
  for (const at of [first, afterRefresh, afterAutoTick]) assert.equal(readKind('cached', at), 'ensure');
});

test('a read that decides a change asks the service every time', () => {
  for (const at of [first, afterRefresh, afterAutoTick]) assert.equal(readKind('fresh', at), 'load');
});
