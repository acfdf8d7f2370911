// The binding writes shared by the four families (bindingWrites/deleteMany in src/api/resource.ts, unbindOne/
// unbindMany in src/emulator/routes/bindings.ts), over real HTTP: bind, unbind, batch unbind with unknown ids.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type InstanceClient } from '../../src/api/client.ts';
import { RomaError } from '../../src/api/errors.ts';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { clientOf } from '../helpers/emulator-client.ts';

let em: EmulatorHandle;
let inst: InstanceClient;

before(async () => {
  em = await startEmulator({ seed: 'demo' });
  inst = clientOf(em).instance(em.instances[0] as string);
});
after(() => em.close());

async function notFound(p: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(p, (e: unknown) => e instanceof RomaError && e.status === 404 && e.errorCode === code);
}

/** A publication bound to no throttling policy, and a policy. */
async function freeThrottlePublication(): Promise<{ throttleId: string; publishId: string }> {
  const t = (await inst.throttles.list({ limit: 1 })).items[0];
  assert.ok(t);
  const candidates = await inst.throttleBindings.unboundApis.listAll({ throttle_id: t.id });
  const free = candidates.find((a) => !a.throttle_apply_id && a.publish_id);
  assert.ok(free?.publish_id, 'the demo seed has a publication without a throttling policy');
  return { throttleId: t.id, publishId: free.publish_id };
}

describe('binding writes', () => {
  it('throttle: bind answers the bindings; batch unbind counts the known ids and lists the unknown', async () => {
    const { throttleId, publishId } = await freeThrottlePublication();
    const made = await inst.throttleBindings.bind({ strategy_id: throttleId, publish_ids: [publishId] });
    assert.equal(made.length, 1);
    assert.equal(made[0]?.publish_id, publishId);
    assert.equal(made[0]?.strategy_id, throttleId);
    const r = await inst.throttleBindings.batchUnbind([made[0]?.id as string, 'no-such-binding']);
    assert.equal(r.success_count, 1);
    assert.deepEqual(
      r.failure.map((f) => [f.bind_id, f.error_code, f.error_msg, f.api_id, f.api_name]),
      [
        [
          'no-such-binding',
          'APIG.3012',
          'The request throttling policy binding record does not exist',
          '',
          '',
        ],
      ],
    );
    await notFound(inst.throttleBindings.unbind(made[0]?.id as string), 'APIG.3012');
  });

  it('ACL: unbind, then unbind again is 404; batch unbind of an unknown id is a failure entry', async () => {
    const acl = (await inst.acls.list({ limit: 1 })).items[0];
    assert.ok(acl);
    const free = (await inst.aclBindings.unboundApis.listAll({ acl_id: acl.id })).find(
      (a) => !a.acl_name && a.publish_id,
    );
    assert.ok(free?.publish_id);
    const [made] = await inst.aclBindings.bind({ acl_id: acl.id, publish_ids: [free.publish_id] });
    assert.ok(made);
    assert.equal(made.acl_id, acl.id);
    assert.equal(await inst.aclBindings.unbind(made.id), undefined);
    await notFound(inst.aclBindings.unbind(made.id), 'APIG.3010');
    const r = await inst.aclBindings.batchUnbind([made.id]);
    assert.equal(r.success_count, 0);
    assert.deepEqual(
      r.failure.map((f) => [f.bind_id, f.error_code]),
      [[made.id, 'APIG.3010']],
    );
  });

  it('signature key and APP authorization: unbind / revoke of an unknown id is a typed 404', async () => {
    await notFound(inst.signBindings.unbind('no-such-binding'), 'APIG.3018');
    await assert.rejects(
      inst.appAuths.revoke('no-such-auth'),
      (e: unknown) => e instanceof RomaError && e.status === 404,
    );
  });
});
