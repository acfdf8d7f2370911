// A dialog whose source list still streams in page by page says `loading N of M…` instead of looking
// complete (issue 12 point 5 with issue 18's streaming lists): over the real emulator with latency,
// the API's apps dialog (A) shows the first page of 1,508 apps with the progress, then all of them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { listKey } from '../../src/app/data.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { until } from '../helpers/until.ts';
import { startHarness, type Harness } from './harness.tsx';

let h: Harness;
before(async () => {
  h = await startHarness({ rootScreen: 'apis' });
  await until('apis loaded', () => apiRows().length > 0);
  await h.store.whenIdle();
});
after(async () => {
  await h?.close();
});

function apiRows(): Array<{ id: string; name: string }> {
  const s = h.store.getState();
  return (s.resources.apis?.[listKey(s.instanceId, {})]?.data ?? []) as Array<{ id: string; name: string }>;
}

test("the apps dialog says 'loading 500 of M…' while the apps list streams, and nothing once it is whole", async () => {
  const db = h.emu.state.stores.get(h.emu.instances[0] ?? '');
  assert.ok(db);
  const model = [...db.data.apps.values()][0];
  assert.ok(model);
  for (let i = 0; i < 1500; i++) {
    const id = `streamapp${String(i).padStart(23, '0')}`;
    db.data.apps.set(id, { ...model, id, name: `stream_app_${String(i).padStart(4, '0')}` });
  }
  const total = db.data.apps.size.toLocaleString('en-US');
  const api = apiRows()[0];
  assert.ok(api);
  // every answer waits: the first page stands on screen while the others are on their way
  h.emu.setFaults('latency=300');
  h.ui.stdin.write('A');
  await settle();
  const partial = await waitForFrame(
    h.ui,
    (f) => f.includes(`Apps authorized for ${api.name}`) && f.includes(`loading 500 of ${total}…`),
    { timeoutMs: 30_000 },
  );
  assert.match(partial, /Apps authorized for/);
  await h.store.whenIdle();
  h.emu.setFaults(null);
  const whole = await waitForFrame(
    h.ui,
    (f) => f.includes(`Apps authorized for ${api.name}`) && !f.includes('loading'),
  );
  assert.doesNotMatch(whole, /of \d[\d,]* ?…/);
});
