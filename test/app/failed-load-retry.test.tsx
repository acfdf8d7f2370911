// One failed load does not disable the actions that need it (issue 10, defect 2): the environments
// behind `p` fail once through the emulator's faults, then `p` (or `r`, then `p`) works.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { listKey } from '../../src/app/data.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { until } from '../helpers/until.ts';

const apiRows = (h: Harness) => {
  const s = h.store.getState();
  return (s.resources.apis?.[listKey(s.instanceId, {})]?.data ?? []) as Array<{ id: string; name: string }>;
};
async function press(h: Harness, keys: string) {
  h.ui.stdin.write(keys);
  await settle();
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The dashboard on :apis, where `p` fails once because the environments answer 500. */
async function afterOneFailedP(): Promise<{ h: Harness; name: string }> {
  const harness = await startHarness({ rootScreen: 'apis' });
  h = harness;
  await until('apis loaded', () => apiRows(harness).length > 0);
  await settle();
  const name = apiRows(harness)[0]?.name;
  assert.ok(name);
  harness.emu.setFaults('5xx=1');
  try {
    await press(harness, 'p');
    await waitForFrame(harness.ui, (f) => f.includes('Publish to an environment') && f.includes('APIG.9999'));
    await harness.store.whenIdle();
  } finally {
    harness.emu.setFaults(null);
  }
  return { h: harness, name };
}

test('after the environments failed to load once, the next p loads them and opens the picker', async () => {
  const { h, name } = await afterOneFailedP();
  await press(h, 'p');
  await waitForFrame(h.ui, (f) => f.includes(`Publish API ${name}`) && f.includes('Environment'));
});

test('r after a failed load: p then works', async () => {
  const { h, name } = await afterOneFailedP();
  await press(h, 'r');
  await h.store.whenIdle();
  await press(h, 'p');
  await waitForFrame(h.ui, (f) => f.includes(`Publish API ${name}`) && f.includes('Environment'));
});
