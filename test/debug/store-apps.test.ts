// The console's app list is per open: a load still running when the console closes never lands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DebugAppChoice } from '../../src/debug/types.ts';
import { createDebugStore } from '../../src/store/debug.ts';

test('closing the console aborts its app-list load; a late answer is dropped', async () => {
  let release: (apps: DebugAppChoice[]) => void = () => {};
  let seen: AbortSignal | undefined;
  const store = createDebugStore({
    call: () => Promise.reject(new Error('not used')),
    listApps: (_instance, signal) => {
      seen = signal;
      return new Promise((resolve) => (release = resolve));
    },
  });
  store.setState({ instanceId: 'i-1' });
  const loading = store.getState().actions.loadApps();
  store.getState().actions.close();
  assert.equal(seen?.aborted, true, 'the lister was told to stop');
  release([{ id: 'a1', name: 'late', app_key: 'k', app_secret: 's' }]);
  await loading;
  assert.deepEqual(store.getState().apps, [], 'the late list did not land');
});
