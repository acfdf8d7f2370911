// One rule masks credentials by name — headers, query parameters, JSON and form bodies alike — for
// the masked curl, the debug history and the JSON view (issue 10, defect 3).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSecretName, redactByName, redactObject } from '../../src/api/redact.ts';
import { toCurl } from '../../src/debug/curl.ts';
import { makeEntry } from '../../src/debug/history.ts';
import { restoreSecrets } from '../../src/debug/secrets.ts';
import type { DebugRequestBody } from '../../src/debug/types.ts';

test('names that hold credentials, and names that only look alike', () => {
  for (const n of [
    'Authorization',
    'proxy-authorization',
    'X-Auth-Token',
    'x-security-token',
    'X-Session-Token',
    'X-Client-Secret',
    'x-api-key',
    'apikey',
    'Private-Api-Key',
    'X-Apig-AppCode',
    'Cookie',
    'access_token',
    'refresh_token',
    'password',
    'passwd',
    'secret',
    'token',
    'sk',
    'app_secret',
    'sign_secret',
    'securityToken',
    'clientSecret',
    'credentials',
  ])
    assert.equal(isSecretName(n), true, n);
  for (const n of [
    'app_key',
    'sign_key',
    'auth_type',
    'authorizer_id',
    'auth_whitelist',
    'app_code_auth_type',
    'task',
    'name',
    'X-Trace',
    'Accept',
  ])
    assert.equal(isSecretName(n), false, n);
});

test('redactByName masks query pairs, JSON members and header lines, and leaves the rest as it was', () => {
  assert.equal(
    redactByName('GET /v1/x?access_token=tok123&page=2&sk=abc HTTP/1.1'),
    'GET /v1/x?access_token=***&page=2&sk=*** HTTP/1.1',
  );
  assert.equal(
    redactByName('{"user":"bob","password":"hunter22","n":1}'),
    '{"user":"bob","password":"***","n":1}',
  );
  assert.equal(
    redactByName('{\n  "user": "bob",\n  "auth": {\n    "token": "t-9"\n  }\n}'),
    '{\n  "user": "bob",\n  "auth": {\n    "token": "***"\n  }\n}',
  );
  // a truncated JSON body (raw texts are cut) is still masked member by member
  assert.equal(redactByName('{"secret": "s-1", "pin": 12, "tok'), '{"secret": "***", "pin": 12, "tok');
  assert.equal(redactByName('user=bob&password=hunter22'), 'user=bob&password=***');
  assert.equal(
    redactByName('POST / HTTP/1.1\r\nX-Api-Key: k-1\r\nAccept: */*\r\n\r\n{"secret":"s"}'),
    'POST / HTTP/1.1\r\nX-Api-Key: ***\r\nAccept: */*\r\n\r\n{"secret":"***"}',
  );
  const plain = '{"name":"orders","auth_type":"APP"}';
  assert.equal(redactByName(plain), plain);
});

test('redactObject masks every secret-named field at any depth', () => {
  assert.deepEqual(
    redactObject({
      name: 'a',
      app_key: 'k',
      app_secret: 's',
      nested: [{ sign_secret: 'x', auth_type: 'APP' }],
    }),
    { name: 'a', app_key: 'k', app_secret: '***', nested: [{ sign_secret: '***', auth_type: 'APP' }] },
  );
});

const sent: DebugRequestBody = {
  mode: 'DEVELOPER',
  scheme: 'HTTPS',
  method: 'POST',
  path: '/login',
  query: { access_token: ['qtok-123456'], page: ['2'] },
  header: { Accept: ['*/*'] },
  body: '{"user":"bob","password":"pw-hunter22"}',
};

test('the masked curl masks secret-named query parameters and body fields', () => {
  const masked = toCurl(sent, { host: 'h' });
  assert.ok(!masked.includes('qtok-123456'), masked);
  assert.ok(!masked.includes('pw-hunter22'), masked);
  assert.match(masked, /access_token=\*\*\*/);
  assert.match(masked, /page=2/);
  assert.match(masked, /"password":"\*\*\*"/);
  const clear = toCurl(sent, { host: 'h', revealSecrets: true });
  assert.match(clear, /access_token=qtok-123456/);
  assert.match(clear, /pw-hunter22/);
});

test('history keeps no secret-named query parameter or body field, in the request or the raw answer', () => {
  const entry = makeEntry({
    instanceId: 'i',
    apiId: 'a',
    apiName: 'login',
    request: sent,
    answer: {
      request: `POST /login?access_token=qtok-123456&page=2 HTTP/1.1\r\nHost: h\r\n\r\n${sent.body}`,
      response: 'HTTP/1.1 200 OK\r\n\r\n{"token":"issued-abcdef"}',
      latency: 1,
      log: '',
    },
  });
  const text = JSON.stringify(entry);
  for (const s of ['qtok-123456', 'pw-hunter22', 'issued-abcdef']) assert.ok(!text.includes(s), s);
  assert.deepEqual(entry.request.query?.page, ['2']);
  assert.match(entry.request.body ?? '', /"user":"bob"/);
});

test('re-running from history takes the masked query and body values from the form as typed now', () => {
  const stored = makeEntry({ instanceId: 'i', apiId: 'a', apiName: 'login', request: sent }).request;
  const again = restoreSecrets(stored, {
    appKey: '',
    appSecret: '',
    headers: [],
    query: [{ name: 'access_token', value: 'qtok-123456' }],
    body: sent.body ?? '',
  });
  assert.deepEqual(again.query, sent.query);
  assert.equal(again.body, sent.body);
});
