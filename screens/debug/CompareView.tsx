// Two answers side by side: status, latency, headers that differ, body lines.
import { Box, Text } from 'ink';
import { diffAnswers } from '../../src/debug/diff.ts';
import type { DebugAnswerWire } from '../../src/debug/types.ts';
import { sanitizeText } from '../../src/ui/sanitize.ts';
import { truncateToWidth, padToWidth } from '../../src/ui/text.ts';
import { useTheme } from '../../src/ui/theme.ts';

export function CompareView({
  left,
  right,
  width,
  height,
  offset,
}: {
  left: DebugAnswerWire;
  right: DebugAnswerWire;
  width: number;
  height: number;
  offset: number;
}) {
  const theme = useTheme();
  const d = diffAnswers(left, right);
  const col = Math.max(10, Math.floor((width - 3) / 2));
  const cell = (s: string | undefined) => padToWidth(truncateToWidth(sanitizeText(s ?? '—'), col), col);
  const rows: Array<{ l: string; r: string; same: boolean }> = [
    { l: `status ${d.status.left ?? '?'}`, r: `status ${d.status.right ?? '?'}`, same: d.status.same },
    {
      l: `latency ${d.latency.left ?? '?'} ms`,
      r: `latency ${d.latency.right ?? '?'} ms${d.latency.deltaMs !== undefined ? ` (${d.latency.deltaMs >= 0 ? '+' : ''}${d.latency.deltaMs})` : ''}`,
      same: d.latency.deltaMs === 0,
    },
    ...d.headers
      .filter((h) => !h.same)
      .map((h) => ({ l: `${h.name}: ${h.left ?? '—'}`, r: `${h.name}: ${h.right ?? '—'}`, same: false })),
    { l: d.bodySame ? 'body: identical' : 'body:', r: '', same: d.bodySame },
    ...(d.bodySame ? [] : d.body.map((b) => ({ l: b.left ?? '', r: b.right ?? '', same: b.same }))),
  ];
  return (
    <Box flexDirection="column">
      <Text color={theme.tokens.header} bold>
        {cell('Older call')} │ {cell('Newer call')}
      </Text>
      {rows.slice(offset, offset + height).map((row, i) => (
        <Text key={offset + i} wrap="truncate-end">
          <Text color={row.same ? undefined : theme.tokens.warning}>{cell(row.l)}</Text>
          <Text color={theme.tokens.border}> │ </Text>
          <Text color={row.same ? undefined : theme.tokens.warning}>{cell(row.r)}</Text>
        </Text>
      ))}
    </Box>
  );
}
