// Pretty-printed, syntax-coloured, scrollable JSON. Every line is sanitised: JSON.stringify
// escapes C0 controls but leaves C1, DEL and BiDi characters raw.
import { Box, Text } from 'ink';
import { useMemo, type ReactNode } from 'react';
import { sanitizeText } from '../src/ui/sanitize.ts';
import { truncateToWidth } from '../src/ui/text.ts';
import { useTheme, type Theme } from '../src/ui/theme.ts';
import { ScrollIndicator } from './ScrollIndicator.tsx';
import { useScroll } from './use-scroll.ts';

export interface JsonViewProps {
  value: unknown;
  width: number;
  /** Lines available, including the title and the scroll indicator line. */
  height: number;
  title?: string;
  /** Registers the scroll keys (default true). */
  active?: boolean;
}

export function toPrettyJson(value: unknown): string[] {
  let text: string;
  try {
    text =
      JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v), 2) ?? 'undefined';
  } catch {
    text = '"[unserialisable value]"';
  }
  return text.split('\n').map((l) => sanitizeText(l));
}

export function JsonView({ value, width, height, title, active = true }: JsonViewProps) {
  const theme = useTheme();
  const lines = useMemo(() => toPrettyJson(value), [value]);
  const bodyHeight = Math.max(1, height - 2);
  const offset = useScroll(lines.length, bodyHeight, active);
  return (
    <Box flexDirection="column" width={width}>
      <Text bold color={theme.tokens.header} wrap="truncate">
        {truncateToWidth(sanitizeText(title ?? 'JSON'), width)}
      </Text>
      {lines.slice(offset, offset + bodyHeight).map((line, i) => (
        <JsonLine key={offset + i} line={truncateToWidth(line, width)} theme={theme} />
      ))}
      <ScrollIndicator offset={offset} height={bodyHeight} total={lines.length} />
    </Box>
  );
}

const TOKEN =
  /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false)\b|\b(null)\b|([{}[\],])/g;

function JsonLine({ line, theme }: { line: string; theme: Theme }) {
  const c = theme.tokens.json;
  const parts: ReactNode[] = [];
  let last = 0;
  let k = 0;
  for (const m of line.matchAll(TOKEN)) {
    const at = m.index;
    if (at > last) parts.push(line.slice(last, at));
    const [all, str, colon, num, bool, nul, punct] = m;
    if (str !== undefined) {
      parts.push(
        <Text key={k++} color={colon !== undefined ? c.key : c.string}>
          {str}
        </Text>,
      );
      if (colon !== undefined) parts.push(colon);
    } else if (num !== undefined)
      parts.push(
        <Text key={k++} color={c.number}>
          {num}
        </Text>,
      );
    else if (bool !== undefined)
      parts.push(
        <Text key={k++} color={c.boolean}>
          {bool}
        </Text>,
      );
    else if (nul !== undefined)
      parts.push(
        <Text key={k++} color={c.null}>
          {nul}
        </Text>,
      );
    else if (punct !== undefined)
      parts.push(
        <Text key={k++} color={c.punctuation}>
          {punct}
        </Text>,
      );
    last = at + all.length;
  }
  if (last < line.length) parts.push(line.slice(last));
  return <Text wrap="truncate">{parts}</Text>;
}
