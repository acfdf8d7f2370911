// :devices through the whole shell (App + stores + real client) against the emulator on loopback:
// the list, the detail tabs, and the device actions ending in the emulator's state and the audit log.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { listKey } from '../../src/app/data.ts';
import type { Device } from '../../src/api/types/link.ts';
import type { LinkStore } from '../../src/emulator/routes/link-store.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { until } from '../helpers/until.ts';
import { writesTo } from './probes.ts';

let h: Harness;
const linkDb = (): LinkStore => {
  const s = h.emu.state.link?.get(h.emu.instances[0] as string);
  assert.ok(s);
  return s;
};
const rows = (): Device[] => {
  const s = h.store.getState();
  return (s.resources.devices?.[listKey(s.instanceId, {})]?.data ?? []) as Device[];
};
async function press(keys: string, times = 1) {
  for (let i = 0; i < times; i++) {
    h.ui.stdin.write(keys);
    await settle();
  }
}
async function select(d: Device) {
  await h.store.whenIdle(); // a refresh in flight must not land after the selection
  h.store.getState().actions.updateList({ selectedId: String(d.id) });
  await settle();
}
async function mark(ds: Device[]) {
  await h.store.whenIdle();
  h.store
    .getState()
    .actions.updateList({ marked: ds.map((d) => String(d.id)), selectedId: String(ds[0]?.id) });
  await settle();
  await waitForFrame(h.ui, (f) => f.includes(`${ds.length} marked`));
  // the key handlers are re-registered after the render that shows the marks
  await h.store.whenIdle();
  await settle();
  await settle();
}
const meterWith = (pred: (d: Device) => boolean) =>
  rows().find((d) => d.product?.product_name === 'SmartMeter_S3' && pred(d)) as Device;

before(async () => {
  h = await startHarness({ rootScreen: 'devices' });
  await until('devices loaded', () => rows().length > 0);
});
after(async () => {
  await h?.close();
});

test(':devices lists the demo fleet with state, product and node id', async () => {
  assert.equal(rows().length, 320);
  const frame = await waitForFrame(h.ui, (f) => f.includes('Devices') && f.includes('NODE ID'));
  assert.match(frame, /online|offline|inactive/);
  assert.match(frame, /SmartMeter_S3|TempSensor_T1|EdgeGateway_G2/);
});

test('the detail shows the shadow and the masked secret, x reveals it', async () => {
  const d = meterWith((x) => x.online_status === 1 && x.status === 0);
  await select(d);
  await press('\r');
  await waitForFrame(h.ui, (f) => f.includes('client id') && f.includes(d.device_name));
  await press('\t');
  const shadow = await waitForFrame(h.ui, (f) => f.includes('REPORTED'));
  assert.match(shadow, /voltage/);
  await press('\t', 3);
  const masked = await waitForFrame(h.ui, (f) => f.includes('one secret per device'));
  const secret = linkDb().devices.get(d.id)?.auth.password as string;
  assert.ok(!masked.includes(secret));
  assert.match(masked, /x reveals/);
  await press('x');
  await waitForFrame(h.ui, (f) => f.includes(secret));
  await press('x');
  await press('\x1b');
  await waitForFrame(h.ui, (f) => f.includes('NODE ID'));
});

test('a command to an online meter shows its result; to an offline one it is refused before sending', async () => {
  const online = meterWith((x) => x.online_status === 1 && x.status === 0);
  await select(online);
  await press('C');
  await waitForFrame(
    h.ui,
    (f) => f.includes(`Send a command to ${online.device_name}`) && f.includes('switch_relay'),
  );
  // metering.set_report_interval first, relay.switch_relay second
  await press('j');
  await press('\r');
  await waitForFrame(h.ui, (f) => f.includes('state =') && f.includes('one of on,off'));
  await press('of');
  await press('\r');
  await waitForFrame(h.ui, (f) => f.includes('one of on,off') && f.includes('state: one of'));
  await press('f');
  await press('\r');
  const confirm = await waitForFrame(h.ui, (f) => f.includes('switch_relay') && f.includes('state = off'));
  assert.match(confirm, new RegExp(online.device_name));
  await press('y');
  const done = await waitForFrame(h.ui, (f) => f.includes('result=success'));
  assert.match(done, /relay_state=/);
  await press('\r');

  const offline = meterWith((x) => x.online_status === 2 && x.status === 0);
  await select(offline);
  const before = writesTo(h);
  await press('C');
  const refused = await waitForFrame(h.ui, (f) => f.includes('ROMA.00111005'));
  assert.match(refused, new RegExp(offline.device_name));
  assert.equal(writesTo(h), before, 'nothing sent');
  await press('\r');
});

test('force offline names the marked devices, then the list shows them offline', async () => {
  await waitForFrame(h.ui, (f) => f.includes('NODE ID') && !f.includes('ROMA.00111005'));
  const targets = rows()
    .filter((d) => d.online_status === 1 && d.status === 0)
    .slice(0, 2);
  await mark(targets);
  await press('F');
  const confirm = await waitForFrame(h.ui, (f) => f.includes('Force 2 devices offline'));
  for (const d of targets) assert.match(confirm, new RegExp(d.device_name));
  assert.match(confirm, /disconnected/);
  assert.ok(
    targets.every((d) => linkDb().devices.get(d.id)?.online_status === 1),
    'nothing sent before y',
  );
  await press('y');
  await until('offline in the emulator', () =>
    targets.every((d) => linkDb().devices.get(d.id)?.online_status === 2),
  );
  await waitForFrame(h.ui, (f) => f.includes('Esc/Enter: close'));
  await press('\r');
  await until('list refreshed', () =>
    targets.every((d) => rows().find((r) => r.id === d.id)?.online_status === 2),
  );
  h.store.getState().actions.updateList({ marked: [] });
});

test('deleting an online device is refused with the force-offline alternative; an offline one is deleted', async () => {
  const online = rows().find((d) => d.online_status === 1 && d.node_type === 0) as Device;
  await select(online);
  await press('D');
  await waitForFrame(h.ui, (f) => f.includes('ROMA.00111009') && f.includes(online.device_name));
  await press('\x1b');
  const offline = rows().find((d) => d.online_status === 2 && d.node_type === 0) as Device;
  await select(offline);
  await press('D');
  await waitForFrame(h.ui, (f) => f.includes(`Delete device ${offline.device_name}`));
  await press('y');
  await until('deleted in the emulator', () => !linkDb().devices.has(offline.id));
  await waitForFrame(h.ui, (f) => f.includes('Esc/Enter: close'));
  await press('\r');
  let audit = '';
  await until('audit lines', () => {
    void readFile(h.auditPath, 'utf8').then(
      (t) => (audit = t),
      () => undefined,
    );
    return audit.includes(`devices:${offline.id}`);
  });
  assert.match(audit, /"link\.delete-devices"/);
  assert.match(audit, /"link\.send-command"/);
  assert.match(audit, /switch_relay/);
  assert.doesNotMatch(audit, new RegExp(h.emu.sk));
});

test('M adds the marked devices to a chosen group and removes them again', async () => {
  await waitForFrame(h.ui, (f) => f.includes('NODE ID') && !f.includes('Esc/Enter: close'));
  await until('the list shows the deletion', () => rows().every((d) => linkDb().devices.has(d.id)));
  const targets = rows()
    .filter((d) => d.app_name === 'fleet-ops')
    .slice(0, 2);
  const warehouse = [...linkDb().groups.values()].find((g) => g.name === 'warehouse');
  assert.ok(warehouse && warehouse.devices.size === 0);
  await mark(targets);
  await press('J');
  await waitForFrame(h.ui, (f) => f.includes('Group membership of 2 devices') && f.includes('warehouse'));
  const paths = [
    'north-plant',
    'north-plant / line-1',
    'north-plant / line-1 / cell-a',
    'south-plant',
    'south-plant / line-2',
    'warehouse',
  ];
  await press('j', paths.indexOf('warehouse'));
  await press('\r');
  await waitForFrame(h.ui, (f) => f.includes('Add to warehouse'));
  await press('\r');
  const confirm = await waitForFrame(h.ui, (f) => f.includes('Add 2 devices to group warehouse'));
  for (const d of targets) assert.match(confirm, new RegExp(d.device_name));
  await press('y');
  await until('members in the emulator', () => targets.every((d) => warehouse.devices.has(d.id)));
  await waitForFrame(h.ui, (f) => f.includes('Esc/Enter: close'));
  await press('\r');
  // a batch that succeeded clears the marks (issue 11 point 6): mark them again to remove them
  await until(
    'marks cleared after success',
    () => (h.store.getState().stack.at(-1)?.list.marked ?? []).length === 0,
  );
  await mark(targets);
  await press('J');
  await waitForFrame(h.ui, (f) => f.includes('Group membership of 2 devices'));
  await press('j', paths.indexOf('warehouse'));
  await press('\r');
  await waitForFrame(h.ui, (f) => f.includes('Remove from warehouse'));
  await press('j');
  await press('\r');
  await waitForFrame(h.ui, (f) => f.includes('Remove 2 devices from group warehouse'));
  await press('y');
  await until('no members left', () => warehouse.devices.size === 0);
  await waitForFrame(h.ui, (f) => f.includes('Esc/Enter: close'));
  await press('\r');
  h.store.getState().actions.updateList({ marked: [] });
});

test('t disables a device after confirmation (the list shows it disabled)', async () => {
  await waitForFrame(h.ui, (f) => f.includes('NODE ID') && !f.includes('Esc/Enter: close'));
  await until('the list is current', () => rows().every((x) => linkDb().devices.has(x.id)));
  const d = rows().find((x) => x.status === 0 && x.online_status === 2) as Device;
  await select(d);
  await press('t');
  await waitForFrame(h.ui, (f) => f.includes(`Disable device ${d.device_name}`));
  assert.equal(linkDb().devices.get(d.id)?.status, 0, 'nothing sent before y');
  await press('y');
  await until('disabled in the emulator', () => linkDb().devices.get(d.id)?.status === 1);
  await waitForFrame(h.ui, (f) => f.includes('Esc/Enter: close'));
  await press('\r');
  await until('list refreshed', () => rows().find((r) => r.id === d.id)?.status === 1);
});

const CTRL_U = '\x15';
const CTRL_S = '\x13';
const DOWN = '\x1b[B';
async function type(text: string) {
  for (const ch of text) await press(ch);
}

test('n on a device creates another of its product (6.2.1): node id required, the product app by default', async () => {
  await waitForFrame(h.ui, (f) => f.includes('NODE ID') && !f.includes('Esc/Enter: close'));
  const d = meterWith((x) => x.parent_device_id === undefined);
  await select(d);
  const before = linkDb().devices.size;
  const sent = writesTo(h);
  await press('n');
  await waitForFrame(h.ui, (f) => f.includes('New device'));
  await press('\x0f'); // Ctrl-O: a copy of the selected device
  await waitForFrame(h.ui, (f) => f.includes(`${d.device_name}_copy`));
  await press(CTRL_S); // the node id is empty: stopped on its field
  await waitForFrame(h.ui, (f) => /node id.*\n.*✗ required/.test(f));
  assert.equal(writesTo(h), sent, 'nothing sent');
  await type('meter-copy-1'); // the cursor went to the field in error
  await press(CTRL_S);
  await waitForFrame(h.ui, (f) => f.includes('Review') && f.includes('meter-copy-1'));
  assert.equal(writesTo(h), sent, 'nothing sent before y');
  await press('y');
  await until('created in the emulator', () => linkDb().devices.size === before + 1);
  const made = linkDb().deviceByNodeId('meter-copy-1');
  assert.equal(made?.device_name, `${d.device_name}_copy`);
  assert.equal(made?.product_id, d.product?.product_id);
  assert.equal(made?.app_id, linkDb().products.get(d.product?.product_id as number)?.app_id);
  await waitForFrame(h.ui, (f) => f.includes(`Created device ${d.device_name}_copy`));
});

test('e edits a device (6.2.6): name, description and tags change, the node id stays', async () => {
  await waitForFrame(h.ui, (f) => f.includes('NODE ID'));
  await until('the list is current', () => rows().every((x) => linkDb().devices.has(x.id)));
  const d = rows().find((x) => x.online_status !== 1 && !String(x.device_name).includes('copy')) as Device;
  await select(d);
  const sent = writesTo(h);
  await press('e');
  await waitForFrame(h.ui, (f) => f.includes(`Edit device ${d.device_name}`));
  await press(CTRL_U);
  await type('renamed-device');
  await press(DOWN, 7); // → description
  await press(CTRL_U);
  await type('moved to hall 2');
  await press(DOWN);
  await press(CTRL_U);
  await type('hall2, meters');
  await press(CTRL_S);
  const review = await waitForFrame(h.ui, (f) => f.includes('Review') && f.includes('renamed-device'));
  assert.match(review, /moved to hall 2/);
  assert.doesNotMatch(review, /node id/, 'unchanged fields are not listed');
  await press('y');
  await until('modified', () => linkDb().devices.get(d.id)?.device_name === 'renamed-device');
  const after = linkDb().devices.get(d.id);
  assert.equal(after?.description, 'moved to hall 2');
  assert.deepEqual(after?.tags, ['hall2', 'meters']);
  assert.equal(after?.node_id, d.node_id);
  assert.equal(writesTo(h), sent + 1, 'one PUT');
  await until('list refreshed', () => rows().some((r) => r.device_name === 'renamed-device'));
  const audit = (await readFile(h.auditPath, 'utf8')).trim().split('\n').pop() ?? '';
  assert.match(audit, /"action":"edit device"/);
});
