// Create and edit forms through the whole shell (keys → form store → client → HTTP → emulator):
// `e` pre-filled, the review lists only changed fields, `n` creates, Esc/`n` send nothing, inline
// errors stop the send, a server refusal naming a parameter lands on its field, read-only binds nothing.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { InstanceStore } from '../../src/emulator/state.ts';
import { selectTopModal } from '../../src/store/index.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { until } from '../helpers/until.ts';
import { press, rowsOf, typeText, writesTo } from './probes.ts';

const CTRL_U = '\x15';
const CTRL_S = '\x13';
const ESC = '\x1b';
const DOWN = '\x1b[B';

const dbOf = (h: Harness): InstanceStore => h.emu.state.stores.get(h.emu.instances[0] ?? '') as InstanceStore;
async function openList(h: Harness, screen: string) {
  // a form saved by the previous step closes once its answer is in: keys before that would go to it
  await until('no form open', () => selectTopModal(h.store.getState()) === null);
  h.store.getState().actions.jump(screen);
  await until(`${screen} loaded`, () => rowsOf(h, screen).length > 0);
  await settle();
}
async function select(h: Harness, id: string) {
  h.store.getState().actions.updateList({ selectedId: id });
  await settle();
}
const modalOpen = (h: Harness) => selectTopModal(h.store.getState()) !== null;

let h: Harness;
before(async () => {
  h = await startHarness({ rootScreen: 'throttles' });
  await until('throttles loaded', () => rowsOf(h, 'throttles').length > 0);
});
after(async () => {
  await h?.close();
});

test('e on a throttling policy: pre-filled, review shows only the changed limit and what it touches, y saves', async () => {
  await openList(h, 'throttles');
  await waitForFrame(h.ui, (f) => f.includes('<n> new'));
  const db = dbOf(h);
  const t = [...db.data.throttles.values()].find(
    (x) => x.api_call_limits >= 10 && x.user_call_limits <= x.api_call_limits,
  );
  assert.ok(t);
  await select(h, t.id);
  await press(h, 'e');
  await waitForFrame(
    h.ui,
    (f) => f.includes(`Edit throttling policy ${t.name}`) && f.includes(String(t.api_call_limits)),
  );
  await press(h, DOWN, 2); // name → type → API limit
  await press(h, CTRL_U);
  const next = t.api_call_limits * 2;
  await typeText(h, String(next));
  const before = writesTo(h);
  await press(h, CTRL_S);
  const frame = await waitForFrame(h.ui, (f) => f.includes('Review') && f.includes('touches: bound to'));
  assert.match(frame, new RegExp(`API limit\\s+${t.api_call_limits} calls → ${next} calls`));
  assert.doesNotMatch(frame, /period unit|remark/, 'unchanged fields are not listed');
  assert.equal(writesTo(h), before, 'nothing sent before y');
  await press(h, 'y');
  await until('saved', () => db.data.throttles.get(t.id)?.api_call_limits === next);
  await until('form closed', () => !modalOpen(h));
  assert.equal(writesTo(h), before + 1, 'one PUT');
  await waitForFrame(h.ui, (f) => f.includes(`Saved throttling policy ${t.name}`));
  await until('list refreshed', () =>
    rowsOf<{ id: string; api_call_limits?: number }>(h, 'throttles').some(
      (r) => r.id === t.id && r.api_call_limits === next,
    ),
  );
  const audit = await readFile(h.auditPath, 'utf8');
  const line = audit
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .pop();
  assert.equal(line?.action, 'edit throttling policy');
  assert.equal(line?.object, t.name);
  assert.equal(line?.result, 'ok');
});

test('Esc in the form and n in the review send nothing and change nothing', async () => {
  await openList(h, 'throttles');
  const db = dbOf(h);
  const t = [...db.data.throttles.values()][0]!;
  const snapshot = JSON.stringify([...db.data.throttles.values()]);
  await select(h, t.id);
  const before = writesTo(h);
  await press(h, 'e');
  await waitForFrame(h.ui, (f) => f.includes('Edit throttling policy'));
  await typeText(h, 'x');
  await press(h, CTRL_S);
  await waitForFrame(h.ui, (f) => f.includes('Review'));
  await press(h, 'n');
  await waitForFrame(h.ui, (f) => f.includes('Edit throttling policy') && !f.includes('Review'));
  await press(h, ESC);
  await until('form closed', () => !modalOpen(h));
  await press(h, 'n');
  await waitForFrame(h.ui, (f) => f.includes('New throttling policy'));
  await press(h, ESC);
  await until('form closed', () => !modalOpen(h));
  await settle();
  assert.equal(writesTo(h), before);
  assert.equal(JSON.stringify([...db.data.throttles.values()]), snapshot);
});

test('n creates a throttling policy; invalid input is shown on its field before anything is sent', async () => {
  await openList(h, 'throttles');
  const db = dbOf(h);
  const before = writesTo(h);
  await press(h, 'n');
  await waitForFrame(h.ui, (f) => f.includes('New throttling policy'));
  await typeText(h, '9x'); // a name must start with a letter
  await press(h, DOWN, 2);
  await typeText(h, '100');
  await press(h, DOWN);
  await typeText(h, '500'); // user limit above the API limit
  await press(h, CTRL_S);
  await waitForFrame(
    h.ui,
    (f) => f.includes('starts with a letter') && f.includes('at most the API limit (100)'),
  );
  assert.equal(writesTo(h), before, 'refused before sending');
  // fix both: the cursor is on the first error (name)
  await press(h, CTRL_U);
  await typeText(h, 'storm_guard');
  await press(h, DOWN, 3);
  await press(h, CTRL_U);
  await typeText(h, '50');
  await press(h, CTRL_S);
  await waitForFrame(h.ui, (f) => f.includes('Review') && f.includes('storm_guard'));
  await press(h, 'y');
  await until('created', () => [...db.data.throttles.values()].some((x) => x.name === 'storm_guard'));
  const created = [...db.data.throttles.values()].find((x) => x.name === 'storm_guard')!;
  assert.equal(created.api_call_limits, 100);
  assert.equal(created.user_call_limits, 50);
  assert.equal(created.time_unit, 'SECOND');
  assert.equal(writesTo(h), before + 1);
});

test('a server refusal naming a parameter lands on that field with its code', async () => {
  await openList(h, 'acls');
  const db = dbOf(h);
  const before = writesTo(h);
  await press(h, 'n');
  await waitForFrame(h.ui, (f) => f.includes('New ACL policy'));
  await typeText(h, 'deny_tenants');
  await press(h, DOWN); // type
  await press(h, DOWN); // object
  await press(h, ' '); // IP → DOMAIN
  await press(h, DOWN);
  await typeText(h, 'bad tenant!'); // the client does not check tenant names; the emulator does
  await press(h, CTRL_S);
  await waitForFrame(h.ui, (f) => f.includes('Review'));
  await press(h, 'y');
  const frame = await waitForFrame(h.ui, (f) => f.includes('APIG.2011') && f.includes('New ACL policy'));
  assert.match(frame, /values\*.*\n.*✗ APIG\.2011/);
  assert.equal(writesTo(h), before + 1);
  assert.ok(![...db.data.acls.values()].some((a) => a.acl_name === 'deny_tenants'));
  // fix the field and send again
  await press(h, CTRL_U);
  await typeText(h, 'tenant_a,tenant_b');
  await press(h, CTRL_S);
  await waitForFrame(h.ui, (f) => f.includes('Review'));
  await press(h, 'y');
  await until('created', () =>
    [...db.data.acls.values()].some((a) => a.acl_name === 'deny_tenants' && a.entity_type === 'DOMAIN'),
  );
});

test('n with a row selected: Ctrl-O fills a copy (name suffixed), creating a second signature key', async () => {
  await openList(h, 'signs');
  const db = dbOf(h);
  const s = [...db.data.signs.values()][0]!;
  await select(h, s.id);
  await press(h, 'n');
  await waitForFrame(h.ui, (f) => f.includes('New signature key'));
  await press(h, '\x0f');
  await waitForFrame(h.ui, (f) => f.includes(`${s.name}_copy`));
  await press(h, CTRL_S);
  await waitForFrame(h.ui, (f) => f.includes('Review'));
  await press(h, 'y');
  await until('copied', () => [...db.data.signs.values()].some((x) => x.name === `${s.name}_copy`));
  const copy = [...db.data.signs.values()].find((x) => x.name === `${s.name}_copy`)!;
  assert.equal(copy.sign_type, s.sign_type);
  assert.notEqual(copy.id, s.id);
  assert.notEqual(copy.sign_secret, s.sign_secret, 'a copy gets a secret of its own');
});

test('from the APIs list, L raises the limit of the bound throttling policy in 4 keys plus the digits', async () => {
  await openList(h, 'apis');
  const db = dbOf(h);
  const pubs = [...db.data.publications.values()];
  const binding = [...db.data.throttleBindings.values()].find((b) =>
    pubs.some((p) => p.publish_id === b.publish_id && p.env_id === 'DEFAULT_ENVIRONMENT_RELEASE_ID'),
  );
  assert.ok(binding, 'the demo seed binds a policy in RELEASE');
  const apiId = pubs.find((p) => p.publish_id === binding.publish_id)!.api_id;
  await select(h, apiId);
  const policyId = binding.strategy_id;
  const before = writesTo(h);
  const keys = ['L', CTRL_U, ...'1234', CTRL_S, 'y'];
  for (const k of keys.slice(0, 1)) await press(h, k);
  await waitForFrame(h.ui, (f) => f.includes('Edit throttling policy'));
  for (const k of keys.slice(1, -1)) await press(h, k);
  await waitForFrame(h.ui, (f) => f.includes('Review') && /API limit .*→ 1234 calls/.test(f));
  await press(h, 'y');
  await until('limit raised', () => db.data.throttles.get(policyId)?.api_call_limits === 1234);
  assert.equal(keys.length - 4, 4, 'four keys besides the digits');
  assert.equal(writesTo(h), before + 1);
});

test('read-only: n, e and L open nothing and send nothing; the footer does not offer them', async () => {
  const ro = await startHarness({ rootScreen: 'throttles', readOnly: true });
  try {
    await until('throttles loaded', () => rowsOf(ro, 'throttles').length > 0);
    await settle();
    const frame = ro.ui.lastFrame() ?? '';
    assert.doesNotMatch(frame, /<n> new|<e> edit/);
    const before = writesTo(ro);
    for (const k of ['n', 'e']) {
      await press(ro, k);
      assert.equal(modalOpen(ro), false);
    }
    await waitForFrame(ro.ui, (f) => f.includes('read-only'));
    ro.store.getState().actions.jump('apis');
    await until('apis loaded', () => rowsOf(ro, 'apis').length > 0);
    await press(ro, 'L');
    assert.equal(modalOpen(ro), false);
    assert.equal(writesTo(ro), before);
  } finally {
    await ro.close();
  }
});

test('O on a group lists its variables × environments; e changes a value in place, n adds one', async () => {
  await openList(h, 'groups');
  const db = dbOf(h);
  const v = [...db.data.envVariables.values()][0]!;
  const group = db.data.groups.get(v.group_id)!;
  await select(h, group.id);
  await press(h, 'O');
  await waitForFrame(h.ui, (f) => f.includes('Environment variables') && f.includes(v.variable_name));
  const rows = () => {
    const s = h.store.getState();
    const slices = s.resources['variables'] ?? {};
    return (Object.values(slices)[0]?.data ?? []) as Array<{ id: string }>;
  };
  await until('variables loaded', () => rows().length > 0);
  await select(h, v.id);
  await press(h, 'e');
  await waitForFrame(h.ui, (f) => f.includes('Edit environment variable'));
  await press(h, DOWN, 2); // environment and name are fixed
  await press(h, CTRL_U);
  await typeText(h, 'standby.internal:8443');
  await press(h, CTRL_S);
  await waitForFrame(h.ui, (f) => /value\s+.* → standby\.internal:8443/.test(f));
  await press(h, 'y');
  await until(
    'value changed',
    () => db.data.envVariables.get(v.id)?.variable_value === 'standby.internal:8443',
  );
  await until('form closed', () => !modalOpen(h));
  await press(h, 'n');
  await waitForFrame(h.ui, (f) => f.includes('New environment variable'));
  await press(h, DOWN);
  await typeText(h, 'standby_addr');
  await press(h, DOWN);
  await typeText(h, '10.0.0.9');
  await press(h, CTRL_S);
  await waitForFrame(h.ui, (f) => f.includes('Review'));
  await press(h, 'y');
  await until('variable created', () =>
    [...db.data.envVariables.values()].some(
      (x) =>
        x.group_id === group.id &&
        x.variable_name === 'standby_addr' &&
        x.env_id === 'DEFAULT_ENVIRONMENT_RELEASE_ID',
    ),
  );
});

test('O on a throttling policy lists its special settings; e changes one limit', async () => {
  await openList(h, 'throttles');
  const db = dbOf(h);
  const s = [...db.data.throttleSpecials.values()][0]!;
  await select(h, s.throttle_id);
  await press(h, 'O');
  await waitForFrame(h.ui, (f) => f.includes('Special throttling settings'));
  await until('specials loaded', () =>
    Object.values(h.store.getState().resources['specials'] ?? {}).some(
      (x) => Array.isArray(x.data) && x.data.length > 0,
    ),
  );
  await select(h, s.id);
  await press(h, 'e');
  await waitForFrame(h.ui, (f) => f.includes('Edit special throttling setting'));
  await press(h, DOWN, 2);
  await press(h, CTRL_U);
  await typeText(h, '77');
  await press(h, CTRL_S);
  await waitForFrame(h.ui, (f) => f.includes('Review') && f.includes('→ 77 calls'));
  await press(h, 'y');
  await until('limit changed', () => db.data.throttleSpecials.get(s.id)?.call_limits === 77);
});
