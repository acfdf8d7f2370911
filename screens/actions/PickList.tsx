// A small cursor + marks list for the action flows (bound APIs, not-bound APIs, versions, apps).
// Renders only a window around the cursor; the caller owns the rows and what keys do.
import { keyIs } from '../../src/keys/keymap.ts';
import { Box, Text } from 'ink';
import { useState } from 'react';
import { sanitizeText } from '../../src/ui/sanitize.ts';
import { useTheme } from '../../src/ui/theme.ts';

export interface PickRow {
  id: string;
  text: string;
  /** Shown dimmed (e.g. an optimistic unbind in flight). */
  dim?: boolean;
}

const WINDOW = 12;

export function PickList({
  rows,
  cursor,
  marked,
  empty,
}: {
  rows: readonly PickRow[];
  cursor: number;
  marked?: ReadonlySet<string>;
  empty: string;
}) {
  const theme = useTheme().tokens;
  if (rows.length === 0) return <Text color={theme.muted}>{empty}</Text>;
  const start = Math.max(0, Math.min(cursor - Math.floor(WINDOW / 2), rows.length - WINDOW));
  const visible = rows.slice(start, start + WINDOW);
  return (
    <Box flexDirection="column">
      {visible.map((r, i) => {
        const at = start + i === cursor;
        const mark = marked?.has(r.id) ? '◆' : ' ';
        return (
          <Text
            key={r.id}
            inverse={at}
            dimColor={r.dim === true}
            color={marked?.has(r.id) ? theme.markFg : undefined}
          >
            {at ? '›' : ' '}
            {mark} {sanitizeText(r.text)}
          </Text>
        );
      })}
      {rows.length > WINDOW ? (
        <Text color={theme.muted}>
          {cursor + 1}/{rows.length}
        </Text>
      ) : null}
    </Box>
  );
}

/** Whether the key moves a cursor (the key map's up/down). */
export function isCursorKey(keyId: string): boolean {
  return keyIs('up', keyId) || keyIs('down', keyId);
}

/** Cursor movement shared by the flows: the key map's up/down (↑/k, ↓/j), clamped. */
export function moveCursor(cursor: number, length: number, keyId: string): number {
  if (keyIs('up', keyId)) return Math.max(0, cursor - 1);
  if (keyIs('down', keyId)) return Math.min(Math.max(0, length - 1), cursor + 1);
  return cursor;
}

export function toggle(set: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

interface Anchor {
  index: number;
  id: string | undefined;
}

function resolve(a: Anchor, ids: readonly string[]): number {
  const found = a.id === undefined ? -1 : ids.indexOf(a.id);
  return found >= 0 ? found : Math.max(0, Math.min(a.index, ids.length - 1));
}

/**
 * A cursor that stays on the same row when the list reloads after an action (rows above it bound,
 * unbound or authorized away); only when that row itself is gone does it keep its position.
 */
export function useAnchoredCursor(ids: readonly string[]) {
  const [anchor, setAnchor] = useState<Anchor>({ index: 0, id: undefined });
  const to = (a: Anchor, i: number): Anchor => {
    const c = Math.max(0, Math.min(i, ids.length - 1));
    return { index: c, id: ids[c] };
  };
  return {
    cursor: resolve(anchor, ids),
    move: (d: number) => setAnchor((a) => to(a, resolve(a, ids) + d)),
    reset: () => setAnchor({ index: 0, id: undefined }),
  };
}
