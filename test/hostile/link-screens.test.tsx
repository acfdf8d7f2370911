// The device-integration screens against the hostile seed (names, tags and shadow values full of
// escapes) and against LINK records with fields of the wrong JSON type: no control byte reaches a
// frame, no line is wider than the terminal, every screen renders.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LINK_SCREEN_IDS } from '../../screens/link-format.ts';
import { startHarness } from '../app/harness.tsx';
import { describeProblems, visitAll } from './visit-all.ts';

const isLink = (id: string): boolean => LINK_SCREEN_IDS.includes(id);

test('LINK screens: hostile device data and wrong-typed fields render as inert text', async () => {
  const h = await startHarness({ emulator: { seed: 'hostile' }, rootScreen: 'apis' });
  try {
    const link = h.emu.state.link?.get(h.emu.instances[0] ?? '');
    assert.ok(link, 'the hostile seed has LINK data');
    const osc52 = '\x1b]52;c;cm0gLXJmIH4=\x07';
    // Wrong JSON types (the emulator serialises what it holds): objects for strings, strings for numbers.
    const first = link.devices.values().next().value;
    assert.ok(first);
    Object.assign(first, { device_name: { evil: osc52 }, tags: [osc52, 7], keep_alive: 42 });
    const product = link.products.values().next().value;
    assert.ok(product);
    Object.assign(product, { model: [osc52], created: 'yesterday\x1b[2J' });
    const { problems, rendered } = await visitAll(h, isLink);
    assert.deepEqual(problems, [], describeProblems(problems));
    assert.deepEqual([...rendered.keys()].sort(), [...LINK_SCREEN_IDS].sort());
    assert.match(h.ui.frames.join('\n'), /␛/, 'the hostile data never reached the screen');
    for (const [id, frame] of rendered) {
      assert.match(
        frame,
        /\d+ items|✖|No /,
        `${id} did not render a list, an empty note or an error:\n${frame}`,
      );
    }
  } finally {
    await h.close();
  }
});
