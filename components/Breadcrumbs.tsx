import { Text } from 'ink';
import { sanitizeText } from '../src/ui/sanitize.ts';
import { displayWidth, truncateToWidth } from '../src/ui/text.ts';
import { useTheme } from '../src/ui/theme.ts';

export interface BreadcrumbsProps {
  /** Path from the root: ['instance-1', 'group-a', 'getUser']. The last one is where you are. */
  items: readonly string[];
  width: number;
}

const SEP = ' › ';

/** `instance › group › API`; when too long, the leftmost crumbs collapse to `…`. */
export function Breadcrumbs({ items, width }: BreadcrumbsProps) {
  const theme = useTheme();
  const clean = items.map((i) => sanitizeText(i));
  let shown = clean;
  let collapsed = false;
  while (shown.length > 1 && displayWidth((collapsed ? '…' + SEP : '') + shown.join(SEP)) > width) {
    shown = shown.slice(1);
    collapsed = true;
  }
  const head = shown.slice(0, -1);
  const last = shown[shown.length - 1] ?? '';
  const prefix = (collapsed ? '…' + SEP : '') + head.map((h) => h + SEP).join('');
  return (
    <Text wrap="truncate">
      <Text color={theme.tokens.muted}>{truncateToWidth(prefix, width)}</Text>
      <Text bold color={theme.tokens.accent}>
        {truncateToWidth(last, Math.max(0, width - displayWidth(prefix)))}
      </Text>
    </Text>
  );
}
