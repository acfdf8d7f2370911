// The demo must not contradict itself: one public address per instance, no traffic where nothing serves.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type RomaClient } from '../../src/api/client.ts';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { clientOf } from '../helpers/emulator-client.ts';

let em: EmulatorHandle;
let client: RomaClient;

before(async () => {
  em = await startEmulator({ seed: 'demo' });
  client = clientOf(em);
});
after(() => em.close());

test("the instances list's PUBLIC IP is the detail's EIP", async () => {
  for (const row of (await client.instances.list()).items) {
    const d = await client.instances.get(row.id);
    assert.equal(d.eip_address, row.publicip_address, row.name);
  }
});

test('a frozen instance shows no traffic; a running one does', async () => {
  const rows = (await client.instances.list()).items;
  const frozen = rows.find((r) => r.status === 'FROZEN');
  const running = rows.find((r) => r.status === 'RUNNING');
  assert.ok(frozen && running);
  const q = { mode: 'INSTANCE', cycle: 'minute', duration: '1h' } as const;
  assert.equal((await client.instance(frozen.id).metrics.query(q)).list.length, 0);
  assert.ok((await client.instance(running.id).metrics.query(q)).list.length > 0);
});

test('an API that is published nowhere shows no traffic', async () => {
  const inst = client.instance(em.instances[0] as string);
  const apis = await inst.apis.listAll({});
  const unpublished = apis.find((a) => !a.run_env_id);
  const published = apis.find((a) => a.run_env_id);
  assert.ok(unpublished && published, 'the demo has both');
  assert.equal((await inst.metrics.latest({ api_id: unpublished.id, duration: '1h' })).list.length, 0);
  assert.ok((await inst.metrics.latest({ api_id: published.id, duration: '1h' })).list.length > 0);
});

test("an online device was last active minutes before the emulator's clock, not years", () => {
  const link = em.state.link?.get(em.instances[0] as string);
  assert.ok(link, 'the demo has device integration');
  const online = [...link.devices.values()].filter((d) => d.online_status === 1);
  assert.ok(online.length > 0);
  for (const d of online) {
    const age = Date.now() - (d.last_active ?? 0);
    assert.ok(age >= 0 && age < 3600_000, `${d.device_name} last active ${age} ms ago`);
  }
});
