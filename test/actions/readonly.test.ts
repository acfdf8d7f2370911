// Read-only mode sends no POST, PUT or DELETE at all (counted at the emulator), and a permission
// refusal (403) arrives with its code and a hint.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clientPort } from '../../src/actions/client-port.ts';
import { createRomaClient } from '../../src/api/client.ts';
import { akskProvider } from '../../src/auth/providers.ts';
import type { MutationAction } from '../../src/actions/types.ts';
import { createMutationStore } from '../../src/store/mutations.ts';
import { RELEASE, freePublications, startRig, unpublishedIn } from './harness.ts';

test('read-only: every action is refused in the client, zero writes reach the emulator, refusals audited', async () => {
  const rig = await startRig({ readOnly: true });
  try {
    const [api] = unpublishedIn(rig.db, RELEASE.id, 1);
    const [pub] = freePublications(rig.db, RELEASE.id, 'throttleBindings', 1);
    assert.ok(api && pub);
    const t = { kind: 'throttle' as const, id: [...rig.db.data.throttles.keys()][0] ?? '', name: 't' };
    const binding = {
      bindingId: [...rig.db.data.throttleBindings.keys()][0] ?? '',
      policy: t,
      api,
      env: RELEASE,
    };
    const version = { versionId: [...rig.db.data.versions.keys()][0] ?? '', versionNo: '1' };
    const app = { id: [...rig.db.data.apps.keys()][0] ?? '', name: 'app' };
    const all: MutationAction[] = [
      { kind: 'publish', api, env: RELEASE },
      { kind: 'offline', api, env: RELEASE },
      { kind: 'batch-publish', apis: [api], env: RELEASE },
      { kind: 'batch-offline', apis: [api], env: RELEASE },
      { kind: 'switch-version', api, env: RELEASE, version },
      { kind: 'offline-version', api, env: RELEASE, version },
      { kind: 'bind', policy: t, targets: [pub] },
      { kind: 'unbind', bindings: [binding] },
      { kind: 'unbind', bindings: [binding, binding] },
      { kind: 'replace', policy: t, target: pub, current: [binding] },
      { kind: 'authorize', apps: [app], apis: [api], env: RELEASE },
      { kind: 'revoke', auths: [{ authId: 'x', app, api, env: RELEASE }] },
    ];
    const { actions } = rig.mutations.getState();
    for (const a of all) {
      actions.propose(a);
      const s = rig.mutations.getState();
      assert.equal(s.phase, 'refused', a.kind);
      assert.equal(s.refusal?.code, 'READ_ONLY');
      assert.equal(await actions.confirm(), null);
      actions.dismiss();
    }
    // Even a port used directly (bypassing the store) is stopped by the client's transport.
    const port = clientPort(rig.client.instance(rig.instanceId));
    await assert.rejects(port.publish(api.id, RELEASE.id), (e: { kind?: string }) => e.kind === 'read-only');
    await assert.rejects(
      port.unbind('throttle', binding.bindingId),
      (e: { kind?: string }) => e.kind === 'read-only',
    );
    // browsing still works
    const page = await rig.client.instance(rig.instanceId).apis.list({ limit: 5 });
    assert.equal(page.items.length, 5);
    assert.equal(rig.writes(), 0, 'no POST/PUT/DELETE reached the emulator');
    await rig.mutations.whenSettled();
    const audit = await rig.auditLines();
    assert.equal(audit.length, all.length);
    assert.ok(audit.every((l) => l.result === 'refused' && l.errorCode === 'READ_ONLY'));
  } finally {
    await rig.em.close();
  }
});

test('permission denied: a 403 comes back with its code and a hint, and the store is usable after', async () => {
  const rig = await startRig();
  try {
    // Credentials valid, but the project in the URI is not theirs: the gateway answers 403.
    const other = createRomaClient({
      endpoint: rig.em.endpoint,
      projectId: '0123456789abcdef0123456789abcdef',
      auth: akskProvider({ ak: rig.em.ak, sk: rig.em.sk }),
    });
    const store = createMutationStore({
      port: clientPort(other.instance(rig.instanceId)),
      readOnly: false,
      identity: { who: 't', profile: 'p', instance: rig.instanceId },
    });
    const [api] = unpublishedIn(rig.db, RELEASE.id, 1);
    assert.ok(api);
    store.getState().actions.propose({ kind: 'publish', api, env: RELEASE });
    const out = await store.getState().actions.confirm();
    assert.equal(out?.result, 'failed');
    assert.equal(out?.error?.status, 403);
    assert.match(out?.error?.code ?? '', /^API[CG]\.\d{4}$/);
    assert.ok((out?.error?.hint ?? '').length > 0);
    assert.equal(rig.db.publicationOf(api.id, RELEASE.id), undefined);
    store.getState().actions.dismiss();
    assert.equal(store.getState().phase, 'idle');
  } finally {
    await rig.em.close();
  }
});
