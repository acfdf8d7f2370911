// Header, breadcrumbs, footer and status line around the main view.
import { Box, Text } from 'ink';
import { resourceById } from '../../screens/registry.ts';
import { footerHints, type Command, type KeyScope } from '../keys/keymap.ts';
import { useStore, useStoreShallow } from '../store/react.tsx';
import { selectSlice, selectTop } from '../store/selectors.ts';
import { sanitizeText } from '../ui/sanitize.ts';
import { truncateToWidth } from '../ui/text.ts';
import { useTheme } from '../ui/theme.ts';
import { listKey } from './data.ts';
import { useAppEnv } from './env.tsx';

export function Header({ width }: { width: number }) {
  const theme = useTheme();
  const { header } = useAppEnv();
  const instanceId = useStore((s) => s.instanceId);
  const instanceName = useStore((s) => {
    const rows = selectSlice<Array<{ id: string; name?: string }>>('instances', listKey(null, {}))(s).data;
    return rows?.find((r) => r.id === instanceId)?.name;
  });
  const auto = useStore((s) => s.autoRefreshMs);
  const facts = [
    'roma-dash',
    `instance ${instanceId ? (instanceName ?? instanceId) : '—'}`,
    header.profile ? `profile ${header.profile}` : undefined,
    header.where,
    `project ${header.projectId}`,
    header.authSource ? `auth ${header.authSource}` : undefined,
    auto ? `auto ${auto / 1000}s` : undefined,
  ]
    .filter(Boolean)
    .map((s) => sanitizeText(s))
    .join(' │ ');
  const badges = [
    header.demo ? ['DEMO', theme.tokens.badgeDemoBg] : undefined,
    header.readOnly ? ['READ-ONLY', theme.tokens.badgeReadOnlyBg] : undefined,
    header.insecure ? ['INSECURE', theme.tokens.badgeInsecureBg] : undefined,
  ].filter((b): b is [string, string | undefined] => b !== undefined);
  const badgeWidth = badges.reduce((n, [b]) => n + b.length + 3, 0);
  return (
    <Box>
      <Text bold color={theme.tokens.header} wrap="truncate">
        {truncateToWidth(facts, Math.max(10, width - badgeWidth))}
      </Text>
      {badges.map(([b, bg]) => (
        <Text key={b}>
          {' '}
          <Text bold color={theme.tokens.badgeFg} backgroundColor={bg} inverse={theme.monochrome}>
            {` ${b} `}
          </Text>
        </Text>
      ))}
    </Box>
  );
}

export function Breadcrumbs({ width }: { width: number }) {
  const theme = useTheme();
  const crumbs = useStoreShallow((s) =>
    s.stack.map((e) => {
      const d = resourceById(e.screen);
      if (e.view === 'detail') return e.label ?? e.itemId ?? '?';
      return e.label ? `${e.label} › ${d?.title ?? e.screen}` : (d?.title ?? e.screen);
    }),
  );
  const top = useStore(selectTop);
  const filter = top.list.filter;
  const filtering = top.list.filtering;
  const text = crumbs.map((c) => sanitizeText(c)).join(' › ');
  const filterText = filtering
    ? `  /${sanitizeText(filter)}▏`
    : filter
      ? `  filter: ${sanitizeText(filter)}`
      : '';
  return (
    <Text wrap="truncate">
      <Text color={theme.tokens.accent}>
        {truncateToWidth(text, Math.max(10, width - filterText.length))}
      </Text>
      <Text color={theme.tokens.warning}>{filterText}</Text>
    </Text>
  );
}

export function Footer({
  width,
  scopes,
  only,
}: {
  width: number;
  scopes: readonly KeyScope[];
  only: readonly Command[];
}) {
  const theme = useTheme();
  const hints = footerHints(scopes, only);
  const text = hints.map((h) => `${h.keys} ${h.label}`).join('  ');
  return (
    <Text color={theme.tokens.muted} wrap="truncate">
      {truncateToWidth(text, width)}
    </Text>
  );
}

/** Status: an explicit message, else the current view's load error (stale data kept) or progress. */
export function StatusLine({ width, family, sliceKey }: { width: number; family: string; sliceKey: string }) {
  const theme = useTheme();
  const status = useStore((s) => s.status);
  const slice = useStore(selectSlice(family, sliceKey));
  const inFlight = useStore((s) => s.inFlight);
  let text = '';
  let color = theme.tokens.muted;
  if (status) {
    text =
      status.level === 'error'
        ? `✖ [${status.code ?? 'error'}] ${status.text} — ${status.hint ?? ''}  (Ctrl-L dismisses)`
        : status.text;
    color = status.level === 'error' ? theme.tokens.danger : theme.tokens.info;
  } else if (slice.error) {
    const e = slice.error;
    text = `✖ ${slice.stale ? 'stale data · ' : ''}[${e.errorCode ?? e.status ?? e.kind}] ${e.hint} — ${e.message}`;
    color = theme.tokens.danger;
  } else if (inFlight > 0) {
    text = 'loading…';
  } else if (slice.fetchedAt) {
    text = `${Array.isArray(slice.data) ? `${slice.data.length} items · ` : ''}fetched ${new Date(slice.fetchedAt).toLocaleTimeString()}`;
  }
  return (
    <Text color={color} wrap="truncate">
      {truncateToWidth(sanitizeText(text), width) || ' '}
    </Text>
  );
}
