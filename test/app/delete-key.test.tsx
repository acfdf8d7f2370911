// `D` through the whole shell (keys → mutations store → client → HTTP → emulator): confirmation naming
// the object and effect, the emulator's state after `y`, nothing deleted after `n`/Esc, refusals shown
// with the service's code, the audit line, the refreshed list, ACL batch delete of marked rows, and
// read-only sessions where `D` is not bound.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { InstanceStore } from '../../src/emulator/state.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { until } from '../helpers/until.ts';
import { openList, rowsOf } from './probes.ts';

const dbOf = (h: Harness): InstanceStore => {
  const db = h.emu.state.stores.get(h.emu.instances[0] ?? '');
  assert.ok(db);
  return db;
};
async function press(h: Harness, keys: string) {
  h.ui.stdin.write(keys);
  await settle();
}
async function select(h: Harness, id: string) {
  h.store.getState().actions.updateList({ selectedId: id });
  await settle();
}
const deletes = (h: Harness) =>
  h.emu.stats.log.filter((e) => e.method === 'DELETE' || e.path.endsWith('/acls'));
async function auditLines(h: Harness): Promise<Array<Record<string, unknown>>> {
  const text = await readFile(h.auditPath, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

async function auditLine(h: Harness, id: string): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const line = (await auditLines(h)).find((l) => l.action === 'delete' && String(l.object).includes(id));
    if (line) return line;
    if (Date.now() > deadline) throw new Error(`no audit line for ${id}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

let h: Harness;
before(async () => {
  h = await startHarness({ rootScreen: 'throttles' });
  await until('throttles loaded', () => rowsOf(h, 'throttles').length > 0);
});
after(async () => {
  await h.close();
});

test('D then n, and D then Esc, delete nothing', async () => {
  const db = dbOf(h);
  await openList(h, 'throttles');
  const t = [...db.data.throttles.values()][0];
  assert.ok(t);
  await select(h, t.id);
  for (const cancel of ['n', '\x1b']) {
    await press(h, 'D');
    await waitForFrame(h.ui, (f) => f.includes('Delete throttling policy') && f.includes(t.name));
    await press(h, cancel);
    await waitForFrame(h.ui, (f) => !f.includes('Delete throttling policy'));
  }
  await h.store.whenIdle();
  assert.equal(deletes(h).length, 0);
  assert.ok(db.data.throttles.has(t.id));
});

test('D then y deletes an unbound throttle: emulator state, audit line, refreshed list', async () => {
  const db = dbOf(h);
  await openList(h, 'throttles');
  // every demo throttle is bound: unbind the last one on the server side first
  const t = [...db.data.throttles.values()].at(-1);
  assert.ok(t);
  for (const [k, b] of db.data.throttleBindings)
    if (b.strategy_id === t.id) db.data.throttleBindings.delete(k);
  await select(h, t.id);
  await press(h, 'D');
  const f = await waitForFrame(h.ui, (f) => f.includes('Delete throttling policy'));
  assert.match(f, new RegExp(`throttling policy ${t.name} is deleted`));
  await press(h, 'y');
  await until('deleted in the emulator', () => !db.data.throttles.has(t.id));
  await waitForFrame(h.ui, (f) => /done/i.test(f));
  await until('list refreshed', () => !rowsOf<{ id: string }>(h, 'throttles').some((r) => r.id === t.id));
  const line = await auditLine(h, t.id);
  assert.equal(line.result, 'ok');
  await press(h, '\x1b');
});

test('a refusal is shown as the service sent it (group with APIs: 409 APIG.3415) and nothing is deleted', async () => {
  const db = dbOf(h);
  await openList(h, 'groups');
  const g = [...db.data.groups.values()].find(
    (x) => x.is_default !== 1 && [...db.data.apis.values()].some((a) => a.group_id === x.id),
  );
  assert.ok(g, 'a group with APIs');
  await select(h, g.id);
  await press(h, 'D');
  await waitForFrame(h.ui, (f) => f.includes('Delete API group') && f.includes(g.name));
  await press(h, 'y');
  await waitForFrame(h.ui, (f) => f.includes('APIG.3415'));
  assert.ok(db.data.groups.has(g.id));
  const line = await auditLine(h, g.id);
  assert.equal(line.result, 'failed');
  assert.equal(line.errorCode, 'APIG.3415');
  await press(h, '\x1b');
});

test('marked ACLs are deleted in one batch call (4.12.4); a bound one is reported with APIG.3447', async () => {
  const db = dbOf(h);
  await openList(h, 'acls');
  const boundIds = new Set([...db.data.aclBindings.values()].map((b) => b.acl_id));
  const acls = [...db.data.acls.values()].filter((a) => boundIds.has(a.id));
  const [free, bound] = acls;
  assert.ok(free && bound, 'two bound ACLs in the demo seed');
  // unbind one of them on the server side
  for (const [k, b] of db.data.aclBindings) if (b.acl_id === free.id) db.data.aclBindings.delete(k);
  h.store.getState().actions.updateList({ marked: [free.id, bound.id] });
  await settle();
  const before = h.emu.stats.log.length;
  await press(h, 'D');
  await waitForFrame(h.ui, (f) => f.includes('Delete 2 ACL policies'));
  await press(h, 'y');
  await waitForFrame(h.ui, (f) => f.includes('APIG.3447'));
  assert.ok(!db.data.acls.has(free.id), 'the unbound ACL is gone');
  assert.ok(db.data.acls.has(bound.id), 'the bound ACL stays');
  const writes = h.emu.stats.log.slice(before).filter((e) => e.method !== 'GET');
  assert.deepEqual(
    writes.map((e) => e.method),
    ['PUT'],
    'one batch call',
  );
  await press(h, '\x1b');
});

test('read-only: D is not bound, the help lists delete as unavailable with the reason, nothing is sent', async () => {
  const ro = await startHarness({ rootScreen: 'throttles', readOnly: true });
  try {
    await until('throttles loaded', () => rowsOf(ro, 'throttles').length > 0);
    await settle();
    const f = await waitForFrame(ro.ui, (f) => f.includes('<y> json'));
    assert.doesNotMatch(f, /<D> delete/);
    await press(ro, 'D');
    await waitForFrame(ro.ui, (f) => f.includes('read-only: delete disabled'));
    await press(ro, '?');
    await waitForFrame(ro.ui, (f) => f.includes('Keys'));
    const shown = () => /Delete throttling policy — unavailable/.test(ro.ui.lastFrame() ?? '');
    for (let i = 0; i < 80 && !shown(); i++) await press(ro, 'j');
    const help = await waitForFrame(ro.ui, (f) => f.includes('Delete throttling policy — unavailable'));
    assert.match(help, /Delete throttling policy — unavailable: read-only/);
    await ro.store.whenIdle();
    assert.equal(ro.emu.stats.byMethod.DELETE ?? 0, 0);
    assert.equal(ro.emu.stats.byMethod.PUT ?? 0, 0);
  } finally {
    await ro.close();
  }
});
