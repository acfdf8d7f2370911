import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  canonicalQuery,
  canonicalRequest,
  canonicalUri,
  hmacSignature,
  parseRawQuery,
  sha256Hex,
  signRequest,
  stringToSign,
} from '../../src/auth/signer.ts';

function vector(o: {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  signed: string[];
  body: string;
  sk: string;
}): string {
  const canonical = canonicalRequest({
    method: o.method,
    path: o.path,
    query: parseRawQuery(o.query),
    headers: o.headers,
    signedHeaders: o.signed,
    bodySha256: sha256Hex(o.body),
  });
  return hmacSignature(o.sk, stringToSign(o.headers['x-sdk-date']!, canonical));
}

test('Go SDK vector 1 (GET /path?limit=1)', () => {
  const sig = vector({
    method: 'GET',
    path: '/path',
    query: 'limit=1',
    headers: { 'x-sdk-date': '20060102T150405Z' },
    signed: ['x-sdk-date'],
    body: '',
    sk: 'SecretKey',
  });
  assert.equal(sig, '5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624');
});

test('Go SDK vector 2 (POST with JSON body and trailing newline)', () => {
  const sig = vector({
    method: 'POST',
    path: '/path',
    query: 'key=value',
    headers: { 'x-sdk-date': '20060102T150405Z' },
    signed: ['x-sdk-date'],
    body: '{"Name":"test","Id":1}\n',
    sk: 'SecretKey',
  });
  assert.equal(sig, 'cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59');
});

test('Python SDK vector (host;x-sdk-date) through signRequest', () => {
  const headers = signRequest(
    { method: 'GET', url: 'https://service.endpoint.myhuaweicloud.com/resources?size=1' },
    { ak: 'my ak', sk: 'my sk' },
    new Date(Date.UTC(2020, 5, 8, 2, 39, 0)),
  );
  assert.equal(headers['X-Sdk-Date'], '20200608T023900Z');
  assert.equal(
    headers['Authorization'],
    'SDK-HMAC-SHA256 Access=my ak, SignedHeaders=host;x-sdk-date, Signature=6d5bc610d3d4475346aae5cd7ed8d99585e60c0430a1d3d6e2f54e2bdd633701',
  );
});

test("canonical query: spaces, *()!', CJK, repeated keys sorted by value", () => {
  const q = canonicalQuery([
    ['test', '一 (&=?!#%.*)'],
    ['path', '/tmp/123'],
    ['multi', '3'],
    ['limit', '1'],
    ['multi', '1'],
    ['enable', 'true'],
    ['multi', '2'],
  ]);
  assert.equal(
    q,
    'enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29',
  );
  assert.equal(canonicalQuery([['a', "it's"]]), 'a=it%27s');
  assert.equal(canonicalQuery([['empty', '']]), 'empty=');
});

test('canonical URI appends a trailing slash, once', () => {
  assert.equal(canonicalUri('/v2/p/apic/instances/i/apis'), '/v2/p/apic/instances/i/apis/');
  assert.equal(canonicalUri('/v2/p/apis/'), '/v2/p/apis/');
  assert.equal(canonicalUri('/a b/%E4%B8%80'), '/a%20b/%E4%B8%80/');
});

test('temporary credentials sign x-security-token and x-project-id', () => {
  const h = signRequest(
    {
      method: 'GET',
      url: 'http://127.0.0.1:1234/v2/p1/instances',
      headers: { 'Content-Type': 'application/json' },
    },
    { ak: 'AK', sk: 'SK', securityToken: 'tok', projectId: 'p1' },
    new Date(Date.UTC(2026, 0, 1)),
  );
  assert.match(
    h['Authorization']!,
    /SignedHeaders=content-type;host;x-project-id;x-sdk-date;x-security-token,/,
  );
  assert.equal(h['X-Security-Token'], 'tok');
  assert.equal(h['X-Project-Id'], 'p1');
});
