// Header, breadcrumbs, footer and status line around the main view: the store's state handed to the
// data-agnostic components (components/). Each reads only the slices it shows.
import { Text } from 'ink';
import { Breadcrumbs as Crumbs } from '../../components/Breadcrumbs.tsx';
import { Footer as Hints } from '../../components/Footer.tsx';
import { Header as HeaderLine } from '../../components/Header.tsx';
import { StatusLine as Status } from '../../components/StatusLine.tsx';
import { resourceById } from '../../screens/registry.ts';
import type { Command, KeyScope } from '../keys/keymap.ts';
import { memo } from 'react';
import { useStore, useStoreShallow } from '../store/react.tsx';
import { selectSlice, selectTop } from '../store/selectors.ts';
import { sanitizeText } from '../ui/sanitize.ts';
import { displayWidth } from '../ui/text.ts';
import { countRender } from '../ui/render-count.ts';
import { useTheme } from '../ui/theme.ts';
import { useInstanceRow } from './data.ts';
import { useAppEnv } from './env.tsx';
import { warningNote } from './warnings.ts';
import { loadingRows, missingRows } from './list-progress.ts';
import { clockTime } from '../ui/numbers.ts';

/** The current instance's name from the loaded instance list, else its id. */
function useInstanceLabel(): string | null {
  const instanceId = useStore((s) => s.instanceId);
  const instanceName = useInstanceRow()?.name;
  return instanceId ? (instanceName ?? instanceId) : null;
}

export const Header = memo(function Header({ width }: { width: number }) {
  countRender('Header');
  const { header } = useAppEnv();
  const instance = useInstanceLabel();
  const auto = useStore((s) => s.autoRefreshMs);
  return (
    <HeaderLine
      width={width}
      profile={header.profile}
      endpoint={header.where}
      project={header.projectId}
      instance={instance ?? '—'}
      authSource={header.authSource}
      demo={header.demo}
      readOnly={header.readOnly}
      insecure={header.insecure}
      {...(auto ? { autoRefreshSeconds: auto / 1000 } : {})}
    />
  );
});

/** `instance › group › API`, plus the `/` filter input (or the active filter) at the right. */
export const Breadcrumbs = memo(function Breadcrumbs({ width }: { width: number }) {
  countRender('Breadcrumbs');
  const theme = useTheme();
  const instance = useInstanceLabel();
  const stackCrumbs = useStoreShallow((s) =>
    s.stack.map((e, i) => {
      const d = resourceById(e.screen);
      if (e.view === 'detail') return e.label ?? e.itemId ?? '?';
      if (e.view === 'debug' || e.view === 'xray') {
        // `… › API › debug`: the API's crumb is already there when opened from its detail view
        const prev = s.stack[i - 1];
        return prev?.view === 'detail' && prev.itemId === e.itemId
          ? e.view
          : `${e.label ?? e.itemId ?? '?'} › ${e.view}`;
      }
      return e.label ? `${e.label} › ${d?.title ?? e.screen}` : (d?.title ?? e.screen);
    }),
  );
  // `instance › group › API`: the current instance first (not while choosing one)
  const onInstances = useStore((s) => s.stack.at(-1)?.screen === 'instances');
  const crumbs = instance && !onInstances ? [instance, ...stackCrumbs] : stackCrumbs;
  // the filter's fields only: a selection move changes the entry, not these
  const { filter, filtering, filterCursor } = useStoreShallow((s) => {
    const l = selectTop(s).list;
    return { filter: l.filter, filtering: l.filtering, filterCursor: l.filterCursor };
  });
  const chars = Array.from(filter);
  const at = Math.min(filterCursor ?? chars.length, chars.length);
  const filterText = filtering
    ? `  /${sanitizeText(chars.slice(0, at).join(''))}▏${sanitizeText(chars.slice(at).join(''))}`
    : filter
      ? `  filter: ${sanitizeText(filter)}`
      : '';
  const crumbWidth = Math.max(10, width - displayWidth(filterText));
  return (
    <Text wrap="truncate">
      <Crumbs items={crumbs} width={crumbWidth} />
      <Text color={theme.tokens.warning}>{filterText}</Text>
    </Text>
  );
});

export const Footer = memo(function Footer({
  width,
  scopes,
  only,
  hints,
  labels,
}: {
  width: number;
  scopes: readonly KeyScope[];
  only: readonly Command[];
  hints?: ReadonlyArray<{ keys: string; label: string }>;
  labels?: Partial<Record<Command, string>>;
}) {
  countRender('Footer');
  return (
    <Hints
      width={width}
      scopes={scopes}
      only={only}
      {...(hints ? { hints } : {})}
      {...(labels ? { labels } : {})}
    />
  );
});

/** Status: an explicit message, else the current view's load error (stale data kept) or progress. */
export const StatusLine = memo(function StatusLine({
  width,
  family,
  sliceKey,
}: {
  width: number;
  family: string;
  sliceKey: string;
}) {
  countRender('StatusLine');
  const status = useStore((s) => s.status);
  const slice = useStore(selectSlice(family, sliceKey));
  const loading = useStore((s) => s.inFlight > 0);
  if (status?.level === 'error') {
    return (
      <Status
        width={width}
        error={{
          code: status.code ?? 'error',
          message: status.text,
          ...(status.hint ? { hint: status.hint } : {}),
        }}
      />
    );
  }
  if (status?.level === 'warning') return <Status width={width} warning={status.text} />;
  if (status) return <Status width={width} message={status.text} />;
  if (slice.error) {
    const e = slice.error;
    return (
      <Status
        width={width}
        // The server's own words (or the failure kind): the full message repeats method and path.
        // "stale" goes first so a narrow terminal does not cut it off after a long hint.
        error={{
          // A 2xx status is no error code: a broken 200 answer is named by its kind (malformed-json).
          code: e.errorCode ?? (e.status !== undefined && e.status >= 300 ? String(e.status) : e.kind),
          message: `${slice.stale ? 'stale data kept · ' : ''}${slice.progress ? `${missingRows(slice.progress)} · ` : ''}${e.errorMsg ?? e.kind}`,
          hint: e.hint,
        }}
      />
    );
  }
  if (loading)
    return <Status width={width} progress={slice.progress ? loadingRows(slice.progress) : 'loading…'} />;
  const message = slice.fetchedAt
    ? `${Array.isArray(slice.data) ? `${slice.data.length} ${slice.data.length === 1 ? 'item' : 'items'} · ` : ''}fetched ${clockTime(slice.fetchedAt)}`
    : undefined;
  const warning = warningNote(slice.warnings);
  return <Status width={width} {...(message ? { message } : {})} {...(warning ? { warning } : {})} />;
});
