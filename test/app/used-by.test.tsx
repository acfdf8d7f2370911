// Reverse lookups (issue 17): `B` on a VPC channel, an authorizer, an environment, a throttling
// policy, an ACL, a signature key, an app and a client quota lists the APIs that use it, and Enter on
// an environment lists its published APIs. The expected sets are computed from the emulator over HTTP
// the other way round (per API: its detail, its bound policies 4.8.5/4.13.6/4.11.3, its authorized
// apps 4.18.6, each app's quota 4.16.8), never from literals; the subject is the row with the most APIs.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { InstanceClient } from '../../src/api/client.ts';
import type { ApiDetail, ApiSummary } from '../../src/api/types/apis.ts';
import { listKey } from '../../src/app/data.ts';
import { USED_BY, type UsedByKind } from '../../screens/used-by.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { until } from '../helpers/until.ts';

type Uses = Map<string, Set<string>>; // subject id → API ids
const add = (m: Uses, subject: string | undefined, api: string) => {
  if (!subject) return;
  const s = m.get(subject) ?? new Set<string>();
  s.add(api);
  m.set(subject, s);
};

/** Who uses what, asked per API (the reverse direction of the lookups under test). */
async function expectedUses(inst: InstanceClient): Promise<Record<UsedByKind, Uses>> {
  const out = Object.fromEntries(
    (['vpc', 'authorizer', 'env', 'throttle', 'acl', 'sign', 'app', 'quota'] as const).map((k) => [
      k,
      new Map(),
    ]),
  ) as Record<UsedByKind, Uses>;
  const apis: ApiSummary[] = await inst.apis.listAll({});
  const apps = await inst.apps.listAll({});
  const quotaOfApp = new Map<string, string>();
  for (const app of apps) {
    const q = await inst.boundQuota(app.id);
    if (q) quotaOfApp.set(app.id, q.app_quota_id);
  }
  for (const a of apis) {
    const d: ApiDetail = await inst.apis.get(a.id);
    const backends = [
      d.backend_api,
      d.func_info,
      d.mock_info,
      ...(d.policy_https ?? []),
      ...(d.policy_functions ?? []),
      ...(d.policy_mocks ?? []),
    ];
    add(out.authorizer, d.authorizer_id, a.id);
    for (const b of backends) {
      add(out.authorizer, b?.authorizer_id, a.id);
      add(
        out.vpc,
        (b as { vpc_channel_info?: { vpc_channel_id?: string } } | undefined)?.vpc_channel_info
          ?.vpc_channel_id,
        a.id,
      );
    }
    for (const env of String(a.run_env_id ?? '').split('|')) add(out.env, env, a.id);
    for (const t of await inst.throttleBindings.boundThrottles.listAll({ api_id: a.id }))
      add(out.throttle, t.id, a.id);
    for (const x of await inst.aclBindings.boundAcls.listAll({ api_id: a.id })) add(out.acl, x.acl_id, a.id);
    for (const s of await inst.signBindings.boundSigns.listAll({ api_id: a.id }))
      add(out.sign, s.sign_id, a.id);
    for (const auth of await inst.appAuths.boundApps.listAll({ api_id: a.id })) {
      add(out.app, auth.app_id, a.id);
      add(out.quota, quotaOfApp.get(auth.app_id ?? ''), a.id);
    }
  }
  return out;
}

const SCREEN: Record<UsedByKind, string> = {
  vpc: 'vpcs',
  authorizer: 'authorizers',
  env: 'envs',
  throttle: 'throttles',
  acl: 'acls',
  sign: 'signs',
  app: 'apps',
  quota: 'quotas',
};

/** The loaded rows of a list; undefined while it is not loaded. */
function rowsOf(h: Harness, screen: string, params: Record<string, string> = {}): unknown[] | undefined {
  const s = h.store.getState();
  const slice = s.resources[screen]?.[listKey(s.instanceId, params)];
  return slice?.data == null || slice.loading ? undefined : (slice.data as unknown[]);
}

let h: Harness;
let uses: Record<UsedByKind, Uses>;
before(async () => {
  h = await startHarness({ rootScreen: 'apis' });
  uses = await expectedUses(h.store.client.instance(h.emu.instances[0] ?? ''));
});
after(async () => {
  await h.close();
});

/** The subject with the most APIs (so the check is not vacuous). */
function subjectOf(kind: UsedByKind): { id: string; apis: string[] } {
  const best = [...uses[kind].entries()].sort((a, b) => b[1].size - a[1].size)[0];
  assert.ok(best && best[1].size > 0, `the seed has a ${kind} used by some API`);
  return { id: best[0], apis: [...best[1]].sort() };
}

/** Opens the resource's list, selects the subject, presses `key`; returns the API ids listed. */
async function lookUp(kind: UsedByKind, id: string, key: string): Promise<string[]> {
  const screen = SCREEN[kind];
  const idOf = (r: unknown) =>
    (r as { id?: string; app_quota_id?: string }).app_quota_id ?? (r as { id: string }).id;
  const { actions } = h.store.getState();
  actions.jump(screen);
  await until(`${screen} loaded`, () => (rowsOf(h, screen) ?? []).some((r) => idOf(r) === id));
  await settle();
  actions.updateList({ selectedId: id });
  await settle();
  h.ui.stdin.write(key);
  await until('the APIs list of the lookup', () => {
    const top = h.store.getState().stack.at(-1);
    return (
      top?.screen === 'apis' &&
      top.params[USED_BY.id] === id &&
      rowsOf(h, 'apis', { ...top.params }) !== undefined
    );
  });
  const top = h.store.getState().stack.at(-1);
  assert.equal(top?.params[USED_BY.kind], kind);
  return ((rowsOf(h, 'apis', { ...top?.params }) ?? []) as ApiSummary[]).map((a) => a.id).sort();
}

for (const kind of ['vpc', 'authorizer', 'env', 'throttle', 'acl', 'sign', 'app', 'quota'] as const) {
  test(`B on a ${kind} lists the APIs that use it`, async () => {
    const s = subjectOf(kind);
    assert.deepEqual(await lookUp(kind, s.id, 'B'), s.apis);
    const frame = await waitForFrame(h.ui, (f) => f.includes('used by'));
    assert.match(frame, /used by/);
  });
}

test('Enter on an environment lists the APIs published in it', async () => {
  const s = subjectOf('env');
  assert.deepEqual(await lookUp('env', s.id, '\r'), s.apis);
});

test('the lookup list is an APIs list: Enter opens the API detail, Esc goes back to it', async () => {
  const s = subjectOf('throttle');
  const listed = await lookUp('throttle', s.id, 'B');
  const lookupEntry = h.store.getState().stack.at(-1);
  h.ui.stdin.write('j');
  await settle();
  h.ui.stdin.write('\r');
  await until('API detail', () => h.store.getState().stack.at(-1)?.view === 'detail');
  const detail = h.store.getState().stack.at(-1);
  assert.equal(detail?.screen, 'apis');
  assert.ok(listed.includes(detail?.itemId ?? ''));
  await waitForFrame(h.ui, (f) => f.includes('Definition') && !f.includes('not in the loaded list'));
  h.ui.stdin.write('\x1b');
  await until('back to the lookup', () => h.store.getState().stack.at(-1)?.seq === lookupEntry?.seq);
});
