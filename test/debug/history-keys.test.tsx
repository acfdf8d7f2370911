// Debug console history (issue 11 point 7): j/k move in the history, and the "Mark two answers" notice
// does not stay on screen once the comparison opens.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanup } from 'ink-testing-library';
import { waitForFrame } from '../helpers/ink.ts';
import { KEY, mountConsole, press, startConsoleFixture, type ConsoleFixture } from './console-fixture.tsx';

let fx: ConsoleFixture;
before(async () => {
  fx = await startConsoleFixture();
});
after(() => fx.emu.close());
afterEach(() => cleanup());

const mount = () => mountConsole(fx);

test('history moves with j/k; the stale "mark two answers" notice is gone in the compare view', async () => {
  const { r, store } = await mount();
  await waitForFrame(r, (f) => f.includes('{cart_id}'));
  await press(r, KEY.down + KEY.down + KEY.down + KEY.clear + 'one', (f) =>
    f.includes('path /v1/order/carts/one'),
  );
  await press(r, KEY.send, (f) => f.includes('HTTP/1.1 200 OK'));
  await store.whenIdle();
  await press(r, '\x14', (f) => /› \{cart_id\}/.test(f));
  await press(r, KEY.clear + 'two', (f) => f.includes('path /v1/order/carts/two'));
  await press(r, KEY.send, (f) => f.includes('/echo/order/carts/two'));
  await store.whenIdle();
  await press(r, KEY.history, (f) => f.includes('DEVELOPER GET /v1/order/carts/two'));
  await press(r, '=', (f) => f.includes('Mark two answers with m first'));
  await press(r, 'm', (f) => (f.match(/● /g) ?? []).length === 1);
  await press(r, 'j', (f) => /^.*carts\/one.*$/m.test(f));
  const marked = await press(r, 'm', (f) => (f.match(/● /g) ?? []).length === 2);
  assert.equal((marked.match(/● /g) ?? []).length, 2, 'j moved to the second entry');
  await press(r, 'k', (f) => f.length > 0);
  const cmp = await press(r, '=', (f) => f.includes('Older call'));
  assert.doesNotMatch(cmp, /Mark two answers/);
});
