// Paints styled lines (a window of them).
import { Box, Text } from 'ink';
import type { Line } from './answerLines.ts';

export function Lines({
  lines,
  offset = 0,
  height,
}: {
  lines: readonly Line[];
  offset?: number;
  height: number;
}) {
  const visible = lines.slice(offset, offset + height);
  return (
    <Box flexDirection="column">
      {visible.map((line, i) => (
        <Text key={offset + i} wrap="truncate-end">
          {line.length === 0
            ? ' '
            : line.map((s, j) => (
                <Text key={j} color={s.color} bold={s.bold === true} inverse={s.inverse === true}>
                  {s.text}
                </Text>
              ))}
        </Text>
      ))}
    </Box>
  );
}
