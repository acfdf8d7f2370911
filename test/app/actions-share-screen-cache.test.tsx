// One data path (issue 12 point 5): the action flows and the debug console read what the resource
// screens already hold from the same store slice, so the emulator sees no second request for it.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { listKey } from '../../src/app/data.ts';
import type { InstanceStore } from '../../src/emulator/state.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { until } from '../helpers/until.ts';
import { startHarness, type Harness } from './harness.tsx';

let h: Harness;
before(async () => {
  h = await startHarness({ rootScreen: 'apis' });
  await until('apis loaded', () => rowsOf(h, 'apis').length > 0);
});
after(async () => {
  await h?.close();
});
beforeEach(async () => {
  // every test starts on the APIs list with no dialog open
  while (h.store.getState().modals.length > 0) h.store.getState().actions.popModal();
  h.store.getState().actions.jump('apis');
  await until('apis shown', () => rowsOf(h, 'apis').length > 0);
  await h.store.whenIdle();
  await settle();
});

function rowsOf<T>(h: Harness, family: string): T[] {
  const s = h.store.getState();
  return (s.resources[family]?.[listKey(s.instanceId, {})]?.data ?? []) as T[];
}
/** GET requests whose path (without the query) ends with `tail`. */
const gets = (tail: RegExp) =>
  h.requests.filter((e) => e.method === 'GET' && tail.test(e.path.split('?')[0] ?? '')).length;
const dbOf = (): InstanceStore => {
  const db = h.emu.state.stores.get(h.emu.instances[0] ?? '');
  assert.ok(db);
  return db;
};
async function press(keys: string) {
  h.ui.stdin.write(keys);
  await settle();
}
async function showList(screen: string) {
  h.store.getState().actions.jump(screen);
  await until(`${screen} loaded`, () => rowsOf(h, screen).length > 0);
  await h.store.whenIdle();
  await settle();
}
async function selectApi(pred: (a: { id: string; auth_type?: string; run_env_name?: string }) => boolean) {
  await showList('apis');
  const api = rowsOf<{ id: string; name: string; auth_type?: string; run_env_name?: string }>(h, 'apis').find(
    pred,
  );
  assert.ok(api);
  h.store.getState().actions.updateList({ selectedId: api.id });
  await settle();
  return api;
}

test("publish's environment picker reads the environments screen's list: no second envs request", async () => {
  await showList('envs');
  const before = gets(/\/envs$/);
  assert.ok(before >= 1);
  const api = await selectApi(() => true);
  await press('p');
  await waitForFrame(h.ui, (f) => f.includes(`Publish API ${api.name}`) && f.includes('Environment'));
  const env = [...dbOf().data.envs.values()][0];
  assert.ok(env);
  await waitForFrame(h.ui, (f) => f.includes(env.name));
  assert.equal(gets(/\/envs$/), before, 'the picker asked the service for the environments again');
  await press('\x1b');
});

test("the bindings dialog's policy picker reads the throttles screen's list: no second throttles request", async () => {
  await showList('throttles');
  const policy = rowsOf<{ name: string }>(h, 'throttles')[0];
  assert.ok(policy);
  const before = gets(/\/throttles$/);
  const api = await selectApi((a) => (a.run_env_name ?? '') !== '');
  await press('b');
  await waitForFrame(h.ui, (f) => f.includes(`Bindings of ${api.name}`));
  await h.store.whenIdle();
  await press('b');
  await press('t');
  await waitForFrame(h.ui, (f) => f.includes('Pick the throttle') && f.includes(policy.name));
  assert.equal(gets(/\/throttles$/), before, 'the picker asked the service for the throttles again');
  await press('\x1b');
  await press('\x1b');
});

test("an app's authorization dialog and its Authorized APIs tab are one slice: the tab asks nothing again", async () => {
  await showList('apps');
  const app = rowsOf<{ id: string; name: string }>(h, 'apps')[0];
  assert.ok(app);
  h.store.getState().actions.updateList({ selectedId: app.id });
  await settle();
  await press('A');
  await waitForFrame(h.ui, (f) => f.includes(`APIs app ${app.name} is authorized for`));
  await h.store.whenIdle();
  const before = gets(/\/app-auths\/binded-apis$/);
  assert.ok(before >= 1, 'the dialog read the authorized APIs');
  await press('\x1b');
  h.store.getState().actions.push('apps', 'detail', { itemId: app.id, label: app.name });
  const tab = 1; // Overview, then the parts: Authorized APIs first
  h.store.getState().actions.setTab(tab);
  await waitForFrame(h.ui, (f) => f.includes('Authorized APIs ('));
  await h.store.whenIdle();
  assert.equal(gets(/\/app-auths\/binded-apis$/), before, 'the tab fetched again');
});

test("the debug console's app picker reads the apps screen's list; `d` fills the API's Definition tab", async () => {
  await showList('apps');
  const appsBefore = gets(/\/apic\/instances\/[^/]+\/apps$/);
  const api = await selectApi((a) => a.auth_type === 'APP');
  await press('d');
  await until('debug view', () => h.store.getState().stack.at(-1)?.view === 'debug');
  await h.stores.debug.whenIdle();
  await h.store.whenIdle();
  assert.ok((h.stores.debug.getState().apps?.length ?? 0) > 0, 'the picker has the apps');
  assert.equal(
    gets(/\/apic\/instances\/[^/]+\/apps$/),
    appsBefore,
    'the console asked the service for the apps again',
  );
  // back on the list, the API's detail shows the definition `d` read: no second 4.3.5 call
  const detailPath = new RegExp(`/apis/${api.id}$`);
  const definitions = gets(detailPath);
  assert.equal(definitions, 1);
  h.store.getState().actions.back();
  await settle();
  h.store.getState().actions.push('apis', 'detail', { itemId: api.id, label: api.name });
  h.store.getState().actions.setTab(1); // Definition
  await waitForFrame(h.ui, (f) => f.includes('Definition'));
  await h.store.whenIdle();
  assert.equal(gets(detailPath), definitions, 'the Definition tab fetched the API again');
});

test("a group's export reads the environments screen's list: no second envs request", async () => {
  await showList('envs');
  const before = gets(/\/envs$/);
  await showList('groups');
  const group = rowsOf<{ id: string; name: string }>(h, 'groups')[0];
  assert.ok(group);
  h.store.getState().actions.updateList({ selectedId: group.id });
  await settle();
  await press('E');
  await waitForFrame(h.ui, (f) => f.includes(`Export ${group.name} as OpenAPI`));
  assert.equal(gets(/\/envs$/), before, 'the export asked the service for the environments again');
  await press('\x1b');
});

test("a topic's grant dialog reads the apps screen's list, and its access read is the topic detail's tab", async () => {
  await showList('apps');
  const appsBefore = gets(/\/apic\/instances\/[^/]+\/apps$/);
  await showList('topics');
  const topic = rowsOf<{ name: string }>(h, 'topics')[0];
  assert.ok(topic);
  h.store.getState().actions.updateList({ selectedId: topic.name });
  await settle();
  await press('a');
  await waitForFrame(h.ui, (f) => f.includes('which app?'));
  await h.store.whenIdle();
  assert.equal(
    gets(/\/apic\/instances\/[^/]+\/apps$/),
    appsBefore,
    'the dialog asked the service for the apps again',
  );
  const access = new RegExp(`/topics/${topic.name}/accesspolicy$`);
  const accessReads = gets(access);
  assert.ok(accessReads >= 1, 'the dialog read the access policy again (it writes the whole list back)');
  await press('\x1b');
  h.store.getState().actions.push('topics', 'detail', { itemId: topic.name, label: topic.name });
  await waitForFrame(h.ui, (f) => f.includes(topic.name));
  await h.store.whenIdle();
  await settle();
  assert.equal(gets(access), accessReads, "the topic's detail read the access policy again");
});

test("the device group picker reads the device groups screen's list: no second group tree read", async () => {
  await showList('device-groups');
  const before = gets(/\/products$/);
  await showList('devices');
  const device = rowsOf<{ id: string | number; name?: string; device_name?: string }>(h, 'devices')[0];
  assert.ok(device);
  h.store.getState().actions.updateList({ selectedId: String(device.id) });
  await settle();
  await press('J');
  await waitForFrame(h.ui, (f) => f.includes('Group membership of') && f.includes('Group (Enter'));
  assert.equal(gets(/\/products$/), before, 'the picker read the products and group trees again');
  await press('\x1b');
});

test("the versions dialog and the API's Publications and versions tab are one slice; Tab asks nothing", async () => {
  const api = await selectApi((a) => (a.run_env_name ?? '').split('|').filter(Boolean).length >= 2);
  const versions = new RegExp(`/apis/publish/${api.id}$`); // 4.3.12;
  const before = gets(versions);
  await press('v');
  await waitForFrame(h.ui, (f) => f.includes(`Versions of ${api.name}`));
  await h.store.whenIdle();
  const read = gets(versions);
  assert.equal(read, before + 1, 'the dialog read the versions once (a switch acts on them)');
  await press('\t');
  await waitForFrame(h.ui, (f) => f.includes(`Versions of ${api.name} in`) && f.includes('2/'));
  await h.store.whenIdle();
  assert.equal(gets(versions), read, 'another environment asked the service again');
  await press('\x1b');
  h.store.getState().actions.push('apis', 'detail', { itemId: api.id, label: api.name });
  h.store.getState().actions.setTab(2); // Overview, Definition, Publications and versions
  await waitForFrame(h.ui, (f) => f.includes('Version history'));
  await h.store.whenIdle();
  assert.equal(gets(versions), read, 'the tab read the versions again');
});

test("an API's apps dialog reads the apps screen's list and the API's authorizations once for every environment", async () => {
  await showList('apps');
  const apps = /\/apic\/instances\/[^/]+\/apps$/;
  const appsBefore = gets(apps);
  const api = await selectApi(() => true);
  const auths = /\/app-auths\/binded-apps$/;
  const authsBefore = gets(auths);
  await press('A');
  await waitForFrame(h.ui, (f) => f.includes(`Apps authorized for ${api.name} in`));
  await h.store.whenIdle();
  assert.equal(gets(apps), appsBefore, 'the dialog asked the service for the apps again');
  assert.equal(gets(auths), authsBefore + 1);
  const first = h.ui.lastFrame() ?? '';
  await press('\t');
  await waitForFrame(h.ui, (f) => f.includes(`Apps authorized for ${api.name} in`) && f !== first);
  await h.store.whenIdle();
  assert.equal(gets(auths), authsBefore + 1, 'another environment asked the service again');
  await press('\x1b');
});
