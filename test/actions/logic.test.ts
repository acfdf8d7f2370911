import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeAction, isDestructive } from '../../src/actions/confirm.ts';
import {
  checkBindCandidate,
  checkOfflineVersion,
  checkSwitchVersion,
  planBind,
  planBatchOffline,
} from '../../src/actions/preconditions.ts';
import { auditLogPath, createAuditLog, redact } from '../../src/actions/audit.ts';
import { toActionError } from '../../src/actions/errors.ts';
import { runAction } from '../../src/actions/execute.ts';
import type { MutationPort } from '../../src/actions/port.ts';
import type { BindingRef, PolicyRef } from '../../src/actions/types.ts';

const api = { id: 'a1', name: 'pay-callback' };
const release = { id: 'DEFAULT_ENVIRONMENT_RELEASE_ID', name: 'RELEASE' };
const t1: PolicyRef = { kind: 'throttle', id: 't1', name: 'slow' };
const t2: PolicyRef = { kind: 'throttle', id: 't2', name: 'strict' };

test('confirmation names object, environment and effect; offline is destructive', () => {
  const c = describeAction({ kind: 'offline', api, env: release });
  assert.equal(c.effect, 'API pay-callback stops serving in RELEASE');
  assert.equal(c.destructive, true);
  const p = describeAction({ kind: 'publish', api, env: release, remark: 'fix' });
  assert.match(p.effect, /pay-callback.*RELEASE/);
  assert.equal(p.destructive, false);
  assert.deepEqual(p.details, ['remark: fix']);
  assert.equal(isDestructive({ kind: 'unbind', bindings: [] }), true);
  const b = describeAction({
    kind: 'batch-offline',
    apis: [api, { id: 'a2', name: 'refund' }],
    env: release,
  });
  assert.equal(b.effect, '2 APIs stop serving in RELEASE');
  assert.deepEqual(b.details, ['• pay-callback', '• refund']);
});

test('bind preconditions: unpublished, second throttle (offers replace), ACL per type, already bound', () => {
  const unpublished = checkBindCandidate(t1, { api, env: release, current: [] });
  assert.equal(unpublished?.code, 'NOT_PUBLISHED');
  assert.equal(unpublished?.alternative?.action.kind, 'publish');

  const current: BindingRef = { bindingId: 'b1', policy: t1, api, env: release };
  const taken = checkBindCandidate(t2, { api, env: release, publishId: 'p1', current: [current] });
  assert.equal(taken?.code, 'THROTTLE_TAKEN');
  assert.match(
    taken?.reason ?? '',
    /already has throttling policy slow; one throttling policy per API per environment/,
  );
  const alt = taken?.alternative?.action;
  assert.equal(alt?.kind, 'replace');
  if (alt?.kind === 'replace') {
    assert.equal(alt.target.publishId, 'p1');
    assert.deepEqual(
      alt.current.map((b) => b.bindingId),
      ['b1'],
    );
  }
  assert.equal(
    checkBindCandidate(t1, { api, env: release, publishId: 'p1', current: [current] })?.code,
    'ALREADY_BOUND',
  );

  const permit: PolicyRef = { kind: 'acl', id: 'c1', name: 'office', aclType: 'PERMIT' };
  const deny: PolicyRef = { kind: 'acl', id: 'c2', name: 'bad-ips', aclType: 'DENY' };
  const permit2: PolicyRef = { kind: 'acl', id: 'c3', name: 'partners', aclType: 'PERMIT' };
  const aclBound: BindingRef = { bindingId: 'b2', policy: permit, api, env: release };
  assert.equal(checkBindCandidate(deny, { api, env: release, publishId: 'p1', current: [aclBound] }), null);
  assert.equal(
    checkBindCandidate(permit2, { api, env: release, publishId: 'p1', current: [aclBound] })?.code,
    'ACL_TYPE_TAKEN',
  );

  const plan = planBind(t1, [
    { api, env: release, publishId: 'p1', current: [] },
    { api: { id: 'a2', name: 'refund' }, env: release, current: [] },
  ]);
  assert.deepEqual(
    plan.allowed.map((p) => p.publishId),
    ['p1'],
  );
  assert.equal(plan.refused[0]?.refusal.code, 'NOT_PUBLISHED');
});

test('version preconditions', () => {
  assert.equal(
    checkSwitchVersion(api, release, { versionId: 'v', versionNo: '1', inEffect: true })?.code,
    'VERSION_IN_EFFECT',
  );
  assert.equal(checkSwitchVersion(api, release, { versionId: 'v', versionNo: '1', inEffect: false }), null);
  assert.equal(
    checkOfflineVersion(api, release, { versionId: 'v', versionNo: '1', inEffect: false })?.code,
    'VERSION_NOT_IN_EFFECT',
  );
});

test('audit log: XDG path, fallback, JSON lines, secrets redacted, file mode 0600', async () => {
  assert.equal(auditLogPath({ XDG_STATE_HOME: '/x/state' }, '/home/u'), '/x/state/roma-dash/audit.log');
  assert.equal(auditLogPath({}, '/home/u'), '/home/u/.local/state/roma-dash/audit.log');
  const dir = await mkdtemp(join(tmpdir(), 'audit-'));
  const path = auditLogPath({ XDG_STATE_HOME: dir });
  const log = createAuditLog({
    path,
    secrets: ['SUPERSECRETSK123'],
    now: () => new Date('2024-01-01T00:00:00Z'),
  });
  await log({
    who: 'alice',
    profile: 'prod',
    instance: 'i-1',
    action: 'bind',
    object: 'sign:key',
    env: 'RELEASE',
    result: 'failed',
    requestIds: ['r1'],
    errorMsg:
      'Authorization: SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=abcdef0123 sk=SUPERSECRETSK123',
  });
  await log({
    who: 'alice',
    profile: 'prod',
    instance: 'i-1',
    action: 'publish',
    object: 'api',
    env: 'RELEASE',
    result: 'ok',
    requestIds: [],
  });
  const text = await readFile(path, 'utf8');
  const lines = text.trim().split('\n');
  assert.equal(lines.length, 2);
  const first = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
  assert.equal(first.ts, '2024-01-01T00:00:00.000Z');
  assert.equal(first.action, 'bind');
  assert.doesNotMatch(text, /SUPERSECRETSK123|abcdef0123/);
  assert.equal((await stat(path)).mode & 0o777, 0o600);
  const r = redact({ sign_secret: 'x', nested: [{ password: 'p', name: 'ok' }], ak: 'A', task: 'keep' });
  assert.deepEqual(r, {
    sign_secret: '[redacted]',
    nested: [{ password: '[redacted]', name: 'ok' }],
    ak: '[redacted]',
    task: 'keep',
  });
});

test('toActionError keeps the documented code and gives a hint for 403 and 5xx', () => {
  const e = toActionError({
    kind: 'http',
    status: 403,
    errorCode: 'APIG.1005',
    errorMsg: 'No permissions',
    requestId: 'rq',
  });
  assert.equal(e.code, 'APIG.1005');
  assert.equal(e.requestId, 'rq');
  assert.ok(e.hint.length > 0);
  const s = toActionError({ kind: 'http', status: 500, errorCode: 'APIG.9999', errorMsg: 'System error' });
  assert.equal(s.code, 'APIG.9999');
  assert.ok(s.hint.length > 0);
  assert.equal(toActionError(new Error('boom')).message, 'boom');
});

test('replace stops after a failed unbind and marks the bind step skipped (never retried)', async () => {
  let bindCalls = 0;
  let unbindCalls = 0;
  const port = {
    async unbind() {
      unbindCalls++;
      throw Object.assign(new Error('x'), {
        kind: 'http',
        status: 500,
        errorCode: 'APIG.9999',
        errorMsg: 'System error',
      });
    },
    async bind() {
      bindCalls++;
      return { data: [] };
    },
  } as unknown as MutationPort;
  const steps: string[][] = [];
  const out = await runAction(
    port,
    {
      kind: 'replace',
      policy: t2,
      target: { publishId: 'p1', api, env: release },
      current: [{ bindingId: 'b1', policy: t1, api, env: release }],
    },
    (p) => steps.push(p.map((s) => s.status)),
  );
  assert.equal(out.result, 'failed');
  assert.equal(out.error?.code, 'APIG.9999');
  assert.equal(unbindCalls, 1);
  assert.equal(bindCalls, 0);
  assert.deepEqual(steps.at(-1), ['failed', 'skipped']);
});

test('publications are split from the joined run_env_id/publish_id strings, whatever the separator', async () => {
  const { publicationsOf, publicationIn } = await import('../../src/actions/publications.ts');
  const pubs = publicationsOf({
    id: 'a1',
    name: 'pay',
    run_env_id: 'DEFAULT_ENVIRONMENT_RELEASE_ID|7a1ad0c350844ee69479b47df9a881cb',
    run_env_name: 'RELEASE|TEST',
    publish_id: '9191cdb430724d4b8586ed7f1b962ca2|40e7162dc6b94b94bbbbb1a60d2a24b1',
  });
  assert.deepEqual(
    pubs.map((p) => [p.env.name, p.publishId]),
    [
      ['RELEASE', '9191cdb430724d4b8586ed7f1b962ca2'],
      ['TEST', '40e7162dc6b94b94bbbbb1a60d2a24b1'],
    ],
  );
  assert.equal(publicationIn({ id: 'a', name: 'n' }, 'DEFAULT_ENVIRONMENT_RELEASE_ID'), undefined);
});

test('batch offline leaves out the marked APIs not published in the environment, and says so', () => {
  const env = { id: 'e1', name: 'TEST' };
  const a = { id: 'a', name: 'list_orders' };
  const b = { id: 'b', name: 'get_order' };
  const plan = planBatchOffline([a, b], env, (x) => x.id === 'b');
  assert.deepEqual(plan.send, [b]);
  assert.deepEqual(plan.skipped, [a]);
  assert.equal(plan.refusal, null);
  const c = describeAction({ kind: 'batch-offline', apis: plan.send, env, skipped: plan.skipped });
  assert.equal(c.effect, '1 API stops serving in TEST');
  assert.ok(c.details.some((d) => /left out, not published in TEST: list_orders/.test(d)));
  const none = planBatchOffline([a], env, () => false);
  assert.equal(none.refusal?.code, 'NOT_PUBLISHED');
  assert.deepEqual(none.send, []);
});
