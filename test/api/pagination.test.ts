// listAll over several pages against the emulator, bounded concurrency and cancellation.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { type InstanceClient } from '../../src/api/client.ts';
import type { RomaError } from '../../src/api/errors.ts';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { clientOf } from '../helpers/emulator-client.ts';

let em: EmulatorHandle;
let inst: InstanceClient;

before(async () => {
  em = await startEmulator({ seed: { scale: 1200 } });
  const c = clientOf(em);
  inst = c.instance(em.instances[0] as string);
});
after(() => em.close());

it('fetches every page, in order, without duplicates', async () => {
  const first = await inst.apis.list({ limit: 500 });
  assert.ok(first.total > 1000, `total ${first.total}`);
  const before = em.stats.byMethod.GET ?? 0;
  const all = await inst.apis.listAll({}, { concurrency: 2 });
  assert.equal(all.length, first.total);
  assert.equal(new Set(all.map((a) => a.id)).size, all.length);
  assert.deepEqual(
    all.slice(0, 500).map((a) => a.id),
    first.items.map((a) => a.id),
  );
  assert.equal((em.stats.byMethod.GET ?? 0) - before, Math.ceil(first.total / 500));
});

it('honours offset/limit on a single page', async () => {
  const p = await inst.apis.list({ offset: 10, limit: 7 });
  assert.equal(p.items.length, 7);
  assert.equal(p.offset, 10);
});

it('a cancelled listAll rejects as aborted', async () => {
  const ctl = new AbortController();
  const pending = inst.apis.listAll({}, { signal: ctl.signal, pageSize: 100, concurrency: 1 });
  ctl.abort();
  await assert.rejects(pending, (e: RomaError) => e.kind === 'aborted');
});
