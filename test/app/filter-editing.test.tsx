// The list filter edits like every text field: ←/→, Home/Ctrl-a, End/Ctrl-e, Ctrl-d and Del forward.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { selectTop } from '../../src/store/index.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';

let h: Harness;
before(async () => {
  h = await startHarness({ rootScreen: 'apis' });
  await settle();
  await waitForFrame(h.ui, (f) => /\d+ items/.test(f));
});
after(async () => h?.close());

async function type(keys: string[], until: (f: string) => boolean) {
  for (const k of keys) h.ui.stdin.write(k);
  return waitForFrame(h.ui, until);
}
const filter = () => selectTop(h.store.getState()).list.filter;

test('cursor keys move inside the filter and typing inserts there', async () => {
  await type(['/'], (f) => f.includes('/▏'));
  await type([...'refnd'], (f) => f.includes('/refnd▏'));
  await type(['\x1b[D', '\x1b[D'], (f) => f.includes('/ref▏nd'));
  const f = await type(['u'], (f) => f.includes('/refu▏nd'));
  assert.equal(filter(), 'refund');
  assert.match(f, /list_refunds/);
});

test('Home / Ctrl-a, Ctrl-d and Del delete forward, End / Ctrl-e', async () => {
  await type(['\x01'], (f) => f.includes('/▏refund'));
  await type(['\x04'], (f) => f.includes('/▏efund'));
  await type(['\x1b[3~'], (f) => f.includes('/▏fund'));
  await type(['\x05'], (f) => f.includes('/fund▏'));
  await type(['\x7f'], (f) => f.includes('/fun▏'));
  assert.equal(filter(), 'fun');
  await type(['\x1b'], (f) => !f.includes('/fun'));
  assert.equal(filter(), '');
});
