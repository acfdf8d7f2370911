// readThrough (src/store/read.ts) is a read outside a view: a load that was aborted (a newer one on
// its channel replaced it) resolves without error and leaves no data, or only the first pages. That is
// no answer: it reads once more, and then says so instead of handing back nothing or a part.
// Hand-driven fetchers, as in store.test.ts (no HTTP here).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RomaClient } from '../../src/api/client.ts';
import { RomaError } from '../../src/api/errors.ts';
import { createDashboardStore } from '../../src/store/index.ts';
import { readThrough } from '../../src/store/read.ts';

const client = {} as RomaClient;

/** A fetch that waits until it is aborted, after the test aborts its channel. */
const abortedFetch = (signal: AbortSignal) =>
  new Promise<string[]>((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));

test('an aborted read is read again, and the second answer is returned', async () => {
  const store = createDashboardStore(client);
  let calls = 0;
  const req = {
    family: 'envs',
    key: 'i1',
    channel: 'c',
    fetch: (_c: RomaClient, signal: AbortSignal) =>
      ++calls === 1 ? abortedFetch(signal) : Promise.resolve(['RELEASE']),
  };
  const read = readThrough(store, req);
  store.getState().actions.abortChannel('c');
  assert.deepEqual(await read, ['RELEASE']);
  assert.equal(calls, 2);
});

test('a read aborted twice is an error that says so, not an empty answer', async () => {
  const store = createDashboardStore(client);
  const req = {
    family: 'envs',
    key: 'i1',
    channel: 'c',
    fetch: (_c: RomaClient, s: AbortSignal) => abortedFetch(s),
  };
  const read = readThrough(store, req);
  const abortLater = setInterval(() => store.getState().actions.abortChannel('c'), 5);
  try {
    await assert.rejects(read, (e: unknown) => e instanceof RomaError && /interrupted/.test(e.message));
  } finally {
    clearInterval(abortLater);
  }
});
