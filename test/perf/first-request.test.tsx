// The first screen's list is requested before the first render, and the view's own request on mount
// joins it rather than asking again (issue 18). Counted at the emulator, over HTTP.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRomaClient } from '../../src/api/client.ts';
import { akskProvider } from '../../src/auth/providers.ts';
import { listKey, listRequest } from '../../src/app/data.ts';
import { createSessionStore, prefetchFirstScreen } from '../../src/app/first-screen.ts';
import { within } from '../../src/app/within.ts';
import { resourceById } from '../../screens/registry.ts';
import { startEmulator } from '../../src/emulator/index.ts';

test('prefetchFirstScreen starts the top list and the instance row; ensure then joins them', async () => {
  const emu = await startEmulator({ seed: 'demo' });
  try {
    const client = createRomaClient({
      endpoint: emu.endpoint,
      projectId: emu.projectId,
      auth: akskProvider({ ak: emu.ak, sk: emu.sk, projectId: emu.projectId }),
      instanceIds: emu.instances,
      retry: { limit: 0 },
    });
    const instanceId = emu.instances[0] ?? null;
    const store = createSessionStore(client, instanceId, null);
    emu.stats.log.length = 0;
    const firstRows = prefetchFirstScreen(store);
    assert.equal(store.getState().inFlight, 2, 'both requests started at once');
    // what the list view does on mount: joins the running request
    const apis = resourceById('apis');
    assert.ok(apis);
    void store.getState().actions.ensure(listRequest(apis, instanceId, {}));
    assert.equal(store.getState().inFlight, 2);
    const slice = () => store.getState().resources.apis?.[listKey(instanceId, {})];
    assert.equal(slice()?.loading, true);
    await firstRows;
    assert.ok(slice()?.data, 'resolves once the first rows are in the store');
    await store.whenIdle();
    const gets = emu.stats.log.filter((e) => e.method === 'GET').map((e) => e.path);
    assert.equal(gets.filter((p) => p.endsWith('/apis')).length, 1, JSON.stringify(gets));
    assert.equal(gets.filter((p) => p.endsWith('/instances')).length, 1, JSON.stringify(gets));
    assert.ok((slice()?.data as unknown[] | undefined)?.length);
    store.dispose();
  } finally {
    await emu.close();
  }
});

test('within: the first frame waits for the rows at most the given time', async () => {
  let arrive!: () => void;
  const rows = new Promise<void>((r) => (arrive = r));
  let done = false;
  const waited = within(rows, 60_000).then(() => (done = true));
  await new Promise((r) => setImmediate(r));
  assert.equal(done, false);
  arrive();
  await waited;
  assert.equal(done, true, 'resolves when the rows arrive');
  // never arriving: resolves after the time
  await within(new Promise<void>(() => {}), 5);
});
