// A detail shows its item from the list it was opened from: an action taken from the detail, and `r`
// in it, must re-read that list, or the detail keeps showing the item as it was before the change.
// Through the whole shell: keys → store → client → HTTP → emulator, asserting on the frame.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { listKey } from '../../src/app/data.ts';
import type { Device } from '../../src/api/types/link.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { until } from '../helpers/until.ts';
import { startHarness, type Harness } from './harness.tsx';

let h: Harness;
const rows = (): Device[] => {
  const s = h.store.getState();
  return (s.resources.devices?.[listKey(s.instanceId, {})]?.data ?? []) as Device[];
};
const emuDevice = (id: number) => h.emu.state.link?.get(h.emu.instances[0] as string)?.devices.get(id);
async function press(keys: string) {
  h.ui.stdin.write(keys);
  await settle();
}
const stateLine = (frame: string) => frame.split('\n').find((l) => /^\s*state\s/.test(l)) ?? '';

before(async () => {
  h = await startHarness({ rootScreen: 'devices' });
  await until('devices loaded', () => rows().length > 0);
});
after(async () => {
  await h?.close();
});

test('force offline from the detail: the detail shows offline, after the action and after r', async () => {
  // a name no other device's contains, so the filter leaves one row
  const names = rows().map((d) => d.device_name);
  const d = rows().find(
    (x) =>
      x.online_status === 1 && x.status === 0 && names.filter((n) => n.includes(x.device_name)).length === 1,
  ) as Device;
  assert.ok(d, 'an online device');
  await waitForFrame(h.ui, (f) => f.includes('NODE ID'));
  await press('/');
  await press(d.device_name);
  await press('\r');
  await waitForFrame(h.ui, (f) => f.includes('1 of 320') || f.includes(d.device_name));
  await h.store.whenIdle();
  await press('\r');
  const opened = await waitForFrame(h.ui, (f) => f.includes('client id') && f.includes(d.device_name));
  assert.match(stateLine(opened), /online/);

  await press('F');
  await waitForFrame(h.ui, (f) => f.includes(d.device_name) && /offline/i.test(f) && f.includes('y'));
  await press('y');
  await until('offline in the emulator', () => emuDevice(d.id)?.online_status === 2);
  await waitForFrame(h.ui, (f) => f.includes('Esc/Enter: close'));
  await press('\r');
  const afterAction = await waitForFrame(
    h.ui,
    (f) => f.includes('client id') && /offline/.test(stateLine(f)),
  );
  assert.match(afterAction, new RegExp(d.device_name));

  // `r` in the detail reads the service again: a change made elsewhere shows too
  const dev = emuDevice(d.id);
  assert.ok(dev);
  dev.online_status = 1;
  await press('r');
  await waitForFrame(h.ui, (f) => f.includes('client id') && /online/.test(stateLine(f)));
});
