// Auto-refresh refreshes what is on screen (issue 18): a tick on a 2,000-API list reads one page of
// the rows shown, not the twenty... four pages of the whole list; an open detail reloads its parts;
// a list whose count changed is reloaded whole. It waits while the terminal reports lost focus.
// Requests are counted at the emulator, over HTTP.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { listKey } from '../../src/app/data.ts';
import { MAX_BACKOFF, nextDelay, watchFocus } from '../../src/app/auto-refresh.ts';
import { windowsOf } from '../../src/app/visible-refresh.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness, type HarnessOptions } from '../app/harness.tsx';

const SCALE = 2000; // four pages of 500

async function until(what: string, cond: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
const apiRows = (h: Harness) => {
  const s = h.store.getState();
  return (s.resources.apis?.[listKey(s.instanceId, {})]?.data ?? []) as Array<{ id: string; name: string }>;
};
/** GETs the emulator answered since the log was cleared, by path. */
const gets = (h: Harness) => h.emu.stats.log.filter((e) => e.method === 'GET').map((e) => e.path);
const listGets = (h: Harness) => gets(h).filter((p) => p.endsWith('/apis'));

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function onApis(opts: HarnessOptions = {}): Promise<Harness> {
  const harness = await startHarness({ rootScreen: 'apis', emulator: { seed: { scale: SCALE } }, ...opts });
  h = harness;
  await until('apis loaded', () => apiRows(harness).length === SCALE);
  await harness.store.whenIdle();
  await settle();
  return harness;
}

async function tick(h: Harness): Promise<void> {
  h.emu.stats.log.length = 0;
  h.store.getState().actions.autoRefresh();
  await settle();
  await h.store.whenIdle();
  await settle();
}

test('an auto-refresh tick on a long list reads one page of the rows on screen', async () => {
  const h = await onApis();
  await tick(h);
  assert.deepEqual(listGets(h).length, 1, `one list request, got ${JSON.stringify(gets(h))}`);
  assert.deepEqual(gets(h).length, 1, `nothing else, got ${JSON.stringify(gets(h))}`);
  // further down the list: still one request
  h.ui.stdin.write('G');
  await settle();
  await tick(h);
  assert.equal(listGets(h).length, 1);
  assert.equal(apiRows(h).length, SCALE);
});

test('r still reloads the whole list', async () => {
  const h = await onApis();
  h.emu.stats.log.length = 0;
  h.ui.stdin.write('r');
  await settle();
  await h.store.whenIdle();
  assert.equal(listGets(h).length, SCALE / 500);
});

test('a tick after the count changed reloads the whole list', async () => {
  const h = await onApis();
  const instanceId = h.store.getState().instanceId as string;
  // the scale seed publishes every third API, and a published API cannot be deleted
  let gone: { id: string } | undefined;
  for (const row of apiRows(h).slice(0, 3)) {
    try {
      await h.store.client.instance(instanceId).apis.remove(row.id);
      gone = row;
      break;
    } catch {
      /* published: the next one */
    }
  }
  assert.ok(gone);
  await tick(h);
  // the page that showed the change, then the four pages of the list
  assert.equal(listGets(h).length, 1 + SCALE / 500);
  assert.equal(apiRows(h).length, SCALE - 1);
  assert.ok(!apiRows(h).some((r) => r.id === gone?.id));
});

test('an open detail reloads its parts on a tick, not the list under it', async () => {
  const h = await onApis();
  const first = apiRows(h)[0];
  assert.ok(first);
  h.ui.stdin.write('\r');
  await waitForFrame(h.ui, (f) => f.includes('Definition'));
  await h.store.whenIdle();
  await tick(h);
  assert.ok(
    gets(h).some((p) => p.endsWith(`/apis/${first.id}`)),
    JSON.stringify(gets(h)),
  );
  assert.equal(listGets(h).length, 0);
});

test('auto-refresh waits while the terminal reports lost focus', async () => {
  const h = await onApis({ autoRefreshMs: 50 });
  // as runDashboard does with the terminal's stdin
  watchFocus(h.ui.stdin, (f) => h.store.getState().actions.setFocused(f));
  h.emu.stats.log.length = 0;
  await until('a tick while focused', () => listGets(h).length > 0);
  h.ui.stdin.write('\u001b[O');
  await settle();
  assert.equal(h.store.getState().focused, false);
  await h.store.whenIdle();
  h.emu.stats.log.length = 0;
  // several periods pass without a request
  await new Promise((r) => setTimeout(r, 400));
  assert.equal(gets(h).length, 0);
  // the report is not a key: nothing was typed (no filter, no jump to the end)
  assert.equal(h.store.getState().stack.at(-1)?.list.filter ?? '', '');
  h.ui.stdin.write('\u001b[I');
  await settle();
  assert.equal(h.store.getState().focused, true);
  await until('a tick after focus came back', () => listGets(h).length > 0);
});

test('the period doubles after slow refreshes, up to a bound, and returns after a fast one', () => {
  assert.equal(nextDelay(1000, 1000, 10), 1000);
  assert.equal(nextDelay(1000, 1000, 900), 2000);
  assert.equal(nextDelay(1000, 2000, 900), 4000);
  assert.equal(nextDelay(1000, 1000 * MAX_BACKOFF, 5000), 1000 * MAX_BACKOFF);
  assert.equal(nextDelay(1000, 8000, 100), 1000);
});

test('windows cover the rows on screen by their place in the server order', () => {
  const data = Array.from({ length: 2000 }, (_, i) => ({ i }));
  assert.deepEqual(windowsOf(data, data.slice(100, 134)), [[100, 34]]);
  // sorted so that the screen shows rows from both ends: two windows
  assert.deepEqual(windowsOf(data, [data[1999], data[0], data[1]]), [
    [0, 2],
    [1999, 1],
  ]);
  assert.deepEqual(windowsOf(data, []), []);
});
