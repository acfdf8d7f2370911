// The verifier is checked against three signers: the project's own signRequest, an independent
// implementation written here from the algorithm text (it does not import src/auth/signer.ts), and the
// inputs of the SDKs' published test vectors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { signRequest } from '../../src/auth/signer.ts';
import { verifyAkSk, type AkSecret, type VerifyInput } from '../../src/emulator/verify.ts';

const PROJECT = 'a4a5d4098fb4474fa22cd05f897d6b99';
const AK = 'EMULATORAK0000000001';
const SK = 'emulator-secret-key-do-not-log';
const TEMP_AK = 'TEMPAK00000000000001';
const TEMP_SK = 'temp-secret';
const TOKEN = 'sts-token-abc';
const NOW = Date.UTC(2024, 0, 2, 3, 4, 5);

const secrets: Record<string, AkSecret> = {
  [AK]: { sk: SK },
  [TEMP_AK]: { sk: TEMP_SK, securityToken: TOKEN },
  AccessKey: { sk: 'SecretKey' },
  'my ak': { sk: 'my sk' },
};
const lookup = (ak: string): AkSecret | undefined => secrets[ak];

// ---- independent signer (from SIGNING.md, written without the project's signer) ----------------------

function enc(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function independentSign(o: {
  method: string;
  path: string;
  query: Array<[string, string]>;
  headers: Record<string, string>;
  signed: string[];
  body: string;
  ak: string;
  sk: string;
  date: string;
}): string {
  const uri = o.path
    .split('/')
    .map((seg) => enc(decodeURIComponent(seg)))
    .join('/');
  const cUri = uri.endsWith('/') ? uri : uri + '/';
  const sorted = [...o.query].sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1));
  const cQuery = sorted.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
  const names = [...o.signed].sort();
  const lowerHeaders = Object.fromEntries(Object.entries(o.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const cHeaders = names.map((n) => `${n}:${(lowerHeaders[n] ?? '').trim()}\n`).join('');
  const bodyHash = createHash('sha256').update(o.body, 'utf8').digest('hex');
  const canonical = `${o.method}\n${cUri}\n${cQuery}\n${cHeaders}\n${names.join(';')}\n${bodyHash}`;
  const sts = `SDK-HMAC-SHA256\n${o.date}\n${createHash('sha256').update(canonical).digest('hex')}`;
  const sig = createHmac('sha256', o.sk).update(sts).digest('hex');
  return `SDK-HMAC-SHA256 Access=${o.ak}, SignedHeaders=${names.join(';')}, Signature=${sig}`;
}

// ---- helpers -------------------------------------------------------------------------------------------

function lower(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}

/** Signs with signRequest and returns what the server would see. */
function signed(
  o: { method?: string; url?: string; body?: string; headers?: Record<string, string> } = {},
  cred: { ak: string; sk: string; securityToken?: string; projectId?: string } = {
    ak: AK,
    sk: SK,
    projectId: PROJECT,
  },
  at: number = NOW,
): VerifyInput {
  const url =
    o.url ?? `http://127.0.0.1:8080/v2/${PROJECT}/apic/instances/i-1/apis?offset=0&limit=20&name=order%20svc`;
  const headers = o.headers ?? { 'Content-Type': 'application/json' };
  const add = signRequest(
    { method: o.method ?? 'POST', url, headers, body: o.body ?? '{"a":1}' },
    cred,
    new Date(at),
  );
  const u = new URL(url);
  return {
    method: o.method ?? 'POST',
    rawUrl: u.pathname + u.search,
    headers: { ...lower(headers), ...lower(add), host: u.host },
    rawBody: Buffer.from(o.body ?? '{"a":1}'),
    pathProjectId: PROJECT,
  };
}

function assertRejected(r: ReturnType<typeof verifyAkSk>, fragment: RegExp): void {
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.status, 401);
  assert.equal(r.error_code, 'APIC.0301');
  assert.match(r.error_msg, fragment);
  assert.ok(!r.error_msg.includes(SK) && !r.error_msg.includes(TEMP_SK) && !r.error_msg.includes(TOKEN));
}

// ---- acceptance ---------------------------------------------------------------------------------------

test('accepts a request signed by signRequest (host, content-type, x-project-id)', () => {
  const r = verifyAkSk(signed(), lookup, NOW);
  assert.deepEqual(r, { ok: true, ak: AK });
});

test('accepts a request signed by the independent implementation with Go-SDK-style signed headers', () => {
  const path = `/v2/${PROJECT}/apic/instances/i-1/apis/debug/abc`;
  const query: Array<[string, string]> = [
    ['z', '2'],
    ['a', 'x y'],
    ['a', '一 (&=?!#%.*)'],
  ];
  const rawQuery = query.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
  const date = '20240102T030405Z';
  const headers = { 'X-Sdk-Date': date, 'X-Project-Id': PROJECT };
  const body = '{"mode":"DEVELOPER","path":"/x"}\n';
  const authorization = independentSign({
    method: 'POST',
    path,
    query,
    headers,
    signed: ['x-project-id', 'x-sdk-date'],
    body,
    ak: AK,
    sk: SK,
    date,
  });
  const r = verifyAkSk(
    {
      method: 'POST',
      rawUrl: `${path}?${rawQuery}`,
      headers: { ...lower(headers), authorization, host: '127.0.0.1:9' },
      rawBody: Buffer.from(body),
      pathProjectId: PROJECT,
    },
    lookup,
    NOW + 60_000,
  );
  assert.deepEqual(r, { ok: true, ak: AK });
});

test('accepts the official vector inputs (Go test1/test2, Python)', () => {
  const go1 = verifyAkSk(
    {
      method: 'GET',
      rawUrl: '/path?limit=1',
      headers: {
        'x-sdk-date': '20060102T150405Z',
        authorization:
          'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624',
      },
      rawBody: Buffer.alloc(0),
    },
    lookup,
    Date.UTC(2006, 0, 2, 15, 4, 5),
  );
  assert.deepEqual(go1, { ok: true, ak: 'AccessKey' });
  const go2 = verifyAkSk(
    {
      method: 'POST',
      rawUrl: '/path?key=value',
      headers: {
        'x-sdk-date': '20060102T150405Z',
        authorization:
          'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59',
      },
      rawBody: Buffer.from('{"Name":"test","Id":1}\n'),
    },
    lookup,
    Date.UTC(2006, 0, 2, 15, 10, 0),
  );
  assert.deepEqual(go2, { ok: true, ak: 'AccessKey' });
  const py = verifyAkSk(
    {
      method: 'GET',
      rawUrl: '/resources?size=1',
      headers: {
        host: 'service.endpoint.myhuaweicloud.com',
        'x-sdk-date': '20200608T023900Z',
        authorization:
          'SDK-HMAC-SHA256 Access=my ak, SignedHeaders=host;x-sdk-date, Signature=6d5bc610d3d4475346aae5cd7ed8d99585e60c0430a1d3d6e2f54e2bdd633701',
      },
      rawBody: Buffer.alloc(0),
    },
    lookup,
    Date.UTC(2020, 5, 8, 2, 39, 0),
  );
  assert.deepEqual(py, { ok: true, ak: 'my ak' });
});

test('uses X-Sdk-Content-Sha256 instead of hashing the body when sent', () => {
  const input = signed({
    headers: { 'Content-Type': 'application/octet-stream', 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' },
  });
  input.rawBody = Buffer.from('anything at all');
  assert.equal(verifyAkSk(input, lookup, NOW).ok, true);
});

test('accepts temporary credentials whose security token is sent and signed', () => {
  const r = verifyAkSk(
    signed({}, { ak: TEMP_AK, sk: TEMP_SK, securityToken: TOKEN, projectId: PROJECT }),
    lookup,
    NOW,
  );
  assert.deepEqual(r, { ok: true, ak: TEMP_AK });
});

// ---- one-byte tampering -------------------------------------------------------------------------------

test('rejects a one-byte tamper of the path', () => {
  const input = signed();
  input.rawUrl = input.rawUrl.replace('/apis?', '/apiS?');
  assertRejected(verifyAkSk(input, lookup, NOW), /signature does not match/);
});

test('rejects a one-byte tamper of the query', () => {
  const input = signed();
  input.rawUrl = input.rawUrl.replace('limit=20', 'limit=21');
  assertRejected(verifyAkSk(input, lookup, NOW), /signature does not match/);
});

test('rejects a one-byte tamper of a signed header', () => {
  const input = signed();
  input.headers['content-type'] = 'application/jsoN';
  assertRejected(verifyAkSk(input, lookup, NOW), /signature does not match/);
});

test('rejects a one-byte tamper of the body', () => {
  const input = signed();
  input.rawBody = Buffer.from('{"a":2}');
  assertRejected(verifyAkSk(input, lookup, NOW), /signature does not match/);
});

test('rejects a tampered signature and a wrong secret', () => {
  const input = signed();
  const auth = input.headers['authorization']!;
  const last = auth.at(-1) === '0' ? '1' : '0';
  input.headers['authorization'] = auth.slice(0, -1) + last;
  assertRejected(verifyAkSk(input, lookup, NOW), /signature does not match/);
  const wrongSk = signed({}, { ak: AK, sk: SK + 'x', projectId: PROJECT });
  assertRejected(verifyAkSk(wrongSk, lookup, NOW), /signature does not match/);
});

// ---- date, project, key, token ------------------------------------------------------------------------

test('accepts a date 14 minutes off and rejects one 16 minutes off, either way', () => {
  assert.equal(verifyAkSk(signed(), lookup, NOW + 14 * 60_000).ok, true);
  assert.equal(verifyAkSk(signed(), lookup, NOW - 14 * 60_000).ok, true);
  assertRejected(verifyAkSk(signed(), lookup, NOW + 16 * 60_000), /15 minutes/);
  assertRejected(verifyAkSk(signed(), lookup, NOW - 16 * 60_000), /15 minutes/);
});

test('rejects a malformed or missing X-Sdk-Date', () => {
  const bad = signed();
  bad.headers['x-sdk-date'] = '2024-01-02T03:04:05Z';
  assertRejected(verifyAkSk(bad, lookup, NOW), /malformed X-Sdk-Date/);
  const impossible = signed();
  impossible.headers['x-sdk-date'] = '20240231T030405Z';
  assertRejected(verifyAkSk(impossible, lookup, NOW), /malformed X-Sdk-Date/);
  const none = signed({}, { ak: AK, sk: SK });
  delete none.headers['x-sdk-date'];
  assertRejected(verifyAkSk(none, lookup, NOW), /x-sdk-date/i);
});

test('rejects an X-Project-Id that does not match the path project', () => {
  const input = signed({}, { ak: AK, sk: SK, projectId: 'ffffffffffffffffffffffffffffffff' });
  assertRejected(verifyAkSk(input, lookup, NOW), /X-Project-Id/);
});

test('rejects an unknown AK, a missing and a malformed Authorization', () => {
  const input = signed({}, { ak: 'UNKNOWNAK', sk: SK, projectId: PROJECT });
  assertRejected(verifyAkSk(input, lookup, NOW), /unknown access key/);
  const noAuth = signed();
  delete noAuth.headers['authorization'];
  assertRejected(verifyAkSk(noAuth, lookup, NOW), /missing Authorization/);
  const mangled = signed();
  mangled.headers['authorization'] = mangled.headers['authorization']!.replace(
    'SDK-HMAC-SHA256',
    'AWS4-HMAC-SHA256',
  );
  assertRejected(verifyAkSk(mangled, lookup, NOW), /malformed Authorization/);
});

test('rejects a signed header that was not sent', () => {
  const input = signed();
  delete input.headers['content-type'];
  assertRejected(verifyAkSk(input, lookup, NOW), /content-type is missing/);
});

test('temporary AK: missing, wrong or unsigned security token is refused', () => {
  const cred = { ak: TEMP_AK, sk: TEMP_SK, projectId: PROJECT };
  assertRejected(verifyAkSk(signed({}, cred), lookup, NOW), /requires X-Security-Token/);
  assertRejected(
    verifyAkSk(signed({}, { ...cred, securityToken: 'other-token' }), lookup, NOW),
    /does not belong/,
  );
  // Token sent but left out of SignedHeaders (signed without it, then added).
  const unsigned = signed({}, cred);
  unsigned.headers['x-security-token'] = TOKEN;
  assertRejected(verifyAkSk(unsigned, lookup, NOW), /must be signed/);
  // A permanent key with a token attached is a client mix-up.
  assertRejected(
    verifyAkSk(signed({}, { ak: AK, sk: SK, securityToken: TOKEN, projectId: PROJECT }), lookup, NOW),
    /permanent/,
  );
});
