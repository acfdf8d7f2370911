// Every screen against fields of the wrong JSON type that carry escapes (see screens.test.tsx).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startHarness } from '../app/harness.tsx';
import { LINK_SCREEN_IDS } from '../../screens/link-format.ts';
import { describeProblems, visitAll } from './visit-all.ts';

// The device-integration screens have a file of their own (link-screens.test.tsx): one file per
// visit keeps each under the runner's per-file timeout.
const notLink = (id: string): boolean => !LINK_SCREEN_IDS.includes(id);

test('fields of the wrong JSON type (carrying escapes) render as text or a typed error, never crash', async () => {
  const h = await startHarness({ emulator: { seed: 'hostile' }, rootScreen: 'apis' });
  try {
    const osc52 = '\x1b]52;c;cm0gLXJmIH4=\x07';
    const store = h.emu.state.stores.get(h.emu.instances[0] ?? '');
    assert.ok(store, 'emulator has no store for the first instance');
    const d = store.data as unknown as Record<string, Map<string, Record<string, unknown>>>;
    const first = (family: string): Record<string, unknown> => {
      const v = d[family]?.values().next().value;
      assert.ok(v, `hostile seed has no ${family}`);
      return v;
    };
    Object.assign(first('apis'), { name: { evil: osc52 }, remark: [osc52, 7], req_method: 42 });
    Object.assign(first('groups'), { name: 1234567, remark: { t: '\x1b]0;title\x07' } });
    Object.assign(first('apps'), { name: [osc52], remark: false, app_key: { k: osc52 } });
    Object.assign(first('throttles'), { api_call_limits: 'lots\x1b[2J', name: null });
    Object.assign(first('envs'), { remark: { deep: { deeper: [osc52] } } });
    const { problems, rendered } = await visitAll(h, notLink);
    assert.deepEqual(problems, [], describeProblems(problems));
    for (const [id, frame] of rendered) {
      assert.match(
        frame,
        /\d+ items|✖|No /, // not the title's `N of M`: it reads `0 of 0` while loading too
        `${id} did not render a list, an empty note or an error:\n${frame}`,
      );
    }
  } finally {
    await h.close();
  }
});
