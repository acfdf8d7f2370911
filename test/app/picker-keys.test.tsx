// A picker in the shell moves like a list (the one list cursor): on the APIs list, `p` opens the
// environment picker; PgDn pages through the environments and G jumps to the last one, which Enter
// then picks for the publish flow. The environments are created over HTTP in the emulator first.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { listKey } from '../../src/app/data.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { until } from '../helpers/until.ts';

let h: Harness;
const ENVS = Array.from({ length: 14 }, (_, i) => `picker_env_${String(i).padStart(2, '0')}`);

async function press(key: string) {
  h.ui.stdin.write(key);
  await settle();
}

before(async () => {
  h = await startHarness({ rootScreen: 'apis' });
  const instance = h.store.client.instance(h.emu.instances[0] ?? '');
  for (const name of ENVS) await instance.envs.create({ name });
  await until('apis loaded', () => {
    const s = h.store.getState();
    return ((s.resources.apis?.[listKey(s.instanceId, {})]?.data as unknown[]) ?? []).length > 0;
  });
  await settle();
});
after(async () => {
  await h?.close();
});

test('the environment picker pages with PgDn and jumps to the last environment with G', async () => {
  await press('p');
  const first = await waitForFrame(h.ui, (f) => f.includes('Environment') && /›\s+\S/.test(f));
  const total = Number(/\d+\/(\d+)/.exec(first)?.[1] ?? NaN);
  assert.ok(total >= ENVS.length, `the picker counts every environment (${first})`);
  assert.match(first, new RegExp(`1/${total}`));
  await press('\x1b[6~'); // PgDn: one window (8 rows) down
  await waitForFrame(h.ui, (f) => f.includes(`9/${total}`));
  await press('G');
  const last = await waitForFrame(h.ui, (f) => f.includes(`${total}/${total}`));
  const picked = /›\s+(\S+)/.exec(last)?.[1] ?? '';
  assert.ok(picked !== '', last);
  await press('g');
  await waitForFrame(h.ui, (f) => f.includes(`1/${total}`));
  await press('G');
  await waitForFrame(h.ui, (f) => f.includes(`${total}/${total}`));
  await press('\r');
  // Enter picked the last environment: the flow asks for the remark of the publication there
  const next = await waitForFrame(h.ui, (f) => f.includes('Remark (optional)'));
  assert.match(next, new RegExp(picked));
  await press('\x1b');
});
