// The one list cursor (src/ui/list-cursor.ts): selection by id, marks, window, paging, type-ahead.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  cursorIndex,
  cursorStepOf,
  cursorWindow,
  idRows,
  INITIAL_CURSOR,
  reduceCursor,
  typeAhead,
  type Cursor,
  type CursorAction,
  type CursorRows,
  type CursorStep,
} from '../../src/ui/list-cursor.ts';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `id${i}`);
const run = (rows: CursorRows, ...actions: CursorAction[]): Cursor =>
  actions.reduce((c, a) => reduceCursor(c, a, rows), INITIAL_CURSOR);
const step = (s: CursorStep): CursorAction => ({ type: 'step', step: s });

test('steps clamp at both ends; wrap only where asked (pickers)', () => {
  const rows = idRows(ids(5), 3);
  assert.equal(run(rows, step('up')).selectedIndex, 0);
  assert.equal(run(rows, step('bottom'), step('down')).selectedIndex, 4);
  const wrapping = idRows(ids(5), 3, true);
  assert.equal(run(wrapping, step('up')).selectedId, 'id4');
  assert.equal(run(wrapping, step('bottom'), step('down')).selectedId, 'id0');
});

test('paging moves by the window height, half pages by half of it, g/G to the ends', () => {
  const rows = idRows(ids(30), 8);
  assert.equal(run(rows, step('pageDown')).selectedIndex, 8);
  assert.equal(run(rows, step('pageDown'), step('pageDown'), step('pageUp')).selectedIndex, 8);
  assert.equal(run(rows, step('halfPageDown')).selectedIndex, 4);
  assert.equal(run(rows, step('bottom')).selectedId, 'id29');
  assert.equal(run(rows, step('bottom'), step('top')).selectedId, 'id0');
  assert.equal(run(rows, step('bottom'), step('pageDown')).selectedIndex, 29);
});

test('the window keeps the selection visible', () => {
  const rows = idRows(ids(30), 8);
  const c = run(rows, step('bottom'));
  const w = cursorWindow(c, rows);
  assert.ok(w.start <= 29 && 29 < w.end, JSON.stringify(w));
  assert.equal(w.end - w.start, 8);
  assert.deepEqual(cursorWindow(run(rows), rows), { start: 0, end: 8 });
  assert.deepEqual(cursorWindow(run(idRows(ids(3), 8)), idRows(ids(3), 8)), { start: 0, end: 3 });
});

test('selection follows the id when rows move (reload, re-sort), else keeps its place clamped', () => {
  const c = run(idRows(['a', 'b', 'c', 'd'], 5), step('down'), step('down'));
  assert.equal(c.selectedId, 'c');
  assert.equal(cursorIndex(c, idRows(['c', 'a', 'b', 'd'], 5)), 0, 'found by id');
  assert.equal(cursorIndex(c, idRows(['a', 'b'], 5)), 1, 'gone: old index clamped');
  assert.equal(cursorIndex(c, idRows([], 5)), 0);
  assert.equal(run(idRows([], 5), step('down')).selectedId, null);
});

test('marks: Space marks and moves down, * marks all or clears', () => {
  const rows = idRows(['a', 'b', 'c'], 5);
  const c = run(rows, { type: 'mark' }, { type: 'mark' });
  assert.deepEqual(c.marked, ['a', 'b']);
  assert.equal(c.selectedId, 'c');
  assert.deepEqual(reduceCursor(c, { type: 'step', step: 'up' }, rows).marked, ['a', 'b']);
  const unmarked = run(rows, { type: 'mark' }, step('up'), { type: 'mark' });
  assert.deepEqual(unmarked.marked, []);
  assert.deepEqual(run(rows, { type: 'markAll' }).marked, ['a', 'b', 'c']);
  assert.deepEqual(run(rows, { type: 'mark' }, { type: 'markAll' }).marked, []);
  assert.deepEqual(run(rows, { type: 'markAll' }, { type: 'clearMarks' }).marked, []);
});

test('type-ahead: the filter restarts the window, keeps the selection by id, matches case-insensitively', () => {
  const rows = idRows(ids(30), 8);
  const c = run(rows, step('bottom'), { type: 'filter', filter: 'Id2' });
  assert.equal(c.filter, 'Id2');
  assert.equal(c.scroll, 0);
  assert.equal(c.selectedId, 'id29');
  const names = ['RELEASE', 'TEST', 'release_2', 'dev'];
  assert.deepEqual(
    typeAhead(names, (s) => s, 'rel'),
    ['RELEASE', 'release_2'],
  );
  assert.deepEqual(
    typeAhead(names, (s) => s, '  '),
    names,
  );
  const filtered = idRows([...typeAhead(ids(30), (s) => s, 'id2')], 8);
  assert.equal(cursorIndex(c, filtered), filtered.length - 1, 'id29 is the last of id2, id20…id29');
});

test('keys come from the key map: j/↓, k/↑, g/Home, G/End, PgUp/PgDn, Ctrl-U/D', () => {
  assert.equal(cursorStepOf('j'), 'down');
  assert.equal(cursorStepOf('up'), 'up');
  assert.equal(cursorStepOf('g'), 'top');
  assert.equal(cursorStepOf('end'), 'bottom');
  assert.equal(cursorStepOf('G'), 'bottom');
  assert.equal(cursorStepOf('pagedown'), 'pageDown');
  assert.equal(cursorStepOf('pageup'), 'pageUp');
  assert.equal(cursorStepOf('ctrl+d'), 'halfPageDown');
  assert.equal(cursorStepOf('x'), undefined);
  assert.equal(cursorStepOf('j', ['input']), undefined, 'a text field types j');
});
