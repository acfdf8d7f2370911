// The filter index keeps one string per row: bare words search every column, `field:value` terms
// read their own column, even when server text carries the separator (NUL) the index joins with.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Column } from '../../screens/types.ts';
import { filterRows } from '../../src/app/list-model.ts';

interface Row {
  name: string;
  method: string;
}
const columns = [
  { id: 'name', title: 'NAME', get: (r: Row) => r.name },
  { id: 'method', title: 'METHOD', get: (r: Row) => r.method },
] as Column<Row>[];

test('field terms read their column, bare words any column, a NUL in server text shifts nothing', () => {
  const rows: Row[] = [
    { name: 'orders\u0000GET', method: 'POST' },
    { name: 'Get-Invoice', method: 'GET' },
    { name: 'users', method: 'DELETE' },
  ];
  assert.deepEqual(
    filterRows(rows, columns, 'method:get').map((r) => r.method),
    ['GET'],
    'the NUL row is POST, not GET',
  );
  assert.deepEqual(
    filterRows(rows, columns, 'get').map((r) => r.name),
    ['orders\u0000GET', 'Get-Invoice'],
  );
  assert.deepEqual(
    filterRows(rows, columns, 'method:!post name:s').map((r) => r.name),
    ['users'],
  );
});
