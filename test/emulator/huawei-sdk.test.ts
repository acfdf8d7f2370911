// Huawei's own Node.js SDK signs requests with the emulator's AK/SK; the emulator must accept them over
// real HTTP and reject the same request once a byte of it changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { buildQueryString } from '../../src/auth/signer.ts';

const require = createRequire(import.meta.url);
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner');
const { BasicCredentials } = require('@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials');

let emu: EmulatorHandle;
before(async () => {
  emu = await startEmulator({ seed: 'demo' });
});
after(async () => {
  await emu.close();
});

async function sdkSignedFetch(
  method: string,
  path: string,
  query: Record<string, string>,
  data?: unknown,
  tamper?: (r: { url: string; body: string }) => { url: string; body: string },
): Promise<Response> {
  const cred = new BasicCredentials().withAk(emu.ak).withSk(emu.sk).withProjectId(emu.projectId);
  const headers: Record<string, string> = {
    'X-Project-Id': emu.projectId,
    'Content-Type': 'application/json',
  };
  const signed = AKSKSigner.sign(
    { method, endpoint: emu.endpoint + path, headers, queryParams: query, data },
    cred,
  ) as Record<string, string>;
  const qs = buildQueryString(Object.entries(query));
  let req = {
    url: emu.endpoint + path + (qs ? '?' + qs : ''),
    body: data === undefined ? '' : JSON.stringify(data),
  };
  if (tamper) req = tamper(req);
  return fetch(req.url, {
    method,
    headers: { ...headers, ...signed },
    body: method === 'GET' ? undefined : req.body,
  });
}

test('a GET signed by the Huawei SDK is accepted', async () => {
  const inst = emu.instances[0]!;
  const res = await sdkSignedFetch('GET', `/v2/${emu.projectId}/apic/instances/${inst}/apis`, {
    limit: '5',
    name: 'order',
  });
  assert.equal(res.status, 200, await res.clone().text());
  const body = (await res.json()) as { apis: unknown[]; total: number };
  assert.ok(Array.isArray(body.apis));
});

test('a request signed by the Huawei SDK is rejected after a one-byte tamper', async () => {
  const inst = emu.instances[0]!;
  const res = await sdkSignedFetch(
    'GET',
    `/v2/${emu.projectId}/apic/instances/${inst}/apis`,
    { limit: '5' },
    undefined,
    (r) => ({
      ...r,
      url: r.url.replace('limit=5', 'limit=6'),
    }),
  );
  assert.equal(res.status, 401);
  const body = (await res.json()) as { error_code: string };
  assert.equal(body.error_code, 'APIC.0301');
});

test('a POST with a JSON body signed by the Huawei SDK is accepted, and rejected with a changed body', async () => {
  const inst = emu.instances[0]!;
  const path = `/v2/${emu.projectId}/apic/instances/${inst}/api-groups/check`;
  const ok = await sdkSignedFetch('POST', path, {}, { group_name: 'no_such_group_name_xyz' });
  assert.notEqual(ok.status, 401, await ok.clone().text());
  const bad = await sdkSignedFetch('POST', path, {}, { group_name: 'no_such_group_name_xyz' }, (r) => ({
    ...r,
    body: r.body.replace('xyz', 'xyy'),
  }));
  assert.equal(bad.status, 401);
});
