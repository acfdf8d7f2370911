// Read-only (issue 11 point 4): the footer offers no key that fails — not `d` (the debug call is a
// write the client refuses), not Space (nothing to act on marks), not switch/offline in the versions
// dialog — and a refused key says "read-only" once, in words, within the line.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { listKey } from '../../src/app/data.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { until } from '../helpers/until.ts';

async function press(h: Harness, keys: string) {
  h.ui.stdin.write(keys);
  await settle();
}
const apiCount = (h: Harness): number => {
  const s = h.store.getState();
  return ((s.resources.apis?.[listKey(s.instanceId, {})]?.data ?? []) as unknown[]).length;
};
const footerOf = (frame: string): string => frame.split('\n').slice(-3).join('\n');

let ro: Harness;
before(async () => {
  ro = await startHarness({ rootScreen: 'apis', readOnly: true });
  await until('apis loaded', () => apiCount(ro) > 0);
});
after(async () => {
  await ro?.close();
});

test('read-only APIs list: the footer offers neither d nor Space; d explains itself and opens nothing', async () => {
  const frame = await waitForFrame(ro.ui, (f) => f.includes('<y> json'));
  assert.doesNotMatch(footerOf(frame), /<d>|<Space>|<space>/);
  await press(ro, 'd');
  const after = await waitForFrame(ro.ui, (f) => /read-only/.test(footerOf(f)));
  assert.notEqual(ro.store.getState().stack.at(-1)?.view, 'debug');
  assert.match(after, /read-only: debug disabled/);
});

test('a refused key says read-only once, in words, and the line fits', async () => {
  if (ro.store.getState().stack.at(-1)?.view === 'debug') await press(ro, '\x1b');
  await press(ro, 'p');
  const frame = await waitForFrame(ro.ui, (f) => f.includes('read-only: publish disabled'));
  const line = frame.split('\n').find((l) => l.includes('read-only: publish disabled')) ?? '';
  assert.equal(line.match(/read-only/gi)?.length, 1, line);
  assert.doesNotMatch(line, /…/, 'not cut');
  assert.match(line, /nothing that changes the gateway is sent/);
});

test('read-only versions dialog: no switch or offline offered', async () => {
  await press(ro, '\x1b');
  await press(ro, 'v');
  const frame = await waitForFrame(ro.ui, (f) => f.includes('Versions of'));
  assert.doesNotMatch(frame, /switch to this version|take the version in effect offline/);
  assert.match(frame, /read-only/);
  await press(ro, '\x1b');
});
