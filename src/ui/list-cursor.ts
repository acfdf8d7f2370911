// The one list cursor: a headless selection reducer shared by the resource lists (state in the
// dashboard store), the pickers (components/SelectList.tsx), the action flows' lists
// (screens/actions/PickList.tsx), the debug console's history and the command palette.
// Selection is kept by id, so a reload or a re-sort leaves it on the same row; marks are ids; the
// window scrolls like the table (scrollWindow); paging and type-ahead filtering are the same
// everywhere. Pure: no React, no store.
import { scrollWindow } from '../../components/table-layout.ts';
import { commandsForKey, type KeyScope } from '../keys/keymap.ts';

export interface Cursor {
  /** Selection is kept by item id so refreshes and re-sorts do not move it to another row. */
  selectedId: string | null;
  selectedIndex: number;
  /** First row of the window. */
  scroll: number;
  /** Ids of marked rows (batch actions). */
  marked: readonly string[];
  /** Type-ahead filter (`/`); the caller filters its rows with it (`typeAhead`). */
  filter: string;
}

export const INITIAL_CURSOR: Cursor = {
  selectedId: null,
  selectedIndex: 0,
  scroll: 0,
  marked: [],
  filter: '',
};

/** The rows the cursor moves over, as it sees them (after filtering and sorting). */
export interface CursorRows {
  length: number;
  idAt(index: number): string;
  /** Rows of the window. */
  height: number;
  /** Up on the first row goes to the last (and down on the last to the first): pickers. */
  wrap?: boolean;
}

export type CursorStep =
  'up' | 'down' | 'top' | 'bottom' | 'pageUp' | 'pageDown' | 'halfPageUp' | 'halfPageDown';

export const CURSOR_STEPS: readonly CursorStep[] = [
  'up',
  'down',
  'top',
  'bottom',
  'pageUp',
  'pageDown',
  'halfPageUp',
  'halfPageDown',
];

export type CursorAction =
  | { type: 'step'; step: CursorStep }
  | { type: 'select'; index: number }
  /** Back to the first row and the top of the window (other rows now); marks and filter stay. */
  | { type: 'reset' }
  /** Mark or unmark the selected row, then move down. */
  | { type: 'mark' }
  /** Mark every row, or clear the marks when there are any. */
  | { type: 'markAll' }
  | { type: 'clearMarks' }
  | { type: 'filter'; filter: string };

/** An array of ids as `CursorRows`. */
export function idRows(ids: readonly string[], height: number, wrap = false): CursorRows {
  return { length: ids.length, idAt: (i) => ids[i] ?? '', height, ...(wrap ? { wrap } : {}) };
}

/** The selected index: by id when the row is still there (reload, re-sort), else the old index clamped. */
export function cursorIndex(c: Pick<Cursor, 'selectedId' | 'selectedIndex'>, rows: CursorRows): number {
  if (rows.length === 0) return 0;
  if (c.selectedId !== null) {
    if (c.selectedIndex < rows.length && rows.idAt(c.selectedIndex) === c.selectedId) return c.selectedIndex;
    for (let i = 0; i < rows.length; i++) if (rows.idAt(i) === c.selectedId) return i;
  }
  return Math.min(Math.max(0, c.selectedIndex), rows.length - 1);
}

/** The first row of the window that keeps the selected row visible. */
export function cursorScroll(c: Cursor, rows: CursorRows): number {
  return scrollWindow(cursorIndex(c, rows), c.scroll, Math.max(1, rows.height), rows.length);
}

/** The rows the window shows: `[start, end)`. */
export function cursorWindow(c: Cursor, rows: CursorRows): { start: number; end: number } {
  const start = cursorScroll(c, rows);
  return { start, end: Math.min(rows.length, start + Math.max(1, rows.height)) };
}

function target(step: CursorStep, at: number, rows: CursorRows): number {
  const page = Math.max(1, rows.height);
  const half = Math.max(1, Math.floor(page / 2));
  const last = rows.length - 1;
  switch (step) {
    case 'up':
      return rows.wrap && at === 0 ? last : at - 1;
    case 'down':
      return rows.wrap && at === last ? 0 : at + 1;
    case 'top':
      return 0;
    case 'bottom':
      return last;
    case 'pageUp':
      return at - page;
    case 'pageDown':
      return at + page;
    case 'halfPageUp':
      return at - half;
    case 'halfPageDown':
      return at + half;
  }
}

function selectAt<C extends Cursor>(c: C, index: number, rows: CursorRows): C {
  if (rows.length === 0) return { ...c, selectedIndex: 0, selectedId: null, scroll: 0 };
  const i = Math.min(Math.max(0, index), rows.length - 1);
  return {
    ...c,
    selectedIndex: i,
    selectedId: rows.idAt(i),
    scroll: scrollWindow(i, c.scroll, Math.max(1, rows.height), rows.length),
  };
}

export function reduceCursor<C extends Cursor>(c: C, a: CursorAction, rows: CursorRows): C {
  switch (a.type) {
    case 'step':
      return selectAt(c, target(a.step, cursorIndex(c, rows), rows), rows);
    case 'select':
      return selectAt(c, a.index, rows);
    case 'reset':
      return { ...c, selectedId: null, selectedIndex: 0, scroll: 0 };
    case 'mark': {
      if (rows.length === 0) return c;
      const id = rows.idAt(cursorIndex(c, rows));
      const marked = c.marked.includes(id) ? c.marked.filter((x) => x !== id) : [...c.marked, id];
      return selectAt({ ...c, marked }, cursorIndex(c, rows) + 1, rows);
    }
    case 'markAll': {
      const all: string[] = [];
      if (c.marked.length === 0) for (let i = 0; i < rows.length; i++) all.push(rows.idAt(i));
      return { ...c, marked: all };
    }
    case 'clearMarks':
      return { ...c, marked: [] };
    case 'filter':
      // the rows change with the filter: the window starts over, the selection stays by id
      return a.filter === c.filter ? c : { ...c, filter: a.filter, scroll: 0 };
  }
}

/** The cursor step a key makes (the key map's navigation commands of `scopes`), if any. */
export function cursorStepOf(keyId: string, scopes: readonly KeyScope[] = ['list']): CursorStep | undefined {
  const cmds = commandsForKey(keyId, scopes);
  return CURSOR_STEPS.find((s) => cmds.includes(s));
}

/** Rows whose text contains the filter (case-insensitive); all rows when the filter is blank. */
export function typeAhead<T>(rows: readonly T[], textOf: (row: T) => string, filter: string): readonly T[] {
  const q = filter.trim().toLowerCase();
  if (!q) return rows;
  return rows.filter((r) => textOf(r).toLowerCase().includes(q));
}
