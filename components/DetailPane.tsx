// Titled sections of key/value rows (values may be lists), flattened into lines and scrolled.
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { sanitizeText } from '../src/ui/sanitize.ts';
import { displayWidth, fitToWidth, truncateToWidth } from '../src/ui/text.ts';
import { useTheme, type ColorValue } from '../src/ui/theme.ts';
import { ScrollIndicator } from './ScrollIndicator.tsx';
import { useScroll } from './use-scroll.ts';

export interface DetailField {
  label: string;
  /** Scalar value (sanitised) or a list rendered one item per line. */
  value: unknown;
  color?: ColorValue;
}

export interface DetailSection {
  title: string;
  fields: DetailField[];
  /** Shown when the section has no fields. */
  emptyText?: string;
}

export interface DetailPaneProps {
  sections: DetailSection[];
  width: number;
  /** Lines available, including the scroll indicator line. */
  height: number;
  active?: boolean;
}

type Line =
  | { kind: 'title'; text: string }
  | { kind: 'field'; label: string; text: string; color?: ColorValue }
  | { kind: 'muted'; text: string }
  | { kind: 'blank' };

const MAX_LABEL = 24;

export function flattenSections(sections: DetailSection[]): Line[] {
  const lines: Line[] = [];
  sections.forEach((s, i) => {
    if (i > 0) lines.push({ kind: 'blank' });
    lines.push({ kind: 'title', text: sanitizeText(s.title) });
    if (s.fields.length === 0) lines.push({ kind: 'muted', text: `  ${s.emptyText ?? '(none)'}` });
    for (const f of s.fields) {
      const label = sanitizeText(f.label);
      if (Array.isArray(f.value)) {
        if (f.value.length === 0) lines.push({ kind: 'field', label, text: '(none)' });
        f.value.forEach((item, j) =>
          lines.push({
            kind: 'field',
            label: j === 0 ? label : '',
            text: `• ${sanitizeText(item)}`,
            color: f.color,
          }),
        );
      } else {
        const text =
          f.value === undefined || f.value === null || f.value === '' ? '—' : sanitizeText(f.value);
        lines.push({ kind: 'field', label, text, color: f.color });
      }
    }
  });
  return lines;
}

export function DetailPane({ sections, width, height, active = true }: DetailPaneProps) {
  const theme = useTheme();
  const lines = useMemo(() => flattenSections(sections), [sections]);
  const labelWidth = Math.min(
    MAX_LABEL,
    lines.reduce((w, l) => (l.kind === 'field' ? Math.max(w, displayWidth(l.label)) : w), 0),
  );
  const bodyHeight = Math.max(1, height - 1);
  const offset = useScroll(lines.length, bodyHeight, active);
  return (
    <Box flexDirection="column" width={width}>
      {lines.slice(offset, offset + bodyHeight).map((l, i) => {
        const key = offset + i;
        if (l.kind === 'blank') return <Text key={key}> </Text>;
        if (l.kind === 'title')
          return (
            <Text key={key} bold color={theme.tokens.header} wrap="truncate">
              {truncateToWidth(l.text, width)}
            </Text>
          );
        if (l.kind === 'muted')
          return (
            <Text key={key} color={theme.tokens.muted} wrap="truncate">
              {truncateToWidth(l.text, width)}
            </Text>
          );
        const valueWidth = Math.max(0, width - labelWidth - 4);
        return (
          <Text key={key} wrap="truncate">
            <Text color={theme.tokens.muted}>{`  ${fitToWidth(l.label, labelWidth)}  `}</Text>
            <Text color={l.color}>{truncateToWidth(l.text, valueWidth)}</Text>
          </Text>
        );
      })}
      <ScrollIndicator offset={offset} height={bodyHeight} total={lines.length} />
    </Box>
  );
}
