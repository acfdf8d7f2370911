import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toCurl, shellQuote } from '../../src/debug/curl.ts';
import {
  MAX_ENTRIES_PER_API,
  appendHistory,
  defaultHistoryPath,
  entriesFor,
  loadHistory,
  makeEntry,
} from '../../src/debug/history.ts';
import { editText } from '../../src/debug/editor.ts';
import { saveBody } from '../../src/debug/export.ts';
import { osc52Copy } from '../../components/osc52.ts';
import type { DebugRequestBody } from '../../src/debug/types.ts';

const req: DebugRequestBody = {
  mode: 'CONSUMER',
  scheme: 'HTTPS',
  method: 'POST',
  path: '/users/1',
  stage: 'RELEASE',
  query: { q: ['a b', "it's"] },
  header: { 'X-Trace': ['t1'], Authorization: ['Bearer SECRET-TOKEN'] },
  body: `{"name":"o'brien"}`,
  app_key: 'KEY1',
  app_secret: 'APP-SECRET-VALUE',
};

test('curl export masks credentials unless asked', () => {
  const masked = toCurl(req, { host: 'g1.apic.example.com' });
  assert.equal(
    masked,
    [
      '# APP auth, not signed: sign with app_key=KEY1 app_secret=***',
      `curl -X POST 'https://g1.apic.example.com/users/1?q=a%20b&q=it%27s' -H 'X-Stage: RELEASE' -H 'X-Trace: t1' -H 'Authorization: ***' --data-raw '{"name":"o'\\''brien"}'`,
    ].join('\n'),
  );
  assert.doesNotMatch(masked, /SECRET/);
  const clear = toCurl(req, { host: 'h', revealSecrets: true });
  assert.match(clear, /Authorization: Bearer SECRET-TOKEN/);
  assert.match(clear, /app_secret=APP-SECRET-VALUE/);
  assert.equal(
    toCurl({ mode: 'DEVELOPER', scheme: 'HTTP', method: 'GET', path: '/x' }),
    "curl 'http://<group-subdomain>/x'",
  );
  assert.equal(shellQuote('plain'), 'plain');
});

test('history: redacted, newest first, bounded, atomic file, tolerant of garbage', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'rd-hist-'));
  const file = join(dir, 'roma-dash', 'debug-history.json');
  assert.equal(defaultHistoryPath({ XDG_STATE_HOME: dir }), file);
  const answer = {
    request: 'POST /users/1 HTTP/1.1\r\nAuthorization: Bearer SECRET-TOKEN\r\n\r\n',
    response: 'HTTP/1.1 200 OK\r\n\r\nok',
    latency: 3,
    log: '',
  };
  for (let i = 0; i < MAX_ENTRIES_PER_API + 2; i++) {
    await appendHistory(
      file,
      makeEntry({ instanceId: 'i', apiId: 'a', apiName: 'A', request: { ...req, path: `/n/${i}` }, answer }),
    );
  }
  const text = await readFile(file, 'utf8');
  assert.doesNotMatch(text, /SECRET/);
  const entries = entriesFor(await loadHistory(file), 'i', 'a');
  assert.equal(entries.length, MAX_ENTRIES_PER_API);
  assert.equal(entries[0]?.request.path, `/n/${MAX_ENTRIES_PER_API + 1}`);
  assert.equal(entries[0]?.request.app_secret, '***');
  assert.equal(entries[0]?.request.app_key, 'KEY1');
  assert.equal((await stat(file)).mode & 0o777, 0o600);
  assert.deepEqual(await readdir(join(dir, 'roma-dash')), ['debug-history.json'], 'no temp files left');
  await writeFile(file, '{not json');
  assert.deepEqual(await loadHistory(file), { version: 1, apis: {} });
});

test('$EDITOR edits the body through a temp file; a failing editor is a typed error', async () => {
  const out = await editText('{"a":1}', { env: { ...process.env, EDITOR: "sed -i 's/1/2/'" } });
  assert.equal(out, '{"a":2}');
  await assert.rejects(editText('x', { env: { ...process.env, EDITOR: 'false' } }), {
    code: 'EDITOR_FAILED',
  });
});

test('OSC 52 and save body', async () => {
  assert.equal(osc52Copy('hi', { env: {} }), '\x1b]52;c;aGk=\x07');
  const dir = await mkdtemp(join(tmpdir(), 'rd-save-'));
  const r = await saveBody('out/body.json', '{"x":1}', dir);
  assert.equal(r.bytes, 7);
  assert.equal(await readFile(join(dir, 'out', 'body.json'), 'utf8'), '{"x":1}');
});

test('history scrubs credentials a backend echoed anywhere; custom credential headers are masked too', () => {
  const sent: DebugRequestBody = {
    mode: 'DEVELOPER',
    scheme: 'HTTPS',
    method: 'GET',
    path: '/echo',
    header: { Authorization: ['Bearer tok-123456'], 'X-Session-Token': ['sess-abcdef'], Accept: ['*/*'] },
    app_key: 'k1',
    app_secret: 'app-secret-9876',
  };
  // An echo backend returns the request headers as JSON in the body: not header lines to mask.
  const echoed = JSON.stringify({
    headers: { authorization: 'Bearer tok-123456', 'x-session-token': 'sess-abcdef' },
  });
  const entry = makeEntry({
    instanceId: 'i1',
    apiId: 'a1',
    apiName: 'echo',
    request: sent,
    answer: {
      request: 'GET /echo HTTP/1.1\r\n',
      response: `HTTP/1.1 200 OK\r\n\r\n${echoed}`,
      latency: '3',
      log: 'signed with app-secret-9876',
    },
    error: { code: 'X', message: 'backend said sess-abcdef is bad', hint: 'h' },
  });
  const text = JSON.stringify(entry);
  for (const secret of ['tok-123456', 'sess-abcdef', 'app-secret-9876'])
    assert.ok(!text.includes(secret), secret);
  assert.deepEqual(entry.request.header?.Accept, ['*/*']);
  const curl = toCurl(sent);
  assert.ok(!curl.includes('sess-abcdef'));
  assert.ok(!curl.includes('tok-123456'));
});
