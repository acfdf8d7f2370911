// Selectable detail tables (issue 17): the rows of a policy's Bound APIs, an app's Authorized APIs, an
// API's Policies and Authorized apps tabs are a list: j/k move, `c` copies the row's id, `y` shows the
// row, Enter opens the row's resource. Expected rows come from the emulator over HTTP.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { InstanceClient } from '../../src/api/client.ts';
import { listKey } from '../../src/app/data.ts';
import { decideSession } from '../../src/app/session.ts';
import { viewKeys } from '../../src/app/view-keys.ts';
import { resourceById } from '../../screens/registry.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { until } from '../helpers/until.ts';

let h: Harness;
let inst: InstanceClient;
before(async () => {
  h = await startHarness({ rootScreen: 'apis' });
  inst = h.store.client.instance(h.emu.instances[0] ?? '');
});
after(async () => {
  await h.close();
});

const top = () => h.store.getState().stack.at(-1);
async function press(keys: string) {
  h.ui.stdin.write(keys);
  await settle();
}

/** Opens the detail of `id` in `screen` at the tab titled `tabTitle` (pressing Tab), from its list. */
async function openTab(screen: string, id: string, tabTitle: string): Promise<void> {
  const d = resourceById(screen);
  assert.ok(d);
  const { actions } = h.store.getState();
  actions.jump(screen);
  await until(`${screen} loaded`, () => {
    const s = h.store.getState();
    const rows = s.resources[screen]?.[listKey(s.instanceId, {})]?.data as unknown[] | null | undefined;
    return (rows ?? []).some((r) => d.idOf(r) === id);
  });
  actions.updateList({ selectedId: id });
  await settle();
  await press('i');
  await until('detail', () => top()?.view === 'detail' && top()?.itemId === id);
  const tab = (d.parts ?? []).findIndex((p) => p.title === tabTitle) + 1;
  assert.ok(tab > 0, `${screen} has a ${tabTitle} tab`);
  for (let i = 0; i < tab; i++) await press('\t');
  await until(`tab ${tabTitle}`, () => top()?.tab === tab);
  const part = d.parts?.[tab - 1];
  await until(`${tabTitle} loaded`, () => {
    const s = h.store.getState();
    const slice = s.resources[`${screen}.${part?.id ?? ''}`]?.[`${s.instanceId ?? '-'}|${id}`];
    return slice?.data != null && !slice.loading;
  });
  await settle();
}

/** Presses `c` on every row (j between them): the ids the rows stand for, in order. */
async function copiedIds(count: number): Promise<string[]> {
  const ids: string[] = [];
  await press('g');
  for (let i = 0; i < count; i++) {
    await press('c');
    const text = h.store.getState().status?.text ?? '';
    const m = /copied id (\S+)/.exec(text);
    assert.ok(m, `status after c: ${text}`);
    ids.push(m[1] ?? '');
    await press('j');
  }
  return ids;
}

/** Esc until the view changes (the first Esc clears a status line such as "copied id"). */
async function back(): Promise<void> {
  const seq = top()?.seq;
  for (let i = 0; i < 3 && top()?.seq === seq; i++) {
    await press('\x1b');
    await new Promise((r) => setTimeout(r, 40));
  }
  assert.notEqual(top()?.seq, seq);
}

/** Enter on the selected row: the detail it opens. */
async function enterOpens(): Promise<{ screen: string; itemId: string }> {
  const before = top()?.seq;
  await press('\r');
  await until('a detail opened', () => top()?.seq !== before && top()?.view === 'detail');
  const t = top();
  await waitForFrame(h.ui, (f) => !f.includes('not in the loaded list'));
  return { screen: t?.screen ?? '', itemId: t?.itemId ?? '' };
}

test('a throttling policy: the Bound APIs rows are a list; c copies each API id, Enter opens the API', async () => {
  const policies = await inst.throttles.listAll({});
  let subject: { id: string; apis: string[] } | undefined;
  for (const p of policies) {
    const bound = await inst.throttleBindings.boundApis.listAll({ throttle_id: p.id });
    if (bound.length >= 2) subject = { id: p.id, apis: bound.map((b) => b.id) };
  }
  assert.ok(subject, 'the seed binds a throttling policy to two APIs or more');
  await openTab('throttles', subject.id, 'Bound APIs');
  assert.deepEqual(await copiedIds(subject.apis.length), subject.apis);
  // j past the end stays on the last row; the row is selected in store state, not by scrolling
  assert.equal(top()?.list.selectedIndex, subject.apis.length - 1);
  await press('y');
  await waitForFrame(h.ui, (f) => f.includes(subject.apis.at(-1) ?? '?'));
  assert.equal(h.store.getState().modals.at(-1)?.kind, 'json');
  await press('\x1b');
  await until('json closed', () => h.store.getState().modals.length === 0);
  await press('k');
  assert.deepEqual(await enterOpens(), { screen: 'apis', itemId: subject.apis.at(-2) });
  await back();
  assert.equal(top()?.screen, 'throttles');
  assert.equal(top()?.list.selectedIndex, subject.apis.length - 2, 'Back keeps the selected row');
});

test("an API's Policies rows open the bound throttle, ACL or signature key", async () => {
  const apis = await inst.apis.listAll({});
  let subject: { id: string; ids: string[]; screens: Map<string, string> } | undefined;
  for (const a of apis) {
    const [t, x, s] = await Promise.all([
      inst.throttleBindings.boundThrottles.listAll({ api_id: a.id }),
      inst.aclBindings.boundAcls.listAll({ api_id: a.id }),
      inst.signBindings.boundSigns.listAll({ api_id: a.id }),
    ]);
    const screens = new Map<string, string>([
      ...t.map((p) => [p.id, 'throttles'] as const),
      ...x.map((p) => [p.acl_id, 'acls'] as const),
      ...s.map((p) => [p.sign_id ?? '', 'signs'] as const),
    ]);
    if (new Set(screens.values()).size >= 2) {
      subject = {
        id: a.id,
        ids: [...t.map((p) => p.id), ...x.map((p) => p.acl_id), ...s.map((p) => p.sign_id ?? '')],
        screens,
      };
      break;
    }
  }
  assert.ok(subject, 'the seed has an API with two kinds of policy');
  await openTab('apis', subject.id, 'Policies');
  const copied = await copiedIds(subject.ids.length);
  assert.deepEqual([...copied].sort(), [...subject.ids].sort());
  await press('g');
  const opened = await enterOpens();
  assert.equal(opened.itemId, copied[0]);
  assert.equal(opened.screen, subject.screens.get(copied[0] ?? ''));
  await back();
  assert.equal(top()?.itemId, subject.id, 'Esc goes back to the API');
});

test("an app's Authorized APIs open the API, an API's Authorized apps open the app", async () => {
  const apps = await inst.apps.listAll({});
  let app: { id: string; apis: string[] } | undefined;
  for (const a of apps) {
    const auths = await inst.appAuths.boundApis.listAll({ app_id: a.id });
    if (auths.length > 0) {
      app = { id: a.id, apis: auths.map((x) => x.api_id ?? '') };
      break;
    }
  }
  assert.ok(app, 'the seed authorizes an app');
  await openTab('apps', app.id, 'Authorized APIs');
  assert.deepEqual(await copiedIds(app.apis.length), app.apis);
  await press('g');
  const api = await enterOpens();
  assert.deepEqual(api, { screen: 'apis', itemId: app.apis[0] });
  const appsOfApi = (await inst.appAuths.boundApps.listAll({ api_id: api.itemId })).map(
    (x) => x.app_id ?? '',
  );
  assert.ok(appsOfApi.includes(app.id));
  await openTab('apis', api.itemId, 'Authorized apps');
  assert.deepEqual(await copiedIds(appsOfApi.length), appsOfApi);
  await press('g');
  assert.deepEqual(await enterOpens(), { screen: 'apps', itemId: appsOfApi[0] });
});

test('Enter is listed (footer and ?) on a selectable tab only', () => {
  const session = decideSession(h.env.header, h.store.client);
  const apis = resourceById('apis');
  const policiesTab = (apis?.parts ?? []).findIndex((p) => p.id === 'policies') + 1;
  assert.ok(viewKeys(apis, 'detail', session, policiesTab).commands.includes('enter'));
  assert.ok(!viewKeys(apis, 'detail', session, 0).commands.includes('enter'));
  assert.ok(!viewKeys(apis, 'detail', session, 1).commands.includes('enter'));
});
