// Every client call over real HTTP against the emulator (which verifies signatures and tokens).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createRomaClient, type InstanceClient, type RomaClient } from '../../src/api/client.ts';
import { RomaError } from '../../src/api/errors.ts';
import {
  akskProvider,
  passwordProvider,
  temporaryAkskProvider,
  tokenProvider,
} from '../../src/auth/providers.ts';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { clientOf } from '../helpers/emulator-client.ts';

let em: EmulatorHandle;
let client: RomaClient;
let inst: InstanceClient;

before(async () => {
  em = await startEmulator({ seed: 'demo' });
  client = clientOf(em);
  inst = client.instance(em.instances[0] as string);
});
after(() => em.close());

describe('instances', () => {
  it('lists, reads detail, restriction and features', async () => {
    const list = await client.instances.list();
    assert.equal(list.source, 'list');
    assert.ok(list.items.some((i) => i.id === em.instances[0]));
    const detail = await client.instances.get(em.instances[0] as string);
    assert.equal(detail.id, em.instances[0]);
    assert.equal(typeof detail.create_time, 'number');
    const r = await client.instances.restriction(em.instances[0] as string);
    assert.ok(Array.isArray(r.restrict_cidrs));
    const f = await inst.features.list();
    assert.ok(f.items.length > 0 && typeof f.items[0]?.name === 'string');
  });
  it('a missing instance is a typed 404', async () => {
    await assert.rejects(client.instances.get('00000000-0000-0000-0000-000000000000'), (e: RomaError) => {
      assert.equal(e.kind, 'http');
      assert.equal(e.status, 404);
      assert.ok(e.errorCode);
      assert.ok(e.hint.length > 0);
      return true;
    });
  });
});

describe('groups, envs, variables', () => {
  it('reads groups, checks names, lists envs and variables', async () => {
    const groups = await inst.groups.list({ limit: 5 });
    const g = groups.items[0];
    assert.ok(g);
    assert.equal((await inst.groups.get(g.id)).name, g.name);
    assert.equal(await inst.groups.isNameAvailable({ group_name: g.name }), false);
    assert.equal(await inst.groups.isNameAvailable({ group_name: 'surely_not_taken_xyz' }), true);
    const envs = await inst.envs.listAll();
    assert.ok(envs.some((e) => e.id === 'DEFAULT_ENVIRONMENT_RELEASE_ID'));
    const vars = await inst.envVariables.list({ group_id: g.id });
    assert.ok(vars.total >= vars.items.length);
  });
});

describe('APIs: publish, versions, runtime, debug', () => {
  it('runs the publish lifecycle', async () => {
    const apis = await inst.apis.listAll();
    const api = apis[0];
    assert.ok(api);
    const detail = await inst.apis.get(api.id);
    assert.equal(detail.id, api.id);
    const env = 'DEFAULT_ENVIRONMENT_RELEASE_ID';
    const pub = await inst.apis.action({ action: 'online', api_id: api.id, env_id: env, remark: 'test' });
    assert.equal(pub?.api_id, api.id);
    const again = await inst.apis.batchAction('online', { apis: [api.id], env_id: env });
    assert.equal(again.success.length + again.failure.length, 1);
    const versions = await inst.apis.versions(api.id).listAll({ env_id: env });
    assert.ok(versions.length >= 1);
    const v = versions[0];
    assert.ok(v);
    const vd = await inst.apis.getVersion(v.version_id);
    assert.equal(vd.id, api.id);
    const sw = await inst.apis.switchVersion(api.id, v.version_id);
    assert.equal(sw.api_id, api.id);
    const rt = await inst.apis.runtime(api.id, env);
    assert.equal(rt.id, api.id);
    const dbg = await inst.apis.debug(api.id, {
      mode: 'DEVELOPER',
      scheme: 'HTTP',
      method: detail.req_method ?? 'GET',
      path: (detail.req_uri ?? '/').replace(/\{[^}]+\}/g, 'x'),
    });
    assert.equal(typeof dbg.response, 'string');
    await inst.apis.offlineVersion(v.version_id);
    const off = await inst.apis.batchAction('offline', { apis: [api.id], env_id: env });
    assert.equal(off.success.length + off.failure.length, 1);
  });
});

describe('throttles, signatures, ACLs, apps: bindings', () => {
  it('binds and unbinds on a publication', async () => {
    const env = 'DEFAULT_ENVIRONMENT_RELEASE_ID';
    const api = (await inst.apis.list({ limit: 50 })).items.at(-1);
    assert.ok(api);
    const pub = await inst.apis.action({ action: 'online', api_id: api.id, env_id: env });
    const publishId = pub?.publish_id;
    assert.ok(publishId);

    const throttle = (await inst.throttles.list()).items[0];
    assert.ok(throttle);
    assert.equal((await inst.throttles.get(throttle.id)).id, throttle.id);
    await inst.throttleSpecials.of(throttle.id).list({});
    const existing = await inst.throttleBindings.boundThrottles.listAll({ api_id: api.id });
    if (existing[0]?.bind_id) await inst.throttleBindings.unbind(existing[0].bind_id);
    await inst.throttleBindings.unboundApis.list({ throttle_id: throttle.id });
    const tb = await inst.throttleBindings.bind({ strategy_id: throttle.id, publish_ids: [publishId] });
    assert.equal(tb.length, 1);
    const bound = await inst.throttleBindings.boundApis.listAll({ throttle_id: throttle.id });
    assert.ok(bound.some((b) => b.id === api.id));
    assert.ok((await inst.throttleBindings.boundThrottles.list({ api_id: api.id })).items.length >= 1);
    const bu = await inst.throttleBindings.batchUnbind([tb[0]?.id as string]);
    assert.equal(bu.success_count, 1);

    const sign = (await inst.signs.list()).items[0];
    assert.ok(sign);
    await inst.signBindings.unboundApis.list({ sign_id: sign.id });
    const prior = await inst.signBindings.boundSigns.listAll({ api_id: api.id });
    for (const p of prior) await inst.signBindings.unbind(p.id);
    const sb = await inst.signBindings.bind({ sign_id: sign.id, publish_ids: [publishId] });
    assert.equal(sb.length, 1);
    assert.ok(
      (await inst.signBindings.boundApis.listAll({ sign_id: sign.id })).some((b) => b.api_id === api.id),
    );
    await inst.signBindings.unbind(sb[0]?.id as string);

    const acls = await inst.acls.listAll();
    const acl = acls[0];
    assert.ok(acl);
    assert.equal((await inst.acls.get(acl.id)).acl_name, acl.acl_name);
    for (const b of await inst.aclBindings.boundAcls.listAll({ api_id: api.id })) {
      if (b.bind_id) await inst.aclBindings.unbind(b.bind_id);
    }
    await inst.aclBindings.unboundApis.list({ acl_id: acl.id });
    const ab = await inst.aclBindings.bind({ acl_id: acl.id, publish_ids: [publishId] });
    assert.equal(ab.length, 1);
    assert.ok(
      (await inst.aclBindings.boundApis.listAll({ acl_id: acl.id })).some((b) => b.api_id === api.id),
    );
    const abu = await inst.aclBindings.batchUnbind([ab[0]?.id as string]);
    assert.equal(abu.success_count, 1);
    const ab2 = await inst.aclBindings.bind({ acl_id: acl.id, publish_ids: [publishId] });
    await inst.aclBindings.unbind(ab2[0]?.id as string);

    const app = (await inst.apps.list()).items[0];
    assert.ok(app);
    assert.equal((await inst.apps.get(app.id)).id, app.id);
    await inst.appAuths.unboundApis.list({ app_id: app.id, env_id: env });
    for (const a of await inst.appAuths.boundApps.listAll({ api_id: api.id, app_id: app.id }))
      await inst.appAuths.revoke(a.id);
    const auths = await inst.appAuths.authorize({ env_id: env, app_ids: [app.id], api_ids: [api.id] });
    assert.equal(auths.length, 1);
    const boundApis = await inst.appAuths.boundApis.listAll({ app_id: app.id });
    const mine = boundApis.find((a) => a.api_id === api.id);
    assert.ok(mine);
    assert.ok(Array.isArray(await inst.appAuths.duplicateApis(app.id)));
    await inst.appAuths.revoke(mine.id);
  });
});

describe('VPC channels, authorizers, metrics', () => {
  it('reads them', async () => {
    const ch = (await inst.vpcChannels.list()).items[0];
    assert.ok(ch);
    assert.equal((await inst.vpcChannels.get(ch.id)).id, ch.id);
    await inst.vpcChannels.members(ch.id).listAll({});
    const au = (await inst.authorizers.list()).items[0];
    assert.ok(au);
    assert.equal((await inst.authorizers.get(au.id)).id, au.id);
    const api = (await inst.apis.list({ limit: 1 })).items[0];
    assert.ok(api);
    const latest = await inst.metrics.latest({ api_id: api.id, duration: '1h' });
    assert.ok(Array.isArray(latest.list));
    const q = await inst.metrics.query({ api_id: api.id, duration: '1h', cycle: 'minute' });
    assert.ok(Array.isArray(q.list));
  });
});

describe('read-only', () => {
  it('refuses writes before sending and still reads', async () => {
    const ro = createRomaClient({
      endpoint: em.endpoint,
      projectId: em.projectId,
      auth: akskProvider({ ak: em.ak, sk: em.sk, projectId: em.projectId }),
      readOnly: true,
    });
    const i = ro.instance(em.instances[0] as string);
    const before = em.stats.requests;
    await assert.rejects(i.aclBindings.unbind('x'), (e: RomaError) => e.kind === 'read-only');
    assert.equal(em.stats.requests, before);
    assert.ok((await i.envs.list()).items.length > 0);
  });
});

describe('authentication methods', () => {
  const make = (auth: Parameters<typeof createRomaClient>[0]['auth']) =>
    createRomaClient({ endpoint: em.endpoint, projectId: em.projectId, auth }).instance(
      em.instances[0] as string,
    );

  it('temporary AK/SK with security token', async () => {
    const i = make(
      temporaryAkskProvider({
        ak: em.tempAk,
        sk: em.tempSk,
        securityToken: em.securityToken,
        projectId: em.projectId,
      }),
    );
    assert.ok((await i.envs.list()).items.length > 0);
  });
  it('a wrong SK is rejected with 401', async () => {
    const i = make(akskProvider({ ak: em.ak, sk: 'wrong-secret-key', projectId: em.projectId }));
    await assert.rejects(i.envs.list(), (e: RomaError) => e.kind === 'http' && e.status === 401);
  });
  it('a ready token', async () => {
    assert.ok((await make(tokenProvider(em.token)).envs.list()).items.length > 0);
    await assert.rejects(make(tokenProvider('not-a-token')).envs.list(), (e: RomaError) => e.status === 401);
  });
  it('IAM password login, cached, refreshed once after the token expires', async () => {
    const p = passwordProvider({
      iamEndpoint: em.endpoint,
      credentials: { ...em.iam, projectId: em.projectId },
    });
    const i = make(p);
    await i.envs.list();
    await i.groups.list();
    assert.equal(p.source.logins, 1);
    em.expireTokens();
    await i.envs.list();
    assert.equal(p.source.logins, 2);
  });
  it('a wrong IAM password is an auth error', async () => {
    const p = passwordProvider({
      iamEndpoint: em.endpoint,
      credentials: { ...em.iam, password: 'nope-nope', projectId: em.projectId },
    });
    await assert.rejects(make(p).envs.list(), (e: RomaError) => e.kind === 'auth' && e.status === 401);
  });
});
