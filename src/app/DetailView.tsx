import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { Tabs } from '../../components/Tabs.tsx';
import type { DetailSection, ResourceDescriptor } from '../../screens/types.ts';
import { useCommands } from '../keys/router.tsx';
import { useActions, useDashboardStore, useStore } from '../store/react.tsx';
import type { NavEntry } from '../store/navigation.ts';
import { selectSlice } from '../store/selectors.ts';
import { sanitizeText } from '../ui/sanitize.ts';
import { truncateToWidth } from '../ui/text.ts';
import { useTheme } from '../ui/theme.ts';
import { listKey, useOverviewParts, usePart } from './data.ts';
import { sharedListRequest } from './screen-requests.ts';
import { useRequest } from './use-request.ts';
import { sectionsToLines, type LineStyle } from './detail-lines.ts';
import { actionHandlers, bindCapabilities } from './actions.ts';
import { useMutationStore } from '../../screens/actions/context.tsx';
import { useSession } from './session.ts';
import { useCopyText } from './copy-text.tsx';
import { useSessionStores } from './session-stores.ts';
import { warningNote } from './warnings.ts';
import { useDetailRows } from './detail-rows.ts';

export { DETAIL_COMMANDS } from './view-keys.ts';

/**
 * Finds the item of a detail view in any loaded list of its resource (the list it was opened from).
 * The detail shows that list's row, so it keeps the list current itself: a refresh (`r`, or the
 * change an action made) re-reads it while the detail is open, not only once its list view is back.
 */
function useItem(d: ResourceDescriptor, entry: NavEntry): unknown {
  const instanceId = useStore((s) => s.instanceId);
  const prev = useStore((s) => s.stack[s.stack.length - 2]);
  const params = prev && prev.screen === d.id ? prev.params : {};
  const slice = useStore(selectSlice<unknown[]>(d.id, listKey(d.instanceScoped ? instanceId : null, params)));
  // a list that is not instance-scoped is loaded by its list view under the current instance's key
  const shown = useStore(selectSlice<unknown[]>(d.id, listKey(instanceId, params)));
  // The list that holds the data is the one to keep current (the first key when neither does).
  // `cached`: taken from the cache while current, read again once a refresh outdated it.
  const readFrom =
    slice.data == null && shown.data != null ? instanceId : d.instanceScoped ? instanceId : null;
  useRequest(sharedListRequest(d, readFrom, params), {
    freshness: 'cached',
    paused: d.instanceScoped && instanceId === null,
  });
  return useMemo(
    () =>
      slice.data?.find((r) => d.idOf(r) === entry.itemId) ??
      shown.data?.find((r) => d.idOf(r) === entry.itemId),
    [slice.data, shown.data, d, entry.itemId],
  );
}

export function DetailView({
  descriptor: d,
  entry,
  width,
  height,
}: {
  descriptor: ResourceDescriptor;
  entry: NavEntry;
  width: number;
  height: number;
}) {
  const theme = useTheme();
  const actions = useActions();
  const store = useDashboardStore();
  const copyText = useCopyText();
  const item = useItem(d, entry);
  const parts = d.parts ?? [];
  const tabs = ['Overview', ...parts.map((p) => p.title)];
  const tab = Math.min(entry.tab, tabs.length - 1);
  const part = tab > 0 ? parts[tab - 1] : undefined;
  const partSlice = usePart(d, part, item);
  const overviewParts = useOverviewParts(d, item, tab === 0);
  const revealed = useStore((s) => (entry.itemId ? s.revealed[entry.itemId] === true : false));

  const sections: DetailSection[] = useMemo(() => {
    if (item === undefined)
      return [
        {
          title: 'Not loaded',
          blocks: [{ kind: 'text', text: 'The item is not in the loaded list (refresh with r).' }],
        },
      ];
    if (!part) return d.summary(item, { revealed, parts: overviewParts });
    if (!partSlice || (partSlice.data == null && partSlice.loading))
      return [{ title: part.title, blocks: [{ kind: 'text', text: 'loading…' }] }];
    if (partSlice.data == null)
      return [
        { title: part.title, blocks: [{ kind: 'text', text: 'failed to load (see the status line)' }] },
      ];
    return part.render(partSlice.data, item, { revealed });
  }, [item, part, partSlice, d, revealed, overviewParts]);

  const warning = part ? warningNote(partSlice?.warnings) : undefined;
  const bodyHeight = Math.max(1, height - 1 - (warning ? 1 : 0));
  const lines = useMemo(
    () => sectionsToLines(sections, width, theme.unicode),
    [sections, width, theme.unicode],
  );
  const maxScroll = Math.max(0, lines.length - bodyHeight);
  const scroll = Math.min(entry.detailScroll, maxScroll);

  const scrollBy = (delta: number | 'top' | 'bottom') => {
    const cur = Math.min(store.getState().stack.at(-1)?.detailScroll ?? 0, maxScroll);
    const next =
      delta === 'top' ? 0 : delta === 'bottom' ? maxScroll : Math.min(maxScroll, Math.max(0, cur + delta));
    actions.setDetailScroll(next);
  };
  const half = Math.max(1, Math.floor(bodyHeight / 2));
  const rows = useDetailRows(
    part?.selectable === true,
    sections,
    lines,
    bodyHeight,
    entry.list.selectedIndex,
  );
  const session = useSession();
  const mutations = useMutationStore();
  const { debug } = useSessionStores();
  const bindings = useMemo(() => bindCapabilities(d, 'detail', session), [d, session]);
  const curTab = () => Math.min(store.getState().stack.at(-1)?.tab ?? 0, tabs.length - 1);

  useCommands('list', ['detail', 'actions'], {
    up: () => scrollBy(-1),
    down: () => scrollBy(1),
    top: () => scrollBy('top'),
    bottom: () => scrollBy('bottom'),
    pageUp: () => scrollBy(-bodyHeight),
    pageDown: () => scrollBy(bodyHeight),
    halfPageUp: () => scrollBy(-half),
    halfPageDown: () => scrollBy(half),
    ...actionHandlers(bindings, {
      store,
      mutations,
      session,
      debug,
      params: entry.params,
      item: () => item,
      marked: () => [],
    }),
    nextTab: () => {
      actions.setTab((curTab() + 1) % tabs.length);
      actions.updateList({ selectedIndex: 0 });
    },
    prevTab: () => {
      actions.setTab((curTab() - 1 + tabs.length) % tabs.length);
      actions.updateList({ selectedIndex: 0 });
    },
    json: () => {
      if (item === undefined) return;
      const value = part && partSlice?.data != null ? partSlice.data : item;
      actions.pushModal({
        kind: 'json',
        props: { title: `${d.nameOf(item)} — ${tabs[tab] ?? ''}`, value, revealId: d.idOf(item) },
      });
    },
    copyId: () => {
      if (!entry.itemId) return;
      copyText(entry.itemId, { what: `id ${entry.itemId}`, fileName: `${d.id}-id.txt` });
    },
    reveal: () => {
      if (!d.hasSecret || !entry.itemId) return false;
      actions.toggleReveal(entry.itemId);
    },
    ...rows.handlers,
  });

  const selectedStyle = theme.monochrome
    ? { inverse: true }
    : { backgroundColor: theme.tokens.selectionBg, color: theme.tokens.selectionFg };
  return (
    <Box flexDirection="column" height={height}>
      <Tabs tabs={tabs.map((t, i) => ({ key: String(i), title: t }))} active={String(tab)} width={width} />
      {warning ? (
        <Text color={theme.tokens.warning} wrap="truncate">
          {truncateToWidth(`⚠ ${sanitizeText(warning)}`, width)}
        </Text>
      ) : null}
      {lines.slice(scroll, scroll + bodyHeight).map((l, i) => (
        <Text key={scroll + i} wrap="truncate" {...(scroll + i === rows.selectedLine ? selectedStyle : {})}>
          {l.parts.length === 0
            ? ' '
            : l.parts.map((p, j) => (
                <Text key={j} {...styleOf(p.style, theme)}>
                  {p.text}
                </Text>
              ))}
        </Text>
      ))}
    </Box>
  );
}

export function styleOf(style: LineStyle, theme: ReturnType<typeof useTheme>) {
  switch (style) {
    case 'title':
      return { bold: true, color: theme.tokens.header };
    case 'label':
      return { color: theme.tokens.muted };
    case 'header':
      return { bold: true, color: theme.tokens.muted };
    case 'muted':
      return { color: theme.tokens.muted, dimColor: theme.monochrome };
    case 'spark':
      return { color: theme.tokens.accent };
    default:
      return {};
  }
}
