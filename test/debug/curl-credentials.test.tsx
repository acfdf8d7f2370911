// `C` (curl with credentials) never prints a secret on screen: it asks first, then copies (OSC 52)
// or saves to a 0600 file without echoing it (issue 10, defect 3). Debug store on the emulator.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { render, cleanup } from 'ink-testing-library';
import { settle, waitForFrame } from '../helpers/ink.ts';
import {
  mountConsole,
  startConsoleFixture,
  type ConsoleFixture,
  type MountedConsole,
} from './console-fixture.tsx';

const SEND = '\x18';
const APP_SECRET = 'app-secret-for-curl-0123456789';
const HEADER_SECRET = 'hdr-token-abcdef';
const QUERY_SECRET = 'qry-token-987654';

let fx: ConsoleFixture;
before(async () => {
  fx = await startConsoleFixture();
});
after(() => fx.emu.close());
afterEach(() => cleanup());

/** The console with an answer to a call that carried an app secret, a token header and a token query. */
async function mountWithAnswer(): Promise<MountedConsole> {
  const m = await mountConsole(fx, {
    width: 200,
    async open(store) {
      await store.getState().actions.open(fx.inst, fx.api, { mode: 'DEVELOPER' });
      const a = store.getState().actions;
      a.setField('pathParams', [{ name: 'cart_id', value: 'c1', required: true }]);
      a.setField('appKey', 'app-key-1');
      a.setField('appSecret', APP_SECRET);
      a.setField('headers', [{ name: 'X-Auth-Token', value: HEADER_SECRET, required: false }]);
      a.setField('query', [{ name: 'access_token', value: QUERY_SECRET, required: false }]);
    },
  });
  m.r.stdin.write(SEND);
  await waitForFrame(m.r, (f) => f.includes('HTTP/1.1 200 OK'), { timeoutMs: 15_000 });
  await m.store.whenIdle();
  return m;
}

const SECRETS = [APP_SECRET, HEADER_SECRET, QUERY_SECRET];
function assertNoSecret(frame: string, where: string): void {
  for (const s of SECRETS) assert.ok(!frame.includes(s), `${where} shows ${s}:\n${frame}`);
}

async function press(r: ReturnType<typeof render>, keys: string, until: (f: string) => boolean) {
  r.stdin.write(keys);
  const f = await waitForFrame(r, until);
  await settle();
  return f;
}

test('C asks first; y copies the curl with credentials, and the screen never shows them', async () => {
  const { r, copies } = await mountWithAnswer();
  const ask = await press(r, 'C', (f) => /with credentials/i.test(f) && /Esc/.test(f) && /\by\b/.test(f));
  assertNoSecret(ask, 'the question');
  assert.equal(copies.length, 0, 'nothing copied before the answer');
  const done = await press(r, 'y', () => copies.length === 1);
  assertNoSecret(done, 'after copying');
  const after = await waitForFrame(r, (f) => /Copied curl WITH credentials/.test(f));
  assertNoSecret(after, 'the notice');
  for (const s of SECRETS) assert.ok(copies[0]?.includes(s), `the copy carries ${s}`);
});

test('C then Esc copies nothing; c copies the masked curl, names masked in headers and query', async () => {
  const { r, copies } = await mountWithAnswer();
  await press(r, 'C', (f) => /with credentials/i.test(f));
  await press(r, '\x1b', (f) => !/with credentials\?/i.test(f));
  assert.equal(copies.length, 0);
  const masked = await press(r, 'c', (f) => f.includes('credentials masked'));
  assertNoSecret(masked, 'the masked copy notice');
  const text = copies.at(-1) ?? '';
  assertNoSecret(text, 'the masked curl');
  assert.match(text, /access_token=\*\*\*/);
  assert.match(text, /X-Auth-Token: \*\*\*/);
});

test('C then s saves the curl with credentials to a 0600 file, showing only its path', async () => {
  const { r, copies, dir } = await mountWithAnswer();
  await press(r, 'C', (f) => /with credentials/i.test(f));
  const prompt = await press(r, 's', (f) => f.includes('Save curl with credentials to:'));
  assertNoSecret(prompt, 'the save prompt');
  const saved = await press(r, '\r', (f) => /Saved curl with credentials to \S+/.test(f));
  assertNoSecret(saved, 'the saved notice');
  assert.equal(copies.length, 0);
  const path = /Saved curl with credentials to (\S+)/.exec(saved)?.[1] ?? '';
  assert.ok(path.startsWith(dir), path);
  const text = await readFile(path, 'utf8');
  for (const s of SECRETS) assert.ok(text.includes(s), `the file carries ${s}`);
  assert.equal((await stat(path)).mode & 0o777, 0o600);
});

test('the answer masks the credentials the echo backend returned until x; leaving the answer masks them again', async () => {
  const { r } = await mountWithAnswer();
  const masked = await waitForFrame(r, (f) => f.includes('"x-auth-token": "***"'));
  assertNoSecret(masked, 'the answer');
  assert.match(masked, /credentials masked/);
  await press(r, 'x', (f) => f.includes(HEADER_SECRET) && f.includes(QUERY_SECRET));
  await press(r, '\x14', (f) => f.includes('path /v1/order/carts/c1')); // Ctrl-T: the form
  const again = await press(r, '\x14', (f) => f.includes('HTTP/1.1 200 OK'));
  assertNoSecret(again, 'the answer after coming back');
});
