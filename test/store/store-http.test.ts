// The store with the real client against the emulator over loopback HTTP.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createRomaClient } from '../../src/api/client.ts';
import { akskProvider } from '../../src/auth/providers.ts';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { listRequest } from '../../src/app/data.ts';
import { createDashboardStore, selectSlice } from '../../src/store/index.ts';
import { apisScreen } from '../../screens/apis.ts';

let emu: EmulatorHandle;
before(async () => {
  emu = await startEmulator({ seed: 'demo' });
});
after(async () => emu?.close());

function makeStore() {
  const client = createRomaClient({
    endpoint: emu.endpoint,
    projectId: emu.projectId,
    auth: akskProvider({ ak: emu.ak, sk: emu.sk, projectId: emu.projectId }),
    retry: { limit: 0 },
  });
  return createDashboardStore(client, { instanceId: emu.instances[0] ?? null });
}

test('loading the API list over HTTP fills the slice; identical loads share one request', async () => {
  const store = makeStore();
  const inst = emu.instances[0] ?? null;
  const req = listRequest(apisScreen, inst, {});
  const before = emu.stats.requests;
  const a = store.getState().actions;
  await Promise.all([a.load(req), a.load(req), a.ensure(req)]);
  await store.whenIdle();
  const s = selectSlice<unknown[]>(req.family, req.key)(store.getState());
  assert.ok((s.data?.length ?? 0) > 20);
  assert.equal(s.error, null);
  // one listAll = page 1 plus any further pages; three callers did not triple it
  const pages = Math.ceil((s.data?.length ?? 0) / 500);
  assert.equal(emu.stats.requests - before, pages);
});

test('a refresh that fails with a server fault keeps the data and marks it stale', async () => {
  const store = makeStore();
  const req = listRequest(apisScreen, emu.instances[0] ?? null, {});
  await store.getState().actions.load(req);
  emu.setFaults('5xx=1');
  try {
    await store.getState().actions.load(req);
  } finally {
    emu.setFaults(null);
  }
  const s = selectSlice<unknown[]>(req.family, req.key)(store.getState());
  assert.equal(s.stale, true);
  assert.ok((s.data?.length ?? 0) > 0);
  assert.equal(s.error?.kind, 'http');
  assert.ok(s.error?.hint);
});

test('navigating away aborts the superseded request (channel) and it never lands', async () => {
  const store = makeStore();
  emu.setFaults('latency=200');
  try {
    const inst = emu.instances[0] ?? null;
    const grouped = listRequest(apisScreen, inst, { groupId: 'nope' });
    const all = listRequest(apisScreen, inst, {});
    const p1 = store.getState().actions.load(grouped);
    const p2 = store.getState().actions.load(all);
    await Promise.all([p1, p2]);
    const s1 = selectSlice(grouped.family, grouped.key)(store.getState());
    assert.equal(s1.data, null);
    assert.equal(s1.error, null, 'an abort is not an error');
    assert.equal(s1.loading, false);
    assert.ok(selectSlice<unknown[]>(all.family, all.key)(store.getState()).data);
  } finally {
    emu.setFaults(null);
  }
});
