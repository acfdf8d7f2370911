// The delete calls through the real client against the emulator: success, typed refusals, read-only, no retry.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { createRomaClient, type InstanceClient } from '../../src/api/client.ts';
import { RomaError } from '../../src/api/errors.ts';
import { akskProvider } from '../../src/auth/providers.ts';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';

const RELEASE = 'DEFAULT_ENVIRONMENT_RELEASE_ID';
let em: EmulatorHandle;
let inst: InstanceClient;
let sleeps: number[];

function clientFor(readOnly = false): InstanceClient {
  return createRomaClient({
    endpoint: em.endpoint,
    projectId: em.projectId,
    auth: akskProvider({ ak: em.ak, sk: em.sk, projectId: em.projectId }),
    readOnly,
    sleep: async (ms) => void sleeps.push(ms),
  }).instance(em.instances[0] as string);
}

before(async () => {
  em = await startEmulator({ seed: 'demo' });
  sleeps = [];
  inst = clientFor();
});
afterEach(() => em.setFaults(null));
after(() => em.close());

/** Expects a typed HTTP refusal carrying the server's code and a hint, sent exactly once. */
async function refused(p: Promise<unknown>, status: number, code: string): Promise<void> {
  const deletesBefore = em.stats.byMethod['DELETE'] ?? 0;
  const putsBefore = em.stats.byMethod['PUT'] ?? 0;
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof RomaError);
    assert.equal(e.kind, 'http');
    assert.equal(e.status, status);
    assert.equal(e.errorCode, code);
    assert.ok(e.hint.length > 0);
    return true;
  });
  const sent =
    (em.stats.byMethod['DELETE'] ?? 0) - deletesBefore + (em.stats.byMethod['PUT'] ?? 0) - putsBefore;
  assert.equal(sent, 1, 'a write is sent once, never retried');
}

async function offlineEverywhere(apiIds: string[]): Promise<void> {
  for (const env of await inst.envs.listAll())
    await inst.apis.batchAction('offline', { env_id: env.id, apis: apiIds });
}

describe('groups and APIs', () => {
  it('refuses a non-empty group and a published API; deletes them once emptied / offline', async () => {
    const group = (await inst.groups.list({ limit: 1 })).items[0];
    assert.ok(group);
    await refused(inst.groups.remove(group.id), 409, 'APIG.3415');
    const apis = await inst.apis.listAll({ group_id: group.id });
    const published = apis.find((a) => a.publish_id);
    assert.ok(published, 'the seed publishes APIs of every group');
    await refused(inst.apis.remove(published.id), 409, 'APIG.3416');

    await offlineEverywhere(apis.map((a) => a.id));
    for (const a of apis) assert.equal(await inst.apis.remove(a.id), undefined);
    await assert.rejects(inst.apis.get(published.id), (e: RomaError) => e.errorCode === 'APIG.3002');
    assert.equal(await inst.groups.remove(group.id), undefined);
    await assert.rejects(inst.groups.get(group.id), (e: RomaError) => e.errorCode === 'APIG.3001');
    await refused(inst.groups.remove(group.id), 404, 'APIG.3001');
  });
});

describe('environments', () => {
  it('refuses RELEASE and an environment with published APIs; deletes it once they are offline', async () => {
    await refused(inst.envs.remove(RELEASE), 403, 'APIG.1103');
    const test = (await inst.envs.list({ name: 'TEST' })).items.find((e) => e.name === 'TEST');
    assert.ok(test);
    await refused(inst.envs.remove(test.id), 409, 'APIG.3418');
    const published = await inst.apis.listAll({ env_id: test.id });
    const r = await inst.apis.batchAction('offline', { env_id: test.id, apis: published.map((a) => a.id) });
    assert.equal(r.failure.length, 0);
    assert.equal(await inst.envs.remove(test.id), undefined);
    assert.ok(!(await inst.envs.listAll()).some((e) => e.id === test.id));
  });
});

describe('policies', () => {
  it('throttling policy: 412 APIG.3451 while bound, then deleted', async () => {
    const t = (await inst.throttles.list({ limit: 1 })).items[0];
    assert.ok(t);
    await refused(inst.throttles.remove(t.id), 412, 'APIG.3451');
    const bound = await inst.throttleBindings.boundApis.listAll({ throttle_id: t.id });
    const ids = bound.map((b) => String(b['throttle_apply_id']));
    assert.equal((await inst.throttleBindings.batchUnbind(ids)).success_count, ids.length);
    await inst.throttles.remove(t.id);
    await assert.rejects(inst.throttles.get(t.id), (e: RomaError) => e.errorCode === 'APIG.3005');
  });

  it('signature key: 412 APIG.3480 while bound, then deleted', async () => {
    const s = (await inst.signs.list({ limit: 1 })).items[0];
    assert.ok(s);
    await refused(inst.signs.remove(s.id), 412, 'APIG.3480');
    for (const b of await inst.signBindings.boundApis.listAll({ sign_id: s.id })) {
      await inst.signBindings.unbind(b.id);
    }
    await inst.signs.remove(s.id);
    assert.equal((await inst.signs.list({ id: s.id })).total, 0);
  });

  it('ACL policy: 412 APIG.3447 while bound; batch delete reports per-item failures in a 200', async () => {
    const [a, b] = (await inst.acls.list()).items;
    assert.ok(a && b);
    await refused(inst.acls.remove(a.id), 412, 'APIG.3447');
    const bound = await inst.aclBindings.boundApis.listAll({ acl_id: a.id });
    await inst.aclBindings.batchUnbind(bound.map((x) => String(x.bind_id)));
    await inst.acls.remove(a.id);
    await refused(inst.acls.remove(a.id), 404, 'APIG.3006');

    const r = await inst.acls.batchDelete([b.id, 'no-such-acl']);
    assert.equal(r.success_count, 0);
    assert.deepEqual(
      r.failure.map((f) => [f.acl_id, f.acl_name, f.error_code]),
      [
        [b.id, b.acl_name, 'APIG.3447'],
        ['no-such-acl', '', 'APIG.3006'],
      ],
    );
    await refused(inst.acls.batchDelete([]), 400, 'APIG.2011');
  });
});

describe('safety', () => {
  it('read-only mode refuses every delete before sending', async () => {
    const ro = clientFor(true);
    const before = em.stats.requests;
    const calls = [
      ro.groups.remove('g'),
      ro.apis.remove('a'),
      ro.envs.remove('e'),
      ro.throttles.remove('t'),
      ro.signs.remove('s'),
      ro.acls.remove('x'),
      ro.acls.batchDelete(['x']),
    ];
    for (const c of calls) await assert.rejects(c, (e: RomaError) => e.kind === 'read-only');
    assert.equal(em.stats.requests, before);
  });

  it('a 5xx on a delete is not retried', async () => {
    const s = (await inst.signs.list({ limit: 1 })).items[0];
    assert.ok(s);
    em.setFaults('5xx=1,seed=1');
    sleeps = [];
    const deletesBefore = em.stats.byMethod['DELETE'] ?? 0;
    await assert.rejects(inst.signs.remove(s.id), (e: RomaError) => {
      assert.equal(e.kind, 'http');
      assert.ok(e.status === 500 || e.status === 503);
      assert.equal(e.errorCode, 'APIG.9999');
      return true;
    });
    assert.equal((em.stats.byMethod['DELETE'] ?? 0) - deletesBefore, 1);
    assert.deepEqual(sleeps, []);
  });
});
