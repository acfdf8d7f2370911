// warmHaystacks: builds the filter index in slices on idle turns, can be cancelled, and leaves
// nothing for the first filter keystroke to build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Column } from '../../screens/types.ts';
import { createRowFilter, filterRows, warmHaystacks } from '../../src/app/list-model.ts';

interface Row {
  id: string;
  name: string;
}

function counted(): { columns: Column<Row>[]; calls: () => number } {
  let n = 0;
  const get = (r: Row) => {
    n++;
    return r.name;
  };
  return { columns: [{ id: 'name', title: 'NAME', get } as Column<Row>], calls: () => n };
}

const rows = (n: number): Row[] =>
  Array.from({ length: n }, (_, i) => ({ id: String(i), name: `api_${String(i).padStart(4, '0')}` }));

test('warms every row a slice per turn; the first filter then reads no cell', async () => {
  const { columns, calls } = counted();
  const data = rows(1200);
  warmHaystacks(data, columns, 500);
  assert.equal(calls(), 0, 'nothing on the calling turn');
  await nextTurn();
  assert.equal(calls(), 500, 'one slice per turn');
  await nextTurn();
  await nextTurn();
  assert.equal(calls(), 1200);
  const matched = filterRows(data, columns, 'API_01');
  assert.equal(calls(), 1200, 'filtering used the warmed haystacks');
  assert.equal(matched.length, 100);
});

test('cancel stops the warming', async () => {
  const { columns, calls } = counted();
  const cancel = warmHaystacks(rows(1200), columns, 500);
  await nextTurn();
  cancel();
  await nextTurn();
  await nextTurn();
  assert.equal(calls(), 500);
});

test('a keystroke while warming continues where warming stopped, and warming then stops', async () => {
  const { columns, calls } = counted();
  const data = rows(1200);
  warmHaystacks(data, columns, 500);
  await nextTurn();
  assert.equal(calls(), 500);
  const filter = createRowFilter<Row>();
  assert.deepEqual(
    filter(data, columns, 'api_01').map((r) => r.id),
    filterRows(data, columns, 'api_01').map((r) => r.id),
  );
  assert.equal(calls(), 1200, 'the keystroke built the 700 rows left, each once');
  await nextTurn();
  await nextTurn();
  assert.equal(calls(), 1200, 'nothing left to warm');
  assert.equal(filter(data, columns, 'api_011').length, 10);
});
