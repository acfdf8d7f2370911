// A one-line sparkline with label, current and max values; ASCII fallback when the theme says
// the terminal cannot draw Unicode blocks.
import { Text } from 'ink';
import { sanitizeText } from '../src/ui/sanitize.ts';
import { displayWidth, fitToWidth } from '../src/ui/text.ts';
import { useTheme, type ColorValue } from '../src/ui/theme.ts';

const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const ASCII = ['_', '.', '-', '~', '=', '+', '*', '#'];

/** The sparkline characters for `values`, the last `width` points, scaled to `max` (default: own max). */
export function sparkline(values: readonly number[], width: number, unicode = true, max?: number): string {
  const ramp = unicode ? BLOCKS : ASCII;
  const pts = values
    .slice(Math.max(0, values.length - width))
    .map((v) => (Number.isFinite(v) ? Math.max(0, v) : 0));
  const top = max ?? Math.max(0, ...pts);
  return pts
    .map((v) => {
      if (top <= 0) return ramp[0];
      const i = Math.min(ramp.length - 1, Math.floor((v / top) * (ramp.length - 1) + 0.5));
      return ramp[i];
    })
    .join('');
}

export interface SparklineProps {
  label: string;
  values: readonly number[];
  width: number;
  labelWidth?: number;
  unit?: string;
  color?: ColorValue;
  /** Format a value for the current/max display (default: integer with unit). */
  format?: (v: number) => string;
}

export function Sparkline({
  label,
  values,
  width,
  labelWidth = 10,
  unit = '',
  color,
  format,
}: SparklineProps) {
  const theme = useTheme();
  const fmt = format ?? ((v: number) => `${Math.round(v)}${unit}`);
  const current = values.length > 0 ? (values[values.length - 1] ?? 0) : undefined;
  const max = values.length > 0 ? Math.max(...values) : undefined;
  const stats = current === undefined ? 'no data' : `now ${fmt(current)}  max ${fmt(max ?? 0)}`;
  const chartWidth = Math.max(0, width - labelWidth - displayWidth(stats) - 3);
  const chart = current === undefined ? '' : sparkline(values, chartWidth, theme.unicode);
  return (
    <Text wrap="truncate">
      <Text color={theme.tokens.muted}>{fitToWidth(sanitizeText(label), labelWidth)} </Text>
      <Text color={color ?? theme.tokens.accent}>{fitToWidth(chart, chartWidth)}</Text>
      {'  '}
      <Text>{stats}</Text>
    </Text>
  );
}
