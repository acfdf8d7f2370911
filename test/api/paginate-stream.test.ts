// listAll hands out the rows received so far (onPage) while the rest loads, and a later page that
// fails leaves the rows before it reported: against the emulator over HTTP, faults included.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { InstanceClient } from '../../src/api/client.ts';
import type { RomaError } from '../../src/api/errors.ts';
import type { ListProgress } from '../../src/api/types/common.ts';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { clientOf } from '../helpers/emulator-client.ts';

let em: EmulatorHandle;
let inst: InstanceClient;

before(async () => {
  em = await startEmulator({ seed: { scale: 2300 } });
  inst = clientOf(em, { retry: { limit: 1 } }).instance(em.instances[0] as string);
});
after(() => em.close());

const names = (rows: readonly unknown[]) => rows.map((r) => (r as { name: string }).name);

it('reports the first page at once, then growing prefixes of the list, never the whole list', async () => {
  const seen: Array<{ rows: readonly unknown[]; progress: ListProgress }> = [];
  const all = await inst.apis.listAll({}, { onPage: (rows, progress) => seen.push({ rows, progress }) });
  assert.equal(all.length, 2300);
  assert.ok(seen.length >= 1, 'at least the first page is reported');
  assert.deepEqual(seen[0]?.progress, { loaded: 500, total: 2300 });
  for (const [i, s] of seen.entries()) {
    assert.equal(s.rows.length, s.progress.loaded);
    assert.ok(s.progress.loaded < 2300, 'the whole list is the result, not a report');
    assert.equal(s.progress.loaded % 500, 0, 'whole pages, from the first');
    assert.deepEqual(names(s.rows), names(all.slice(0, s.rows.length)), `report ${i} is a prefix`);
    if (i > 0)
      assert.ok(s.progress.loaded > (seen[i - 1]?.progress.loaded ?? 0), 'each report has more rows');
  }
});

it('a list that fits in its first page reports nothing', async () => {
  let calls = 0;
  const groups = await inst.groups.listAll({}, { onPage: () => void calls++ });
  assert.ok(groups.length > 0 && groups.length <= 500, `${groups.length} groups`);
  assert.equal(calls, 0);
});

it('a later page failing rejects with its error after reporting the rows before it', async () => {
  em.setFaults('pagefail=1500');
  try {
    const seen: ListProgress[] = [];
    let lastRows: readonly unknown[] = [];
    await assert.rejects(
      inst.apis.listAll(
        {},
        {
          onPage: (rows, progress) => {
            seen.push(progress);
            lastRows = rows;
          },
        },
      ),
      (e: RomaError) => e.status === 500 && e.errorCode === 'APIG.9999',
    );
    // pages at offsets 0, 500 and 1000 answered: every one of them is shown before the error
    assert.deepEqual(seen.at(-1), { loaded: 1500, total: 2300 });
    assert.equal(lastRows.length, 1500);
  } finally {
    em.setFaults(null);
  }
});
