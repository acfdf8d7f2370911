import { test } from 'node:test';
import { startHarness } from '../app/harness.tsx';
import { settle, waitForFrame } from '../helpers/ink.ts';
test('peek', async () => {
  const h = await startHarness({ rootScreen: 'apis' });
  await settle();
  await waitForFrame(h.ui, (f) => /\d+ items/.test(f));
  console.log(JSON.stringify(h.ui.lastFrame()).slice(0, 3000));
  await h.close();
});
