/* eslint-disable @typescript-eslint/no-explicit-any -- JSON wire bodies are checked field by field by the assertions */
// Contract tests over HTTP for the deletes and their refusals (C8; codes from ERRORS.md 7.4.2).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import type { InstanceStore } from '../../src/emulator/state.ts';
import { call, instPath, type CallResult } from './support.ts';

const RELEASE = 'DEFAULT_ENVIRONMENT_RELEASE_ID';
const UNKNOWN = '0'.repeat(32);
let h: EmulatorHandle;
let store: InstanceStore;

before(async () => {
  h = await startEmulator({ seed: 'demo' });
  store = h.state.stores.get(h.instances[0] as string) as InstanceStore;
});
after(() => h.close());

const get = (rest: string) => call(h, 'GET', instPath(h, rest));
const del = (rest: string) => call(h, 'DELETE', instPath(h, rest));

function assertRefused(r: CallResult, status: number, code: string): void {
  assert.equal(r.status, status, r.text);
  assert.equal(r.body.error_code, code);
  assert.equal(typeof r.body.error_msg, 'string');
}

function assertDeleted(r: CallResult): void {
  assert.equal(r.status, 204, r.text);
  assert.equal(r.text, '');
}

async function envId(name: string): Promise<string> {
  return (await get(`/envs?name=${name}&precise_search=name`)).body.envs[0].id;
}

/** Takes the APIs offline in every environment where they are published (4.3.7, per env). */
async function offlineEverywhere(apiIds: string[]): Promise<void> {
  const envs = (await get('/envs')).body.envs as Array<{ id: string }>;
  for (const e of envs) {
    const r = await call(h, 'POST', instPath(h, '/apis/publish?action=offline'), {
      env_id: e.id,
      apis: apiIds,
    });
    assert.equal(r.status, 200);
  }
}

describe('API group 4.2.3', () => {
  test('refused while it contains APIs (409 APIG.3415); 204 once emptied; its variables go with it', async () => {
    const group = (await get('/api-groups?limit=1')).body.groups[0];
    assertRefused(await del(`/api-groups/${group.id}`), 409, 'APIG.3415');
    assert.equal((await get(`/api-groups/${group.id}`)).status, 200);

    const apis = (await get(`/apis?group_id=${group.id}&limit=500`)).body.apis as any[];
    assert.ok(apis.length > 0);
    await offlineEverywhere(apis.map((a) => a.id));
    for (const a of apis) assertDeleted(await del(`/apis/${a.id}`));
    assert.ok([...store.data.envVariables.values()].some((v) => v.group_id === group.id));

    assertDeleted(await del(`/api-groups/${group.id}`));
    assertRefused(await get(`/api-groups/${group.id}`), 404, 'APIG.3001');
    assert.equal((await get(`/env-variables?group_id=${group.id}`)).status, 404);
    assert.ok(![...store.data.envVariables.values()].some((v) => v.group_id === group.id));
    assertRefused(await del(`/api-groups/${group.id}`), 404, 'APIG.3001');
  });

  test('the default group is refused (409 APIG.3482) even when empty', async () => {
    const group = (await get('/api-groups?limit=1&offset=1')).body.groups[0];
    const apis = (await get(`/apis?group_id=${group.id}&limit=500`)).body.apis as any[];
    await offlineEverywhere(apis.map((a) => a.id));
    for (const a of apis) assertDeleted(await del(`/apis/${a.id}`));
    // No route creates a default group; the seed has none, so the test marks one (is_default 1).
    const g = store.data.groups.get(group.id);
    assert.ok(g);
    g.is_default = 1;
    assertRefused(await del(`/api-groups/${group.id}`), 409, 'APIG.3482');
    g.is_default = 2;
    assertDeleted(await del(`/api-groups/${group.id}`));
  });

  test('unknown group → 404 APIG.3001', async () => {
    assertRefused(await del(`/api-groups/${UNKNOWN}`), 404, 'APIG.3001');
  });
});

describe('API 4.3.3', () => {
  test('refused while published (409 APIG.3416); 204 after offline; versions and authorizations go with it', async () => {
    const published = (await get('/apis?limit=500')).body.apis.find(
      (a: any) => a.publish_id !== '' && a.run_env_id.includes('|'),
    );
    assert.ok(published, 'the seed has an API published in several environments');
    assertRefused(await del(`/apis/${published.id}`), 409, 'APIG.3416');
    assert.equal((await get(`/apis/${published.id}`)).status, 200);

    // Offline in one environment only: still published elsewhere, still refused.
    const firstEnv = (published.run_env_id as string).split('|')[0] as string;
    const off = await call(h, 'POST', instPath(h, '/apis/action'), {
      action: 'offline',
      api_id: published.id,
      env_id: firstEnv,
    });
    assert.equal(off.status, 201);
    assertRefused(await del(`/apis/${published.id}`), 409, 'APIG.3416');

    await offlineEverywhere([published.id]);
    assert.ok([...store.data.versions.values()].some((v) => v.api_id === published.id));
    assertDeleted(await del(`/apis/${published.id}`));
    assertRefused(await get(`/apis/${published.id}`), 404, 'APIG.3002');
    assert.ok(![...store.data.versions.values()].some((v) => v.api_id === published.id));
    assert.ok(![...store.data.appAuths.values()].some((a) => a.api_id === published.id));
    assertRefused(await del(`/apis/${published.id}`), 404, 'APIG.3002');
  });

  test('unknown API → 404 APIG.3002', async () => {
    assertRefused(await del(`/apis/${UNKNOWN}`), 404, 'APIG.3002');
  });
});

describe('environment 4.4.3', () => {
  test('RELEASE is never deleted (403 APIG.1103)', async () => {
    assertRefused(await del(`/envs/${RELEASE}`), 403, 'APIG.1103');
    assert.equal((await get('/envs?name=RELEASE&precise_search=name')).body.total, 1);
  });

  test('refused while APIs are published in it (409 APIG.3418); 204 once they are offline', async () => {
    const pre = await envId('PRE');
    assertRefused(await del(`/envs/${pre}`), 409, 'APIG.3418');
    const published = (await get(`/apis?env_id=${pre}&limit=500`)).body.apis as any[];
    assert.ok(published.length > 0);
    const off = await call(h, 'POST', instPath(h, '/apis/publish?action=offline'), {
      env_id: pre,
      apis: published.map((a) => a.id),
    });
    assert.equal(off.body.failure.length, 0);
    assert.ok([...store.data.envVariables.values()].some((v) => v.env_id === pre));

    assertDeleted(await del(`/envs/${pre}`));
    assert.equal((await get('/envs?name=PRE&precise_search=name')).body.total, 0);
    assert.ok(![...store.data.envVariables.values()].some((v) => v.env_id === pre));
    assert.ok(![...store.data.versions.values()].some((v) => v.env_id === pre));
    assertRefused(await del(`/envs/${pre}`), 404, 'APIG.3003');
  });

  test('unknown environment → 404 APIG.3003', async () => {
    assertRefused(await del(`/envs/${UNKNOWN}`), 404, 'APIG.3003');
  });
});

describe('throttling policy 4.7.3', () => {
  test('refused while bound (412 APIG.3451); 204 once unbound; special settings go with it', async () => {
    const t = (await get('/throttles?limit=1')).body.throttles[0];
    assert.ok(t.bind_num > 0);
    assertRefused(await del(`/throttles/${t.id}`), 412, 'APIG.3451');

    const bound = (await get(`/throttle-bindings/binded-apis?throttle_id=${t.id}&limit=500`)).body.apis;
    const ids = bound.map((b: any) => b.throttle_apply_id);
    const un = await call(h, 'PUT', instPath(h, '/throttle-bindings?action=delete'), {
      throttle_bindings: ids,
    });
    assert.equal(un.body.success_count, ids.length);
    assert.ok([...store.data.throttleSpecials.values()].some((s) => s.throttle_id === t.id));

    assertDeleted(await del(`/throttles/${t.id}`));
    assertRefused(await get(`/throttles/${t.id}`), 404, 'APIG.3005');
    assert.ok(![...store.data.throttleSpecials.values()].some((s) => s.throttle_id === t.id));
  });

  test('unknown policy → 404 APIG.3005', async () => {
    assertRefused(await del(`/throttles/${UNKNOWN}`), 404, 'APIG.3005');
  });
});

describe('signature key 4.10.3', () => {
  test('refused while bound (412 APIG.3480); 204 once unbound', async () => {
    const signs = (await get('/signs')).body.signs as any[];
    const s = signs.reduce((a, b) => (b.bind_num < a.bind_num ? b : a));
    assert.ok(s.bind_num > 0);
    assertRefused(await del(`/signs/${s.id}`), 412, 'APIG.3480');

    const bound = (await get(`/sign-bindings/binded-apis?sign_id=${s.id}&limit=500`)).body.bindings;
    for (const b of bound) assertDeleted(await del(`/sign-bindings/${b.id}`));

    assertDeleted(await del(`/signs/${s.id}`));
    assert.equal((await get(`/signs?id=${s.id}`)).body.total, 0);
    assertRefused(await del(`/signs/${s.id}`), 404, 'APIG.3017');
  });

  test('unknown key → 404 APIG.3017', async () => {
    assertRefused(await del(`/signs/${UNKNOWN}`), 404, 'APIG.3017');
  });
});

/** Removes every binding of an ACL policy (4.13.3 batch unbind). */
async function unbindAcl(aclId: string): Promise<void> {
  const bound = (await get(`/acl-bindings/binded-apis?acl_id=${aclId}&limit=500`)).body.apis;
  const ids = bound.map((b: any) => b.bind_id);
  const un = await call(h, 'PUT', instPath(h, '/acl-bindings?action=delete'), { acl_bindings: ids });
  assert.equal(un.body.success_count, ids.length);
}

describe('ACL policy 4.12.3 / 4.12.4', () => {
  test('refused while bound (412 APIG.3447); 204 once unbound', async () => {
    const acl = (await get('/acls?limit=1')).body.acls[0];
    assert.ok(acl.bind_num > 0);
    assertRefused(await del(`/acls/${acl.id}`), 412, 'APIG.3447');
    await unbindAcl(acl.id);
    assertDeleted(await del(`/acls/${acl.id}`));
    assertRefused(await get(`/acls/${acl.id}`), 404, 'APIG.3006');
    assertRefused(await del(`/acls/${acl.id}`), 404, 'APIG.3006');
  });

  test('batch: 200 with per-item failures for bound (APIG.3447) and unknown (APIG.3006) policies', async () => {
    const acls = (await get('/acls')).body.acls as any[];
    const [free, bound] = [acls[0], acls[1]];
    assert.ok(free && bound && bound.bind_num > 0);
    await unbindAcl(free.id);
    const r = await call(h, 'PUT', instPath(h, '/acls?action=delete'), {
      acls: [free.id, bound.id, UNKNOWN],
    });
    assert.equal(r.status, 200);
    assert.equal(r.body.success_count, 1);
    assert.deepEqual(
      r.body.failure.map((f: any) => [f.acl_id, f.acl_name, f.error_code]),
      [
        [bound.id, bound.acl_name, 'APIG.3447'],
        [UNKNOWN, '', 'APIG.3006'],
      ],
    );
    assert.equal(r.body.failure[0].error_msg, 'The Acl Strategy has already binded to APIs');
    assert.equal((await get(`/acls/${free.id}`)).status, 404);
    assert.equal((await get(`/acls/${bound.id}`)).status, 200);
  });

  test('batch: action must be delete (400 APIG.2011); `acls` is required (400 APIG.2001)', async () => {
    const acl = (await get('/acls?limit=1')).body.acls[0];
    assertRefused(await call(h, 'PUT', instPath(h, '/acls'), { acls: [acl.id] }), 400, 'APIG.2011');
    assertRefused(await call(h, 'PUT', instPath(h, '/acls?action=delete'), {}), 400, 'APIG.2001');
    assertRefused(await call(h, 'PUT', instPath(h, '/acls?action=delete'), { acls: [] }), 400, 'APIG.2011');
    assert.equal((await get(`/acls/${acl.id}`)).status, 200);
  });
});
