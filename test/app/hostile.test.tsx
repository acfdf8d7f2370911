// Hostile names from the emulator's hostile seed never reach the terminal as control sequences.
import '../helpers/force-color.ts';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';

let h: Harness;
before(async () => {
  h = await startHarness({ emulator: { seed: 'hostile' }, rootScreen: 'apis' });
  await settle();
});
after(async () => h?.close());

// Colour codes (SGR) are ours; anything else starting with ESC, any C1 or BiDi control is not.
const FORBIDDEN = /\x1b(?!\[[0-9;]*m)|[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069]/;

test('hostile rows render as text: no raw escapes, lines fit the width', async () => {
  // the seed's names carry ESC sequences: they must show as visible pictures (␛), proving they were there
  await waitForFrame(h.ui, (f) => /\d+ items/.test(f) && f.includes('␛'), { timeoutMs: 8000 });
  for (const keys of ['', 'G', 'g', '\r', '\t', '\t', '\x1b', 'y']) {
    if (keys) h.ui.stdin.write(keys);
    const raw = await waitForFrame(h.ui, () => true, { raw: true });
    assert.doesNotMatch(raw, FORBIDDEN, `after ${JSON.stringify(keys)}`);
  }
  const frames = h.ui.frames.join('');
  assert.doesNotMatch(frames, FORBIDDEN);
});
