// Issue 17: field filters narrow a list, the palette recalls its history, Enter on an instance opens
// its APIs (`-` returns to the previous context), and a restart returns to the last instance and view.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { listKey } from '../../src/app/data.ts';
import { selectTop } from '../../src/store/index.ts';
import type { EmulatorHandle } from '../../src/emulator/index.ts';
import { plain, settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';

const UP = '\x1b[A';
const DOWN = '\x1b[B';
const temps: string[] = [];
after(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});
function tempStatePath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rd-state-'));
  temps.push(dir);
  return join(dir, 'roma-dash', 'state.json');
}

async function type(h: Harness, keys: readonly string[]) {
  for (const k of keys) {
    h.ui.stdin.write(k);
    await settle();
  }
}

function apiRows(h: Harness): Array<{ id: string; name: string }> {
  const s = h.store.getState();
  return (s.resources.apis?.[listKey(s.instanceId, {})]?.data ?? []) as Array<{ id: string; name: string }>;
}

/** The instance's APIs as the emulator holds them, with the names of their environments. */
function emulatorApis(emu: EmulatorHandle, instanceId: string) {
  const db = emu.state.stores.get(instanceId);
  assert.ok(db);
  const pubs = [...db.data.publications.values()];
  return [...db.data.apis.values()].map((a) => ({
    name: a.name,
    method: a.req_method,
    path: a.req_uri,
    auth: String(a.auth_type),
    group: db.data.groups.get(a.group_id)?.name ?? '',
    envs: pubs.filter((p) => p.api_id === a.id).map((p) => db.data.envs.get(p.env_id)?.name ?? ''),
  }));
}

test('field filters narrow the APIs list: method, negated env, auth, group, path', async () => {
  const h = await startHarness();
  try {
    const instance = h.emu.instances[0] ?? '';
    await waitForFrame(h.ui, () => apiRows(h).length > 0);
    const all = emulatorApis(h.emu, instance);
    const expected = all
      .filter(
        (a) =>
          a.method === 'GET' &&
          !a.envs.includes('RELEASE') &&
          a.auth === 'APP' &&
          a.group.includes('user') &&
          a.path.includes('/v1/'),
      )
      .map((a) => a.name)
      .sort();
    assert.ok(
      expected.length > 0 && expected.length < 10,
      `a narrow, non-empty expectation: ${expected.length}`,
    );
    await type(h, ['/', ...'method:GET env:!RELEASE auth:APP group:user path:/v1/', '\r']);
    const f = await waitForFrame(h.ui, (x) => x.includes(`of ${expected.length} (of ${all.length})`));
    for (const name of expected) assert.match(f, new RegExp(`\\b${name}\\b`));
    const shown = all.filter((a) => new RegExp(`\\b${a.name}\\b`).test(f)).map((a) => a.name);
    assert.deepEqual(shown.sort(), expected);

    // negation alone: every API not published in RELEASE
    h.store.getState().actions.updateList({ filter: 'env:!RELEASE' });
    const notRelease = all.filter((a) => !a.envs.includes('RELEASE')).length;
    await waitForFrame(h.ui, (x) => x.includes(`of ${notRelease} (of ${all.length})`));
  } finally {
    await h.close();
  }
});

test('an unknown field names the fields of the list on the status line; `:apis` takes the same syntax', async () => {
  const h = await startHarness({ rootScreen: 'groups' });
  try {
    await waitForFrame(h.ui, (f) => /1 of \d+/.test(f));
    await type(h, ['/', ...'stauts:x']);
    const f = await waitForFrame(h.ui, (x) => x.includes('unknown filter field "stauts:"'));
    assert.match(plain(f), /fields of API groups?: name, id/i);
    await type(h, ['\x15', '\r', '\x1b']);
    await waitForFrame(h.ui, (x) => !x.includes('unknown filter field'));

    await type(h, [':', ...'apis method:POST group:pay', '\r']);
    const all = emulatorApis(h.emu, h.emu.instances[0] ?? '');
    const n = all.filter((a) => a.method === 'POST' && a.group.includes('pay')).length;
    await waitForFrame(h.ui, (x) => x.includes(`of ${n} (of ${all.length})`));
    assert.equal(selectTop(h.store.getState()).list.filter, 'method:POST group:pay');
  } finally {
    await h.close();
  }
});

test('the palette recalls its history with Up/Down, like a shell', async () => {
  const h = await startHarness({ rootScreen: 'groups' });
  try {
    await waitForFrame(h.ui, (f) => /1 of \d+/.test(f));
    await type(h, [':', ...'envs', '\r']);
    await waitForFrame(h.ui, () => selectTop(h.store.getState()).screen === 'envs');
    await type(h, [':', ...'apis auth:IAM', '\r']);
    await waitForFrame(h.ui, () => selectTop(h.store.getState()).screen === 'apis');
    await type(h, [':', UP]);
    await waitForFrame(h.ui, (f) => f.includes(':apis auth:IAM'));
    await type(h, [UP]);
    await waitForFrame(h.ui, (f) => /:envs\s/.test(f) && !f.includes(':apis auth:IAM'));
    await type(h, [UP]); // the oldest stays
    await waitForFrame(h.ui, (f) => /:envs\s/.test(f));
    await type(h, [DOWN]);
    await waitForFrame(h.ui, (f) => f.includes(':apis auth:IAM'));
    await type(h, [DOWN]); // past the newest: an empty line again
    await waitForFrame(h.ui, (f) => !f.includes(':apis auth:IAM') && !/:envs\s/.test(f));
    await type(h, [UP, '\r']);
    await waitForFrame(h.ui, () => selectTop(h.store.getState()).list.filter === 'auth:IAM');
  } finally {
    await h.close();
  }
});

test('Enter on an instance opens its APIs, i its detail; - returns to the previous context and back', async () => {
  const h = await startHarness({ withInstance: false, rootScreen: 'instances' });
  try {
    await waitForFrame(h.ui, (f) => /1 of \d+/.test(f));
    await type(h, ['i']);
    await waitForFrame(h.ui, () => selectTop(h.store.getState()).view === 'detail');
    await type(h, ['\x1b']);
    await waitForFrame(h.ui, () => selectTop(h.store.getState()).screen === 'instances');
    await type(h, ['\r']);
    await waitForFrame(h.ui, () => selectTop(h.store.getState()).screen === 'apis' && apiRows(h).length > 0);
    const chosen = h.store.getState().instanceId;
    assert.ok(chosen);
    await type(h, ['-']);
    await waitForFrame(
      h.ui,
      () => selectTop(h.store.getState()).screen === 'instances' && h.store.getState().instanceId === null,
    );
    await type(h, ['-']);
    await waitForFrame(
      h.ui,
      () => selectTop(h.store.getState()).screen === 'apis' && h.store.getState().instanceId === chosen,
    );
    // a palette jump is a context too: `-` goes back to the APIs with their filter
    await type(h, ['/', ...'list', '\r', ':', ...'groups', '\r']);
    await waitForFrame(h.ui, () => selectTop(h.store.getState()).screen === 'groups');
    await type(h, ['-']);
    const f = await waitForFrame(h.ui, () => selectTop(h.store.getState()).screen === 'apis');
    assert.equal(selectTop(h.store.getState()).list.filter, 'list');
    assert.match(f, /\/list/);
  } finally {
    await h.close();
  }
});

test('a restart returns to the last instance and view; the palette history survives it', async () => {
  const statePath = tempStatePath();
  const first = await startHarness({ withInstance: false, rootScreen: 'instances', statePath });
  let chosen: string | null = null;
  try {
    await waitForFrame(first.ui, (f) => /1 of \d+/.test(f));
    await type(first, ['\r']);
    await waitForFrame(first.ui, () => selectTop(first.store.getState()).screen === 'apis');
    chosen = first.store.getState().instanceId;
    await type(first, [':', ...'apis method:GET auth:APP', '\r']);
    await waitForFrame(
      first.ui,
      () => selectTop(first.store.getState()).list.filter === 'method:GET auth:APP',
    );
  } finally {
    await first.close();
  }
  assert.ok(chosen);
  const saved = readFileSync(statePath, 'utf8');
  assert.equal(statSync(statePath).mode & 0o777, 0o600);
  assert.ok(!saved.includes(first.emu.sk) && !saved.includes(first.emu.ak), 'no credentials in the state');

  const second = await startHarness({ withInstance: false, rootScreen: 'instances', statePath });
  try {
    const all = emulatorApis(second.emu, chosen);
    const n = all.filter((a) => a.method === 'GET' && a.auth === 'APP').length;
    const f = await waitForFrame(second.ui, (x) => x.includes(`of ${n} (of ${all.length})`));
    assert.match(f, /\/method:GET auth:APP/);
    assert.equal(second.store.getState().instanceId, chosen);
    assert.equal(selectTop(second.store.getState()).screen, 'apis');
    await type(second, [':', UP]);
    await waitForFrame(second.ui, (x) => x.includes(':apis method:GET auth:APP'));
  } finally {
    await second.close();
  }
});

test('a saved instance that no longer exists: the instance list opens with a note', async () => {
  const statePath = tempStatePath();
  mkdirSync(dirname(statePath), { recursive: true });
  writeFileSync(
    statePath,
    JSON.stringify({
      version: 1,
      profiles: {
        demo: {
          point: { instanceId: 'gone-0000', instanceName: 'old-hub', screen: 'apis', filter: 'x' },
          history: [],
        },
      },
    }),
  );
  const h = await startHarness({ withInstance: false, rootScreen: 'apis', statePath });
  try {
    const f = await waitForFrame(h.ui, (x) => x.includes('the last instance old-hub no longer exists'));
    assert.equal(selectTop(h.store.getState()).screen, 'instances');
    assert.equal(h.store.getState().instanceId, null);
    assert.match(f, /1 of \d+/);
  } finally {
    await h.close();
  }
});
