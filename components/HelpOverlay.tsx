// The `?` help, generated from the key map; scrollable; swallows every key while open.
import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import { commandsForKey, helpSections, keyIs, type HelpSection } from '../src/keys/keymap.ts';
import { useKeyHandler } from '../src/keys/router.tsx';
import { fitToWidth, truncateToWidth } from '../src/ui/text.ts';
import { useTheme } from '../src/ui/theme.ts';
import { clampOffset } from './use-scroll.ts';

export interface HelpOverlayProps {
  width: number;
  height: number;
  onClose: () => void;
  /** The sections of the current view (what it binds); the whole key map when omitted. */
  sections?: readonly HelpSection[];
}

type HelpLine =
  { kind: 'title'; text: string } | { kind: 'entry'; keys: string; text: string; unavailable: boolean };

export function helpLines(sections: readonly HelpSection[] = helpSections()): HelpLine[] {
  const out: HelpLine[] = [];
  for (const s of sections) {
    out.push({ kind: 'title', text: s.title });
    for (const e of s.entries)
      out.push({
        kind: 'entry',
        keys: e.keys,
        text: e.unavailable ? `${e.description} — unavailable: ${e.unavailable}` : e.description,
        unavailable: e.unavailable !== undefined,
      });
  }
  return out;
}

export function HelpOverlay({ width, height, onClose, sections }: HelpOverlayProps) {
  const theme = useTheme();
  const lines = useMemo(() => helpLines(sections), [sections]);
  const body = Math.max(1, height - 2);
  const [offset, setOffset] = useState(0);
  useKeyHandler('modal', (k) => {
    if (keyIs('back', k.id) || keyIs('quit', k.id) || keyIs('help', k.id)) {
      onClose();
      return true;
    }
    const move = (d: number) => setOffset((o) => clampOffset(o + d, lines.length, body));
    for (const cmd of commandsForKey(k.id, ['list'])) {
      if (cmd === 'down') move(1);
      else if (cmd === 'up') move(-1);
      else if (cmd === 'pageDown' || cmd === 'halfPageDown') move(body - 1);
      else if (cmd === 'pageUp' || cmd === 'halfPageUp') move(-(body - 1));
      else if (cmd === 'top') setOffset(0);
      else if (cmd === 'bottom') setOffset(clampOffset(lines.length, lines.length, body));
    }
    return true;
  });
  const shownOffset = clampOffset(offset, lines.length, body);
  const keyWidth = 22;
  return (
    <Box flexDirection="column" width={width}>
      <Text bold color={theme.tokens.header}>
        {truncateToWidth('Keys  (Esc, q or ? closes; j/k scroll)', width)}
      </Text>
      {lines.slice(shownOffset, shownOffset + body).map((l, i) =>
        l.kind === 'title' ? (
          <Text key={i} bold color={theme.tokens.accent} wrap="truncate">
            {l.text}
          </Text>
        ) : (
          <Text key={i} wrap="truncate">
            <Text color={l.unavailable ? theme.tokens.muted : theme.tokens.accent}>
              {fitToWidth(`  ${l.keys}`, keyWidth)}
            </Text>
            <Text {...(l.unavailable ? { color: theme.tokens.muted } : {})}>
              {truncateToWidth(l.text, Math.max(0, width - keyWidth))}
            </Text>
          </Text>
        ),
      )}
      {lines.length > body ? (
        <Text
          color={theme.tokens.muted}
        >{`${shownOffset + 1}–${Math.min(lines.length, shownOffset + body)} of ${lines.length}`}</Text>
      ) : null}
    </Box>
  );
}
