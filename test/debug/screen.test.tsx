// The debug console screen with ink-testing-library, its store talking to the emulator over loopback.
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

test('form: pre-filled from the API definition, validation messages inline', async () => {
  const { r } = await mount();
  const frame = await waitForFrame(r, (f) => f.includes('{cart_id}'));
  assert.match(frame, /path \/v1\/order\/carts\/demo-1001/);
  assert.match(frame, /mode\s+◂ DEVELOPER ▸/);
  assert.match(frame, /scheme\s+HTTPS/);
  assert.match(frame, /method\s+GET/);
  assert.match(frame, /\{cart_id\}\s+demo-1001/);
  assert.match(frame, /limit\s+20/);
  assert.match(frame, /X-Tenant-Id/);
  // mode → scheme → method → {cart_id}: clear it; then go to the header row and add a bad one.
  await press(r, KEY.down + KEY.down + KEY.down, (f) => /› \{cart_id\}/.test(f));
  await press(r, KEY.clear, (f) => f.includes('path /v1/order/carts/{cart_id}'));
  await press(r, KEY.down + KEY.down, (f) => /› X-Tenant-Id/.test(f));
  await press(r, KEY.addRow, (f) => /› header name/.test(f));
  await press(r, 'X-Stage', (f) => f.includes('X-Stage'));
  await press(r, KEY.down, (f) => /› X-Stage/.test(f));
  await press(r, 'v', (f) => /› X-Stage\s+v/.test(f));
  const invalid = await press(r, KEY.send, (f) => f.includes('2 problem(s) in the form'));
  assert.match(invalid, /cart_id is required/);
  assert.match(invalid, /X-Stage: X-Stage is reserved/);
  assert.match(invalid, /› \{cart_id\}/, 'focus jumps to the first field in error');
  // fixing a field takes it off the count at once, not only at the next send
  const fixed = await press(r, 'c1', (f) => f.includes('1 problem(s) in the form'));
  assert.doesNotMatch(fixed, /cart_id is required/);
});

test('answer tabs, curl export and history re-run', async () => {
  const { r, store, copies } = await mount();
  await waitForFrame(r, (f) => f.includes('{cart_id}'));
  await press(r, KEY.down + KEY.down + KEY.down + KEY.clear, (f) =>
    f.includes('path /v1/order/carts/{cart_id}'),
  );
  await press(r, 'abc', (f) => f.includes('path /v1/order/carts/abc'));
  const resp = await press(r, KEY.send, (f) => f.includes('HTTP/1.1 200 OK'));
  assert.match(resp, /latency \d+ ms/);
  assert.match(resp, /★ X-Request-Id: [0-9a-f]+/);
  assert.match(resp, /★ X-Apig-Latency/);
  assert.match(resp, /"path": "\/echo\/order\/carts\/abc"/, 'JSON body pretty-printed');
  const rawReq = await press(r, KEY.tab, (f) => f.includes('GET /v1/order/carts/abc?limit=20 HTTP/1.1'));
  assert.match(rawReq, /User-Agent: APIGatewayDebugClient/);
  await press(r, KEY.tab, (f) => f.includes('X-Echo-Backend: roma-dash'));
  await press(r, KEY.tab, (f) => f.includes('HTTP backend GET'));

  const host = /Host: (\S+)/.exec(store.getState().answer!.request)?.[1];
  const copied = await press(r, 'c', (f) => f.includes('Copied curl to the clipboard (credentials masked)'));
  assert.equal(copies.at(-1), `curl 'https://${host}/v1/order/carts/abc?limit=20'`);
  assert.match(copied, /copied:/);
  assert.ok(copied.includes(`curl 'https://${host}/v1/order/carts/abc?limit=20'`));

  await press(
    r,
    KEY.history,
    (f) => f.includes('History —') && f.includes('DEVELOPER GET /v1/order/carts/abc'),
  );
  await press(r, KEY.rerun, (f) => f.includes('Re-running the last call'));
  await store.whenIdle();
  assert.equal(store.getState().history.length, 2);
  await press(r, KEY.history, (f) => (f.match(/DEVELOPER GET \/v1\/order\/carts\/abc/g) ?? []).length === 2);
  // Enter loads the call into the form for editing.
  await press(r, KEY.enter, (f) => f.includes('Loaded the call of') && /\{cart_id\}\s+abc/.test(f));
});

test('compare two answers from history, and save the body to a file', async () => {
  const { r, store } = await mount();
  await waitForFrame(r, (f) => f.includes('{cart_id}'));
  await press(r, KEY.down + KEY.down + KEY.down + KEY.clear + 'one', (f) =>
    f.includes('path /v1/order/carts/one'),
  );
  await press(r, KEY.send, (f) => f.includes('HTTP/1.1 200 OK'));
  await store.whenIdle();
  await press(r, '\x14', (f) => f.includes('path /v1/order/carts/one') && /› \{cart_id\}/.test(f)); // Ctrl-T back to the form
  await press(r, KEY.clear + 'two', (f) => f.includes('path /v1/order/carts/two'));
  await press(r, KEY.send, (f) => f.includes('/echo/order/carts/two'));
  await store.whenIdle();
  await press(r, KEY.history, (f) => f.includes('DEVELOPER GET /v1/order/carts/two'));
  const hist = await press(r, 'm', (f) => f.includes('● '));
  assert.match(hist, /Enter edit and resend · m mark · = compare/, 'the hint line is the history one');
  assert.doesNotMatch(hist, /w wrap · c curl/, 'no answer-only keys advertised in history');
  await press(r, KEY.down + 'm', (f) => (f.match(/● /g) ?? []).length === 2);
  // Marked newest first: the columns still read older → newer, as labelled.
  const cmp = await press(r, '=', (f) => f.includes('Older call'));
  assert.match(cmp, /Older call\s+│ Newer call/);
  assert.match(cmp, /status 200\s+│ status 200/);
  assert.match(cmp, /carts\/one.*│.*carts\/two/);

  await press(r, '\x1b', (f) => f.includes('History —'));
  await press(r, '\x1b', (f) => f.includes('Raw request'));
  await press(r, 's', (f) => f.includes('Save body to: get_cart-response.json'));
  const saved = await press(r, KEY.enter, (f) => /Saved \d+ bytes to /.test(f));
  const path = /Saved \d+ bytes to (\S+)/.exec(saved)?.[1];
  assert.ok(path);
  const { readFile } = await import('node:fs/promises');
  assert.match(await readFile(path, 'utf8'), /"path":"\/echo\/order\/carts\/two"/);
});
