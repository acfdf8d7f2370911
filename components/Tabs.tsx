import { Text } from 'ink';
import { sanitizeText } from '../src/ui/sanitize.ts';
import { displayWidth, truncateToWidth } from '../src/ui/text.ts';
import { useTheme } from '../src/ui/theme.ts';

export interface TabItem {
  key: string;
  title: string;
}

export interface TabsProps {
  tabs: readonly TabItem[];
  active: string;
  /** Truncate to this many columns (with an ellipsis). */
  width?: number;
}

/**
 * The tab bar; switching is the parent's (nextTab/prevTab commands). See `cycleTab`. The active tab
 * is bracketed as well as coloured, so it shows with NO_COLOR and on 16-colour terminals too.
 */
export function Tabs({ tabs, active, width }: TabsProps) {
  const theme = useTheme();
  const labels = tabs.map((t) => sanitizeText(t.key === active ? `[${t.title}]` : ` ${t.title} `));
  const text =
    width !== undefined
      ? tabWindow(
          labels,
          Math.max(
            0,
            tabs.findIndex((t) => t.key === active),
          ),
          width,
        )
      : labels.join(' ');
  return (
    <Text wrap="truncate" color={theme.tokens.accent}>
      {text}
    </Text>
  );
}

/**
 * The tab labels that fit in `width`, always including the active one: tabs are dropped from the
 * side farther from it, and `‹`/`›` say that more tabs lie that way.
 */
export function tabWindow(labels: readonly string[], active: number, width: number): string {
  const full = labels.join(' ');
  if (displayWidth(full) <= width) return full;
  let lo = active;
  let hi = active;
  const render = (a: number, b: number): string =>
    `${a > 0 ? '‹ ' : ''}${labels.slice(a, b + 1).join(' ')}${b < labels.length - 1 ? ' ›' : ''}`;
  for (;;) {
    const right = hi + 1 < labels.length && displayWidth(render(lo, hi + 1)) <= width;
    if (right) hi++;
    const left = lo > 0 && displayWidth(render(lo - 1, hi)) <= width;
    if (left) lo--;
    if (!right && !left) break;
  }
  return truncateToWidth(render(lo, hi), width);
}

/** The tab `step` places from `active`, wrapping around. */
export function cycleTab(tabs: readonly TabItem[], active: string, step: 1 | -1): string {
  if (tabs.length === 0) return active;
  const i = Math.max(
    0,
    tabs.findIndex((t) => t.key === active),
  );
  return tabs[(i + step + tabs.length) % tabs.length]?.key ?? active;
}
