// Issue 11 point 6: a batch call that fails as a whole (5xx) shows what is known per marked row, after
// re-reading each (done / not done / unknown), and offers to retry only the rest — after a confirmation,
// never by itself. Whole shell on the emulator; `w5xx` fails the writes only, so the re-reads work.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { recoverBatchPublish } from '../../src/actions/batch-recovery.ts';
import type { ReadBackPort } from '../../src/actions/port.ts';
import { listKey } from '../../src/app/data.ts';
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
const flat = (f: string) => f.replace(/[│\s]+/g, ' ');

test('a re-read that fails leaves the item unknown and out of the retry', async () => {
  const apis = [
    { id: 'a', name: 'a' },
    { id: 'b', name: 'b' },
  ];
  const env = { id: 'e', name: 'RELEASE' };
  const port = {
    publications: async (id: string) => {
      if (id === 'a') throw Object.assign(new Error('boom'), { status: 503, errorCode: 'APIG.9999' });
      return [];
    },
  } as unknown as ReadBackPort;
  const r = await recoverBatchPublish(
    port,
    { kind: 'batch-publish', apis, env },
    {
      code: 'APIG.9999',
      message: 'System error',
      hint: '',
      status: 503,
    },
  );
  assert.deepEqual(
    r.items.map((i) => [i.id, i.ok, i.unknown === true]),
    [
      ['a', false, true],
      ['b', false, false],
    ],
  );
  assert.deepEqual(r.retry && 'apis' in r.retry ? r.retry.apis.map((a) => a.id) : [], ['b']);
});

let h: Harness;
before(async () => {
  h = await startHarness({ rootScreen: 'apis' });
  await until('apis loaded', () => apisOf(h).length > 3);
});
after(async () => {
  await h?.close();
});

test('503 on a batch publish: per-row state after a re-read, and r retries only the rest after y', async () => {
  const inst = h.store.getState().instanceId as string;
  const db = h.emu.state.stores.get(inst)!;
  const envs = [...db.data.envs.values()];
  const three = apisOf(h)
    .filter((a) => envs.every((e) => !db.publicationOf(a.id, e.id)))
    .slice(0, 3);
  assert.equal(three.length, 3, 'three APIs published nowhere');
  const [first, ...rest] = three as [Api, Api, Api];
  h.store.getState().actions.updateList({ selectedId: first.id, marked: three.map((a) => a.id) });
  await settle();
  await press(h, 'p');
  await waitForFrame(h.ui, (f) => f.includes('3 marked APIs') && f.includes('Environment'));
  await press(h, '\r');
  await waitForFrame(h.ui, (f) => f.includes('Remark (optional)'));
  await press(h, '\r');
  const confirm = flat(await waitForFrame(h.ui, (f) => /y yes|type y/.test(f)));
  const envName = /3 APIs start serving in (\S+)/.exec(confirm)?.[1];
  const env = envs.find((e) => e.name === envName);
  assert.ok(env, `the environment of: ${confirm}`);
  // the service applied one of them before failing: published here behind the dashboard's back
  await h.store.client.instance(inst).apis.action({ action: 'online', api_id: first.id, env_id: env.id });

  h.emu.setFaults('w5xx=1');
  const posts = () => h.emu.stats.log.filter((l) => l.method === 'POST').length;
  const before = posts();
  await press(h, 'y');
  let f = await waitForFrame(h.ui, (x) => x.includes('Esc/Enter: close'));
  h.emu.setFaults(null);
  assert.equal(posts() - before, 1, 'one batch call, nothing retried by itself');
  const text = flat(f);
  assert.match(text, /failed as a whole \(APIG\.9999 50[03]\); re-read per item: 1 done, 2 not done/);
  assert.match(text, new RegExp(`✓ ${first.name} in ${env.name}`));
  for (const a of rest)
    assert.match(text, new RegExp(`✗ ${a.name} in ${env.name} — APIG\\.9999 re-read: not published`));
  assert.match(text, /r: retry the 2 not done \(asks first\)/);
  assert.match(f.split('\n').at(-1) ?? '', /<r> retry rest/);

  await press(h, 'r');
  f = flat(await waitForFrame(h.ui, (x) => /y yes|type y/.test(x)));
  assert.match(f, /2 APIs start serving in/);
  assert.match(f, /Retry: acts on the 2 items re-read as not done/);
  assert.equal(posts() - before, 1, 'the retry waits for its confirmation');
  await press(h, 'y');
  await until('the rest published', () => rest.every((a) => db.publicationOf(a.id, env.id) !== undefined));
  f = await waitForFrame(h.ui, (x) => x.includes('Publish APIs: done'));
  assert.equal(posts() - before, 2);
});
