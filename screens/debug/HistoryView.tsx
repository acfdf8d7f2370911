// Earlier calls to this API, newest first: status, latency, method and path.
import { Box, Text } from 'ink';
import type { HistoryEntry } from '../../src/debug/history.ts';
import { latencyMs, parseRawResponse } from '../../src/debug/raw.ts';
import { sanitizeText } from '../../src/ui/sanitize.ts';
import { statusColor, useTheme } from '../../src/ui/theme.ts';

export function entrySummary(e: HistoryEntry): {
  status: string;
  statusCode?: number;
  latency: string;
  what: string;
} {
  const what = `${e.request.mode} ${e.request.method} ${e.request.path}`;
  if (e.error) return { status: e.error.code, latency: '', what };
  const r = e.answer ? parseRawResponse(e.answer.response) : undefined;
  const ms = latencyMs(e.answer?.latency);
  return {
    status: r?.status !== undefined ? String(r.status) : '?',
    ...(r?.status !== undefined ? { statusCode: r.status } : {}),
    latency: ms === undefined ? '' : `${ms} ms`,
    what,
  };
}

export function HistoryView({
  entries,
  cursor,
  window: { start, end },
  marked,
}: {
  entries: readonly HistoryEntry[];
  cursor: number;
  /** The rows shown (the list cursor's window). */
  window: { start: number; end: number };
  marked: readonly string[];
}) {
  const theme = useTheme();
  if (entries.length === 0) return <Text color={theme.tokens.muted}>No calls to this API yet.</Text>;
  return (
    <Box flexDirection="column">
      <Text color={theme.tokens.header} bold>
        History — Enter: edit and resend · m: mark · =: compare two marked · Ctrl-R: re-run last
      </Text>
      {entries.slice(start, end).map((e, i) => {
        const idx = start + i;
        const s = entrySummary(e);
        const color = s.statusCode !== undefined ? statusColor(theme, s.statusCode) : theme.tokens.danger;
        return (
          <Text key={e.id} wrap="truncate-end" inverse={idx === cursor}>
            {marked.includes(e.id) ? '● ' : '  '}
            <Text color={theme.tokens.muted}>{e.at.replace('T', ' ').slice(0, 19)} </Text>
            <Text color={color} bold>
              {s.status.padEnd(9)}
            </Text>
            <Text color={theme.tokens.info}>{s.latency.padStart(8)} </Text>
            {sanitizeText(s.what)}
          </Text>
        );
      })}
    </Box>
  );
}
