import { Text } from 'ink';
import { sanitizeText } from '../src/ui/sanitize.ts';
import { useTheme } from '../src/ui/theme.ts';

export interface TabItem {
  key: string;
  title: string;
}

export interface TabsProps {
  tabs: readonly TabItem[];
  active: string;
}

/** The tab bar; switching is the parent's (nextTab/prevTab commands). See `cycleTab`. */
export function Tabs({ tabs, active }: TabsProps) {
  const theme = useTheme();
  return (
    <Text wrap="truncate">
      {tabs.map((t, i) => {
        const on = t.key === active;
        return (
          <Text key={t.key}>
            {i > 0 ? <Text color={theme.tokens.muted}> │ </Text> : null}
            <Text bold={on} underline={on} color={on ? theme.tokens.accent : theme.tokens.muted}>
              {sanitizeText(t.title)}
            </Text>
          </Text>
        );
      })}
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
