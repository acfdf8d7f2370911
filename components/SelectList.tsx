// The one picker (environment, app, policy …), moved by the one list cursor (src/ui/list-cursor.ts):
// ↑↓ j k (wrapping), g/Home, G/End, PgUp/PgDn, Ctrl-U/D like every list, `/` filters as you type
// (Esc clears the filter, Enter keeps it), 1–9 pick a row of the window, Enter picks, Esc cancels.
// It listens on its layer of the key router and consumes every key, so nothing reaches the views
// beneath.
import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import { commandsForKey, keyIs } from '../src/keys/keymap.ts';
import { useKeyHandler, type KeyLayer } from '../src/keys/router.tsx';
import { typeAhead } from '../src/ui/list-cursor.ts';
import { sanitizeText } from '../src/ui/sanitize.ts';
import { truncateToWidth } from '../src/ui/text.ts';
import { useTheme } from '../src/ui/theme.ts';
import { editLine, insertText } from './TextInput.tsx';
import { useCursor } from './use-cursor.ts';

export interface SelectItem<V> {
  label: string;
  value: V;
  /** Muted text after the label. */
  note?: string;
}

export interface SelectListProps<V> {
  items: readonly SelectItem<V>[];
  onSelect: (item: SelectItem<V>) => void;
  onCancel?: () => void;
  width: number;
  /** Rows shown at most (default 8). */
  limit?: number;
  initialIndex?: number;
  layer?: KeyLayer;
  active?: boolean;
}

interface Row<V> {
  id: string;
  item: SelectItem<V>;
}

/** Other items (not a reload of the same ones) start over at `initialIndex`, filter cleared. */
export function SelectList<V>(p: SelectListProps<V>) {
  return <Picker key={p.items.map((i) => i.label).join('\u0000')} {...p} />;
}

function Picker<V>(p: SelectListProps<V>) {
  const theme = useTheme();
  const active = p.active ?? true;
  const limit = p.limit ?? 8;
  const all: Row<V>[] = useMemo(() => p.items.map((item, i) => ({ id: String(i), item })), [p.items]);
  const [filtering, setFiltering] = useState<{ cursor: number } | null>(null);
  const [filter, setFilter] = useState('');
  const rows = useMemo(
    () => typeAhead(all, (r) => `${r.item.label} ${r.item.note ?? ''}`, filter),
    [all, filter],
  );
  const ids = useMemo(() => rows.map((r) => r.id), [rows]);
  const cur = useCursor(ids, limit, { wrap: true, initialIndex: p.initialIndex ?? 0 });
  const at = cur.index;
  const pick = (i: number) => {
    const row = rows[i];
    if (row !== undefined) p.onSelect(row.item);
  };
  const applyFilter = (value: string) => {
    setFilter(value);
    cur.dispatch({ type: 'filter', filter: value });
  };

  useKeyHandler(
    p.layer ?? 'modal',
    (k) => {
      if (filtering !== null) {
        const cmds = commandsForKey(k.id, ['input']);
        if (cmds.includes('inputCancel')) {
          setFiltering(null);
          applyFilter('');
        } else if (cmds.includes('inputSubmit')) setFiltering(null);
        else {
          const next = editLine({ value: filter, cursor: filtering.cursor }, k);
          if (next !== null) {
            setFiltering({ cursor: next.cursor });
            applyFilter(next.value);
          }
        }
        return true;
      }
      if (keyIs('back', k.id)) p.onCancel?.();
      else if (keyIs('submit', k.id)) pick(at);
      else if (keyIs('filter', k.id)) setFiltering({ cursor: Array.from(filter).length });
      else if (/^[1-9]$/.test(k.id)) pick(cur.window.start + Number(k.id) - 1);
      else cur.onKey(k.id);
      return true;
    },
    {
      active,
      onPaste: (text) => {
        if (filtering === null) return true;
        const next = insertText({ value: filter, cursor: filtering.cursor }, text);
        setFiltering({ cursor: next.cursor });
        applyFilter(next.value);
        return true;
      },
    },
  );

  const win = cur.window;
  const width = Math.max(0, p.width - 2);

  return (
    <Box flexDirection="column" width={p.width}>
      {filtering !== null || filter !== '' ? (
        <Text color={theme.tokens.muted} wrap="truncate">
          /{sanitizeText(filter)}
          {filtering !== null ? '▏' : ''}
        </Text>
      ) : null}
      {rows.length === 0 ? (
        <Text color={theme.tokens.muted}>
          {all.length === 0 ? '(nothing to choose)' : `(no match for “${sanitizeText(filter)}”)`}
        </Text>
      ) : null}
      {rows.slice(win.start, win.end).map((row, i) => {
        const on = win.start + i === at;
        return (
          <Text
            key={row.id}
            wrap="truncate"
            inverse={on && theme.monochrome}
            color={on ? theme.tokens.accent : undefined}
          >
            {on ? '› ' : '  '}
            {truncateToWidth(sanitizeText(row.item.label), width)}
            {row.item.note !== undefined ? (
              <Text color={theme.tokens.muted}> {sanitizeText(row.item.note)}</Text>
            ) : null}
          </Text>
        );
      })}
      {rows.length > limit ? (
        <Text color={theme.tokens.muted}>
          {at + 1}/{rows.length}
        </Text>
      ) : null}
    </Box>
  );
}
