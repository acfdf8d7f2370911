/* eslint-disable @typescript-eslint/no-explicit-any -- JSON wire bodies are checked field by field by the assertions */
// Authentication over HTTP: AK/SK signatures (an independent signer, Go-SDK style headers), tampering,
// clock skew, project mismatch, temporary keys, X-Auth-Token and the IAM password flow.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { signRequest } from '../../src/auth/signer.ts';
import { call, instPath } from './support.ts';

let h: EmulatorHandle;
before(async () => {
  h = await startEmulator({ seed: 'demo' });
});
after(() => h.close());

const hex = (s: string | Buffer): string => createHash('sha256').update(s).digest('hex');
const enc = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

/** Independent SDK-HMAC-SHA256 signer (written from SIGNING.md, not src/auth/signer.ts); signs x-project-id;x-sdk-date. */
function independentSign(
  method: string,
  path: string,
  query: Array<[string, string]>,
  body: string,
  date: string,
): Record<string, string> {
  const cq = [...query]
    .sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1))
    .map(([k, v]) => `${enc(k)}=${enc(v)}`)
    .join('&');
  const uri = path.split('/').map(enc).join('/') + '/';
  const canonical = [
    method,
    uri,
    cq,
    `x-project-id:${h.projectId}\nx-sdk-date:${date}\n`,
    'x-project-id;x-sdk-date',
    hex(body),
  ].join('\n');
  const sts = `SDK-HMAC-SHA256\n${date}\n${hex(canonical)}`;
  const sig = createHmac('sha256', h.sk).update(sts).digest('hex');
  return {
    'X-Sdk-Date': date,
    'X-Project-Id': h.projectId,
    Authorization: `SDK-HMAC-SHA256 Access=${h.ak}, SignedHeaders=x-project-id;x-sdk-date, Signature=${sig}`,
  };
}

const sdkDate = (ms = Date.now()): string =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

describe('AK/SK', () => {
  test('the independent signer is accepted (GET with query, POST with body)', async () => {
    const path = instPath(h, '/apis');
    const q: Array<[string, string]> = [
      ['limit', '2'],
      ['name', 'list order'],
    ];
    const qs = q.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
    const r = await fetch(`${h.endpoint}${path}?${qs}`, {
      headers: independentSign('GET', path, q, '', sdkDate()),
    });
    assert.equal(r.status, 200);
    const body = JSON.stringify({ group_name: 'fresh_name_for_check' });
    const p2 = instPath(h, '/api-groups/check');
    const r2 = await fetch(h.endpoint + p2, {
      method: 'POST',
      body,
      headers: { ...independentSign('POST', p2, [], body, sdkDate()), 'Content-Type': 'application/json' },
    });
    assert.equal(r2.status, 204);
  });

  test('a one-byte tamper of path, query, header or body → 401 APIC.0301', async () => {
    const path = instPath(h, '/apis');
    const date = sdkDate();
    const good = independentSign('GET', path, [['limit', '2']], '', date);
    const tamperedPath = path.replace('/apis', '/apiz');
    const r1 = await fetch(`${h.endpoint}${tamperedPath}?limit=2`, { headers: good });
    assert.equal(r1.status, 401);
    assert.equal(((await r1.json()) as any).error_code, 'APIC.0301');
    const r2 = await fetch(`${h.endpoint}${path}?limit=3`, { headers: good });
    assert.equal(r2.status, 401);
    const r3 = await fetch(`${h.endpoint}${path}?limit=2`, {
      headers: { ...good, 'X-Sdk-Date': date.replace(/.Z$/, (m) => (m[0] === '9' ? '8' : '9') + 'Z') },
    });
    assert.equal(r3.status, 401);
    const body = JSON.stringify({ group_name: 'abc_def' });
    const p2 = instPath(h, '/api-groups/check');
    const signed = independentSign('POST', p2, [], body, sdkDate());
    const r4 = await fetch(h.endpoint + p2, {
      method: 'POST',
      body: body.replace('abc', 'abd'),
      headers: signed,
    });
    assert.equal(r4.status, 401);
    assert.equal(((await r4.json()) as any).error_code, 'APIC.0301');
  });

  test('a date skewed by more than 15 minutes → 401', async () => {
    const path = instPath(h, '/envs');
    const r = await fetch(h.endpoint + path, {
      headers: independentSign('GET', path, [], '', sdkDate(Date.now() - 16 * 60_000)),
    });
    assert.equal(r.status, 401);
    assert.equal(((await r.json()) as any).error_code, 'APIC.0301');
  });

  test('X-Project-Id that does not match the path → 401; a path project that is not ours → 403', async () => {
    const other = '1'.repeat(32);
    const url = `${h.endpoint}/v2/${other}/apic/instances/${h.instances[0]}/envs`;
    const mismatched = signRequest({ method: 'GET', url }, { ak: h.ak, sk: h.sk, projectId: h.projectId });
    assert.equal((await fetch(url, { headers: mismatched })).status, 401);
    const consistent = signRequest({ method: 'GET', url }, { ak: h.ak, sk: h.sk, projectId: other });
    const r = await fetch(url, { headers: consistent });
    assert.equal(r.status, 403);
  });

  test('temporary credentials need their security token', async () => {
    const url = h.endpoint + instPath(h, '/envs');
    const withToken = signRequest(
      { method: 'GET', url },
      { ak: h.tempAk, sk: h.tempSk, securityToken: h.securityToken, projectId: h.projectId },
    );
    assert.equal((await fetch(url, { headers: withToken })).status, 200);
    const without = signRequest(
      { method: 'GET', url },
      { ak: h.tempAk, sk: h.tempSk, projectId: h.projectId },
    );
    assert.equal((await fetch(url, { headers: without })).status, 401);
  });
});

describe('tokens', () => {
  test('X-Auth-Token: valid passes, bad → 401 APIG.1002, none → 401', async () => {
    const url = h.endpoint + instPath(h, '/envs');
    assert.equal((await fetch(url, { headers: { 'X-Auth-Token': h.token } })).status, 200);
    const bad = await fetch(url, { headers: { 'X-Auth-Token': 'not-a-token' } });
    assert.equal(bad.status, 401);
    assert.equal(((await bad.json()) as any).error_code, 'APIG.1002');
    assert.equal((await fetch(url)).status, 401);
  });

  test('password flow: POST /v3/auth/tokens → 201 + X-Subject-Token, usable; expireTokens revokes it', async () => {
    const r = await fetch(`${h.endpoint}/v3/auth/tokens?nocatalog=true`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        auth: {
          identity: {
            methods: ['password'],
            password: {
              user: { name: h.iam.user, password: h.iam.password, domain: { name: h.iam.domain } },
            },
          },
          scope: { project: { id: h.projectId } },
        },
      }),
    });
    assert.equal(r.status, 201);
    const token = r.headers.get('x-subject-token');
    assert.ok(token);
    assert.ok(((await r.json()) as any).token.expires_at);
    const url = h.endpoint + instPath(h, '/envs');
    assert.equal((await fetch(url, { headers: { 'X-Auth-Token': token } })).status, 200);
    h.expireTokens();
    assert.equal((await fetch(url, { headers: { 'X-Auth-Token': token } })).status, 401);
    // AK/SK keeps working
    assert.equal((await call(h, 'GET', instPath(h, '/envs'))).status, 200);
  });
});
