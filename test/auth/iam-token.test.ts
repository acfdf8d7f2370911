// The IAM password provider against the emulator's IAM: one shared login survives a caller that gives up,
// a burst of 401s with the same old token makes one refresh, and a write rejected for its token is sent
// once more with a fresh token and executed exactly once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createRomaClient } from '../../src/api/client.ts';
import type { RomaError } from '../../src/api/errors.ts';
import { passwordProvider } from '../../src/auth/providers.ts';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { json, startRawServer } from '../helpers/raw-server.ts';

let em: EmulatorHandle;
before(async () => {
  em = await startEmulator({ seed: 'demo' });
});
after(() => em.close());

const provider = () =>
  passwordProvider({ iamEndpoint: em.endpoint, credentials: { ...em.iam, projectId: em.projectId } });
const req = { method: 'GET', url: 'http://127.0.0.1/', headers: {} };

describe('IAM token source', () => {
  it('a caller that gives up does not take the shared login down with it', async () => {
    const p = provider();
    const quitter = new AbortController();
    const first = p.source.token(quitter.signal);
    const second = p.source.token();
    quitter.abort();
    await assert.rejects(first);
    assert.match(await second, /^MII/);
    assert.equal(p.source.logins, 1);
    assert.equal(await p.source.token(), await second);
  });
  it('an already cancelled caller is refused without logging in', async () => {
    const p = provider();
    await assert.rejects(p.source.token(AbortSignal.abort()));
    assert.equal(p.source.logins, 1); // the login started and is cached for the next caller
    assert.match(await p.source.token(), /^MII/);
    assert.equal(p.source.logins, 1);
  });
  it('refreshes once for several 401s that name the same old token', async () => {
    const p = provider();
    const old = await p.authorize(req);
    assert.equal(p.invalidate?.(old), true);
    const fresh = await p.authorize(req);
    assert.notEqual(fresh['X-Auth-Token'], old['X-Auth-Token']);
    // A request that was in flight with the old token comes back 401 too: the fresh token stays.
    assert.equal(p.invalidate?.(old), true);
    assert.deepEqual(await p.authorize(req), fresh);
    assert.equal(p.source.logins, 2);
  });
});

describe('re-authentication through the client', () => {
  it('a write rejected for its token is executed exactly once after one fresh login', async () => {
    const p = provider();
    const inst = createRomaClient({ endpoint: em.endpoint, projectId: em.projectId, auth: p }).instance(
      em.instances[0] as string,
    );
    await inst.envs.list();
    const store = em.state.stores.get(inst.instanceId);
    const pub = [...(store?.data.publications.values() ?? [])][0];
    assert.ok(pub);
    em.expireTokens();
    await inst.apis.action({ action: 'offline', api_id: pub.api_id, env_id: pub.env_id });
    assert.equal(store?.publicationOf(pub.api_id, pub.env_id), undefined);
    const posts = em.stats.log.filter((l) => l.method === 'POST' && l.path.endsWith('/apis/action'));
    assert.deepEqual(
      posts.map((l) => l.status),
      [401, 201],
    );
    assert.equal(p.source.logins, 2);
  });
  it('a 401 that is not about the token is reported, not repeated', async () => {
    const srv = await startRawServer();
    try {
      srv.respond(json(401, { error_code: 'APIG.1005', error_msg: 'No permissions to request this method' }));
      const inst = createRomaClient({
        endpoint: srv.url,
        projectId: em.projectId,
        auth: provider(),
      }).instance('i1');
      await assert.rejects(
        inst.apis.action({ action: 'offline', api_id: 'a', env_id: 'e' }),
        (e: RomaError) => e.status === 401 && e.errorCode === 'APIG.1005',
      );
      assert.equal(srv.requests.length, 1);
    } finally {
      await srv.close();
    }
  });
});
