// `:audit`: the local audit log, newest first, names next to ids, results coloured, `/` filters,
// Enter shows the whole entry; hostile or secret content never reaches the screen.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { InstanceStore } from '../../src/emulator/state.ts';
import { selectTop } from '../../src/store/index.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { press, rowsOf } from './probes.ts';

async function until(
  what: string,
  cond: () => boolean | Promise<boolean>,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
async function palette(h: Harness, text: string) {
  for (const k of [':', ...text, '\r']) {
    h.ui.stdin.write(k);
    await settle();
  }
}

let h: Harness;
before(async () => {
  h = await startHarness({ rootScreen: 'apis' });
  await until('apis loaded', () => rowsOf(h, 'apis').length > 0);
});
after(async () => {
  await h?.close();
});

test(':audit before any change says so, naming the log, without an error', async () => {
  await palette(h, 'audit');
  const f = await waitForFrame(h.ui, (f) => f.includes('no changes recorded yet'));
  assert.ok(f.includes('Audit log'));
  assert.equal(h.store.getState().status, null);
  h.store.getState().actions.jump('apis');
  await settle();
});

test('a publish made here is the first entry of :audit, with the API name; Enter shows its detail', async () => {
  const db = h.emu.state.stores.get(h.emu.instances[0] ?? '') as InstanceStore;
  const apis = rowsOf<{ id: string; name: string }>(h, 'apis');
  const envs = [...db.data.envs.values()];
  const pair = apis
    .flatMap((a) => envs.map((e) => ({ a, e })))
    .find(({ a, e }) => !db.publicationOf(a.id, e.id));
  assert.ok(pair, 'an API not published in some environment');
  // an older line of another change first, so "first" means newest
  await mkdir(h.auditPath.replace(/\/[^/]+$/, ''), { recursive: true });
  await appendFile(
    h.auditPath,
    JSON.stringify({
      ts: '2020-01-01T00:00:00.000Z',
      who: 'x',
      profile: 'p',
      instance: 'i',
      action: 'offline',
      object: 'api:old(1)',
      env: 'RELEASE',
      result: 'failed',
      requestIds: [],
      errorCode: 'APIG.3002',
    }) + '\n',
  );
  h.store.getState().actions.updateList({ selectedId: pair.a.id });
  await settle();
  await press(h, 'p');
  await waitForFrame(h.ui, (f) => f.includes(`Publish API ${pair.a.name}`) && f.includes('Environment'));
  const order = (Object.values(h.store.getState().resources['envs'] ?? {})[0]?.data ?? []) as Array<{
    id: string;
  }>;
  const at = order.findIndex((e) => e.id === pair.e.id);
  assert.ok(at >= 0);
  await press(h, 'j', at);
  await press(h, '\r');
  await waitForFrame(h.ui, (f) => f.includes('Remark (optional)'));
  await press(h, '\r');
  await waitForFrame(h.ui, (f) => /y yes/.test(f) && f.includes(pair.a.name));
  await press(h, 'y');
  await until('published', () => db.publicationOf(pair.a.id, pair.e.id) !== undefined);
  await waitForFrame(h.ui, (f) => f.includes('Esc/Enter: close'));
  await press(h, '\r');
  await until('audit line', async () =>
    /"publish"/.test(await readFile(h.auditPath, 'utf8').catch(() => '')),
  );
  const line = JSON.parse((await readFile(h.auditPath, 'utf8')).trim().split('\n').at(-1) ?? '{}') as {
    names?: Record<string, string>;
  };
  assert.equal(line.names?.[pair.a.id], pair.a.name, 'the new line names its API');

  await palette(h, 'audit');
  await until('audit rows', () => rowsOf(h, 'audit').length === 2);
  const frame = await waitForFrame(h.ui, (f) => f.includes('publish') && f.includes('offline'));
  const lines = frame.split('\n');
  const first = lines.findIndex((l) => l.includes('publish'));
  const older = lines.findIndex((l) => l.includes('offline'));
  assert.ok(first >= 0 && first < older, 'newest first');
  assert.ok(lines[first]?.includes(pair.a.name), 'the row names the API');
  assert.ok(lines[first]?.includes('ok'), frame);
  assert.ok(lines[older]?.includes('failed'));

  await press(h, '\r');
  const d = await waitForFrame(h.ui, (f) => f.includes('Audit entry') && f.includes('request ids'));
  assert.ok(d.includes(pair.a.name) && d.includes(pair.a.id) && d.includes(pair.e.name));
  const post = h.requests.filter((e) => e.method === 'POST' && e.path.endsWith('/apis/action')).at(-1);
  assert.ok(post?.requestId && d.includes(post.requestId), 'the detail shows the request id');
  assert.equal(selectTop(h.store.getState()).view, 'detail');
  await press(h, '\x1b');
});

test('`/` filters the audit entries', async () => {
  h.store.getState().actions.jump('audit');
  await waitForFrame(h.ui, (f) => f.includes('publish') && f.includes('offline'));
  await press(h, '/');
  for (const k of 'APIG.3002') await press(h, k);
  await press(h, '\r');
  const f = await waitForFrame(h.ui, (f) => f.includes('filter: APIG.3002') && !f.includes('publish'));
  assert.ok(f.includes('offline'));
});

test('hostile and secret content in the log is neither obeyed nor shown', async () => {
  await appendFile(
    h.auditPath,
    JSON.stringify({
      ts: new Date().toISOString(),
      who: 'x',
      profile: 'p',
      instance: 'i',
      action: 'delete',
      object: 'api:\x1b]52;c;aGk=\x07evil\x1b[2J(zz)',
      env: '',
      result: 'unknown',
      requestIds: [],
      errorMsg: `leaked ${h.emu.sk}`,
      password: 'hunter2-secret',
    }) + '\n',
  );
  h.store.getState().actions.jump('audit');
  h.store.getState().actions.refreshAll();
  await until('three rows', () => rowsOf(h, 'audit').length === 3);
  const f = await waitForFrame(h.ui, (f) => f.includes('evil'), { raw: true });
  assert.doesNotMatch(f, /\x1b\]52|\x07|\x1b\[2J/);
  await press(h, '\r');
  const d = await waitForFrame(h.ui, (f) => f.includes('Audit entry'), { raw: true });
  assert.ok(!d.includes(h.emu.sk), 'the SK is not shown');
  assert.ok(!d.includes('hunter2'));
  assert.doesNotMatch(d, /\x1b\]52|\x07/);
  await press(h, '\x1b');
});

test('an unreadable log is a clear message on the status line', async () => {
  // a directory where the file should be: reading it fails (EISDIR)
  const dir = mkdtempSync(join(tmpdir(), 'rd-audit-dir-'));
  const h2 = await startHarness({ rootScreen: 'apis', auditPath: dir });
  try {
    h2.store.getState().actions.jump('audit');
    const f = await waitForFrame(h2.ui, (f) => f.includes('EISDIR'));
    assert.ok(f.includes('audit log cannot be read'), f);
    assert.ok(f.includes('failed to load'));
    assert.doesNotMatch(f, /at .*\.ts:\d+/, 'no stack trace');
  } finally {
    await h2.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
