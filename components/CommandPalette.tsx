// `:` palette: type a resource name or alias, Tab completes, Up/Down pick, Enter runs, Esc closes.
// Arguments after the first word are passed through (`:ctx prod`). With a history, Up on an empty
// line recalls the last line run (like a shell); Up/Down then walk the history until a key edits it.
import { Box, Text } from 'ink';
import { useState } from 'react';
import { sanitizeText } from '../src/ui/sanitize.ts';
import { fitToWidth, truncateToWidth } from '../src/ui/text.ts';
import { useTheme } from '../src/ui/theme.ts';
import { TextInput } from './TextInput.tsx';
import { useCursor } from './use-cursor.ts';

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
  /** Lines run before, oldest first (↑ on an empty line recalls them). */
  history?: readonly string[];
}

/**
 * Where ↑/↓ go in the history: `at` is the recalled index (null = not recalling). Returns the new
 * index and line, or null when the key is not a history move (it picks a suggestion then).
 */
export function historyStep(
  history: readonly string[],
  at: number | null,
  value: string,
  direction: -1 | 1,
): { at: number | null; value: string } | null {
  if (history.length === 0) return null;
  if (at === null) {
    if (direction > 0 || value !== '') return null;
    return { at: history.length - 1, value: history[history.length - 1] ?? '' };
  }
  const next = at + direction;
  if (next < 0) return { at: 0, value: history[0] ?? '' };
  if (next >= history.length) return { at: null, value: '' };
  return { at: next, value: history[next] ?? '' };
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
  history = [],
}: CommandPaletteProps) {
  const theme = useTheme();
  const [value, setValue] = useState('');
  const [notFound, setNotFound] = useState<string | null>(null);
  const [moved, setMoved] = useState(false);
  const [recalled, setRecalled] = useState<number | null>(null);
  const matches = matchEntries(entries, value);
  // the one list cursor over the suggestions; what is typed starts over at the best match
  const cursor = useCursor(
    matches.map((e) => e.name),
    maxSuggestions,
  );
  const selected = cursor.index;

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
          cursor.dispatch({ type: 'reset' });
          setMoved(false);
          setNotFound(null);
          setRecalled(null);
        }}
        onSubmit={run}
        onCancel={onClose}
        onComplete={() => {
          const e = matches[selected];
          if (e === undefined) return;
          // a second Tab on a completed name moves on to the next candidate
          if (value.trim().toLowerCase() === e.name.toLowerCase() && matches.length > 1) {
            cursor.dispatch({ type: 'select', index: (selected + 1) % matches.length });
            return;
          }
          setValue(e.name);
          setRecalled(null);
        }}
        onMove={(d) => {
          const h = historyStep(history, recalled, value, d);
          if (h !== null) {
            setRecalled(h.at);
            setValue(h.value);
            cursor.dispatch({ type: 'reset' });
            setMoved(false);
            setNotFound(null);
            return;
          }
          setMoved(true);
          cursor.dispatch({ type: 'step', step: d < 0 ? 'up' : 'down' });
        }}
        placeholder={placeholder}
        captureAll
      />
      {notFound !== null ? (
        <Text color={theme.tokens.danger}>
          {truncateToWidth(`no such resource: ${sanitizeText(notFound)}`, width)}
        </Text>
      ) : (
        matches.slice(cursor.window.start, cursor.window.end).map((e, i) => {
          // Names are server text too (`:ctx` completes instance and profile names).
          const label = fitToWidth(
            sanitizeText(
              `${e.name}${e.aliases !== undefined && e.aliases.length > 0 ? ` (${e.aliases.join(', ')})` : ''}`,
            ),
            Math.min(30, width),
          );
          const on = cursor.window.start + i === selected;
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
