/* eslint-disable @typescript-eslint/no-explicit-any -- JSON wire bodies are checked field by field by the assertions */
// Contract tests over HTTP for the state rules (C7/C8): publish/offline/versions/batch and every binding family.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { call, instPath } from './support.ts';

const RELEASE = 'DEFAULT_ENVIRONMENT_RELEASE_ID';
let h: EmulatorHandle;
let testEnv: string;

before(async () => {
  h = await startEmulator({ seed: 'demo' });
  const envs = await call(h, 'GET', instPath(h, '/envs?name=TEST'));
  testEnv = envs.body.envs[0].id;
});
after(() => h.close());

/** An API of the seed with no publication at all. */
async function unpublishedApi(skip = 0): Promise<any> {
  const all = await call(h, 'GET', instPath(h, '/apis?limit=500'));
  const list = all.body.apis.filter((a: any) => a.publish_id === '');
  assert.ok(list.length > skip, 'the seed has unpublished APIs');
  return list[skip];
}

const publish = (apiId: string, envId = RELEASE) =>
  call(h, 'POST', instPath(h, '/apis/action'), { action: 'online', api_id: apiId, env_id: envId });
const offline = (apiId: string, envId = RELEASE) =>
  call(h, 'POST', instPath(h, '/apis/action'), { action: 'offline', api_id: apiId, env_id: envId });

describe('publish / offline / versions', () => {
  test('publish creates a record and a version (201); offline removes it; offline again → 404 APIG.3015', async () => {
    const api = await unpublishedApi(0);
    const p = await publish(api.id);
    assert.equal(p.status, 201);
    assert.equal(p.body.api_id, api.id);
    assert.equal(p.body.env_id, RELEASE);
    assert.match(p.body.publish_id, /^[0-9a-f]{32}$/);
    const d = await call(h, 'GET', instPath(h, `/apis/${api.id}`));
    assert.equal(d.body.publish_id, p.body.publish_id);
    assert.equal(d.body.run_env_name, 'RELEASE');
    const rt = await call(h, 'GET', instPath(h, `/apis/runtime/${api.id}`));
    assert.equal(rt.status, 200);
    assert.equal(rt.body.publish_id, p.body.publish_id);
    const versions = await call(h, 'GET', instPath(h, `/apis/publish/${api.id}`));
    assert.equal(versions.body.total, 1);
    assert.equal(versions.body.api_versions[0].status, 1);
    const off = await offline(api.id);
    assert.equal(off.status, 201);
    assert.equal((await call(h, 'GET', instPath(h, `/apis/${api.id}`))).body.publish_id, '');
    const again = await offline(api.id);
    assert.equal(again.status, 404);
    assert.equal(again.body.error_code, 'APIG.3015');
    const rt2 = await call(h, 'GET', instPath(h, `/apis/runtime/${api.id}`));
    assert.equal(rt2.status, 404);
  });

  test('unknown API / env → 404 APIG.3002 / APIG.3003', async () => {
    assert.equal((await publish('0'.repeat(32))).body.error_code, 'APIG.3002');
    const api = await unpublishedApi(0);
    assert.equal((await publish(api.id, 'no-such-env')).body.error_code, 'APIG.3003');
  });

  test('at most 10 versions per API per environment; one in effect; switch and take a version offline', async () => {
    const api = await unpublishedApi(1);
    for (let i = 0; i < 12; i++) assert.equal((await publish(api.id, testEnv)).status, 201);
    const v = await call(h, 'GET', instPath(h, `/apis/publish/${api.id}?env_id=${testEnv}`));
    assert.equal(v.body.total, 10);
    assert.equal(v.body.api_versions.filter((x: any) => x.status === 1).length, 1);
    const older = v.body.api_versions.find((x: any) => x.status === 2);
    const sw = await call(h, 'PUT', instPath(h, `/apis/publish/${api.id}`), { version_id: older.version_id });
    assert.equal(sw.status, 200);
    assert.equal(sw.body.version_id, older.version_id);
    const detail = await call(h, 'GET', instPath(h, `/apis/versions/${older.version_id}`));
    assert.equal(detail.status, 200);
    assert.equal(detail.body.version_id, older.version_id);
    assert.equal(detail.body.id, api.id);
    const bad = await call(h, 'PUT', instPath(h, `/apis/publish/${api.id}`), { version_id: 'nope' });
    assert.equal(bad.body.error_code, 'APIG.3022');
    const del = await call(h, 'DELETE', instPath(h, `/apis/versions/${older.version_id}`));
    assert.equal(del.status, 204);
    const after = await call(h, 'GET', instPath(h, `/apis/${api.id}`));
    assert.ok(!after.body.run_env_id.includes(testEnv), 'taking the version in effect offline unpublishes');
    assert.equal((await call(h, 'GET', instPath(h, '/apis/versions/nope'))).body.error_code, 'APIG.3022');
  });

  test('batch publish answers 200 with per-item failures', async () => {
    const api = await unpublishedApi(2);
    const r = await call(h, 'POST', instPath(h, '/apis/publish?action=online'), {
      env_id: RELEASE,
      apis: [api.id, 'f'.repeat(32)],
    });
    assert.equal(r.status, 200);
    assert.equal(r.body.success.length, 1);
    assert.equal(r.body.failure.length, 1);
    assert.equal(r.body.failure[0].error_code, 'APIG.3002');
    const off = await call(h, 'POST', instPath(h, '/apis/publish?action=offline'), {
      env_id: RELEASE,
      apis: [api.id, api.id],
    });
    assert.equal(off.body.success.length, 1);
    assert.equal(off.body.failure[0].error_code, 'APIG.3015');
    const bad = await call(h, 'POST', instPath(h, '/apis/publish?action=delete'), {
      env_id: RELEASE,
      apis: [api.id],
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error_code, 'APIG.2011');
  });
});

describe('throttle bindings', () => {
  test('bind publications, one policy per API per env, unbound list shows only published, unbind and batch', async () => {
    const api = await unpublishedApi(3);
    const throttles = await call(h, 'GET', instPath(h, '/throttles'));
    const [t1, t2] = throttles.body.throttles;
    // An unpublished API has no publication to bind and is absent from the unbound list.
    const unb = await call(
      h,
      'GET',
      instPath(h, `/throttle-bindings/unbinded-apis?throttle_id=${t1.id}&api_id=${api.id}`),
    );
    assert.equal(unb.body.total, 0);
    const notPub = await call(h, 'POST', instPath(h, '/throttle-bindings'), {
      strategy_id: t1.id,
      publish_ids: ['f'.repeat(32)],
    });
    assert.equal(notPub.status, 404);
    assert.equal(notPub.body.error_code, 'APIG.3015');
    const pub = (await publish(api.id)).body.publish_id;
    const unb2 = await call(
      h,
      'GET',
      instPath(h, `/throttle-bindings/unbinded-apis?throttle_id=${t1.id}&api_id=${api.id}`),
    );
    assert.equal(unb2.body.total, 1);
    assert.equal(unb2.body.apis[0].publish_id, pub);
    const b = await call(h, 'POST', instPath(h, '/throttle-bindings'), {
      strategy_id: t1.id,
      publish_ids: [pub],
    });
    assert.equal(b.status, 201);
    const bindId = b.body.throttle_applies[0].id;
    const dup = await call(h, 'POST', instPath(h, '/throttle-bindings'), {
      strategy_id: t2.id,
      publish_ids: [pub],
    });
    assert.equal(dup.status, 400);
    assert.equal(dup.body.error_code, 'APIG.3309');
    // 4.8.4: not bound to t2 but bound to t1 → listed with the current binding (throttle_apply_id/name).
    const unbOther = await call(
      h,
      'GET',
      instPath(h, `/throttle-bindings/unbinded-apis?throttle_id=${t2.id}&api_id=${api.id}`),
    );
    assert.equal(unbOther.body.total, 1);
    assert.equal(unbOther.body.apis[0].throttle_apply_id, bindId);
    assert.equal(unbOther.body.apis[0].throttle_name, t1.name);
    const unbSame = await call(
      h,
      'GET',
      instPath(h, `/throttle-bindings/unbinded-apis?throttle_id=${t1.id}&api_id=${api.id}`),
    );
    assert.equal(unbSame.body.total, 0);
    const bound = await call(
      h,
      'GET',
      instPath(h, `/throttle-bindings/binded-apis?throttle_id=${t1.id}&api_id=${api.id}`),
    );
    assert.equal(bound.body.apis[0].throttle_apply_id, bindId);
    const forApi = await call(h, 'GET', instPath(h, `/throttle-bindings/binded-throttles?api_id=${api.id}`));
    assert.equal(forApi.body.throttles[0].id, t1.id);
    assert.equal(forApi.body.throttles[0].bind_id, bindId);
    assert.equal(
      (await call(h, 'GET', instPath(h, '/throttle-bindings/binded-apis'))).body.error_code,
      'APIG.2001',
    );
    assert.equal(
      (await call(h, 'GET', instPath(h, '/throttle-bindings/binded-apis?throttle_id=nope'))).body.error_code,
      'APIG.3005',
    );
    const batch = await call(h, 'PUT', instPath(h, '/throttle-bindings?action=delete'), {
      throttle_bindings: [bindId, 'nope'],
    });
    assert.equal(batch.status, 200);
    assert.equal(batch.body.success_count, 1);
    assert.equal(batch.body.failure[0].error_code, 'APIG.3012');
    const b2 = await call(h, 'POST', instPath(h, '/throttle-bindings'), {
      strategy_id: t2.id,
      publish_ids: [pub],
    });
    const del = await call(h, 'DELETE', instPath(h, `/throttle-bindings/${b2.body.throttle_applies[0].id}`));
    assert.equal(del.status, 204);
    assert.equal(
      (await call(h, 'DELETE', instPath(h, `/throttle-bindings/${b2.body.throttle_applies[0].id}`))).body
        .error_code,
      'APIG.3012',
    );
    // offline removes the bindings of the publication
    await call(h, 'POST', instPath(h, '/throttle-bindings'), { strategy_id: t1.id, publish_ids: [pub] });
    await offline(api.id);
    const gone = await call(h, 'GET', instPath(h, `/throttle-bindings/binded-throttles?api_id=${api.id}`));
    assert.equal(gone.body.total, 0);
  });
});

describe('signature key bindings', () => {
  test('one key per API per env (APIG.3317), lists, unbind', async () => {
    const api = await unpublishedApi(4);
    const pub = (await publish(api.id)).body.publish_id;
    const signs = await call(h, 'GET', instPath(h, '/signs'));
    const [s1, s2] = signs.body.signs;
    const b = await call(h, 'POST', instPath(h, '/sign-bindings'), { sign_id: s1.id, publish_ids: [pub] });
    assert.equal(b.status, 201);
    assert.equal(b.body.bindings[0].sign_id, s1.id);
    const dup = await call(h, 'POST', instPath(h, '/sign-bindings'), { sign_id: s2.id, publish_ids: [pub] });
    assert.equal(dup.body.error_code, 'APIG.3317');
    const unknown = await call(h, 'POST', instPath(h, '/sign-bindings'), {
      sign_id: 'nope',
      publish_ids: [pub],
    });
    assert.equal(unknown.body.error_code, 'APIG.3017');
    const forApi = await call(h, 'GET', instPath(h, `/sign-bindings/binded-signs?api_id=${api.id}`));
    assert.equal(forApi.body.bindings[0].sign_name, s1.name);
    const apisOf = await call(
      h,
      'GET',
      instPath(h, `/sign-bindings/binded-apis?sign_id=${s1.id}&api_id=${api.id}`),
    );
    assert.equal(apisOf.body.total, 1);
    const unb = await call(
      h,
      'GET',
      instPath(h, `/sign-bindings/unbinded-apis?sign_id=${s2.id}&api_id=${api.id}`),
    );
    // 4.11.4: listed as not bound to s2, naming the key already bound (signature_name).
    assert.equal(unb.body.total, 1);
    assert.equal(unb.body.apis[0].signature_name, s1.name);
    const unbSame = await call(
      h,
      'GET',
      instPath(h, `/sign-bindings/unbinded-apis?sign_id=${s1.id}&api_id=${api.id}`),
    );
    assert.equal(unbSame.body.total, 0);
    assert.equal(
      (await call(h, 'DELETE', instPath(h, `/sign-bindings/${b.body.bindings[0].id}`))).status,
      204,
    );
    assert.equal(
      (await call(h, 'DELETE', instPath(h, `/sign-bindings/${b.body.bindings[0].id}`))).body.error_code,
      'APIG.3018',
    );
  });
});

describe('ACL bindings', () => {
  test('one ACL of each type per API per env; batch unbind; lists', async () => {
    const api = await unpublishedApi(5);
    const pub = (await publish(api.id)).body.publish_id;
    const acls = (await call(h, 'GET', instPath(h, '/acls'))).body.acls;
    const permit = acls.filter((a: any) => a.acl_type === 'PERMIT');
    const deny = acls.find((a: any) => a.acl_type === 'DENY');
    const b1 = await call(h, 'POST', instPath(h, '/acl-bindings'), {
      acl_id: permit[0].id,
      publish_ids: [pub],
    });
    assert.equal(b1.status, 201);
    assert.equal(b1.body.acl_bindings[0].api_id, api.id);
    const sameType = await call(h, 'POST', instPath(h, '/acl-bindings'), {
      acl_id: permit[1].id,
      publish_ids: [pub],
    });
    assert.equal(sameType.status, 400);
    assert.equal(sameType.body.error_code, 'APIG.3309');
    const other = await call(h, 'POST', instPath(h, '/acl-bindings'), {
      acl_id: deny.id,
      publish_ids: [pub],
    });
    assert.equal(other.status, 201);
    const forApi = await call(h, 'GET', instPath(h, `/acl-bindings/binded-acls?api_id=${api.id}`));
    assert.equal(forApi.body.total, 2);
    const apisOf = await call(
      h,
      'GET',
      instPath(h, `/acl-bindings/binded-apis?acl_id=${deny.id}&api_id=${api.id}`),
    );
    assert.equal(apisOf.body.apis[0].publish_id, pub);
    const unb = await call(
      h,
      'GET',
      instPath(h, `/acl-bindings/unbinded-apis?acl_id=${permit[1].id}&api_id=${api.id}`),
    );
    // 4.13.5: listed as not bound to permit[1], naming the other PERMIT policy already bound (acl_name).
    assert.equal(unb.body.total, 1);
    assert.equal(unb.body.apis[0].acl_name, permit[0].acl_name);
    const unbSame = await call(
      h,
      'GET',
      instPath(h, `/acl-bindings/unbinded-apis?acl_id=${deny.id}&api_id=${api.id}`),
    );
    assert.equal(unbSame.body.total, 0);
    const batch = await call(h, 'PUT', instPath(h, '/acl-bindings?action=delete'), {
      acl_bindings: [b1.body.acl_bindings[0].id, 'nope'],
    });
    assert.equal(batch.body.success_count, 1);
    assert.equal(batch.body.failure[0].error_code, 'APIG.3010');
    assert.equal(
      (await call(h, 'DELETE', instPath(h, `/acl-bindings/${other.body.acl_bindings[0].id}`))).status,
      204,
    );
    assert.equal((await call(h, 'DELETE', instPath(h, '/acl-bindings/nope'))).body.error_code, 'APIG.3010');
  });
});

describe('APP authorization', () => {
  test('authorize, duplicate → APIG.3316, unpublished → FILAED, lists, cancel', async () => {
    const api = await unpublishedApi(6);
    const apps = (await call(h, 'GET', instPath(h, '/apps'))).body.apps;
    const app = apps[0];
    const notPub = await call(h, 'POST', instPath(h, '/app-auths'), {
      env_id: RELEASE,
      app_ids: [app.id],
      api_ids: [api.id],
    });
    assert.equal(notPub.status, 201);
    assert.equal(notPub.body.auths[0].auth_result.status, 'FILAED');
    await publish(api.id);
    const unb = await call(
      h,
      'GET',
      instPath(h, `/app-auths/unbinded-apis?app_id=${app.id}&env_id=${RELEASE}&api_id=${api.id}`),
    );
    assert.equal(unb.body.total, 1);
    const ok = await call(h, 'POST', instPath(h, '/app-auths'), {
      env_id: RELEASE,
      app_ids: [app.id],
      api_ids: [api.id],
    });
    assert.equal(ok.body.auths[0].auth_result.status, 'SUCCESS');
    const dup = await call(h, 'POST', instPath(h, '/app-auths'), {
      env_id: RELEASE,
      app_ids: [app.id],
      api_ids: [api.id],
    });
    assert.equal(dup.status, 400);
    assert.equal(dup.body.error_code, 'APIG.3316');
    const bound = await call(
      h,
      'GET',
      instPath(h, `/app-auths/binded-apis?app_id=${app.id}&api_id=${api.id}`),
    );
    assert.equal(bound.body.auths[0].id, ok.body.auths[0].id);
    const appsOf = await call(h, 'GET', instPath(h, `/app-auths/binded-apps?api_id=${api.id}`));
    assert.equal(appsOf.body.auths[0].app_id, app.id);
    const dupPaths = await call(h, 'GET', instPath(h, `/app-auths/duplicate-apis?app_id=${app.id}`));
    assert.equal(dupPaths.status, 200);
    assert.equal(typeof dupPaths.body.total, 'number');
    assert.equal(
      (await call(h, 'GET', instPath(h, '/app-auths/binded-apis?app_id=nope'))).body.error_code,
      'APIG.3004',
    );
    const green = await call(h, 'POST', instPath(h, '/app-auths'), {
      env_id: RELEASE,
      app_ids: [apps[1].id],
      api_ids: [api.id],
      auth_tunnel: 'GREEN',
    });
    assert.equal(green.status, 400, 'the professional instance has no green_tunnel feature');
    assert.equal((await call(h, 'DELETE', instPath(h, `/app-auths/${ok.body.auths[0].id}`))).status, 204);
    assert.equal(
      (await call(h, 'DELETE', instPath(h, `/app-auths/${ok.body.auths[0].id}`))).body.error_code,
      'APIG.3009',
    );
  });
});
