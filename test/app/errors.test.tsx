// Errors from the server land on the status line with code + hint; the last good data stays.
import '../helpers/force-color.ts';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { selectSlice } from '../../src/store/index.ts';
import { listKey } from '../../src/app/data.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';

let h: Harness;
before(async () => {
  h = await startHarness({ rootScreen: 'envs' });
  await settle();
});
after(async () => h?.close());

test('a failed refresh shows the error (code + hint) and keeps the stale rows', async () => {
  let f = await waitForFrame(h.ui, (f) => f.includes('RELEASE') && /\d+ items/.test(f));
  h.emu.setFaults('5xx=1');
  h.ui.stdin.write('r');
  f = await waitForFrame(h.ui, (f) => f.includes('✗'));
  assert.match(f, /APIG\.9999|500|503/);
  assert.match(f, /stale/);
  assert.match(f, /RELEASE/, 'the last good rows stay on screen');
  const slice = selectSlice('envs', listKey(h.emu.instances[0] ?? null, {}))(h.store.getState());
  assert.equal(slice.stale, true);
  assert.ok(slice.error?.hint);
  // recovery clears the error
  h.emu.setFaults(null);
  h.ui.stdin.write('r');
  f = await waitForFrame(h.ui, (f) => !f.includes('✗') && /\d+ items/.test(f));
});

test('a list answer cut off in transit: the kind, what happened and a hint, not the raw body', async () => {
  await waitForFrame(h.ui, (f) => f.includes('RELEASE') && !f.includes('✗'));
  h.emu.setFaults('malformed=1');
  h.ui.stdin.write('r');
  const f = await waitForFrame(h.ui, (f) => f.includes('✗'));
  h.emu.setFaults(null);
  assert.match(f, /✗ malformed-json/);
  assert.match(f, /cut off/);
  assert.match(f, /— Reading again/, 'the hint starts on the status line');
  assert.doesNotMatch(f, /\{"/, 'no raw body on the status line');
  const slice = selectSlice('envs', listKey(h.emu.instances[0] ?? null, {}))(h.store.getState());
  assert.match(slice.error?.hint ?? '', /reading again usually works/i);
  assert.match(slice.error?.hint ?? '', /--log-file/);
  h.ui.stdin.write('r');
  await waitForFrame(h.ui, (f) => !f.includes('✗') && /\d+ items/.test(f));
});

test('a dead endpoint: the first load fails with a refused error and a hint', async () => {
  h.ui.stdin.write(':');
  await waitForFrame(h.ui, (f) => f.includes('Tab completes'));
  await h.emu.close();
  h.ui.stdin.write('acl');
  await waitForFrame(h.ui, (f) => f.includes(':acl'));
  h.ui.stdin.write('\r');
  const f = await waitForFrame(h.ui, (f) => f.includes('✗'), { timeoutMs: 8000 });
  assert.match(f, /refused|reset|network/);
  assert.match(f, /failed to load/);
});
