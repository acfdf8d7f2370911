// Marks (issue 11 point 6): the confirmation says whether it acts on the marked rows or the cursor row;
// a batch that succeeded clears the marks, one that failed keeps them for a retry.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { listKey } from '../../src/app/data.ts';
import type { InstanceStore } from '../../src/emulator/state.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { until } from '../helpers/until.ts';
import { press, rowsOf } from './probes.ts';
import { batchAuthRows } from '../../screens/actions/data.ts';
import type { App } from '../../src/api/types/apps.ts';

type Api = { id: string; name: string };
const apisOf = (h: Harness): Api[] => {
  const s = h.store.getState();
  return (s.resources.apis?.[listKey(s.instanceId, {})]?.data ?? []) as Api[];
};
const marked = (h: Harness) => h.store.getState().stack.at(-1)?.list.marked ?? [];
const dbOf = (h: Harness): InstanceStore => {
  const db = h.emu.state.stores.get(h.emu.instances[0] ?? '');
  assert.ok(db);
  return db;
};

let h: Harness;
before(async () => {
  h = await startHarness({ rootScreen: 'apis' });
  await until('apis loaded', () => apisOf(h).length > 1);
});
after(async () => {
  await h?.close();
});

/** Marks the first two APIs published nowhere and opens `p` on them up to the confirmation. */
async function publishTwoMarked(): Promise<{ pair: Api[]; confirm: string }> {
  const db = dbOf(h);
  const envs = [...db.data.envs.values()];
  const rows = apisOf(h);
  const pair = rows.filter((a) => envs.every((e) => !db.publicationOf(a.id, e.id))).slice(0, 2);
  assert.equal(pair.length, 2, 'two APIs published nowhere');
  h.store.getState().actions.updateList({ marked: pair.map((a) => a.id) });
  await settle();
  await press(h, 'p');
  await waitForFrame(h.ui, (f) => f.includes('2 marked APIs') && f.includes('Environment'));
  await press(h, '\r');
  await waitForFrame(h.ui, (f) => f.includes('Remark (optional)'));
  await press(h, '\r');
  const confirm = await waitForFrame(h.ui, (f) => /y yes|type y/.test(f));
  return { pair, confirm };
}

test('a failed batch keeps the marks; the confirmation says it acts on the marked rows', async () => {
  const { confirm } = await publishTwoMarked();
  assert.match(confirm.replace(/[│\s]+/g, ' '), /Acts on the 2 marked rows/);
  h.emu.setFaults('5xx=1');
  try {
    await press(h, 'y');
    await waitForFrame(h.ui, (f) => f.includes('Esc/Enter: close'));
  } finally {
    h.emu.setFaults(null);
  }
  await press(h, '\r');
  assert.equal(marked(h).length, 2, 'kept for a retry');
});

test('a successful batch clears the marks', async () => {
  h.store.getState().actions.updateList({ marked: [] });
  const { pair } = await publishTwoMarked();
  await press(h, 'y');
  const db = dbOf(h);
  const envs = [...db.data.envs.values()];
  await until('published', () =>
    pair.every((a) => envs.some((e) => db.publicationOf(a.id, e.id) !== undefined)),
  );
  await waitForFrame(h.ui, (f) => f.includes('Esc/Enter: close'));
  await press(h, '\r');
  await until('marks cleared', () => marked(h).length === 0);
});

test('without marks the confirmation says it acts on the cursor row', async () => {
  const db = dbOf(h);
  const envs = [...db.data.envs.values()];
  const api = apisOf(h).find((a) => envs.some((e) => !db.publicationOf(a.id, e.id)));
  assert.ok(api);
  h.store.getState().actions.updateList({ selectedId: api.id, marked: [] });
  await settle();
  await press(h, 'p');
  await waitForFrame(h.ui, (f) => f.includes(`Publish API ${api.name}`));
  await press(h, '\r');
  await waitForFrame(h.ui, (f) => f.includes('Remark (optional)'));
  await press(h, '\r');
  const confirm = await waitForFrame(h.ui, (f) => /y yes|type y/.test(f));
  assert.match(confirm.replace(/[│\s]+/g, ' '), /Acts on the row under the cursor/);
  await press(h, 'n');
});

test('A on the APIs list with marked APIs authorizes an app for all of them in one call', async () => {
  const db = dbOf(h);
  const release = [...db.data.envs.values()].find((e) => e.name === 'RELEASE');
  assert.ok(release);
  const pair = apisOf(h)
    .filter((a) => db.publicationOf(a.id, release.id))
    .slice(0, 2);
  assert.equal(pair.length, 2, 'two APIs published in RELEASE');
  h.store.getState().actions.updateList({ selectedId: pair[0]?.id ?? null, marked: pair.map((a) => a.id) });
  await settle();
  await press(h, 'A');
  await waitForFrame(h.ui, (f) => f.includes('Authorize apps for the 2 marked APIs in RELEASE'));
  // the dialog's rows: the apps screen's list, with what the flow read of the marked APIs' authorizations
  let rows: ReturnType<typeof batchAuthRows> = [];
  await until('apps', () => {
    const slices = h.store.getState().resources['actions.appAuthsBatch'] ?? {};
    const auths = Object.values(slices)[0]?.data as Array<{ appId: string }> | undefined;
    rows = auths ? batchAuthRows(rowsOf<App>(h, 'apps'), auths) : [];
    return rows.length > 0;
  });
  await settle();
  const at = rows.findIndex((r) => r.authorized === 0);
  assert.ok(at >= 0, 'an app authorized for neither');
  const app = rows[at]?.app;
  assert.ok(app);
  await press(h, 'j', at);
  const posts = h.emu.stats.byMethod.POST ?? 0;
  await press(h, '\r');
  const confirm = await waitForFrame(h.ui, (f) => /y yes|type y/.test(f));
  assert.match(confirm.replace(/[│\s]+/g, ' '), /Acts on the row under the cursor of this dialog/);
  await press(h, 'y');
  const authorized = () =>
    [...db.data.appAuths.values()].filter(
      (a) => a.app_id === app.id && a.env_id === release.id && pair.some((p) => p.id === a.api_id),
    ).length;
  await until('authorized for both', () => authorized() === 2);
  assert.equal((h.emu.stats.byMethod.POST ?? 0) - posts, 1, 'one call with both api_ids');
  await waitForFrame(h.ui, (f) => f.includes('Esc/Enter: close'));
  await press(h, '\r');
  await press(h, '\x1b');
  await until('list marks cleared', () => marked(h).length === 0);
});

test('b on the APIs list with marked APIs binds a throttle to all of them in one call', async () => {
  const db = dbOf(h);
  const release = [...db.data.envs.values()].find((e) => e.name === 'RELEASE');
  assert.ok(release);
  const throttled = (pubId: string) =>
    [...db.data.throttleBindings.values()].some((b) => b.publish_id === pubId);
  const pair = apisOf(h)
    .filter((a) => {
      const pub = db.publicationOf(a.id, release.id);
      return pub && !throttled(pub.publish_id);
    })
    .slice(0, 2);
  assert.equal(pair.length, 2, 'two APIs published in RELEASE without a throttle');
  h.store.getState().actions.updateList({ selectedId: pair[0]?.id ?? null, marked: pair.map((a) => a.id) });
  await settle();
  await press(h, 'b');
  await waitForFrame(h.ui, (f) => f.includes('Bind a policy to the 2 marked APIs in RELEASE'));
  await waitForFrame(h.ui, (f) => f.includes('2 of 2 published here'));
  await press(h, 't');
  await waitForFrame(h.ui, (f) => f.includes('Pick the'));
  await settle();
  const posts = h.emu.stats.byMethod.POST ?? 0;
  await press(h, '\r');
  const confirm = await waitForFrame(h.ui, (f) => /y yes|type y/.test(f));
  assert.match(confirm.replace(/[│\s]+/g, ' '), /Acts on the 2 marked rows of the list/);
  await press(h, 'y');
  await until('bound to both', () =>
    pair.every((a) => throttled(db.publicationOf(a.id, release.id)?.publish_id ?? '')),
  );
  assert.equal((h.emu.stats.byMethod.POST ?? 0) - posts, 1, 'one call with both publish_ids');
  await waitForFrame(h.ui, (f) => f.includes('Esc/Enter: close'));
  await press(h, '\r');
  await press(h, '\x1b');
  await until('list marks cleared', () => marked(h).length === 0);
});
