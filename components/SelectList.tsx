// The one picker (environment, app, policy …): ink-select-input, driven through the key router.
// ink-select-input listens with its own useInput; left on the real stdin it would see every key,
// also those meant for a dialog above it, and miss keys of a burst (Ink hands it "jj\r" as one
// input). So it listens on a private input stream instead, which this component feeds with the keys
// the router gives its layer, one key per commit. `isFocused` is tied to that registration being
// active, and the handler consumes every key so nothing reaches the views beneath. Esc cancels.
import { EventEmitter } from 'node:events';
import { Box, Text, useStdin } from 'ink';
import SelectInput from 'ink-select-input';
import { useMemo, useState } from 'react';
// Ink does not export its stdin context; this is the very module Ink itself imports (same file,
// same instance), used only to give ink-select-input the private stream described above.
import StdinContext from '../node_modules/ink/build/components/StdinContext.js';
import { commandsForKey, keyIs } from '../src/keys/keymap.ts';
import { useKeyHandler, type KeyLayer } from '../src/keys/router.tsx';
import type { KeyEvent } from '../src/keys/keys.ts';
import { sanitizeText } from '../src/ui/sanitize.ts';
import { truncateToWidth } from '../src/ui/text.ts';
import { useTheme } from '../src/ui/theme.ts';

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

/** The terminal input ink-select-input understands for a routed key, if it is one of its keys. */
function inputFor(k: KeyEvent): string | undefined {
  const cmds = commandsForKey(k.id, ['list', 'modal']);
  if (cmds.includes('down')) return '\x1b[B';
  if (cmds.includes('up')) return '\x1b[A';
  if (cmds.includes('submit')) return '\r';
  if (/^[1-9]$/.test(k.id)) return k.id;
  return undefined;
}

interface Row {
  key: string;
  label: string;
  value: number;
}

export function SelectList<V>(p: SelectListProps<V>) {
  const theme = useTheme();
  const stdin = useStdin();
  const [events] = useState(() => new EventEmitter());
  const ctx = useMemo(
    () => ({
      ...stdin,
      setBracketedPasteMode: () => {},
      internal_exitOnCtrlC: false,
      internal_eventEmitter: events,
      setRawMode: () => {},
    }),
    [stdin, events],
  );
  const active = p.active ?? true;
  const limit = p.limit ?? 8;
  const rows: Row[] = useMemo(
    () => p.items.map((item, i) => ({ key: String(i), label: item.label, value: i })),
    [p.items],
  );

  useKeyHandler(
    p.layer ?? 'modal',
    (k) => {
      if (keyIs('back', k.id)) p.onCancel?.();
      else {
        const input = inputFor(k);
        if (input !== undefined) events.emit('input', input);
      }
      return true;
    },
    { active },
  );

  // ink-select-input hands the item's own fields (our row, with its index) to the item component
  const Item = ({
    isSelected = false,
    label,
    value,
  }: {
    isSelected?: boolean;
    label: string;
    value?: number;
  }) => {
    const note = value === undefined ? undefined : p.items[value]?.note;
    return (
      <Text
        wrap="truncate"
        inverse={isSelected && theme.monochrome}
        color={isSelected ? theme.tokens.accent : undefined}
      >
        {truncateToWidth(sanitizeText(label), Math.max(0, p.width - 2))}
        {note !== undefined ? <Text color={theme.tokens.muted}> {sanitizeText(note)}</Text> : null}
      </Text>
    );
  };

  return (
    <Box flexDirection="column" width={p.width}>
      {rows.length === 0 ? <Text color={theme.tokens.muted}>(nothing to choose)</Text> : null}
      <StdinContext.Provider value={ctx}>
        <SelectInput
          items={rows}
          isFocused={active}
          limit={limit}
          initialIndex={Math.min(p.initialIndex ?? 0, Math.max(0, rows.length - 1))}
          indicatorComponent={({ isSelected }) => <Text>{isSelected ? '› ' : '  '}</Text>}
          itemComponent={Item}
          onSelect={(row) => {
            const item = p.items[row.value];
            if (item !== undefined) p.onSelect(item);
          }}
        />
      </StdinContext.Provider>
    </Box>
  );
}
