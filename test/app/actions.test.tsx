// Actions and the debug console through the whole shell (App + stores + real client) against the
// emulator on loopback: keys → flow → confirmation → emulator state → refreshed view.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { createShellMutations } from '../../src/app/session-stores.ts';
import type { InstanceStore } from '../../src/emulator/state.ts';
import { selectTop } from '../../src/store/index.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { until } from '../helpers/until.ts';
import { openList, press, rowsOf, writesTo } from './probes.ts';

const CTRL_X = '\x18';

const dbOf = (h: Harness): InstanceStore => {
  const db = h.emu.state.stores.get(h.emu.instances[0] ?? '');
  assert.ok(db);
  return db;
};
function sliceData<T>(h: Harness, family: string): T | undefined {
  const slices = h.store.getState().resources[family] ?? {};
  return Object.values(slices)[0]?.data as T | undefined;
}

let h: Harness;
before(async () => {
  h = await startHarness({ rootScreen: 'apis' });
  await until('apis loaded', () => rowsOf(h, 'apis').length > 0);
});
after(async () => {
  await h?.close();
});

test('publish from the APIs list: pick the environment, confirm, the emulator has the publication', async () => {
  const db = dbOf(h);
  const apis = rowsOf<{ id: string; name: string }>(h, 'apis');
  const envs = [...db.data.envs.values()];
  const pair = apis
    .flatMap((a) => envs.map((e) => ({ a, e })))
    .find(({ a, e }) => !db.publicationOf(a.id, e.id));
  assert.ok(pair, 'an API not published in some environment');
  h.store.getState().actions.updateList({ selectedId: pair.a.id });
  await settle();
  await press(h, 'p');
  await waitForFrame(h.ui, (f) => f.includes(`Publish API ${pair.a.name}`) && f.includes('Environment'));
  const order = sliceData<Array<{ id: string }>>(h, 'envs') ?? [];
  const at = order.findIndex((e) => e.id === pair.e.id);
  assert.ok(at >= 0);
  await press(h, 'j', at);
  await press(h, '\r');
  await waitForFrame(h.ui, (f) => f.includes('Remark (optional)'));
  await press(h, 'r1');
  await press(h, '\r');
  const confirm = await waitForFrame(h.ui, (f) => /y yes/.test(f) && f.includes(pair.a.name));
  assert.match(confirm, new RegExp(pair.e.name));
  assert.equal(db.publicationOf(pair.a.id, pair.e.id), undefined, 'nothing sent before y');
  await press(h, 'y');
  await until('published', () => db.publicationOf(pair.a.id, pair.e.id) !== undefined);
  await waitForFrame(h.ui, (f) => f.includes('Esc/Enter: close'));
  await press(h, '\r');
  // the list refreshed after the change: the row shows the new environment
  await waitForFrame(h.ui, (f) => !/Esc\/Enter: close/.test(f));
  // the audit line is appended right after the outcome is shown
  let audit = '';
  await until('audit line', () => {
    void readFile(h.auditPath, 'utf8').then(
      (t) => (audit = t),
      () => undefined,
    );
    return /"publish"/.test(audit);
  });
  assert.match(audit, /"publish"/);
  assert.match(audit, /ak:test…/);
  assert.doesNotMatch(audit, new RegExp(h.emu.sk));
  // the line carries the emulator's X-Request-Id of the publish call (4.3.4 POST …/apis/action)
  const post = h.requests.filter((e) => e.method === 'POST' && e.path.endsWith('/apis/action')).at(-1);
  assert.ok(post?.requestId, 'the emulator answered with a request id');
  const line = JSON.parse(audit.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
  assert.equal(line.action, 'publish');
  assert.equal(line.env, pair.e.name);
  assert.equal(line.result, 'ok');
  assert.deepEqual(line.requestIds, [post.requestId]);
});

test('publish from the API detail: the Overview then shows the API live in that environment', async () => {
  const db = dbOf(h);
  await openList(h, 'apis');
  const apis = rowsOf<{ id: string; name: string }>(h, 'apis');
  const envs = [...db.data.envs.values()];
  const api = apis.find((a) => envs.every((e) => !db.publicationOf(a.id, e.id)));
  assert.ok(api, 'an API published nowhere');
  h.store.getState().actions.updateList({ selectedId: api.id });
  await settle();
  await press(h, '\r');
  await waitForFrame(h.ui, (f) => f.includes('not published in any environment'));
  await press(h, 'p');
  await waitForFrame(h.ui, (f) => f.includes(`Publish API ${api.name}`) && f.includes('Environment'));
  await press(h, '\r'); // the first environment offered
  await waitForFrame(h.ui, (f) => f.includes('Remark (optional)'));
  await press(h, '\r');
  await waitForFrame(h.ui, (f) => /y yes/.test(f));
  await press(h, 'y');
  await until('published', () => envs.some((e) => db.publicationOf(api.id, e.id) !== undefined));
  const env = envs.find((e) => db.publicationOf(api.id, e.id) !== undefined);
  await waitForFrame(h.ui, (f) => f.includes('Esc/Enter: close'));
  await press(h, '\r');
  const frame = await waitForFrame(
    h.ui,
    (f) => !f.includes('not published in any environment') && f.includes(env?.name ?? '?'),
  );
  assert.match(frame, /Published/);
  await press(h, '\x1b');
  await settle();
});

test('audit: a failed write keeps its request id; session secrets echoed by the server are redacted', async () => {
  const db = dbOf(h);
  // a server refusal: offline from an environment the API is not published in
  const apis = rowsOf<{ id: string; name: string }>(h, 'apis');
  const envs = [...db.data.envs.values()];
  const pair = apis
    .flatMap((a) => envs.map((e) => ({ a, e })))
    .find(({ a, e }) => !db.publicationOf(a.id, e.id));
  assert.ok(pair);
  // the shell's own wiring (App builds the same per instance)
  const mutations = createShellMutations(h.store, h.env, h.emu.instances[0] ?? null);
  mutations.getState().actions.propose({
    kind: 'offline',
    api: { id: pair.a.id, name: `leak ${h.emu.sk}` },
    env: { id: pair.e.id, name: pair.e.name },
  });
  const outcome = await mutations.getState().actions.confirm();
  await mutations.whenSettled();
  mutations.getState().actions.dismiss();
  assert.equal(outcome?.result, 'failed');
  const put = h.requests.filter((e) => e.method === 'POST' && e.path.endsWith('/apis/action')).at(-1);
  assert.ok(put?.requestId && put.status !== undefined && put.status >= 400);
  const text = await readFile(h.auditPath, 'utf8');
  assert.doesNotMatch(text, new RegExp(h.emu.sk), 'the SK never reaches the audit log');
  const line = JSON.parse(text.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
  assert.equal(line.result, 'failed');
  assert.deepEqual(line.requestIds, [put.requestId]);
  assert.match(String(line.object), /\[redacted\]/);
});

test('API views cycle environments with Tab: versions among published ones, apps among all', async () => {
  const db = dbOf(h);
  await openList(h, 'apis');
  const envsOf = (apiId: string) =>
    [...db.data.publications.values()].filter((p) => p.api_id === apiId).map((p) => p.env_id);
  const api = rowsOf<{ id: string; name: string }>(h, 'apis').find((a) => envsOf(a.id).length >= 2);
  assert.ok(api, 'an API published in two environments');
  const names = envsOf(api.id).map((id) => db.data.envs.get(id)?.name ?? id);
  h.store.getState().actions.updateList({ selectedId: api.id });
  await settle();
  await press(h, 'v');
  const first = await waitForFrame(h.ui, (f) => f.includes(`Versions of ${api.name} in`));
  const shown = names.find((n) => first.includes(`in ${n} (`));
  assert.ok(shown, 'the title names one of its environments with its position');
  assert.match(first, new RegExp(`\\(1/${names.length}\\)`));
  assert.match(first.replace(/[│\s]+/g, ' '), /Tab\/\]: next environment/);
  await press(h, '\t');
  const second = await waitForFrame(
    h.ui,
    (f) => f.includes(`(2/${names.length})`) && !f.includes(`in ${shown} (`),
  );
  const other = names.find((n) => n !== shown && second.includes(`in ${n} (`));
  assert.ok(other, 'Tab moved to another environment it is published in');
  await waitForFrame(h.ui, (f) => f.includes('● in effect'));
  await press(h, '\x1b');
  await waitForFrame(h.ui, (f) => !f.includes('Versions of'));

  await press(h, 'A');
  const apps = await waitForFrame(h.ui, (f) => f.includes(`Apps authorized for ${api.name} in`));
  assert.match(apps, new RegExp(`\\(1/${db.data.envs.size}\\)`), 'all environments to choose from');
  await press(h, '\x1b');
  await waitForFrame(h.ui, (f) => !f.includes('Apps authorized for'));
});

test('offline is destructive: Enter does not confirm, y does', async () => {
  const db = dbOf(h);
  await openList(h, 'apis');
  const api = rowsOf<{ id: string; name: string }>(h, 'apis').find(
    (a) => [...db.data.publications.values()].filter((p) => p.api_id === a.id).length === 1,
  );
  assert.ok(api);
  const pub = [...db.data.publications.values()].find((p) => p.api_id === api.id);
  assert.ok(pub);
  const writesBefore = writesTo(h);
  h.store.getState().actions.updateList({ selectedId: api.id });
  await settle();
  await press(h, 'o');
  await waitForFrame(h.ui, (f) => f.includes(`Take offline API ${api.name}`));
  await press(h, '\r'); // the one environment it is published in
  await waitForFrame(h.ui, (f) => /type y to confirm/.test(f));
  await press(h, '\r');
  await settle();
  assert.match(h.ui.lastFrame() ?? '', /type y to confirm/, 'Enter leaves the confirmation open');
  assert.equal(writesTo(h), writesBefore, 'Enter sent nothing');
  await press(h, 'y');
  await until('offline', () => db.publicationOf(api.id, pub.env_id) === undefined);
  await waitForFrame(h.ui, (f) => f.includes('Esc/Enter: close'));
  await press(h, '\x1b');
});

test('policy side: bind a throttle to two marked APIs, then unbind both in one batch', async () => {
  const db = dbOf(h);
  await openList(h, 'throttles');
  const throttle = rowsOf<{ id: string; name: string }>(h, 'throttles')[0];
  assert.ok(throttle);
  h.store.getState().actions.updateList({ selectedId: throttle.id });
  await settle();
  await press(h, 'b');
  await waitForFrame(h.ui, (f) => f.includes('[Not bound]'));
  type Cand = { api: { id: string }; publishId?: string; current: unknown[] };
  await until(
    'candidates',
    () => (sliceData<{ candidates: Cand[] }>(h, 'actions.policyBindings')?.candidates.length ?? 0) > 0,
  );
  await settle();
  const cands = sliceData<{ candidates: Cand[] }>(h, 'actions.policyBindings')?.candidates ?? [];
  const free = cands.flatMap((c, i) => (c.publishId && c.current.length === 0 ? [i] : [])).slice(0, 2);
  assert.equal(free.length, 2, 'two free publications');
  let cursor = 0;
  for (const i of free) {
    await press(h, 'j', i - cursor);
    await press(h, ' '); // marks and moves down
    cursor = i + 1;
  }
  await press(h, 'b');
  await waitForFrame(h.ui, (f) => /y yes|type y/.test(f));
  await press(h, 'y');
  const ids = free.map((i) => cands[i]?.publishId);
  const boundTo = () =>
    [...db.data.throttleBindings.values()].filter(
      (b) => b.strategy_id === throttle.id && ids.includes(b.publish_id),
    );
  await until('bound', () => boundTo().length === 2);
  await waitForFrame(h.ui, (f) => f.includes('Esc/Enter: close'));
  await press(h, '\r');

  // the bound tab lists them after the refresh; mark both, one batch unbind (4.8.6)
  await press(h, '\t');
  await waitForFrame(h.ui, (f) => f.includes('[Bound APIs]'));
  type Bound = { bindingId: string };
  const bindingIds = boundTo().map((b) => b.id);
  await until('bound listed', () =>
    bindingIds.every((id) =>
      (sliceData<{ bound: Bound[] }>(h, 'actions.policyBindings')?.bound ?? []).some(
        (b) => b.bindingId === id,
      ),
    ),
  );
  await settle();
  const bound = sliceData<{ bound: Bound[] }>(h, 'actions.policyBindings')?.bound ?? [];
  cursor = 0;
  for (const i of bindingIds.map((id) => bound.findIndex((b) => b.bindingId === id)).sort((a, b) => a - b)) {
    await press(h, 'j', i - cursor);
    await press(h, ' ');
    cursor = i + 1;
  }
  const putsBefore = h.emu.stats.byMethod.PUT ?? 0;
  await press(h, 'u');
  await waitForFrame(h.ui, (f) => /type y to confirm/.test(f));
  await press(h, 'y');
  await until('unbound', () => boundTo().length === 0);
  assert.equal((h.emu.stats.byMethod.PUT ?? 0) - putsBefore, 1, 'one batch call (PUT ?action=delete)');
  await waitForFrame(h.ui, (f) => f.includes('Esc/Enter: close'));
  await press(h, '\r');
  await press(h, '\x1b');
});

test('app authorization: authorize an app for an API in an environment, then revoke it', async () => {
  const db = dbOf(h);
  await openList(h, 'apps');
  const app = rowsOf<{ id: string; name: string }>(h, 'apps')[0];
  assert.ok(app);
  h.store.getState().actions.updateList({ selectedId: app.id });
  await settle();
  await press(h, 'A');
  await waitForFrame(h.ui, (f) => f.includes(`APIs app ${app.name} is authorized for`));
  await press(h, 'A');
  await waitForFrame(h.ui, (f) => f.includes('In which environment?'));
  const envs = sliceData<Array<{ id: string; name: string }>>(h, 'envs') ?? [];
  const env = envs[0];
  assert.ok(env);
  await press(h, '\r');
  await waitForFrame(h.ui, (f) => f.includes(`Not yet authorized in ${env.name}`));
  await until('unbound apis', () => (sliceData<unknown[]>(h, 'actions.appUnboundApis')?.length ?? 0) > 0);
  await settle();
  const api = (sliceData<Array<{ id: string; name: string }>>(h, 'actions.appUnboundApis') ?? [])[0];
  assert.ok(api);
  await press(h, '\r');
  await waitForFrame(h.ui, (f) => /y yes|type y/.test(f));
  await press(h, 'y');
  const auth = () =>
    [...db.data.appAuths.values()].find(
      (a) => a.app_id === app.id && a.api_id === api.id && a.env_id === env.id,
    );
  await until('authorized', () => auth() !== undefined);
  await waitForFrame(h.ui, (f) => f.includes('Esc/Enter: close'));
  await press(h, '\r');
  const authId = auth()?.id ?? '';
  // the app detail's Authorized APIs tab (4.18.3): the dialog reads that slice
  type Row = { id: string };
  await until('listed', () => (sliceData<Row[]>(h, 'apps.authorized') ?? []).some((r) => r.id === authId));
  await settle();
  const at = (sliceData<Row[]>(h, 'apps.authorized') ?? []).findIndex((r) => r.id === authId);
  await press(h, 'j', at);
  await press(h, 'u');
  await waitForFrame(h.ui, (f) => /y yes|type y/.test(f));
  await press(h, 'y');
  await until('revoked', () => auth() === undefined);
  await waitForFrame(h.ui, (f) => f.includes('Esc/Enter: close'));
  await press(h, '\r');
  await press(h, '\x1b');
});

test('d opens the debug console pre-filled (… › API › debug) and a MOCK call shows the answer', async () => {
  const db = dbOf(h);
  await openList(h, 'apis');
  type Row = { id: string; name: string; backend_type?: string; req_uri?: string; auth_type?: string };
  const api = rowsOf<Row>(h, 'apis').find(
    (a) =>
      a.backend_type === 'MOCK' &&
      a.auth_type === 'NONE' &&
      !String(a.req_uri).includes('{') &&
      db.publicationOf(a.id, 'DEFAULT_ENVIRONMENT_RELEASE_ID'),
  );
  assert.ok(api, 'a published MOCK API without path parameters or app auth');
  h.store.getState().actions.updateList({ selectedId: api.id });
  await settle();
  await press(h, 'd');
  const form = await waitForFrame(h.ui, (f) => f.includes(`${api.name} › debug`) && f.includes('method'));
  assert.match(form, new RegExp(`path ${String(api.req_uri).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  assert.equal(selectTop(h.store.getState()).view, 'debug');
  await press(h, CTRL_X);
  await waitForFrame(h.ui, (f) => /HTTP\/1\.1 \d{3}/.test(f), { timeoutMs: 15_000 });
  await press(h, '\x1b');
  await until('back', () => selectTop(h.store.getState()).view !== 'debug');
});
