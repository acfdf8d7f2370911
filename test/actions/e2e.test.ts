// Every action end to end: mutations store → client → HTTP → emulator, then the emulator's state is
// checked after the action and after its undo.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { planBind } from '../../src/actions/preconditions.ts';
import type { BindingRef, PolicyRef } from '../../src/actions/types.ts';
import { RELEASE, envRef, freePublications, run, startRig, unpublishedIn, type Rig } from './harness.ts';

let rig: Rig;
before(async () => {
  rig = await startRig();
});
after(async () => {
  await rig.em.close();
});

test('publish to an environment, then take offline (4.3.4)', async () => {
  const env = envRef(rig.db, 'TEST');
  const [api] = unpublishedIn(rig.db, env.id, 1);
  assert.ok(api);
  const out = await run(rig, { kind: 'publish', api, env, remark: 'hotfix' });
  assert.equal(out.result, 'ok');
  const pub = rig.db.publicationOf(api.id, env.id);
  assert.ok(pub, 'published in the emulator');
  assert.equal(pub.remark, 'hotfix');
  assert.match(
    out.items[0]?.detail ?? '',
    new RegExp(`publish id ${pub.publish_id}, version ${pub.version_id}`),
  );
  assert.equal(out.requestIds.length, 1, 'request id recorded');

  const off = await run(rig, { kind: 'offline', api, env });
  assert.equal(off.result, 'ok');
  assert.equal(rig.db.publicationOf(api.id, env.id), undefined);

  const audit = await rig.auditLines();
  const last = audit.at(-1);
  assert.equal(last?.action, 'offline');
  assert.equal(last?.env, 'TEST');
  assert.equal(last?.result, 'ok');
  assert.equal(last?.instance, rig.instanceId);
  assert.deepEqual(last?.requestIds, off.requestIds);
  assert.ok(
    rig.changed.some((a) => a.kind === 'offline'),
    'affected lists refreshed after success',
  );
});

test('batch publish with a per-API failure, then batch offline (4.3.7)', async () => {
  const env = envRef(rig.db, 'PRE');
  const apis = unpublishedIn(rig.db, env.id, 2);
  const ghost = { id: 'ffffffffffffffffffffffffffffffff', name: 'ghost' };
  const out = await run(rig, { kind: 'batch-publish', apis: [...apis, ghost], env });
  assert.equal(out.result, 'partial');
  for (const a of apis) assert.ok(rig.db.publicationOf(a.id, env.id), `${a.name} published`);
  const failed = out.items.find((i) => !i.ok);
  assert.equal(failed?.label, 'ghost');
  assert.match(failed?.errorCode ?? '', /^APIG\.\d{4}$/);
  assert.ok((failed?.errorMsg ?? '').length > 0);

  const off = await run(rig, { kind: 'batch-offline', apis, env });
  assert.equal(off.result, 'ok');
  for (const a of apis) assert.equal(rig.db.publicationOf(a.id, env.id), undefined);
});

test('switch to an earlier version (rollback) and back; take the version in effect offline (4.3.9, 4.3.11)', async () => {
  // An API with at least two versions in RELEASE and published there.
  const byApi = new Map<string, Array<{ version_id: string; status: number; version_no: string }>>();
  for (const v of rig.db.data.versions.values()) {
    if (v.env_id !== RELEASE.id) continue;
    byApi.set(v.api_id, [...(byApi.get(v.api_id) ?? []), v]);
  }
  const entry = [...byApi].find(([apiId, vs]) => vs.length >= 2 && rig.db.publicationOf(apiId, RELEASE.id));
  assert.ok(entry, 'demo seed has an API with history');
  const [apiId, versions] = entry;
  const apiDef = rig.db.data.apis.get(apiId);
  const api = { id: apiId, name: apiDef?.name ?? apiId };
  const current = versions.find((v) => v.status === 1);
  const older = versions.find((v) => v.status !== 1);
  assert.ok(current && older);

  const sw = await run(rig, {
    kind: 'switch-version',
    api,
    env: RELEASE,
    version: { versionId: older.version_id, versionNo: older.version_no },
  });
  assert.equal(sw.result, 'ok');
  assert.equal(rig.db.publicationOf(apiId, RELEASE.id)?.version_id, older.version_id);
  assert.equal(rig.db.data.versions.get(older.version_id)?.status, 1);

  await run(rig, {
    kind: 'switch-version',
    api,
    env: RELEASE,
    version: { versionId: current.version_id, versionNo: current.version_no },
  });
  assert.equal(rig.db.publicationOf(apiId, RELEASE.id)?.version_id, current.version_id);

  const off = await run(rig, {
    kind: 'offline-version',
    api,
    env: RELEASE,
    version: { versionId: current.version_id, versionNo: current.version_no },
  });
  assert.equal(off.result, 'ok');
  assert.equal(rig.db.publicationOf(apiId, RELEASE.id), undefined, 'API no longer serves in RELEASE');
  // undo: publish again
  await run(rig, { kind: 'publish', api, env: RELEASE });
  assert.ok(rig.db.publicationOf(apiId, RELEASE.id));
});

function throttleRef(id: string): PolicyRef {
  const t = rig.db.data.throttles.get(id);
  return { kind: 'throttle', id, name: t?.name ?? id };
}

test('throttle: bind, second throttle refused before sending with replace offered, replace step by step, unbind (4.8.1/4.8.2)', async () => {
  const [target] = freePublications(rig.db, RELEASE.id, 'throttleBindings', 1);
  assert.ok(target);
  const [t1id, t2id] = [...rig.db.data.throttles.keys()];
  assert.ok(t1id && t2id);
  const t1 = throttleRef(t1id);
  const t2 = throttleRef(t2id);

  const bound = await run(rig, { kind: 'bind', policy: t1, targets: [target] });
  assert.equal(bound.result, 'ok');
  const binding = [...rig.db.data.throttleBindings.values()].find((b) => b.publish_id === target.publishId);
  assert.equal(binding?.strategy_id, t1.id);
  assert.ok(binding);

  // Second throttle in the same environment: refused before sending.
  const current: BindingRef = { bindingId: binding.id, policy: t1, api: target.api, env: target.env };
  const writesBefore = rig.writes();
  const plan = planBind(t2, [{ ...target, current: [current] }]);
  assert.equal(plan.allowed.length, 0);
  const refusal = plan.refused[0]?.refusal;
  assert.equal(refusal?.code, 'THROTTLE_TAKEN');
  const { actions } = rig.mutations.getState();
  actions.refuse(refusal!, { kind: 'bind', policy: t2, targets: [target] });
  assert.equal(rig.writes(), writesBefore, 'nothing sent for a refused bind');
  assert.equal(rig.mutations.getState().phase, 'refused');

  // The sensible path: replace = unbind then bind, reported step by step.
  actions.acceptAlternative();
  assert.equal(rig.mutations.getState().confirmation?.title, 'Replace throttling policy');
  const out = await actions.confirm();
  assert.equal(out?.result, 'ok');
  assert.deepEqual(
    rig.mutations.getState().steps.map((s) => s.status),
    ['ok', 'ok'],
  );
  actions.dismiss();
  const now = [...rig.db.data.throttleBindings.values()].filter((b) => b.publish_id === target.publishId);
  assert.deepEqual(
    now.map((b) => b.strategy_id),
    [t2.id],
  );

  // The service's own refusal of a second throttle (as if the dashboard's knowledge were stale).
  const direct = await run(rig, { kind: 'bind', policy: t1, targets: [target] });
  assert.equal(direct.result, 'failed');
  assert.equal(direct.error?.code, 'APIG.3309');
  assert.ok(direct.error?.hint);

  const nowBinding = now[0];
  assert.ok(nowBinding);
  const un = await run(rig, {
    kind: 'unbind',
    bindings: [{ bindingId: nowBinding.id, policy: t2, api: target.api, env: target.env }],
  });
  assert.equal(un.result, 'ok');
  assert.equal(
    [...rig.db.data.throttleBindings.values()].some((b) => b.publish_id === target.publishId),
    false,
  );
});

test('throttle: bind to several APIs at once, batch unbind with a per-item failure (4.8.6)', async () => {
  const targets = freePublications(rig.db, RELEASE.id, 'throttleBindings', 2);
  const t = throttleRef([...rig.db.data.throttles.keys()][0] ?? '');
  const out = await run(rig, { kind: 'bind', policy: t, targets });
  assert.equal(out.result, 'ok');
  assert.equal(out.items.length, 2);
  const ids = [...rig.db.data.throttleBindings.values()]
    .filter((b) => targets.some((x) => x.publishId === b.publish_id))
    .map((b) => b.id);
  assert.equal(ids.length, 2);
  const refs = targets.map((x, i) => ({ bindingId: ids[i] ?? '', policy: t, api: x.api, env: x.env }));
  const ghost = { ...refs[0]!, bindingId: 'ffffffffffffffffffffffffffffffff' };
  const un = await run(rig, { kind: 'unbind', bindings: [...refs, ghost] });
  assert.equal(un.result, 'partial');
  assert.equal(un.items.find((i) => !i.ok)?.errorCode, 'APIG.3012');
  for (const id of ids) assert.equal(rig.db.data.throttleBindings.has(id), false);
});

test('signature key: bind then unbind (4.11.1/4.11.2)', async () => {
  const [target] = freePublications(rig.db, RELEASE.id, 'signBindings', 1);
  const s = [...rig.db.data.signs.values()][0];
  assert.ok(target && s);
  const policy: PolicyRef = { kind: 'sign', id: s.id, name: s.name };
  const out = await run(rig, { kind: 'bind', policy, targets: [target] });
  assert.equal(out.result, 'ok');
  const b = [...rig.db.data.signBindings.values()].find((x) => x.publish_id === target.publishId);
  assert.equal(b?.sign_id, s.id);
  assert.ok(b);
  // the sign binding answer carries sign_secret: it must never reach the audit log
  const text = JSON.stringify(await rig.auditLines());
  if (s.sign_secret) assert.equal(text.includes(s.sign_secret), false);
  await run(rig, {
    kind: 'unbind',
    bindings: [{ bindingId: b.id, policy, api: target.api, env: target.env }],
  });
  assert.equal(rig.db.data.signBindings.has(b.id), false);
});

test('ACL: bind PERMIT and DENY, batch unbind both (4.13.1/4.13.3)', async () => {
  const [target] = freePublications(rig.db, RELEASE.id, 'aclBindings', 1);
  assert.ok(target);
  const acls = [...rig.db.data.acls.values()];
  const permit = acls.find((a) => a.acl_type === 'PERMIT');
  const deny = acls.find((a) => a.acl_type === 'DENY');
  assert.ok(permit && deny);
  const p: PolicyRef = { kind: 'acl', id: permit.id, name: permit.acl_name, aclType: 'PERMIT' };
  const d: PolicyRef = { kind: 'acl', id: deny.id, name: deny.acl_name, aclType: 'DENY' };
  assert.equal((await run(rig, { kind: 'bind', policy: p, targets: [target] })).result, 'ok');
  assert.equal((await run(rig, { kind: 'bind', policy: d, targets: [target] })).result, 'ok');
  const mine = [...rig.db.data.aclBindings.values()].filter((b) => b.publish_id === target.publishId);
  assert.deepEqual(mine.map((b) => b.acl_id).sort(), [permit.id, deny.id].sort());
  const refs = mine.map((b) => ({
    bindingId: b.id,
    policy: b.acl_id === permit.id ? p : d,
    api: target.api,
    env: target.env,
  }));
  const un = await run(rig, { kind: 'unbind', bindings: refs });
  assert.equal(un.result, 'ok');
  assert.equal(
    [...rig.db.data.aclBindings.values()].some((b) => b.publish_id === target.publishId),
    false,
  );
});

test('bind to an unpublished API: refused before sending; the service would answer APIG.3015', async () => {
  const [api] = unpublishedIn(rig.db, RELEASE.id, 1);
  assert.ok(api);
  const t = throttleRef([...rig.db.data.throttles.keys()][0] ?? '');
  const plan = planBind(t, [{ api, env: RELEASE, current: [] }]);
  assert.equal(plan.refused[0]?.refusal.code, 'NOT_PUBLISHED');
  // stale knowledge: a publish id that does not exist
  const out = await run(rig, {
    kind: 'bind',
    policy: t,
    targets: [{ publishId: 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee', api, env: RELEASE }],
  });
  assert.equal(out.result, 'failed');
  assert.equal(out.error?.code, 'APIG.3015');
  assert.equal(out.error?.status, 404);
});

test('authorize an app for an API in an environment, then revoke (4.18.1/4.18.2)', async () => {
  const app = [...rig.db.data.apps.values()][0];
  assert.ok(app);
  const pub = [...rig.db.data.publications.values()].find(
    (p) =>
      p.env_id === RELEASE.id &&
      ![...rig.db.data.appAuths.values()].some(
        (a) => a.app_id === app.id && a.api_id === p.api_id && a.env_id === RELEASE.id,
      ),
  );
  assert.ok(pub);
  const api = { id: pub.api_id, name: rig.db.data.apis.get(pub.api_id)?.name ?? pub.api_id };
  const out = await run(rig, {
    kind: 'authorize',
    apps: [{ id: app.id, name: app.name }],
    apis: [api],
    env: RELEASE,
  });
  assert.equal(out.result, 'ok');
  const auth = [...rig.db.data.appAuths.values()].find(
    (a) => a.app_id === app.id && a.api_id === api.id && a.env_id === RELEASE.id,
  );
  assert.ok(auth);
  const rv = await run(rig, {
    kind: 'revoke',
    auths: [{ authId: auth.id, app: { id: app.id, name: app.name }, api, env: RELEASE }],
  });
  assert.equal(rv.result, 'ok');
  assert.equal(rig.db.data.appAuths.has(auth.id), false);
});

test('5xx: the failure shows the code and a hint, is not retried, and is audited', async () => {
  const env = envRef(rig.db, 'TEST');
  const [api] = unpublishedIn(rig.db, env.id, 1);
  assert.ok(api);
  rig.em.setFaults('5xx=1');
  const posts = rig.em.stats.byMethod.POST ?? 0;
  try {
    const out = await run(rig, { kind: 'publish', api, env });
    assert.equal(out.result, 'failed');
    assert.equal(out.error?.code, 'APIG.9999');
    assert.match(out.error?.hint ?? '', /.+/);
  } finally {
    rig.em.setFaults(null);
  }
  assert.equal((rig.em.stats.byMethod.POST ?? 0) - posts, 1, 'a mutation is never retried');
  assert.equal(rig.mutations.getState().phase, 'idle', 'usable again after dismiss');
  const last = (await rig.auditLines()).at(-1);
  assert.equal(last?.result, 'failed');
  assert.equal(last?.errorCode, 'APIG.9999');
});
