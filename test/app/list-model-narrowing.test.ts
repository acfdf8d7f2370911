// The list model per keystroke (issue 18): a filter that only narrows tests the rows the last one
// kept, and the answer is always the one filterRows gives over all rows (same rows, same order).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Column } from '../../screens/types.ts';
import { filterFields, parseListFilter } from '../../src/app/list-filter.ts';
import { createRowFilter, filterRows, narrows, sortRows } from '../../src/app/list-model.ts';

interface Api {
  id: string;
  name: string;
  method: string;
  env: string;
}

function apis(n: number) {
  const columns: Column<Api>[] = [
    { id: 'name', title: 'NAME', get: (r) => r.name },
    { id: 'method', title: 'METHOD', get: (r) => r.method },
    { id: 'published', title: 'PUBLISHED', get: (r) => r.env },
  ];
  const methods = ['GET', 'POST', 'PUT', 'DELETE'];
  const rows: Api[] = Array.from({ length: n }, (_, i) => ({
    id: String(i),
    name: `api_${String(i).padStart(5, '0')}`,
    method: methods[i % 4] ?? 'GET',
    env: i % 3 === 0 ? 'RELEASE' : i % 3 === 1 ? 'TEST' : '—',
  }));
  return { rows, columns };
}

const fields = (columns: Column<Api>[]) => filterFields(columns, { env: 'published' });
const parse = (columns: Column<Api>[], f: string) => parseListFilter(f, fields(columns));

test('narrows: a term grown at its end, a negation shortened, a term added', () => {
  const { columns } = apis(0);
  const n = (a: string, b: string) => narrows(parse(columns, a), parse(columns, b));
  assert.equal(n('api_0', 'api_00'), true);
  assert.equal(n('', 'a'), true);
  assert.equal(n('api', 'api method:get'), true);
  assert.equal(n('method:ge', 'method:get'), true);
  assert.equal(n('env:!releas', 'env:!relea'), true, 'a row without "relea" is without "releas"');
  assert.equal(n('api_00', 'api_0'), false, 'a character erased widens');
  assert.equal(n('env:!relea', 'env:!releas'), false, 'a longer negation keeps more rows');
  assert.equal(n('get', 'method:get'), false, 'a bare word is not a field term');
  assert.equal(n('api method:get', 'api'), false, 'a term removed widens');
  assert.equal(n('api', '!api'), false);
});

test('createRowFilter answers what filterRows answers, keystroke after keystroke', () => {
  const { rows, columns } = apis(3000);
  const aliases = { env: 'published' };
  const sorted = sortRows(rows, columns, { column: 'method', desc: true });
  const filter = createRowFilter<Api>();
  // typing, erasing, negating, switching fields, a term that stops matching, back to empty
  const steps = [
    'a',
    'ap',
    'api_0',
    'api_001',
    'api_0012',
    'api_001',
    'api_00',
    'api_00 m',
    'api_00 method:',
    'api_00 method:p',
    'api_00 method:po',
    'api_00 method:pos',
    'api_00 method:pos env:!t',
    'api_00 method:pos env:!te',
    'api_00 method:pos env:!tes',
    'api_00 method:pos env:!test',
    'api_00 method:pos env:!testx',
    'api_00 method:pos env:!test',
    'zzz',
    'zzzz',
    '',
    '!api_0001',
    '!api_00',
    '!api_0',
  ];
  for (const f of steps) {
    const got = filter(sorted, columns, f, aliases).map((r) => r.id);
    const want = filterRows(sorted, columns, f, aliases).map((r) => r.id);
    assert.deepEqual(got, want, `after typing "${f}"`);
  }
  // new rows (a reload) start over rather than narrowing the old ones
  const more = [...sorted, { id: 'new', name: 'api_00999x', method: 'POST', env: 'TEST' }];
  assert.deepEqual(
    filter(more, columns, 'api_00', aliases).map((r) => r.id),
    filterRows(more, columns, 'api_00', aliases).map((r) => r.id),
  );
  assert.ok(filter(more, columns, 'api_00999x', aliases).some((r) => r.id === 'new'));
});

test('a narrowing keystroke tests only the rows the last one kept; erasing tests them all', () => {
  const { rows, columns } = apis(2000);
  const tested: number[] = [];
  const filter = createRowFilter<Api>((n) => tested.push(n));
  const aliases = { env: 'published' };
  assert.equal(filter(rows, columns, 'api_00', aliases).length, 1000);
  assert.equal(filter(rows, columns, 'api_000', aliases).length, 100);
  assert.equal(filter(rows, columns, 'api_0001', aliases).length, 10);
  assert.equal(filter(rows, columns, 'api_000', aliases).length, 100);
  assert.deepEqual(tested, [2000, 1000, 100, 2000]);
});

test('a filter every row matches answers the rows themselves; the next keystroke narrows from them', () => {
  const { rows, columns } = apis(500);
  const tested: number[] = [];
  const filter = createRowFilter<Api>((n) => tested.push(n));
  assert.equal(filter(rows, columns, 'a'), rows, 'the same array: nothing downstream recomputes');
  assert.equal(filter(rows, columns, 'api'), rows);
  const some = filter(rows, columns, 'api_000');
  assert.notEqual(some, rows);
  assert.deepEqual(
    some.map((r) => r.id),
    filterRows(rows, columns, 'api_000').map((r) => r.id),
  );
  assert.deepEqual(tested, [500, 500, 500]);
  // every row `api_000` kept (api_00000 … api_00099) holds an `a` too: the same answer
  assert.equal(filter(rows, columns, 'api_000 a'), some);
  const fewer = filter(rows, columns, 'api_000 a api_0001');
  assert.deepEqual(
    fewer.map((r) => r.id),
    filterRows(rows, columns, 'api_000 a api_0001').map((r) => r.id),
  );
  assert.equal(fewer.length, 10);
  assert.deepEqual(tested, [500, 500, 500, 100, 100]);
});
