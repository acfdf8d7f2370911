// Copy as curl for an APP-authenticated API: a signed command the gateway accepts, valid 15 minutes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toCurl } from '../../src/debug/curl.ts';
import type { DebugRequestBody } from '../../src/debug/types.ts';
import { verifyAkSk } from '../../src/emulator/verify.ts';

const req: DebugRequestBody = {
  mode: 'CONSUMER',
  scheme: 'HTTPS',
  method: 'POST',
  path: '/v1/orders/42',
  stage: 'RELEASE',
  query: { q: ['a b'], page: ['2'] },
  header: { 'Content-Type': ['application/json'], 'X-Trace': ['t1'] },
  body: '{"qty":1}',
  app_key: 'APPKEY1',
  app_secret: 'APP-SECRET-VALUE',
};

/** The pieces of a curl line: method, URL, headers, body (as this module quotes them). */
function parseCurl(cmd: string) {
  const words = [...cmd.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((m) =>
    m[1] !== undefined ? m[1].replaceAll(`'\\''`, "'") : (m[2] ?? ''),
  );
  const headers: Record<string, string> = {};
  let method = 'GET';
  let url = '';
  let body = '';
  for (let i = 1; i < words.length; i++) {
    const w = words[i] ?? '';
    if (w === '-X') method = words[++i] ?? '';
    else if (w === '-H') {
      const h = words[++i] ?? '';
      const c = h.indexOf(':');
      headers[h.slice(0, c).toLowerCase()] = h.slice(c + 1).trim();
    } else if (w === '--data-raw') body = words[++i] ?? '';
    else url = w;
  }
  return { method, url: new URL(url), headers, body };
}

test('the copied curl is signed with the app key and the gateway verifier accepts it', () => {
  const now = new Date(Date.UTC(2026, 10, 30, 7, 40, 0));
  const text = toCurl(req, {
    host: 'g1.apic.example.com',
    sign: { appKey: 'APPKEY1', appSecret: 'APP-SECRET-VALUE', now },
  });
  const [comment, cmd] = text.split('\n');
  assert.match(comment ?? '', /signed with app_key=APPKEY1 .*valid until 07:55:00 UTC \(15 minutes\)/);
  assert.doesNotMatch(text, /APP-SECRET-VALUE/, 'the secret itself is not in the command');
  const c = parseCurl(cmd ?? '');
  const verify = (nowMs: number) =>
    verifyAkSk(
      {
        method: c.method,
        rawUrl: c.url.pathname + c.url.search,
        headers: { ...c.headers, host: c.url.host },
        rawBody: Buffer.from(c.body),
      },
      (ak) => (ak === 'APPKEY1' ? { sk: 'APP-SECRET-VALUE' } : undefined),
      nowMs,
    );
  assert.equal(verify(now.getTime() + 60_000).ok, true);
  assert.equal(verify(now.getTime() + 16 * 60_000).ok, false, 'expired after 15 minutes');
});

test('without the secret the command says it is not signed', () => {
  const { app_secret: _s, ...noSecret } = req;
  assert.match(toCurl(noSecret, { host: 'h' }), /^# APP auth, not signed/);
});
