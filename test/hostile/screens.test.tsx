// Every screen of the dashboard, in-process (ink-testing-library, no colours), against the emulator's
// hostile seed: no control byte from data reaches a frame, no line is wider than the terminal, and every
// screen renders (rows, details, JSON, or an error line). Wrong JSON types: wrong-types.test.tsx.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startHarness } from '../app/harness.tsx';
import { LINK_SCREEN_IDS } from '../../screens/link-format.ts';
import { describeProblems, visitAll } from './visit-all.ts';

// The device-integration screens have a file of their own (link-screens.test.tsx): one file per
// visit keeps each under the runner's per-file timeout.
const notLink = (id: string): boolean => !LINK_SCREEN_IDS.includes(id);

test('hostile seed: every screen renders, no control byte from data, no line wider than the terminal', async () => {
  const h = await startHarness({ emulator: { seed: 'hostile' }, rootScreen: 'apis' });
  try {
    const { problems, rendered } = await visitAll(h, notLink);
    assert.deepEqual(problems, [], describeProblems(problems));
    // The test can fail: hostile names must be on screen, made visible as control pictures.
    const all = h.ui.frames.join('\n');
    assert.match(all, /␛/, 'no ESC picture anywhere: the hostile data never reached the screen');
    assert.match(all, /\\u202E/, 'BiDi override was not shown as visible text');
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
