// A paged list draws its first page at once and merges the rest as pages arrive (issue 18): over the
// real emulator with its latency and pagefail faults, the first rows and "loading N of M" show
// before the last page has arrived; selection and marks follow their rows; a later page that fails
// leaves the rows shown and says which rows are missing, with the code.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { listKey } from '../../src/app/data.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function press(harness: Harness, keys: string) {
  harness.ui.stdin.write(keys);
  await settle();
}

const apiRows = (harness: Harness) => {
  const s = harness.store.getState();
  return (s.resources.apis?.[listKey(s.instanceId, {})]?.data ?? []) as Array<{ id: string; name: string }>;
};

test('the first page shows with "loading 500 of 4,000" before the rest; sort, selection and marks follow the rows', async () => {
  h = await startHarness({ rootScreen: 'apis', emulator: { seed: { scale: 4000 }, faults: 'latency=400' } });
  // Pages 2–5 answer 400 ms after the first, 6–8 another 400 ms later: the frame with 500 rows and
  // the progress stands that long.
  const first = await waitForFrame(
    h.ui,
    (f) => f.includes('scale_api_000000') && f.includes('loading 500 of 4,000') && /1 of 500\b/.test(f),
    { timeoutMs: 30_000 },
  );
  assert.ok(!first.includes('scale_api_000500'), 'only the first page is drawn');
  // While the rest streams in: reverse the sort by name, move down one and mark that row.
  await press(h, 'S');
  await press(h, 'j');
  await press(h, ' ');
  const top = h.store.getState().stack.at(-1);
  const markedId = top?.list.marked[0];
  const selectedId = top?.list.selectedId;
  assert.ok(markedId && selectedId);

  await waitForFrame(h.ui, (f) => f.includes('4000 items'), { timeoutMs: 60_000 });
  const rows = apiRows(h);
  assert.equal(rows.length, 4000);
  const nameOf = (id: string) => rows.find((r) => r.id === id)?.name ?? '';
  // Sorted by name, descending: scale_api_00K sits at position 4000 - K.
  const position = (id: string) => 4000 - Number(nameOf(id).slice('scale_api_'.length));
  const frame = await waitForFrame(h.ui, (f) => f.includes(`${position(selectedId)} of 4000`));
  assert.match(frame, /1 marked/);
  assert.deepEqual(h.store.getState().stack.at(-1)?.list.marked, [markedId], 'the mark stays on its row');
  assert.equal(position(markedId), position(selectedId) - 1, 'marked, then moved down one');
});

test('a later page that fails leaves the rows shown and names the missing rows with the code', async () => {
  h = await startHarness({
    rootScreen: 'apis',
    emulator: { seed: { scale: 1800 }, faults: 'pagefail=1000' },
  });
  const frame = await waitForFrame(h.ui, (f) => f.includes('APIG.9999'), { timeoutMs: 30_000 });
  assert.match(frame, /rows 1,001–1,800 of 1,800 missing/);
  assert.match(frame, /scale_api_000000/);
  assert.match(frame, /1 of 1000\b/, 'the pages before the failed one stay on screen');
  assert.equal(apiRows(h).length, 1000);
  assert.doesNotMatch(frame, /STALE/, 'these rows are current, only incomplete');

  // Once the gateway answers again, `r` loads the whole list.
  h.emu.setFaults(null);
  await press(h, 'r');
  const whole = await waitForFrame(h.ui, (f) => f.includes('1800 items'), { timeoutMs: 30_000 });
  assert.doesNotMatch(whole, /missing/);
  assert.equal(apiRows(h).length, 1800);
});

test('every paged list streams: the devices list keeps its first page when a later one fails', async () => {
  h = await startHarness({
    rootScreen: 'devices',
    emulator: { seed: { scale: 1200 }, faults: 'pagefail=500' },
  });
  const frame = await waitForFrame(h.ui, (f) => f.includes('APIG.9999'), { timeoutMs: 30_000 });
  assert.match(frame, /rows 501–1,200 of 1,200 missing/);
  assert.match(frame, /1 of 500\b/);
});
