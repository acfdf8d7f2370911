// A small cursor + marks list for the action flows (bound APIs, not-bound APIs, versions, apps),
// moved by the one list cursor (src/ui/list-cursor.ts) like every list: ↑↓ j k g G Home End PgUp
// PgDn Ctrl-U/D, Space marks. Renders only the cursor's window; the caller owns the rows and what
// the other keys do.
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { useCursor, type UseCursor } from '../../components/use-cursor.ts';
import { commandsForKey } from '../../src/keys/keymap.ts';
import { sanitizeText } from '../../src/ui/sanitize.ts';
import { useTheme } from '../../src/ui/theme.ts';

export interface PickRow {
  id: string;
  text: string;
  /** Shown dimmed (e.g. an optimistic unbind in flight). */
  dim?: boolean;
}

/** Rows a flow's list shows at once. */
export const PICK_WINDOW = 12;

export function PickList({
  rows,
  nav,
  empty,
}: {
  rows: readonly PickRow[];
  nav: Pick<PickCursor, 'index' | 'window' | 'marked'>;
  empty: string;
}) {
  const theme = useTheme().tokens;
  if (rows.length === 0) return <Text color={theme.muted}>{empty}</Text>;
  const { start, end } = nav.window;
  return (
    <Box flexDirection="column">
      {rows.slice(start, end).map((r, i) => {
        const at = start + i === nav.index;
        const marked = nav.marked.has(r.id);
        return (
          <Text key={r.id} inverse={at} dimColor={r.dim === true} color={marked ? theme.markFg : undefined}>
            {at ? '›' : ' '}
            {marked ? '◆' : ' '} {sanitizeText(r.text)}
          </Text>
        );
      })}
      {rows.length > PICK_WINDOW ? (
        <Text color={theme.muted}>
          {nav.index + 1}/{rows.length}
        </Text>
      ) : null}
    </Box>
  );
}

export interface PickCursor extends UseCursor {
  marked: ReadonlySet<string>;
  /** Moves on the key map's navigation keys and, with `marks`, marks on Space; false for other keys. */
  onPickKey(keyId: string, opts?: { marks?: boolean }): boolean;
  /** Back to the first row, no marks (another tab, another environment). */
  reset(): void;
}

/**
 * The cursor of a flow's list: it stays on the same row when the list reloads after an action (rows
 * above it bound, unbound or authorized away); only when that row itself is gone does it keep its
 * position.
 */
export function usePickCursor(ids: readonly string[], initialIndex = 0): PickCursor {
  const c = useCursor(ids, PICK_WINDOW, { initialIndex });
  const markedIds = c.cursor.marked;
  const marked = useMemo(() => new Set(markedIds), [markedIds]);
  return {
    ...c,
    marked,
    onPickKey: (keyId, opts = {}) => {
      if (opts.marks === true && commandsForKey(keyId, ['list']).includes('mark')) {
        c.dispatch({ type: 'mark' });
        return true;
      }
      return c.onKey(keyId);
    },
    reset: () => {
      c.dispatch({ type: 'clearMarks' });
      c.dispatch({ type: 'reset' });
    },
  };
}

/** Marked rows, else the selected one. */
export function pick<T>(
  rows: readonly T[],
  idOf: (r: T) => string,
  nav: Pick<PickCursor, 'marked' | 'index'>,
): T[] {
  const chosen = rows.filter((r) => nav.marked.has(idOf(r)));
  if (chosen.length > 0) return chosen;
  const r = rows[nav.index];
  return r === undefined ? [] : [r];
}
