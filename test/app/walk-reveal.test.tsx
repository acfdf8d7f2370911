// Issue 11 point 8: `x` on a list said "reveal" and nothing visible happened (no list column shows a
// secret). `x` is bound only where a secret is on screen: the detail and a row's JSON view.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { listKey } from '../../src/app/data.ts';
import { helpCommands, viewKeys } from '../../src/app/view-keys.ts';
import { appsScreen } from '../../screens/apps.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { until } from '../helpers/until.ts';

const rows = (h: Harness): Array<{ id: string; app_secret?: string }> => {
  const s = h.store.getState();
  return (s.resources['apps']?.[listKey(s.instanceId, {})]?.data ?? []) as Array<{ id: string }>;
};
async function press(h: Harness, keys: string) {
  h.ui.stdin.write(keys);
  await settle();
}

let h: Harness;
before(async () => {
  h = await startHarness({ rootScreen: 'apps' });
  await until('apps loaded', () => rows(h).length > 0);
});
after(async () => {
  await h?.close();
});

test('the apps list neither lists nor binds x; the detail does, and x there shows the secret', async () => {
  const list = await waitForFrame(h.ui, (f) => f.includes('<?>'));
  assert.doesNotMatch(list.split('\n').slice(-2).join('\n'), /<x>/);
  const session = { readOnly: false, readOnlyReason: '' };
  assert.ok(!helpCommands(viewKeys(appsScreen, 'list', session)).includes('reveal'), '? lists x on the list');
  assert.ok(helpCommands(viewKeys(appsScreen, 'detail', session)).includes('reveal'));
  const before = h.store.getState().revealed;
  await press(h, 'x');
  assert.deepEqual(h.store.getState().revealed, before, 'x on the list reveals nothing');

  const row = rows(h).find((r) => (r.app_secret ?? '').length > 8);
  assert.ok(row);
  h.store.getState().actions.updateList({ selectedId: row.id });
  await settle();
  await press(h, '\r');
  await waitForFrame(h.ui, (f) => f.includes('x reveals'));
  await press(h, 'x');
  await waitForFrame(h.ui, (f) => f.includes(row.app_secret ?? '?'));
});
