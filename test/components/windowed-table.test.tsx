import '../helpers/force-color.ts';
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { render, cleanup } from 'ink-testing-library';
import { WindowedTable, type TableColumn } from '../../components/WindowedTable.tsx';
import { layoutColumns, scrollWindow } from '../../components/table-layout.ts';
import { ThemeProvider, THEMES } from '../../src/ui/theme.ts';
import { displayWidth } from '../../src/ui/text.ts';
import { plain } from '../helpers/ink.ts';

afterEach(() => cleanup());

interface Api {
  id: string;
  name: string;
  method: string;
}

const columns: TableColumn<Api>[] = [
  { key: 'name', title: 'Name', flex: 2, cell: (r) => r.name },
  { key: 'method', title: 'Method', width: 6, cell: (r) => r.method },
  { key: 'id', title: 'Id', flex: 1, cell: (r) => r.id },
];

const mk = (n: number): Api[] =>
  Array.from({ length: n }, (_, i) => ({ id: `id-${i}`, name: `api-${i}`, method: i % 2 ? 'POST' : 'GET' }));

function table(rows: Api[], extra: Partial<Parameters<typeof WindowedTable<Api>>[0]> = {}) {
  return (
    <ThemeProvider theme={THEMES.none}>
      <WindowedTable<Api>
        rows={rows}
        columns={columns}
        rowKey={(r) => r.id}
        selectedIndex={0}
        height={8}
        width={40}
        title="APIs"
        {...extra}
      />
    </ThemeProvider>
  );
}

test('renders only the rows in view and the n of N position', () => {
  let calls = 0;
  const counted: TableColumn<Api>[] = [{ key: 'name', title: 'Name', cell: (r) => (calls++, r.name) }];
  const rows = mk(10_000);
  const r = render(
    <WindowedTable<Api>
      rows={rows}
      columns={counted}
      rowKey={(x) => x.id}
      selectedIndex={5000}
      height={8}
      width={40}
    />,
  );
  const f = plain(r.lastFrame());
  assert.match(f, /5001 of 10000/);
  assert.match(f, /api-5000/);
  assert.doesNotMatch(f, /api-4994/);
  assert.equal(f.split('\n').length, 8);
  assert.ok(calls <= 6 * 2, `cell accessor called ${calls} times for 6 visible rows`);
});

test('keeps the selection in view, scrolling minimally', () => {
  assert.equal(scrollWindow(0, 0, 5, 100), 0);
  assert.equal(scrollWindow(5, 0, 5, 100), 2, 'leaving the bottom jumps half a window');
  assert.equal(scrollWindow(5, 0, 5, 100, 1), 1, 'jump 1 scrolls one row');
  assert.equal(scrollWindow(3, 1, 5, 100), 1);
  assert.equal(scrollWindow(9, 10, 6, 100), 7, 'leaving the top jumps half a window');
  assert.equal(scrollWindow(0, 10, 5, 100), 0);
  assert.equal(scrollWindow(99, 0, 5, 100), 95);
  assert.equal(scrollWindow(3, 50, 5, 4), 0);
});

test('column layout: fixed widths kept, flex shares the rest, overflow hides the rightmost', () => {
  assert.deepEqual(layoutColumns([{ flex: 2 }, { width: 6 }, { flex: 1 }], 40, 1), [4 + 16, 6, 4 + 8]);
  const w = layoutColumns([{ width: 10 }, { width: 10 }, { width: 10 }], 15, 1);
  assert.equal(w[0], 10);
  assert.equal(w[2], 0);
});

test('selected row is inverse in the NO_COLOR theme and the selection moves', () => {
  const r = render(table(mk(5), { selectedIndex: 2 }));
  const raw = r.lastFrame() ?? '';
  const line = raw.split('\n').find((l) => l.includes('api-2')) ?? '';
  assert.match(line, /\x1b\[7m/, 'inverse on the selected line');
  const other = raw.split('\n').find((l) => l.includes('api-1')) ?? '';
  assert.doesNotMatch(other, /\x1b\[7m/);
  assert.match(plain(raw), /3 of 5/);
});

test('hostile and wide cell text is sanitised and columns stay aligned', () => {
  const rows: Api[] = [
    { id: 'a', name: '\x1b[31mred\x1b]0;pwn\x07', method: 'GET' },
    { id: 'b', name: '中文名称很长很长的名字', method: 'PUT' },
    { id: 'c', name: '👨‍👩‍👧‍👦🇨🇳x', method: 'DELETE' },
    { id: 'd', name: 'ab\u202Ecd', method: 'GET' },
  ];
  const r = render(table(rows));
  const raw = r.lastFrame() ?? '';
  assert.doesNotMatch(raw.replace(/\x1b\[[0-9;]*m/g, ''), /\x1b|\x07|\u202E/);
  const f = plain(raw);
  assert.match(f, /␛\[31mred/);
  assert.match(f, /\\u202E/);
  const body = f.split('\n').slice(2, 6);
  // the method column starts at the same display column on every row
  const methodCol = body.map((l) => {
    const m = /(GET|PUT|DELETE)/.exec(l);
    return m === null ? -1 : displayWidth(l.slice(0, m.index));
  });
  assert.deepEqual(new Set(methodCol).size, 1, `method columns: ${methodCol.join(',')}`);
  assert.ok(body.every((l) => displayWidth(l) <= 40));
  assert.match(f, /…/);
});

test('filter highlight, sort indicator, marks, empty and loading states', () => {
  const r = render(
    table(mk(3), { filter: 'pi-1', sort: { column: 'name', descending: true }, marked: new Set(['id-2']) }),
  );
  const raw = r.lastFrame() ?? '';
  const f = plain(raw);
  assert.match(f, /NAME↓/);
  assert.match(f, /\/pi-1/);
  assert.match(f, /● api-2/);
  assert.match(f, /1 marked · 1 of 3/, 'the number of marked rows is shown');
  assert.match(raw, /\x1b\[4m[^\n]*pi-1/, 'match underlined in NO_COLOR');
  r.rerender(table([], { loading: true }));
  assert.match(plain(r.lastFrame()), /Loading…/);
  r.rerender(table([], { emptyText: 'No APIs in this group' }));
  assert.match(plain(r.lastFrame()), /No APIs in this group/);
  assert.match(plain(r.lastFrame()), /0 of 0/);
  // The app puts the typed filter into emptyText: a pasted line break must not break the frame.
  r.rerender(table([], { emptyText: 'no match for a\nb' }));
  assert.match(plain(r.lastFrame()), /no match for a↵b/);
});

test('layoutColumns caps a flexible column at maxWidth and gives the rest to the others', () => {
  // 100 wide, gap 1: fixed 10 + two flex columns; the first is capped at 20.
  const w = layoutColumns([{ width: 10 }, { maxWidth: 20 }, {}], 100, 1);
  assert.equal(w[1], 20);
  assert.equal(w[0]! + w[1]! + w[2]! + 2, 100);
  // every flexible column capped: the leftover width stays empty, nothing exceeds its cap
  const c = layoutColumns([{ maxWidth: 10 }, { maxWidth: 12 }], 100, 1);
  assert.deepEqual(c, [10, 12]);
});
