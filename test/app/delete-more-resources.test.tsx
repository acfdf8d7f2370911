// `D` on the resources of issue 13 that have a delete: VPC channels (4.15.3), custom authorizers
// (4.20.3), environment variables (4.5.2) and special throttling settings (4.9.3), through the whole
// shell (keys → mutations store → client → HTTP → emulator): the emulator's state after `y`, nothing
// deleted after `n`/Esc, and the "in use by APIs" refusals (409 APIG.3414, 409 APIG.3478) shown.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { listKey } from '../../src/app/data.ts';
import type { InstanceStore } from '../../src/emulator/state.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { until } from '../helpers/until.ts';

const dbOf = (h: Harness): InstanceStore => {
  const db = h.emu.state.stores.get(h.emu.instances[0] ?? '');
  assert.ok(db);
  return db;
};
function rowsOf(h: Harness, screen: string): Array<{ id: string }> {
  const s = h.store.getState();
  return (s.resources[screen]?.[listKey(s.instanceId, {})]?.data ?? []) as Array<{ id: string }>;
}
async function press(h: Harness, keys: string) {
  h.ui.stdin.write(keys);
  await settle();
}
async function openAndSelect(h: Harness, screen: string, id: string) {
  h.store.getState().actions.jump(screen);
  await until(`${screen} loaded with ${id}`, () => rowsOf(h, screen).some((r) => r.id === id));
  await settle();
  h.store.getState().actions.updateList({ selectedId: id });
  await settle();
}
const deleteCalls = (h: Harness) => h.emu.stats.log.filter((e) => e.method === 'DELETE');

/** D, the confirmation naming the object; n and Esc change nothing; then y and the emulator's state. */
async function deleteWithConfirm(
  h: Harness,
  title: string,
  name: string,
  gone: () => boolean,
  effect: RegExp,
): Promise<void> {
  const before = deleteCalls(h).length;
  for (const cancel of ['n', '\x1b']) {
    await press(h, 'D');
    await waitForFrame(h.ui, (f) => f.includes(title) && f.includes(name));
    await press(h, cancel);
    await waitForFrame(h.ui, (f) => !f.includes(title));
  }
  await h.store.whenIdle();
  assert.equal(deleteCalls(h).length, before, 'n / Esc sent no DELETE');
  assert.equal(gone(), false, 'n / Esc deleted nothing');
  await press(h, 'D');
  const f = await waitForFrame(h.ui, (f) => f.includes(title) && f.includes(name));
  assert.match(f.replace(/\s+/g, ' '), effect);
  await press(h, 'y');
  await until('deleted in the emulator', gone);
  await waitForFrame(h.ui, (f) => /done/i.test(f));
  await press(h, '\x1b');
}

let h: Harness;
before(async () => {
  h = await startHarness({ rootScreen: 'vpcs' });
  await until('vpcs loaded', () => rowsOf(h, 'vpcs').length > 0);
});
after(async () => {
  await h.close();
});

test('VPC channel: D then y deletes it with its members (4.15.3); n/Esc delete nothing', async () => {
  const db = dbOf(h);
  const c = [...db.data.vpcChannels.values()].at(-1);
  assert.ok(c);
  assert.ok(
    [...db.data.vpcMembers.values()].some((m) => m.vpc_channel_id === c.id),
    'seeded members',
  );
  await openAndSelect(h, 'vpcs', c.id);
  await deleteWithConfirm(
    h,
    'Delete VPC channel',
    c.name,
    () => !db.data.vpcChannels.has(c.id),
    /is deleted with its members/,
  );
  assert.ok(![...db.data.vpcMembers.values()].some((m) => m.vpc_channel_id === c.id), 'members gone');
  await until('list refreshed', () => !rowsOf(h, 'vpcs').some((r) => r.id === c.id));
});

test('VPC channel used by an API: 409 APIG.3414 shown, nothing deleted', async () => {
  const db = dbOf(h);
  const c = [...db.data.vpcChannels.values()][0];
  const api = [...db.data.apis.values()].find((a) => a.backend_api);
  assert.ok(c && api?.backend_api);
  api.backend_api.vpc_channel_info = { vpc_channel_id: c.id };
  await openAndSelect(h, 'vpcs', c.id);
  await press(h, 'D');
  await waitForFrame(h.ui, (f) => f.includes('Delete VPC channel') && f.includes(c.name));
  await press(h, 'y');
  await waitForFrame(h.ui, (f) => f.includes('APIG.3414'));
  assert.ok(db.data.vpcChannels.has(c.id));
  await press(h, '\x1b');
});

test('custom authorizer: D then y deletes it (4.20.3); used by an API: 409 APIG.3478', async () => {
  const db = dbOf(h);
  const apis = [...db.data.apis.values()];
  const inUse = (id: string) =>
    apis.some((a) => a.authorizer_id === id || a.backend_api?.authorizer_id === id);
  const used = [...db.data.authorizers.values()].find((a) => inUse(a.id));
  const free = [...db.data.authorizers.values()].find((a) => !inUse(a.id));
  assert.ok(used && free, 'the seed has an authorizer used by APIs and a free one');
  await openAndSelect(h, 'authorizers', free.id);
  await deleteWithConfirm(
    h,
    'Delete custom authorizer',
    free.name,
    () => !db.data.authorizers.has(free.id),
    /custom authorizer .* is deleted/,
  );
  await openAndSelect(h, 'authorizers', used.id);
  await press(h, 'D');
  await waitForFrame(h.ui, (f) => f.includes('Delete custom authorizer') && f.includes(used.name));
  await press(h, 'y');
  await waitForFrame(h.ui, (f) => f.includes('APIG.3478'));
  assert.ok(db.data.authorizers.has(used.id));
  await press(h, '\x1b');
});

test('environment variable: D then y deletes it (4.5.2); n/Esc delete nothing', async () => {
  const db = dbOf(h);
  const v = [...db.data.envVariables.values()][0];
  assert.ok(v);
  await openAndSelect(h, 'variables', v.id);
  await deleteWithConfirm(
    h,
    'Delete environment variable',
    v.variable_name,
    () => !db.data.envVariables.has(v.id),
    /is deleted from its group/,
  );
});

test('special throttling setting: D then y deletes it under its policy (4.9.3); n/Esc delete nothing', async () => {
  const db = dbOf(h);
  const s = [...db.data.throttleSpecials.values()][0];
  assert.ok(s);
  const before = h.emu.stats.log.length;
  await openAndSelect(h, 'specials', s.id);
  await deleteWithConfirm(
    h,
    'Delete special throttling setting',
    String(s.object_name),
    () => !db.data.throttleSpecials.has(s.id),
    /general limit applies/,
  );
  const del = h.emu.stats.log.slice(before).find((e) => e.method === 'DELETE');
  assert.ok(del?.path.endsWith(`/throttles/${s.throttle_id}/throttle-specials/${s.id}`), del?.path);
});
