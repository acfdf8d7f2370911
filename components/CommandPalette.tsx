// `:` palette: type a resource name or alias, Tab completes, Up/Down pick, Enter runs, Esc closes.
// Arguments after the first word are passed through (`:ctx prod`).
import { Box, Text } from 'ink';
import { useState } from 'react';
import { sanitizeText } from '../src/ui/sanitize.ts';
import { fitToWidth, truncateToWidth } from '../src/ui/text.ts';
import { useTheme } from '../src/ui/theme.ts';
import { TextInput } from './TextInput.tsx';

export interface PaletteEntry {
  name: string;
  aliases?: readonly string[];
  description?: string;
}

export interface CommandPaletteProps {
  entries: readonly PaletteEntry[];
  onRun: (entry: PaletteEntry, args: string) => void;
  onClose: () => void;
  width: number;
  /** Suggestions shown at most (default 6). */
  maxSuggestions?: number;
  /** What to type, shown while the line is empty (default: a resource name). */
  placeholder?: string;
}

/** Entries matching the first word: exact name/alias, then prefix, then substring. */
export function matchEntries(entries: readonly PaletteEntry[], typed: string): PaletteEntry[] {
  const word = (typed.trim().split(/\s+/)[0] ?? '').toLowerCase();
  if (word === '') return [...entries];
  const names = (e: PaletteEntry) => [e.name, ...(e.aliases ?? [])].map((n) => n.toLowerCase());
  const exact = entries.filter((e) => names(e).includes(word));
  const prefix = entries.filter((e) => !exact.includes(e) && names(e).some((n) => n.startsWith(word)));
  const sub = entries.filter(
    (e) => !exact.includes(e) && !prefix.includes(e) && names(e).some((n) => n.includes(word)),
  );
  return [...exact, ...prefix, ...sub];
}

export function CommandPalette({
  entries,
  onRun,
  onClose,
  width,
  maxSuggestions = 6,
  placeholder = ' resource (Tab completes)',
}: CommandPaletteProps) {
  const theme = useTheme();
  const [value, setValue] = useState('');
  const [pick, setPick] = useState(0);
  const [notFound, setNotFound] = useState<string | null>(null);
  const [moved, setMoved] = useState(false);
  const matches = matchEntries(entries, value);
  const selected = Math.min(pick, Math.max(0, matches.length - 1));

  const run = (text: string) => {
    const args = text.trim().split(/\s+/).slice(1).join(' ');
    const entry = matches[selected];
    // An empty line runs the suggestion picked with ↑/↓ (the one marked ›), else it is "not found".
    if (entry === undefined || (text.trim() === '' && !moved)) {
      setNotFound(text.trim());
      return;
    }
    onRun(entry, args);
  };
  return (
    <Box flexDirection="column" width={width}>
      <TextInput
        prompt=":"
        value={value}
        onChange={(v) => {
          setValue(v);
          setPick(0);
          setMoved(false);
          setNotFound(null);
        }}
        onSubmit={run}
        onCancel={onClose}
        onComplete={() => {
          const e = matches[selected];
          if (e === undefined) return;
          // a second Tab on a completed name moves on to the next candidate
          if (value.trim().toLowerCase() === e.name.toLowerCase() && matches.length > 1) {
            setPick((p) => (p + 1) % matches.length);
            return;
          }
          setValue(e.name);
        }}
        onMove={(d) => {
          setMoved(true);
          setPick((p) => Math.max(0, Math.min(matches.length - 1, p + d)));
        }}
        placeholder={placeholder}
        captureAll
      />
      {notFound !== null ? (
        <Text color={theme.tokens.danger}>
          {truncateToWidth(`no such resource: ${sanitizeText(notFound)}`, width)}
        </Text>
      ) : (
        matches.slice(0, maxSuggestions).map((e, i) => {
          // Names are server text too (`:ctx` completes instance and profile names).
          const label = fitToWidth(
            sanitizeText(
              `${e.name}${e.aliases !== undefined && e.aliases.length > 0 ? ` (${e.aliases.join(', ')})` : ''}`,
            ),
            Math.min(30, width),
          );
          const on = i === selected;
          return (
            <Text
              key={e.name}
              wrap="truncate"
              inverse={on && theme.monochrome}
              color={on ? theme.tokens.accent : undefined}
            >
              {on ? '› ' : '  '}
              {label}
              <Text color={theme.tokens.muted}> {sanitizeText(e.description ?? '')}</Text>
            </Text>
          );
        })
      )}
    </Box>
  );
}
