// The x-ray of an API (issue 17): from the APIs list, `Z` shows the API's group, its environments and
// the policies bound to it (names checked against the emulator's state); Enter on a policy opens its
// detail and Esc comes back to the same node; a failed sub-request marks only its node, with its code.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { listKey } from '../../src/app/data.ts';
import type { InstanceStore } from '../../src/emulator/state.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { until } from '../helpers/until.ts';

async function press(h: Harness, keys: string) {
  h.ui.stdin.write(keys);
  await settle();
}
type Api = { id: string; name: string };
const apisOf = (h: Harness): Api[] => {
  const s = h.store.getState();
  return (s.resources.apis?.[listKey(s.instanceId, {})]?.data ?? []) as Api[];
};
const top = (h: Harness) => h.store.getState().stack.at(-1);

/** A published API with a throttling policy and an ACL bound in the same environment, from the emulator. */
function guardedApi(db: InstanceStore) {
  for (const tb of db.data.throttleBindings.values()) {
    const pub = db.data.publications.get(tb.publish_id);
    const acl = [...db.data.aclBindings.values()].find((b) => b.publish_id === tb.publish_id);
    if (!pub || !acl) continue;
    const api = db.data.apis.get(pub.api_id);
    const throttle = db.data.throttles.get(tb.strategy_id);
    const aclPolicy = db.data.acls.get(acl.acl_id);
    const env = db.data.envs.get(pub.env_id);
    if (!api || !throttle || !aclPolicy || !env) continue;
    const group = db.data.groups.get(api.group_id);
    if (!group) continue;
    const envs = [...db.data.publications.values()]
      .filter((p) => p.api_id === api.id)
      .map((p) => db.data.envs.get(p.env_id)?.name ?? '');
    return { api, throttle, acl: aclPolicy, env, group, envs };
  }
  throw new Error('the demo seed has no API with a throttle and an ACL in one environment');
}

/** Moves down with j until `id` is the selected node (every step is one node). */
async function selectNode(h: Harness, id: string): Promise<void> {
  for (let i = 0; i < 200 && top(h)?.list.selectedId !== id; i++) await press(h, 'j');
  assert.equal(top(h)?.list.selectedId, id, `node ${id} reached with j`);
}

let h: Harness;
let db: InstanceStore;
before(async () => {
  h = await startHarness({ rootScreen: 'apis' });
  db = h.emu.state.stores.get(h.emu.instances[0] as string) as InstanceStore;
  await until('apis loaded', () => apisOf(h).length > 0);
});
after(async () => {
  await h?.close();
});

test('Z on an API: its group, environments and bound policies; Enter opens a policy, Esc comes back to it', async () => {
  const want = guardedApi(db);
  h.store.getState().actions.updateList({ selectedId: want.api.id });
  await settle();
  await press(h, 'Z');
  await until('the x-ray is open', () => top(h)?.view === 'xray' && top(h)?.itemId === want.api.id);
  await waitForFrame(h.ui, (f) => f.includes(`X-ray · ${want.api.name}`) && !f.includes('loading'));
  await h.store.whenIdle();
  await waitForFrame(h.ui, (f) => f.includes(want.group.name));

  // walk the whole tree with j: every line seen on the way
  const seen = new Set<string>();
  const frame = () => h.ui.lastFrame() ?? '';
  for (let i = 0; i < 200; i++) {
    for (const line of frame().split('\n')) seen.add(line);
    const before = top(h)?.list.selectedId;
    await press(h, 'j');
    if (top(h)?.list.selectedId === before) break;
  }
  const text = [...seen].join('\n');
  assert.match(text, new RegExp(`group\\s+${want.group.name}`));
  for (const env of want.envs) assert.match(text, new RegExp(`environment\\s+${env}\\s+version`));
  assert.match(text, new RegExp(`throttle\\s+${want.throttle.name}\\s+api ${want.throttle.api_call_limits}`));
  assert.match(text, new RegExp(`ACL\\s+${want.acl.acl_name}\\s+${want.acl.acl_type}`));
  assert.match(text, /instance defaults/);
  assert.match(text, /X-Apig-Ratelimit-Api: limit:200/);

  // g back to the top, then down to the throttle node and Enter: the policy's detail
  await press(h, 'g');
  assert.equal(top(h)?.list.selectedId, 'api');
  const node = `env:${want.env.id}/throttle:${want.throttle.id}`;
  await selectNode(h, node);
  await press(h, '\r');
  await until('the throttle detail', () => top(h)?.view === 'detail' && top(h)?.screen === 'throttles');
  assert.equal(top(h)?.itemId, want.throttle.id);
  await waitForFrame(h.ui, (f) => f.includes(want.throttle.name) && f.includes('Overview'));

  // Esc: the x-ray again, the same node selected and on screen
  await press(h, '\x1b');
  await until('back on the x-ray', () => top(h)?.view === 'xray');
  assert.equal(top(h)?.list.selectedId, node);
  await waitForFrame(h.ui, (f) => f.includes(`throttle  ${want.throttle.name}`));

  // and the ACL node opens the ACL's detail
  const aclNode = `env:${want.env.id}/acl:${want.acl.id}`;
  await press(h, 'g');
  await selectNode(h, aclNode);
  await press(h, '\r');
  await until('the ACL detail', () => top(h)?.view === 'detail' && top(h)?.screen === 'acls');
  assert.equal(top(h)?.itemId, want.acl.id);
  await press(h, '\x1b');
  await until('back on the x-ray', () => top(h)?.view === 'xray');
  assert.equal(top(h)?.list.selectedId, aclNode);

  // Esc again: back where we came from, the API still selected
  await press(h, '\x1b');
  await until('back on the list', () => top(h)?.view === 'list' && top(h)?.screen === 'apis');
  assert.equal(top(h)?.list.selectedId, want.api.id);
});

test('a failed sub-request shows its code on its node; the rest of the x-ray is there', async () => {
  const seen = guardedApi(db);
  // a published API of another group (whose group nothing has loaded yet)
  const pub = [...db.data.publications.values()].find(
    (p) => db.data.apis.get(p.api_id)?.group_id !== seen.group.id,
  );
  const api = pub ? db.data.apis.get(pub.api_id) : undefined;
  const env = pub ? db.data.envs.get(pub.env_id) : undefined;
  assert.ok(api && env);
  // the group disappears behind the API's back: 4.2.4 answers 404 for it
  const group = db.data.groups.get(api.group_id);
  assert.ok(group);
  db.data.groups.delete(api.group_id);
  try {
    h.store.getState().actions.jump('apis');
    await until('apis loaded', () => apisOf(h).length > 0);
    h.store.getState().actions.updateList({ selectedId: api.id });
    await settle();
    await press(h, 'Z');
    await until('the x-ray is open', () => top(h)?.view === 'xray' && top(h)?.itemId === api.id);
    const f = await waitForFrame(h.ui, (fr) => /group .*✗ APIG\.\d+ \(HTTP 404\)/.test(fr));
    assert.doesNotMatch(f, /at \w+ \(|Error:/, 'no stack trace');
    await waitForFrame(h.ui, (fr) => fr.includes(`environment  ${env.name}  version`));
  } finally {
    db.data.groups.set(group.id, group);
  }
});

test("Z from the API's detail: the x-ray over it, Esc back to the detail", async () => {
  const api = apisOf(h)[0];
  assert.ok(api);
  h.store.getState().actions.jump('apis');
  await until('apis loaded', () => apisOf(h).length > 0);
  h.store.getState().actions.push('apis', 'detail', { itemId: api.id, label: api.name });
  await settle();
  await press(h, 'Z');
  await until('the x-ray is open', () => top(h)?.view === 'xray' && top(h)?.itemId === api.id);
  await waitForFrame(h.ui, (f) => f.includes(`${api.name} › xray`) && f.includes('group'));
  await press(h, '\x1b');
  await until('back on the detail', () => top(h)?.view === 'detail' && top(h)?.itemId === api.id);
});
