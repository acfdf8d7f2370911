// A failed load is not "loaded": the next ensure() and a refresh (r) fetch it again (issue 10, defect 2).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { envsRequest } from '../../screens/actions/data.ts';
import { createRomaClient } from '../../src/api/client.ts';
import { akskProvider } from '../../src/auth/providers.ts';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { createDashboardStore, selectSlice } from '../../src/store/index.ts';

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

async function failOnce(load: () => Promise<void>): Promise<void> {
  emu.setFaults('5xx=1');
  try {
    await load();
  } finally {
    emu.setFaults(null);
  }
}

test('ensure() fetches again a slice whose last load failed, and the error clears', async () => {
  const store = makeStore();
  const req = envsRequest(emu.instances[0] ?? '');
  const a = store.getState().actions;
  await failOnce(() => a.ensure(req));
  assert.equal(selectSlice(req.family, req.key)(store.getState()).error?.kind, 'http');

  const before = emu.stats.requests;
  await a.ensure(req);
  const s = selectSlice<unknown[]>(req.family, req.key)(store.getState());
  assert.equal(emu.stats.requests - before, 1, 'one new request');
  assert.equal(s.error, null);
  assert.ok((s.data?.length ?? 0) > 0);

  // a slice that loaded is still served from the cache
  const cached = emu.stats.requests;
  await a.ensure(req);
  assert.equal(emu.stats.requests, cached);
});

test('a stale slice (refresh failed, old data kept) is fetched again by the next ensure()', async () => {
  const store = makeStore();
  const req = envsRequest(emu.instances[0] ?? '');
  const a = store.getState().actions;
  await a.ensure(req);
  await failOnce(() => a.load(req));
  assert.equal(selectSlice(req.family, req.key)(store.getState()).stale, true);
  await a.ensure(req);
  const s = selectSlice(req.family, req.key)(store.getState());
  assert.equal(s.stale, false);
  assert.equal(s.error, null);
});

test('refreshAll (r) makes the next ensure() fetch again what was loaded before it', async () => {
  const store = makeStore();
  const req = envsRequest(emu.instances[0] ?? '');
  const a = store.getState().actions;
  await a.ensure(req);
  const before = emu.stats.requests;
  a.refreshAll();
  await a.ensure(req);
  assert.equal(emu.stats.requests - before, 1);
  // and only once per refresh
  await a.ensure(req);
  assert.equal(emu.stats.requests - before, 1);
});
