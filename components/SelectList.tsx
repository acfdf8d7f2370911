// A small picker (environment, app, version …) on the key router. Not ink-select-input: that
// component owns its own useInput, which would bypass the priority routing and let keys reach
// the list beneath the dialog.
import { Box, Text } from 'ink';
import { useState } from 'react';
import { commandsForKey } from '../src/keys/keymap.ts';
import { useKeyHandler, type KeyLayer } from '../src/keys/router.tsx';
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

export function SelectList<V>(p: SelectListProps<V>) {
  const theme = useTheme();
  const [index, setIndex] = useState(p.initialIndex ?? 0);
  const n = p.items.length;
  const limit = p.limit ?? 8;
  useKeyHandler(
    p.layer ?? 'modal',
    (k) => {
      const cmds = commandsForKey(k.id, ['list', 'modal']);
      if (cmds.includes('down')) setIndex((i) => (n === 0 ? 0 : (i + 1) % n));
      else if (cmds.includes('up')) setIndex((i) => (n === 0 ? 0 : (i - 1 + n) % n));
      else if (cmds.includes('top')) setIndex(0);
      else if (cmds.includes('bottom')) setIndex(Math.max(0, n - 1));
      else if (cmds.includes('submit')) {
        const item = p.items[Math.min(index, n - 1)];
        if (item !== undefined) p.onSelect(item);
      } else if (k.id === 'escape') p.onCancel?.();
      return true;
    },
    { active: p.active ?? true },
  );
  const sel = Math.min(index, Math.max(0, n - 1));
  const start = Math.max(0, Math.min(sel - limit + 1, n - limit));
  const first = Math.max(0, Math.min(start, sel));
  return (
    <Box flexDirection="column" width={p.width}>
      {n === 0 ? <Text color={theme.tokens.muted}>(nothing to choose)</Text> : null}
      {p.items.slice(first, first + limit).map((item, i) => {
        const on = first + i === sel;
        return (
          <Text
            key={first + i}
            wrap="truncate"
            inverse={on && theme.monochrome}
            color={on ? theme.tokens.accent : undefined}
          >
            {on ? '› ' : '  '}
            {truncateToWidth(sanitizeText(item.label), Math.max(0, p.width - 2))}
            {item.note !== undefined ? (
              <Text color={theme.tokens.muted}> {sanitizeText(item.note)}</Text>
            ) : null}
          </Text>
        );
      })}
    </Box>
  );
}
