// Debug console (issue 11 point 7): Esc keeps the form per API for the session — leaving the console
// and pressing `d` again on the same API brings back what was entered.
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
type Api = { id: string; name: string };
const apisOf = (h: Harness): Api[] => {
  const s = h.store.getState();
  return (s.resources.apis?.[listKey(s.instanceId, {})]?.data ?? []) as Api[];
};

let h: Harness;
before(async () => {
  h = await startHarness({ rootScreen: 'apis' });
  await until('apis loaded', () => apisOf(h).length > 0);
});
after(async () => {
  await h?.close();
});

test('Esc and d again on the same API: the values entered are still there', async () => {
  const api = apisOf(h)[0];
  assert.ok(api);
  h.store.getState().actions.updateList({ selectedId: api.id });
  await settle();
  await press(h, 'd');
  await waitForFrame(h.ui, (f) => f.includes(`Debug ${api.name}`));
  const debug = h.stores.debug;
  debug.getState().actions.setField('domain', 'kept.example.com');
  await waitForFrame(h.ui, (f) => f.includes('kept.example.com'));
  await press(h, '\x1b');
  await until('back on the list', () => h.store.getState().stack.at(-1)?.view === 'list');
  await press(h, 'd');
  await until('debug again', () => h.store.getState().stack.at(-1)?.view === 'debug');
  const frame = await waitForFrame(h.ui, (f) => f.includes(`Debug ${api.name}`));
  assert.match(frame, /kept\.example\.com/);
});
