// Create and modify calls (issue 13) through the real client against the emulator: the emulator's field
// rules and codes, name uniqueness, consistent state, and writes sent once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createRomaClient, type InstanceClient } from '../../src/api/client.ts';
import { RomaError } from '../../src/api/errors.ts';
import { akskProvider } from '../../src/auth/providers.ts';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';

const RELEASE = 'DEFAULT_ENVIRONMENT_RELEASE_ID';
let em: EmulatorHandle;
let inst: InstanceClient;

function clientFor(readOnly = false): InstanceClient {
  return createRomaClient({
    endpoint: em.endpoint,
    projectId: em.projectId,
    auth: akskProvider({ ak: em.ak, sk: em.sk, projectId: em.projectId }),
    readOnly,
    sleep: async () => undefined,
  }).instance(em.instances[0] as string);
}

const store = () => em.state.stores.get(em.instances[0] as string)!.data;

before(async () => {
  em = await startEmulator({ seed: 'demo' });
  inst = clientFor();
});
after(() => em.close());

/** A typed refusal with the server's status and code, sent exactly once; returns the error. */
async function refused(p: Promise<unknown>, status: number, code: string): Promise<RomaError> {
  const before = em.stats.requests;
  let err: RomaError | undefined;
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof RomaError, String(e));
    assert.equal(e.kind, 'http');
    assert.equal(e.status, status, e.errorMsg);
    assert.equal(e.errorCode, code, e.errorMsg);
    err = e;
    return true;
  });
  assert.equal(em.stats.requests - before, 1, 'a write is sent once');
  return err as RomaError;
}

const base = {
  name: 'storm_guard',
  api_call_limits: 200,
  user_call_limits: 100,
  app_call_limits: 50,
  ip_call_limits: 100,
  time_interval: 1,
  time_unit: 'SECOND',
  type: 1,
};

describe('throttling policies 4.7.1/4.7.2 and special settings 4.9.1-4.9.3', () => {
  it('creates, then modifies the limit; the emulator state follows', async () => {
    const t = await inst.throttles.create(base);
    assert.equal(t.name, 'storm_guard');
    assert.equal(t.api_call_limits, 200);
    assert.equal(t.bind_num, 0);
    const created = store().throttles.get(t.id)?.create_time;
    const up = await inst.throttles.update(t.id, { ...base, api_call_limits: 400 });
    assert.equal(up.api_call_limits, 400);
    assert.equal(store().throttles.get(t.id)?.api_call_limits, 400);
    assert.equal(store().throttles.get(t.id)?.create_time, created);
  });

  it('refuses a taken name (APIG.3204), broken relations and ranges naming the parameter', async () => {
    await refused(inst.throttles.create(base), 400, 'APIG.3204');
    const e1 = await refused(
      inst.throttles.create({ ...base, name: 'other_one', user_call_limits: 300 }),
      400,
      'APIG.2011',
    );
    assert.match(e1.errorMsg ?? '', /parameterName:user_call_limits/);
    const e2 = await refused(
      inst.throttles.create({ ...base, name: 'other_one', api_call_limits: 0 }),
      400,
      'APIG.2011',
    );
    assert.match(e2.errorMsg ?? '', /parameterName:api_call_limits/);
    const e3 = await refused(inst.throttles.create({ ...base, name: '1bad' }), 400, 'APIG.2011');
    assert.match(e3.errorMsg ?? '', /parameterName:name/);
    await refused(inst.throttles.create({ ...base, name: 'other_one', time_unit: 'WEEK' }), 400, 'APIG.2011');
    const { time_interval: _omit, ...noInterval } = base;
    void _omit;
    await refused(
      inst.throttles.create({ ...noInterval, name: 'other_one' } as typeof base),
      400,
      'APIG.2001',
    );
    await refused(inst.throttles.update('nope', base), 404, 'APIG.3005');
  });

  it('keeps its own name on modify, and a special setting per APP and per user', async () => {
    const t = (await inst.throttles.listAll({ name: 'storm_guard' }))[0]!;
    await inst.throttles.update(t.id, { ...base, remark: 'same name is fine' });
    const app = (await inst.apps.list({ limit: 1 })).items[0]!;
    const s = await inst.throttleSpecials.create(t.id, {
      object_type: 'APP',
      object_id: app.id,
      call_limits: 80,
    });
    assert.equal(s.app_name, app.name);
    const u = await inst.throttleSpecials.create(t.id, {
      object_type: 'USER',
      object_id: 'tenant-9',
      call_limits: 5,
    });
    await refused(
      inst.throttleSpecials.create(t.id, { object_type: 'APP', object_id: app.id, call_limits: 9 }),
      400,
      'APIG.2011',
    );
    await refused(
      inst.throttleSpecials.create(t.id, { object_type: 'APP', object_id: 'no-such-app', call_limits: 9 }),
      404,
      'APIG.3004',
    );
    const changed = await inst.throttleSpecials.update(t.id, s.id, { call_limits: 120 });
    assert.equal(changed.call_limits, 120);
    const listed = await inst.throttleSpecials.of(t.id).listAll({});
    assert.deepEqual(listed.map((x) => x.call_limits).sort(), [120, 5]);
    await inst.throttleSpecials.remove(t.id, u.id);
    assert.equal(store().throttleSpecials.has(u.id), false);
    await refused(inst.throttleSpecials.remove(t.id, u.id), 404, 'APIG.3013');
  });

  it('is refused client-side in read-only mode (nothing sent)', async () => {
    const ro = clientFor(true);
    const before = em.stats.requests;
    await assert.rejects(ro.throttles.create({ ...base, name: 'never_sent' }), (e: unknown) => {
      assert.ok(e instanceof RomaError);
      assert.equal(e.kind, 'read-only');
      return true;
    });
    assert.equal(em.stats.requests, before);
  });
});

describe('signature keys 4.10.1/4.10.2 and ACLs 4.12.1/4.12.2', () => {
  it('generates key and secret when omitted; checks them per type; keeps them on rename', async () => {
    const s = await inst.signs.create({ name: 'backend_sig' });
    assert.equal(s.sign_type, 'hmac');
    assert.ok((s.sign_key ?? '').length >= 8);
    assert.ok((s.sign_secret ?? '').length >= 16);
    const renamed = await inst.signs.update(s.id, { name: 'backend_sig2' });
    assert.equal(renamed.sign_secret, s.sign_secret);
    await refused(inst.signs.create({ name: 'backend_sig2' }), 400, 'APIG.3207');
    const e = await refused(
      inst.signs.create({ name: 'short_secret', sign_secret: 'abc' }),
      400,
      'APIG.2011',
    );
    assert.match(e.errorMsg ?? '', /parameterName:sign_secret/);
    await refused(inst.signs.update('missing', { name: 'whatever' }), 404, 'APIG.3017');
  });

  it('validates ACL values per entity type and refuses a changed entity type', async () => {
    const a = await inst.acls.create({
      acl_name: 'deny_scrapers',
      acl_type: 'DENY',
      entity_type: 'IP',
      acl_value: '10.0.0.1,192.168.0.0/16',
    });
    const up = await inst.acls.update(a.id, {
      ...a,
      acl_name: 'deny_scrapers',
      acl_type: 'DENY',
      entity_type: 'IP',
      acl_value: '10.0.0.1,10.0.0.2',
    });
    assert.equal(up.acl_value, '10.0.0.1,10.0.0.2');
    assert.equal(store().acls.get(a.id)?.acl_value, '10.0.0.1,10.0.0.2');
    const bad = await refused(
      inst.acls.create({
        acl_name: 'deny_more',
        acl_type: 'DENY',
        entity_type: 'IP',
        acl_value: '10.0.0.999',
      }),
      400,
      'APIG.2011',
    );
    assert.match(bad.errorMsg ?? '', /parameterName:acl_value/);
    await refused(
      inst.acls.create({
        acl_name: 'deny_more',
        acl_type: 'DENY',
        entity_type: 'IP',
        acl_value: '1.1.1.1,1.1.1.1',
      }),
      400,
      'APIG.3306',
    );
    await refused(
      inst.acls.create({
        acl_name: 'deny_scrapers',
        acl_type: 'PERMIT',
        entity_type: 'IP',
        acl_value: '1.1.1.1',
      }),
      400,
      'APIG.3206',
    );
    await refused(
      inst.acls.update(a.id, {
        acl_name: 'deny_scrapers',
        acl_type: 'DENY',
        entity_type: 'DOMAIN',
        acl_value: 'x',
      }),
      400,
      'APIG.2011',
    );
  });
});

describe('groups 4.2.1/4.2.2, environments 4.4.1/4.4.2, variables 4.5.1-4.5.5', () => {
  it('creates a group whose name 4.2.6 then reports as taken; modifies name and remark', async () => {
    assert.equal(await inst.groups.isNameAvailable({ group_name: 'payments_v2' }), true);
    const g = await inst.groups.create({ name: 'payments_v2', remark: 'new' });
    assert.ok(g.sl_domain);
    assert.equal(await inst.groups.isNameAvailable({ group_name: 'payments_v2' }), false);
    await refused(inst.groups.create({ name: 'payments_v2' }), 400, 'APIG.3201');
    const up = await inst.groups.update(g.id, { name: 'payments_v3', remark: 'renamed' });
    assert.equal(up.name, 'payments_v3');
    assert.equal(store().groups.get(g.id)?.remark, 'renamed');
    await refused(inst.groups.create({ name: 'ab' }), 400, 'APIG.2011');
    await refused(inst.groups.create({ name: 'app_group', version: 'V2' }), 400, 'APIG.2001');
  });

  it('creates and renames an environment; RELEASE is built in', async () => {
    const e = await inst.envs.create({ name: 'STANDBY', remark: 'dr site' });
    const up = await inst.envs.update(e.id, { name: 'STANDBY_DR' });
    assert.equal(up.name, 'STANDBY_DR');
    assert.equal(up.remark, 'dr site');
    await refused(inst.envs.create({ name: 'STANDBY_DR' }), 400, 'APIG.3205');
    await refused(inst.envs.create({ name: '9lives' }), 400, 'APIG.2011');
    await refused(inst.envs.update(RELEASE, { name: 'PROD' }), 403, 'APIG.1103');
  });

  it('creates, reads, changes and deletes a variable of a group × environment', async () => {
    const g = (await inst.groups.listAll({ name: 'payments_v3' }))[0]!;
    const v = await inst.envVariables.create({
      group_id: g.id,
      env_id: RELEASE,
      variable_name: 'address',
      variable_value: '192.168.1.5',
    });
    await refused(
      inst.envVariables.create({
        group_id: g.id,
        env_id: RELEASE,
        variable_name: 'address',
        variable_value: 'x',
      }),
      400,
      'APIG.3303',
    );
    // Case-sensitive names: a second variable.
    await inst.envVariables.create({
      group_id: g.id,
      env_id: RELEASE,
      variable_name: 'ADDRESS',
      variable_value: 'y',
    });
    const changed = await inst.envVariables.update(v.id, { variable_value: 'standby.internal:8080' });
    assert.equal(changed.variable_value, 'standby.internal:8080');
    assert.equal((await inst.envVariables.get(v.id)).variable_value, 'standby.internal:8080');
    const e = await refused(
      inst.envVariables.update(v.id, { variable_value: 'has space' }),
      400,
      'APIG.2011',
    );
    assert.match(e.errorMsg ?? '', /parameterName:variable_value/);
    await refused(
      inst.envVariables.create({
        group_id: 'nope',
        env_id: RELEASE,
        variable_name: 'abc',
        variable_value: 'x',
      }),
      404,
      'APIG.3001',
    );
    await inst.envVariables.remove(v.id);
    await refused(inst.envVariables.get(v.id), 404, 'APIG.3011').catch(() => undefined);
    assert.equal(store().envVariables.has(v.id), false);
  });
});

describe('VPC channels 4.15.1-4.15.3 with members 4.15.6-4.15.8, authorizers 4.20.1-4.20.3', () => {
  const health = {
    protocol: 'HTTP' as const,
    path: '/health',
    http_code: '200',
    threshold_normal: 2,
    threshold_abnormal: 3,
    time_interval: 10,
    timeout: 5,
  };

  it('creates a type-2 channel with members; an added member shows in its list; drains one', async () => {
    const c = await inst.vpcChannels.create({
      name: 'standby_pool',
      type: 2,
      port: 8080,
      balance_strategy: 1,
      member_type: 'ip',
      members: [{ host: '10.1.0.1', weight: 5 }],
      vpc_health_config: health,
    });
    assert.equal(c.status, 1);
    const after = await inst.vpcChannels.addMembers(c.id, [{ host: '10.1.0.2', weight: 3 }]);
    assert.deepEqual(after.map((m) => m.host).sort(), ['10.1.0.1', '10.1.0.2']);
    const listed = await inst.vpcChannels.members(c.id).listAll({});
    assert.equal(listed.length, 2);
    const detail = await inst.vpcChannels.get(c.id);
    assert.equal(detail.members?.length, 2);
    await inst.vpcChannels.removeMember(c.id, listed[0]!.id);
    assert.equal((await inst.vpcChannels.members(c.id).listAll({})).length, 1);
    const up = await inst.vpcChannels.update(c.id, {
      name: 'standby_pool',
      type: 2,
      port: 9090,
      balance_strategy: 2,
      member_type: 'ip',
      vpc_health_config: health,
    });
    assert.equal(up.port, 9090);
    assert.equal((await inst.vpcChannels.members(c.id).listAll({})).length, 1, 'members kept when not sent');
    await refused(
      inst.vpcChannels.create({
        name: 'standby_pool',
        type: 2,
        port: 1,
        balance_strategy: 1,
        vpc_health_config: health,
      }),
      400,
      'APIG.3208',
    );
    const e = await refused(
      inst.vpcChannels.create({
        name: 'pool_two',
        type: 2,
        port: 8080,
        balance_strategy: 1,
        vpc_health_config: { ...health, timeout: 20 },
      }),
      400,
      'APIG.2011',
    );
    assert.match(e.errorMsg ?? '', /parameterName:timeout/);
    await refused(
      inst.vpcChannels.create({ name: 'pool_two', type: 2, balance_strategy: 1, vpc_health_config: health }),
      400,
      'APIG.2001',
    );
    await inst.vpcChannels.remove(c.id);
    assert.equal(store().vpcChannels.has(c.id), false);
  });

  it('refuses deleting a channel that APIs use (409 APIG.3414)', async () => {
    const used = [...store().apis.values()].find((a) => a.backend_api?.vpc_channel_info?.vpc_channel_id);
    assert.ok(used, 'the demo seed has an API behind a channel');
    await refused(
      inst.vpcChannels.remove(used.backend_api!.vpc_channel_info!.vpc_channel_id),
      409,
      'APIG.3414',
    );
  });

  it('creates and modifies a custom authorizer; LD needs ld_api_id; identities are unique', async () => {
    const a = await inst.authorizers.create({
      name: 'edge_jwt',
      type: 'FRONTEND',
      authorizer_type: 'FUNC',
      authorizer_uri: 'urn:fss:demo:function:default:edge_jwt',
      identities: [{ name: 'Authorization', location: 'HEADER' }],
      ttl: 60,
    });
    const up = await inst.authorizers.update(a.id, {
      name: 'edge_jwt',
      type: 'FRONTEND',
      authorizer_type: 'FUNC',
      authorizer_uri: 'urn:fss:demo:function:default:edge_jwt',
      ttl: 120,
    });
    assert.equal(up.ttl, 120);
    assert.equal(store().authorizers.get(a.id)?.ttl, 120);
    await refused(
      inst.authorizers.create({
        name: 'ld_auth',
        type: 'BACKEND',
        authorizer_type: 'LD',
        authorizer_uri: 'x',
      }),
      400,
      'APIG.2001',
    );
    await refused(
      inst.authorizers.create({
        name: 'dup_ids',
        type: 'FRONTEND',
        authorizer_type: 'FUNC',
        authorizer_uri: 'x',
        identities: [
          { name: 'a', location: 'HEADER' },
          { name: 'a', location: 'HEADER' },
        ],
      }),
      400,
      'APIG.3212',
    );
    await refused(
      inst.authorizers.create({
        name: 'edge_jwt',
        type: 'FRONTEND',
        authorizer_type: 'FUNC',
        authorizer_uri: 'x',
      }),
      400,
      'APIG.3211',
    );
    await inst.authorizers.remove(a.id);
    const used = [...store().apis.values()].find((x) => x.authorizer_id);
    assert.ok(used);
    await refused(inst.authorizers.remove(used.authorizer_id!), 409, 'APIG.3478');
  });
});

describe('APIs 4.3.1/4.3.2 and the definition check 4.3.14', () => {
  const RELEASE_ID = 'DEFAULT_ENVIRONMENT_RELEASE_ID';
  const groupId = () => [...store().groups.values()][0]!.id;
  const http = () => ({
    name: 'get_order_standby',
    type: 1 as const,
    group_id: groupId(),
    req_protocol: 'HTTPS' as const,
    req_method: 'GET',
    req_uri: '/v9/orders/{order_id}',
    auth_type: 'NONE' as const,
    backend_type: 'HTTP' as const,
    req_params: [{ name: 'order_id', type: 'STRING' as const, location: 'PATH' as const }],
    backend_api: {
      req_protocol: 'HTTP' as const,
      req_method: 'GET',
      req_uri: '/orders/{order_id}',
      timeout: 5000,
      url_domain: 'standby.internal:8080',
    },
  });

  it('creates an HTTP API; 4.3.14 then reports its name and path as taken', async () => {
    assert.equal(
      await inst.apis.check({ type: 'name', name: 'get_order_standby', group_id: groupId() }),
      null,
    );
    const a = await inst.apis.create(http());
    assert.equal(a.backend_api?.url_domain, 'standby.internal:8080');
    assert.equal(a.req_params?.[0]?.required, 1, 'PATH parameters default to required');
    assert.equal(
      (await inst.apis.check({ type: 'name', name: 'get_order_standby', group_id: groupId() }))?.errorCode,
      'APIG.3202',
    );
    assert.equal(
      (
        await inst.apis.check({
          type: 'path',
          req_method: 'GET',
          req_uri: '/v9/orders/{order_id}',
          match_mode: 'NORMAL',
          group_id: groupId(),
        })
      )?.errorCode,
      'APIG.3301',
    );
    assert.equal(
      await inst.apis.check({ type: 'name', name: 'get_order_standby', group_id: groupId(), api_id: a.id }),
      null,
    );
    await refused(inst.apis.create(http()), 400, 'APIG.3202');
    await refused(inst.apis.create({ ...http(), name: 'other_name' }), 400, 'APIG.3301');
    const e = await refused(
      inst.apis.create({ ...http(), name: 'xx2', req_uri: '/v9/x/{id}', req_params: [] }),
      400,
      'APIG.2011',
    );
    assert.match(e.errorMsg ?? '', /parameterName:req_params/);
    await refused(
      inst.apis.create({ ...http(), name: 'xx3', req_uri: '/v9/y', backend_type: 'FUNCTION' }),
      400,
      'APIG.2001',
    );
    await refused(
      inst.apis.create({
        ...http(),
        name: 'xx4',
        req_uri: '/v9/z',
        auth_type: 'AUTHORIZER',
        authorizer_id: 'nope',
      }),
      404,
      'APIG.3081',
    );
  });

  it('editing changes the definition, not what RELEASE runs until published again', async () => {
    const a = (await inst.apis.listAll({ name: 'get_order_standby' }))[0]!;
    await inst.apis.action({ action: 'online', api_id: a.id, env_id: RELEASE_ID });
    const up = await inst.apis.update(a.id, { ...http(), req_uri: '/v10/orders/{order_id}' });
    assert.equal(up.req_uri, '/v10/orders/{order_id}');
    assert.equal((await inst.apis.get(a.id)).req_uri, '/v10/orders/{order_id}');
    assert.equal((await inst.apis.runtime(a.id, RELEASE_ID)).req_uri, '/v9/orders/{order_id}');
    await inst.apis.action({ action: 'online', api_id: a.id, env_id: RELEASE_ID });
    assert.equal((await inst.apis.runtime(a.id, RELEASE_ID)).req_uri, '/v10/orders/{order_id}');
  });

  it('switches the backend to MOCK; the HTTP block goes', async () => {
    const a = (await inst.apis.listAll({ name: 'get_order_standby' }))[0]!;
    const { backend_api: _drop, ...rest } = http();
    void _drop;
    const up = await inst.apis.update(a.id, {
      ...rest,
      backend_type: 'MOCK',
      mock_info: { result_content: '{"ok":true}' },
    });
    assert.equal(up.backend_type, 'MOCK');
    assert.equal(store().apis.get(a.id)?.backend_api, undefined);
    assert.equal(store().apis.get(a.id)?.mock_info?.result_content, '{"ok":true}');
  });
});
