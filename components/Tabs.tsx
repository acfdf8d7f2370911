import { Text } from 'ink';
import { sanitizeText } from '../src/ui/sanitize.ts';
import { truncateToWidth } from '../src/ui/text.ts';
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
  const line = tabs.map((t) => (t.key === active ? `[${t.title}]` : ` ${t.title} `)).join(' ');
  const text = sanitizeText(line);
  return (
    <Text wrap="truncate" color={theme.tokens.accent}>
      {width !== undefined ? truncateToWidth(text, width) : text}
    </Text>
  );
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
