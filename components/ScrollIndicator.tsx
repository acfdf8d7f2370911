import { Text } from 'ink';
import { useTheme } from '../src/ui/theme.ts';

/** "lines a–b of N" shown under a scrollable view when it does not fit. */
export function ScrollIndicator({
  offset,
  height,
  total,
}: {
  offset: number;
  height: number;
  total: number;
}) {
  const theme = useTheme();
  if (total <= height) return null;
  const last = Math.min(total, offset + height);
  return <Text color={theme.tokens.muted}>{`lines ${offset + 1}–${last} of ${total}`}</Text>;
}
