// Debug console stage (issue 11 point 7): in CONSUMER mode the stage is chosen among the environments the
// API is published in (←/→), never typed — `RELEASEX` cannot be entered.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanup } from 'ink-testing-library';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { KEY, mountConsole, press, startConsoleFixture, type ConsoleFixture } from './console-fixture.tsx';

let fx: ConsoleFixture;
before(async () => {
  fx = await startConsoleFixture();
});
after(() => fx.emu.close());
afterEach(() => cleanup());

const mount = () =>
  mountConsole(fx, {
    open: (store) =>
      store
        .getState()
        .actions.open(fx.inst, { ...fx.api, run_env_name: 'RELEASE|TEST' }, { mode: 'CONSUMER' }),
  });

test('the stage is a choice among the published environments, not free text', async () => {
  const { r, store } = await mount();
  await waitForFrame(r, (f) => /stage\s+RELEASE/.test(f));
  await press(r, KEY.down, (f) => /stage\s+◂ RELEASE ▸/.test(f));
  await press(r, 'X', (f) => f.length > 0);
  await settle();
  assert.equal(store.getState().form?.stage, 'RELEASE', 'typing does not edit the stage');
  await press(r, '\x1b[C', (f) => /stage\s+◂ TEST ▸/.test(f));
  assert.equal(store.getState().form?.stage, 'TEST');
  await press(r, '\x1b[C', (f) => /stage\s+◂ RELEASE ▸/.test(f));
});
