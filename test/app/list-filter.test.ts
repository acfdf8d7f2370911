// The `/` filter language: field:value, field:!value, bare words, all ANDed; unknown fields hinted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Column } from '../../screens/types.ts';
import { filterFields, parseListFilter, tokenize, unknownFieldsHint } from '../../src/app/list-filter.ts';
import { filterRows } from '../../src/app/list-model.ts';

interface Api {
  id: string;
  name: string;
  method: string;
  path: string;
  envs: string;
}

const columns: Column<Api>[] = [
  { id: 'name', title: 'NAME', get: (r) => r.name },
  { id: 'method', title: 'METHOD', get: (r) => r.method },
  { id: 'path', title: 'PATH', get: (r) => r.path },
  { id: 'published', title: 'PUBLISHED', get: (r) => r.envs },
];
const aliases = { env: 'published' };

const rows: Api[] = [
  { id: '1', name: 'list_orders', method: 'GET', path: '/v1/orders', envs: 'RELEASE,TEST' },
  { id: '2', name: 'create_order', method: 'POST', path: '/v1/orders', envs: 'TEST' },
  { id: '3', name: 'get_order', method: 'GET', path: '/v2/orders/{id}', envs: '—' },
  { id: '4', name: 'list_refunds', method: 'GET', path: '/v1/refunds', envs: 'TEST' },
];
const ids = (f: string) => filterRows(rows, columns, f, aliases).map((r) => r.id);

test('field:value matches one column, substring and case-insensitive', () => {
  assert.deepEqual(ids('method:get'), ['1', '3', '4']);
  assert.deepEqual(ids('path:/V1/'), ['1', '2', '4']);
  // "get" is in get_order's name, but method:post reads the METHOD column only
  assert.deepEqual(ids('method:post'), ['2']);
});

test('field:!value negates; an alias reads its column', () => {
  assert.deepEqual(ids('env:!release'), ['2', '3', '4']);
  assert.deepEqual(ids('published:release'), ['1']);
});

test('terms AND together; bare words match anywhere, !word nowhere', () => {
  assert.deepEqual(ids('method:GET env:!RELEASE path:/v1/'), ['4']);
  assert.deepEqual(ids('order get'), ['1', '3']);
  assert.deepEqual(ids('orders !list'), ['2', '3']);
  assert.deepEqual(ids('refund'), ['4']);
});

test('an empty value (still typing) is no constraint; an empty filter keeps every row', () => {
  assert.deepEqual(ids('method:'), ['1', '2', '3', '4']);
  assert.deepEqual(ids('env:! name:list'), ['1', '4']);
  assert.equal(filterRows(rows, columns, '  ', aliases), rows);
});

test('quotes keep spaces', () => {
  assert.deepEqual(tokenize('path:"/a b" x  "c d"'), ['path:/a b', 'x', 'c d']);
  assert.deepEqual(tokenize('a:""'), ['a:']);
});

test('an unknown field is reported and matched as text', () => {
  const fields = filterFields(columns, aliases);
  const p = parseListFilter('stauts:GET http://x', fields);
  assert.deepEqual(p.unknown, ['stauts', 'http']);
  assert.deepEqual(
    p.terms.map((t) => t.column),
    [null, null],
  );
  assert.equal(
    unknownFieldsHint(p, fields, 'APIs'),
    'unknown filter field "stauts:", "http:" (matched as text) — fields of APIs: name, method, path, published, env',
  );
  assert.equal(unknownFieldsHint(parseListFilter('method:GET', fields), fields, 'APIs'), null);
  assert.deepEqual(ids('stauts:GET'), []);
});

test('an alias naming no column is ignored', () => {
  const fields = filterFields(columns, { zone: 'nope' });
  assert.equal(fields.has('zone'), false);
});

test('field terms read the cached cells: a second filter reads no cell again', () => {
  let reads = 0;
  const counted: Column<Api>[] = columns.map((c) => ({
    ...c,
    get: (r: Api) => {
      reads++;
      return c.get(r);
    },
  }));
  const data = Array.from({ length: 10_000 }, (_, i) => ({
    id: String(i),
    name: `api_${i}`,
    method: i % 2 ? 'GET' : 'POST',
    path: `/v${i % 3}/x`,
    envs: i % 5 ? 'RELEASE' : 'TEST',
  }));
  assert.equal(filterRows(data, counted, 'method:GET', aliases).length, 5_000);
  assert.equal(reads, 40_000, 'each cell read once');
  const narrowed = filterRows(data, counted, 'method:GET env:!RELEASE path:/v1/ api_', aliases);
  assert.equal(reads, 40_000, 'the second filter reads only the cache');
  assert.deepEqual(
    narrowed.map((r) => r.id),
    data.filter((r) => r.method === 'GET' && r.envs === 'TEST' && r.path === '/v1/x').map((r) => r.id),
  );
});
