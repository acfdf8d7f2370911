// The list cursor (src/ui/list-cursor.ts) held in component state: pickers, the action flows'
// lists, the debug history, the palette. Resource lists keep the same cursor in the dashboard store.
import { useState } from 'react';
import type { KeyScope } from '../src/keys/keymap.ts';
import {
  cursorIndex,
  cursorStepOf,
  cursorWindow,
  idRows,
  INITIAL_CURSOR,
  reduceCursor,
  type Cursor,
  type CursorAction,
} from '../src/ui/list-cursor.ts';

export interface UseCursor {
  cursor: Cursor;
  /** The selected index in `ids`. */
  index: number;
  /** The rows the window shows: `[start, end)`. */
  window: { start: number; end: number };
  dispatch(a: CursorAction): void;
  /** Applies the key's navigation command (↑↓ j k g G Home End PgUp PgDn Ctrl-U/D); false if it has none. */
  onKey(keyId: string, scopes?: readonly KeyScope[]): boolean;
}

export function useCursor(
  ids: readonly string[],
  height: number,
  opts: { wrap?: boolean; initialIndex?: number } = {},
): UseCursor {
  // no id yet: the index stands (clamped) until the first move, also while the rows are loading
  const [cursor, setCursor] = useState<Cursor>(() => ({
    ...INITIAL_CURSOR,
    selectedIndex: Math.max(0, opts.initialIndex ?? 0),
  }));
  const rows = idRows(ids, height, opts.wrap ?? false);
  const dispatch = (a: CursorAction) => setCursor((c) => reduceCursor(c, a, rows));
  return {
    cursor,
    index: cursorIndex(cursor, rows),
    window: cursorWindow(cursor, rows),
    dispatch,
    onKey: (keyId, scopes) => {
      const step = cursorStepOf(keyId, scopes);
      if (step === undefined) return false;
      dispatch({ type: 'step', step });
      return true;
    },
  };
}
