// Records with fields of the wrong type (hostile seed) are repaired by the client with warnings: the
// list shows them as a non-fatal note and still lists the rest; a detail of a wrong-typed API renders
// (coerced/dropped) with the warning instead of failing with a shape error.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { listKey } from '../../src/app/data.ts';
import { warningNote } from '../../src/app/warnings.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';

let h: Harness;
before(async () => {
  h = await startHarness({ emulator: { seed: 'hostile' }, rootScreen: 'apis' });
});
after(async () => h?.close());

const flat = (f: string) => f.replace(/\s+/g, ' ');

test('the APIs list notes the repaired records in the status line and still lists them', async () => {
  const frame = await waitForFrame(h.ui, (f) => /records had unexpected fields/.test(f), { timeoutMs: 8000 });
  assert.match(frame, /\d+ items/, 'the list is shown, not replaced by an error');
  const slice = h.store.getState().resources.apis?.[listKey(h.emu.instances[0] ?? null, {})];
  assert.ok((slice?.warnings?.length ?? 0) > 0);
  assert.ok(((slice?.data as unknown[] | null)?.length ?? 0) > 0);
  assert.equal(slice?.error, null);
});

test('a detail with a wrong-typed field renders, with the warning', async () => {
  const db = h.emu.state.stores.get(h.emu.instances[0] ?? '');
  const api = [...(db?.data.apis.values() ?? [])][6]; // the seed puts type: "public" on this one
  assert.ok(api);
  h.store.getState().actions.updateList({ selectedId: api.id });
  await settle();
  h.ui.stdin.write('\r');
  await waitForFrame(h.ui, (f) => f.includes('[Overview]'));
  // to the Definition tab (4.3.5 GET, validated as a single object)
  h.ui.stdin.write('\t');
  const frame = await waitForFrame(h.ui, (f) => f.includes('[Definition]') && /unexpected fields/.test(f), {
    timeoutMs: 8000,
  });
  assert.match(flat(frame), /\$\.type: expected number/);
  assert.doesNotMatch(frame, /failed to load/);
  const slices = h.store.getState().resources['apis.definition'] ?? {};
  const part = Object.values(slices)[0];
  assert.equal(part?.error, null, 'no shape error');
  assert.equal((part?.data as { id?: string } | null)?.id, api.id);
  h.ui.stdin.write('\x1b');
  await settle();
});

test('warningNote counts records, not fields', () => {
  assert.equal(warningNote([]), undefined);
  assert.equal(
    warningNote(['$.apis[1].name: x', '$.apis[1].remark: y', '$.apis[4].type: z']),
    '2 records had unexpected fields: $.apis[1].name: x (+2 more)',
  );
  assert.equal(warningNote(['$.type: z']), '1 record had unexpected fields: $.type: z');
});
