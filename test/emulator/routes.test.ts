/* eslint-disable @typescript-eslint/no-explicit-any -- JSON wire bodies are checked field by field by the assertions */
// Contract tests over HTTP: read routes, envelopes, paging edges, filters, validation and unknown routes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { call, instPath } from './support.ts';

let h: EmulatorHandle;
before(async () => {
  h = await startEmulator({ seed: 'demo' });
});
after(() => h.close());

describe('instances', () => {
  test('list (OUTSIDE-SEED) has 3 instances in different states, the first running professional', async () => {
    const r = await call(h, 'GET', `/v2/${h.projectId}/instances`);
    assert.equal(r.status, 200);
    assert.equal(r.body.total, 3);
    assert.deepEqual(
      r.body.instances.map((i: any) => i.status),
      ['RUNNING', 'RUNNING', 'FROZEN'],
    );
    assert.equal(r.body.instances[0].id, h.instances[0]);
    const frozen = await call(h, 'GET', `/v2/${h.projectId}/instances?status=FROZEN`);
    assert.equal(frozen.body.total, 1);
  });

  test('detail 4.1.1 and restriction 4.1.2; unknown instance → 404 APIC.7302 / APIG.3030', async () => {
    const d = await call(h, 'GET', instPath(h, ''));
    assert.equal(d.status, 200);
    assert.equal(d.body.spec, 'ROMA_PROFESSIONAL');
    assert.equal(d.body.status, 'Running');
    assert.equal(typeof d.body.create_time, 'number');
    const r = await call(h, 'GET', instPath(h, '/restriction'));
    assert.ok(Array.isArray(r.body.restrict_cidrs));
    const missing = await call(h, 'GET', instPath(h, '', 'no-such-instance'));
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error_code, 'APIC.7302');
    const missing2 = await call(h, 'GET', instPath(h, '/apis', 'no-such-instance'));
    assert.equal(missing2.body.error_code, 'APIG.3030');
  });

  test('features 4.22.1', async () => {
    const r = await call(h, 'GET', instPath(h, '/features'));
    assert.equal(r.status, 200);
    assert.ok(r.body.features.some((f: any) => f.name === 'app_api_key'));
  });
});

describe('paging (C2)', () => {
  test('default limit 20, offset beyond total gives an empty page with the true total', async () => {
    const first = await call(h, 'GET', instPath(h, '/apis'));
    assert.equal(first.body.size, 20);
    assert.ok(first.body.total > 200);
    const beyond = await call(h, 'GET', instPath(h, `/apis?offset=${first.body.total + 5}`));
    assert.equal(beyond.status, 200);
    assert.equal(beyond.body.size, 0);
    assert.equal(beyond.body.total, first.body.total);
  });

  test('negative offset is 0', async () => {
    const a = await call(h, 'GET', instPath(h, '/apis?offset=-7&limit=3'));
    const b = await call(h, 'GET', instPath(h, '/apis?offset=0&limit=3'));
    assert.equal(a.status, 200);
    assert.deepEqual(
      a.body.apis.map((x: any) => x.id),
      b.body.apis.map((x: any) => x.id),
    );
  });

  test('limit 0, 501 and non-numeric → 400 APIG.2012; 500 is accepted', async () => {
    for (const l of ['0', '501', 'abc']) {
      const r = await call(h, 'GET', instPath(h, `/api-groups?limit=${l}`));
      assert.equal(r.status, 400, `limit=${l}`);
      assert.equal(r.body.error_code, 'APIG.2012');
      assert.match(r.body.error_msg, /parameterName:limit/);
    }
    const ok = await call(h, 'GET', instPath(h, '/apis?limit=500'));
    assert.equal(ok.body.size, 500 < ok.body.total ? 500 : ok.body.total);
  });
});

describe('filters', () => {
  test('API name is fuzzy unless precise_search=name', async () => {
    const fuzzy = await call(h, 'GET', instPath(h, '/apis?name=order&limit=500'));
    assert.ok(fuzzy.body.total > 1);
    assert.ok(fuzzy.body.apis.every((a: any) => a.name.includes('order')));
    const exact = await call(h, 'GET', instPath(h, '/apis?name=list_orders&precise_search=name'));
    assert.equal(exact.body.total, 1);
    assert.equal(exact.body.apis[0].name, 'list_orders');
  });

  test('group_id, auth_type, env_id filters', async () => {
    const groups = await call(h, 'GET', instPath(h, '/api-groups?name=payment_gateway&precise_search=name'));
    assert.equal(groups.body.total, 1);
    const gid = groups.body.groups[0].id;
    const apis = await call(h, 'GET', instPath(h, `/apis?group_id=${gid}&auth_type=APP&limit=500`));
    assert.ok(apis.body.apis.every((a: any) => a.group_id === gid && a.auth_type === 'APP'));
    const rel = await call(h, 'GET', instPath(h, '/apis?env_id=DEFAULT_ENVIRONMENT_RELEASE_ID&limit=500'));
    assert.ok(rel.body.total > 0);
    assert.ok(
      rel.body.apis.every((a: any) => a.run_env_id.split('|').includes('DEFAULT_ENVIRONMENT_RELEASE_ID')),
    );
  });
});

describe('read routes', () => {
  test('group detail, check, envs, env variables', async () => {
    const groups = await call(h, 'GET', instPath(h, '/api-groups'));
    const g = groups.body.groups[0];
    const d = await call(h, 'GET', instPath(h, `/api-groups/${g.id}`));
    assert.equal(d.body.name, g.name);
    const nf = await call(h, 'GET', instPath(h, '/api-groups/deadbeef'));
    assert.equal(nf.status, 404);
    assert.equal(nf.body.error_code, 'APIG.3001');
    const taken = await call(h, 'POST', instPath(h, '/api-groups/check'), { group_name: g.name });
    assert.equal(taken.status, 400);
    assert.equal(taken.body.error_code, 'APIG.3201');
    const free = await call(h, 'POST', instPath(h, '/api-groups/check'), { group_name: 'brand_new_group' });
    assert.equal(free.status, 204);
    const envs = await call(h, 'GET', instPath(h, '/envs'));
    assert.deepEqual(
      envs.body.envs.map((e: any) => e.name),
      ['RELEASE', 'TEST', 'PRE'],
    );
    const vars = await call(h, 'GET', instPath(h, `/env-variables?group_id=${g.id}`));
    assert.ok(vars.body.total > 0);
    const noGroup = await call(h, 'GET', instPath(h, '/env-variables'));
    assert.equal(noGroup.status, 400);
    assert.equal(noGroup.body.error_code, 'APIG.2001');
  });

  test('API detail has backend objects; list items do not; 404 APIG.3002', async () => {
    const list = await call(h, 'GET', instPath(h, '/apis?limit=1'));
    const item = list.body.apis[0];
    assert.equal(item.backend_api, undefined);
    const d = await call(h, 'GET', instPath(h, `/apis/${item.id}`));
    assert.equal(d.status, 200);
    assert.ok(d.body.backend_api || d.body.mock_info || d.body.func_info);
    assert.equal(typeof d.body.group_name, 'string');
    const nf = await call(h, 'GET', instPath(h, '/apis/0000'));
    assert.equal(nf.body.error_code, 'APIG.3002');
  });

  test('throttles, specials, signs, acls, apps, vpc channels + members, authorizers', async () => {
    const t = await call(h, 'GET', instPath(h, '/throttles'));
    assert.equal(t.body.total, 6);
    const withSpecial = t.body.throttles.find((x: any) => x.is_inclu_special_throttle === 1);
    const sp = await call(h, 'GET', instPath(h, `/throttles/${withSpecial.id}/throttle-specials`));
    assert.ok(sp.body.total > 0);
    assert.equal(
      (await call(h, 'GET', instPath(h, `/throttles/${withSpecial.id}`))).body.name,
      withSpecial.name,
    );
    assert.equal((await call(h, 'GET', instPath(h, '/throttles/nope'))).body.error_code, 'APIG.3005');
    const acls = await call(h, 'GET', instPath(h, '/acls?acl_type=DENY'));
    assert.ok(acls.body.acls.every((a: any) => a.acl_type === 'DENY'));
    assert.equal((await call(h, 'GET', instPath(h, `/acls/${acls.body.acls[0].id}`))).status, 200);
    assert.equal((await call(h, 'GET', instPath(h, '/acls/nope'))).body.error_code, 'APIG.3006');
    const apps = await call(h, 'GET', instPath(h, '/apps'));
    assert.equal(apps.body.total, 8);
    assert.equal(
      (await call(h, 'GET', instPath(h, `/apps/${apps.body.apps[0].id}`))).body.name,
      apps.body.apps[0].name,
    );
    assert.equal((await call(h, 'GET', instPath(h, '/apps/nope'))).body.error_code, 'APIG.3004');
    const vpcs = await call(h, 'GET', instPath(h, '/vpc-channels'));
    const statuses = new Set<number>();
    for (const v of vpcs.body.vpc_channels) {
      const d = await call(h, 'GET', instPath(h, `/vpc-channels/${v.id}`));
      for (const m of d.body.members) statuses.add(m.status);
      const members = await call(h, 'GET', instPath(h, `/vpc-channels/${v.id}/members`));
      assert.equal(members.body.total, d.body.members.length);
    }
    assert.deepEqual([...statuses].sort(), [1, 2], 'healthy and unhealthy members');
    assert.equal((await call(h, 'GET', instPath(h, '/vpc-channels/nope'))).body.error_code, 'APIG.3023');
    const az = await call(h, 'GET', instPath(h, '/authorizers'));
    assert.equal(az.body.authorizer_list.length, 3);
    assert.equal(
      (await call(h, 'GET', instPath(h, `/authorizers/${az.body.authorizer_list[0].id}`))).status,
      200,
    );
    assert.equal((await call(h, 'GET', instPath(h, '/authorizers/nope'))).body.error_code, 'APIG.3081');
    const signs = await call(h, 'GET', instPath(h, '/signs'));
    assert.equal(signs.body.total, 3);
  });
});

describe('protocol edges', () => {
  test('unknown route → 404 in the error envelope', async () => {
    const r = await call(h, 'GET', instPath(h, '/no-such-resource'));
    assert.equal(r.status, 404);
    assert.equal(typeof r.body.error_code, 'string');
    assert.equal(typeof r.body.error_msg, 'string');
  });

  test('a body that is not JSON → 400 APIG.2000, and the server keeps serving', async () => {
    const r = await call(h, 'POST', instPath(h, '/apis/action'), undefined, { raw: '{"action": online' });
    assert.equal(r.status, 400);
    assert.equal(r.body.error_code, 'APIG.2000');
    assert.equal((await call(h, 'GET', instPath(h, '/envs'))).status, 200);
  });

  test('validation: missing and out-of-enum fields → 400 with the parameter name', async () => {
    const missing = await call(h, 'POST', instPath(h, '/apis/action'), {
      action: 'online',
      env_id: 'DEFAULT_ENVIRONMENT_RELEASE_ID',
    });
    assert.equal(missing.status, 400);
    assert.match(missing.body.error_msg, /api_id/);
    const badEnum = await call(h, 'POST', instPath(h, '/apis/action'), {
      action: 'publish',
      api_id: 'x',
      env_id: 'y',
    });
    assert.equal(badEnum.status, 400);
    assert.equal(badEnum.body.error_code, 'APIG.2011');
    assert.match(badEnum.body.error_msg, /parameterName:action/);
    const tooLong = await call(h, 'POST', instPath(h, '/apis/action'), {
      action: 'online',
      api_id: 'x',
      env_id: 'y',
      remark: 'r'.repeat(256),
    });
    assert.equal(tooLong.status, 400);
  });
});
