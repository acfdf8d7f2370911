// Findings of the on-call walkthrough, each through the whole shell against the emulator on loopback.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { until } from '../helpers/until.ts';
import { press, rowsOf } from './probes.ts';

function sliceData<T>(h: Harness, family: string): T | undefined {
  const slices = h.store.getState().resources[family] ?? {};
  return Object.values(slices)[0]?.data as T | undefined;
}
const selectedLine = (frame: string) =>
  frame.split('\n').find((l) => /^\W*› ?[◆ ] /.test(l.replace(/^│ /, '')));

let h: Harness;
before(async () => {
  h = await startHarness({ rootScreen: 'throttles' });
  await until('throttles loaded', () => rowsOf(h, 'throttles').length > 0);
});
after(async () => {
  await h?.close();
});

test('policy side: after binding marked rows above it, the cursor stays on the same candidate', async () => {
  const throttle = rowsOf<{ id: string }>(h, 'throttles')[0];
  assert.ok(throttle);
  h.store.getState().actions.updateList({ selectedId: throttle.id });
  await settle();
  await press(h, 'b');
  await waitForFrame(h.ui, (f) => f.includes('[Not bound]'));
  type Cand = { api: { name: string }; env: { name: string }; publishId?: string; current: unknown[] };
  const cands = () => sliceData<{ candidates: Cand[] }>(h, 'actions.policyBindings')?.candidates ?? [];
  await until('candidates', () => cands().length > 0);
  await settle();
  const before = cands();
  const free = before.flatMap((c, i) => (c.publishId && c.current.length === 0 ? [i] : [])).slice(0, 2);
  assert.equal(free.length, 2);
  let cursor = 0;
  for (const i of free) {
    await press(h, 'j', i - cursor);
    await press(h, ' ');
    cursor = i + 1;
  }
  const target = before[cursor];
  assert.ok(target);
  const label = `${target.api.name.padEnd(24)} ${target.env.name}`;
  assert.ok(selectedLine(h.ui.lastFrame() ?? '')?.includes(label), 'the cursor is on the target before');
  await press(h, 'b');
  await waitForFrame(h.ui, (f) => /y yes|type y/.test(f));
  await press(h, 'y');
  await waitForFrame(h.ui, (f) => f.includes('Esc/Enter: close'));
  await press(h, '\r');
  await until('refreshed', () => cands().length === before.length - 2);
  const frame = await waitForFrame(h.ui, (f) => f.includes('[Not bound]') && !f.includes('Esc/Enter'));
  const line = selectedLine(frame);
  assert.ok(line?.includes(label), `still on ${label}, got: ${line}`);
  await press(h, '\x1b');
});

test(':ctx — ↓ picks an instance from the list and Enter switches to it (the line left empty)', async () => {
  const first = h.store.getState().instanceId;
  await press(h, ':');
  await press(h, 'ctx');
  await press(h, '\r');
  await waitForFrame(h.ui, (f) => f.includes('Switch context') && f.includes('(current)'));
  await press(h, '\x1b[B');
  await press(h, '\r');
  await until('switched', () => h.store.getState().instanceId !== first);
  assert.ok(h.emu.instances.includes(h.store.getState().instanceId ?? ''));
  const frame = await waitForFrame(h.ui, (f) => !f.includes('Switch context'));
  assert.doesNotMatch(frame, /no such resource/);
});
