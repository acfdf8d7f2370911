// The `garble=P` fault: a write is applied by the emulator, then its 2xx answer is garbled (truncated
// JSON, or a reset where the answer has no body). Reads and error answers are left alone.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createRomaClient } from '../../src/api/client.ts';
import { akskProvider } from '../../src/auth/providers.ts';
import { createFaultInjector, FaultSpecError, parseFaultSpec } from '../../src/emulator/faults.ts';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';

test('garble=P parses, counts towards the exclusive sum and only ever hits writes', () => {
  assert.equal(parseFaultSpec('garble=0.25').pGarble, 0.25);
  assert.throws(() => parseFaultSpec('garble=0.6,5xx=0.6'), FaultSpecError);
  assert.throws(() => parseFaultSpec('garble=2'), FaultSpecError);
  const inj = createFaultInjector(parseFaultSpec('garble=1'));
  assert.equal(inj.decide('GET', '/v2/p/apic/instances/i/apis').kind, 'none');
  for (const m of ['POST', 'PUT', 'DELETE']) assert.equal(inj.decide(m, '/v2/p/x').kind, 'garble');
});

let em: EmulatorHandle;
before(async () => {
  em = await startEmulator({ seed: 'demo' });
});
after(() => em.close());

function inst() {
  return createRomaClient({
    endpoint: em.endpoint,
    projectId: em.projectId,
    auth: akskProvider({ ak: em.ak, sk: em.sk, projectId: em.projectId }),
    retry: { limit: 3, baseMs: 1 },
  }).instance(em.instances[0] ?? '');
}

test('a garbled publish is applied once; the client sees an unknown outcome', async () => {
  const db = em.state.stores.get(em.instances[0] ?? '');
  assert.ok(db);
  const env = [...db.data.envs.values()].find((e) => e.name === 'TEST');
  assert.ok(env);
  const api = [...db.data.apis.values()].find((a) => !db.publicationOf(a.id, env.id));
  assert.ok(api);
  em.setFaults('garble=1');
  try {
    const posts = em.stats.byMethod.POST ?? 0;
    await assert.rejects(inst().apis.action({ action: 'online', api_id: api.id, env_id: env.id }), {
      kind: 'malformed-json',
      outcome: 'unknown',
    });
    assert.equal((em.stats.byMethod.POST ?? 0) - posts, 1);
    assert.ok(db.publicationOf(api.id, env.id), 'the change was applied');
    // reads are not garbled
    const again = await inst().apis.get(api.id);
    assert.match(again.run_env_id ?? '', new RegExp(env.id));
    // a refused write keeps its documented error answer
    await assert.rejects(inst().apis.action({ action: 'online', api_id: 'no-such-api', env_id: env.id }), {
      kind: 'http',
    });
  } finally {
    em.setFaults(null);
  }
});
