import { Box, Text } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import { WindowedTable, type TableColumn } from '../../components/WindowedTable.tsx';
import type { CellTone, Column, ResourceDescriptor } from '../../screens/types.ts';
import { useCommands, useKeyHandler } from '../keys/router.tsx';
import { commandsForKey } from '../keys/keymap.ts';
import { editLine, insertText } from '../../components/TextInput.tsx';
import { useActions, useDashboardStore, useStore, useStoreShallow } from '../store/react.tsx';
import type { ListState, NavEntry } from '../store/navigation.ts';
import type { ResourceSlice } from '../store/slice.ts';
import { sanitizeText } from '../ui/sanitize.ts';
import { useTheme, type ColorValue, type Theme } from '../ui/theme.ts';
import { lazyCellRequest, useInstanceRow, useList } from './data.ts';
import { useVisibleRefresh } from './visible-refresh.ts';
import { actionHandlers, bindCapabilities, hasMarkableActions } from './actions.ts';
import { useMutationStore } from '../../screens/actions/context.tsx';
import { BannerLines, useBannerLines, useLiveWhileShown } from './list-banner.tsx';
import { useSession } from './session.ts';
import { filterFields, parseListFilter, UNKNOWN_FIELD_PREFIX, unknownFieldsHint } from './list-filter.ts';
import { useCopyText } from './copy-text.tsx';
import { useSessionStores } from './session-stores.ts';
import { createRowFilter, nextSort, sortRows, warmHaystacks } from './list-model.ts';
import { countRender } from '../ui/render-count.ts';
import {
  CURSOR_STEPS,
  cursorIndex,
  cursorScroll,
  reduceCursor,
  type CursorAction,
  type CursorRows,
} from '../ui/list-cursor.ts';

const FLEX_COLUMN_MAX = 48;

export { LIST_COMMANDS } from './view-keys.ts';

/** Title line + column header line of the table. */
const TABLE_CHROME = 2;

export function ListView({
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
  countRender('ListView');
  const theme = useTheme();
  const actions = useActions();
  const store = useDashboardStore();
  const copyText = useCopyText();
  const { slice, blocked } = useList(d, entry.params);
  const { filter, sort, filtering } = entry.list;
  // A frozen (or failed) instance answers empty lists: say why rather than "nothing here".
  const instanceRow = useInstanceRow();
  const instanceStatus = d.instanceScoped ? instanceRow?.status : undefined;

  // The list model: sorted when the rows or the sort change, then filtered (a stable sort, so the
  // same rows in the same order as filtering first) when the filter changes too — never on a move.
  const sorted = useMemo(() => {
    countRender('list-sort');
    return sortRows(slice.data ?? EMPTY, d.columns, sort);
  }, [slice.data, d, sort]);
  const [rowFilter] = useState(createRowFilter<unknown>);
  const rows = useMemo(() => {
    countRender('list-filter');
    return rowFilter(sorted, d.columns, filter, d.filterFields);
  }, [rowFilter, sorted, d, filter]);
  useUnknownFieldsHint(d, filter);
  useEffect(() => warmHaystacks(slice.data ?? EMPTY, d.columns), [slice.data, d]);
  useLiveWhileShown(d);
  const banner = useBannerLines(d, entry.params, slice.data ?? EMPTY, width, Math.floor(height / 2));
  const tableHeight = height - banner.length;
  const bodyHeight = Math.max(1, tableHeight - TABLE_CHROME);
  const cursorRows: CursorRows = useMemo(
    () => ({ length: rows.length, idAt: (i) => d.idOf(rows[i]), height: bodyHeight }),
    [rows, d, bodyHeight],
  );
  const selected = cursorIndex(entry.list, cursorRows);
  const scroll = cursorScroll(entry.list, cursorRows);
  useVisibleRefresh(d, entry.params, slice.data, rows.slice(scroll, scroll + bodyHeight), blocked);

  const cursor = (a: CursorAction) => {
    const top = store.getState().stack.at(-1);
    if (!top) return;
    // read current state: keys of a burst compose (see router.tsx)
    actions.updateList(reduceCursor(top.list, a, cursorRows));
  };
  const markedIds = entry.list.marked;
  const session = useSession();
  const mutations = useMutationStore();
  const { debug } = useSessionStores();
  const bindings = useMemo(() => bindCapabilities(d, 'list', session), [d, session]);
  const hasActions = hasMarkableActions(bindings);
  const markedRows = () => {
    const ids = new Set(store.getState().stack.at(-1)?.list.marked ?? []);
    return rows.filter((r) => ids.has(d.idOf(r)));
  };

  useCommands(
    'list',
    ['list', 'actions', 'global'],
    {
      ...Object.fromEntries(CURSOR_STEPS.map((step) => [step, () => cursor({ type: 'step', step })])),
      enter: () => {
        const row = rowAtState();
        if (row === undefined) return;
        d.onChoose?.(row, store);
        const target = d.enter?.(row) ?? 'detail';
        if (target === 'detail') actions.push(d.id, 'detail', { itemId: d.idOf(row), label: d.nameOf(row) });
        else if ('itemId' in target)
          actions.push(target.screen, 'detail', { itemId: target.itemId, label: target.label });
        else actions.push(target.screen, 'list', { params: target.params, label: target.label });
      },
      describe: () => {
        const row = rowAtState();
        if (row !== undefined) actions.push(d.id, 'detail', { itemId: d.idOf(row), label: d.nameOf(row) });
      },
      ...actionHandlers(bindings, {
        store,
        mutations,
        session,
        debug,
        params: entry.params,
        item: () => rowAtState(),
        marked: markedRows,
      }),
      mark: () => {
        if (rows.length === 0 || !hasActions) return false;
        cursor({ type: 'mark' });
      },
      markAll: () => {
        if (!hasActions) return false;
        cursor({ type: 'markAll' });
      },
      filter: () => actions.updateList({ filtering: true }),
      sortNext: () =>
        actions.updateList({ sort: nextSort(d.columns, store.getState().stack.at(-1)?.list.sort ?? null) }),
      sortReverse: () => {
        const s = store.getState().stack.at(-1)?.list.sort;
        actions.updateList({
          sort: s ? { ...s, desc: !s.desc } : { column: d.columns[0]?.id ?? '', desc: true },
        });
      },
      json: () => {
        const row = rowAtState();
        if (row !== undefined)
          actions.pushModal({
            kind: 'json',
            props: { title: d.nameOf(row), value: row, revealId: d.idOf(row) },
          });
      },
      copyId: () => {
        const row = rowAtState();
        if (row === undefined) return;
        copyText(d.idOf(row), { what: `id ${d.idOf(row)}`, fileName: `${d.id}-id.txt` });
      },
      back: () => {
        // Esc on a filtered list clears the filter before going back.
        if (!store.getState().stack.at(-1)?.list.filter) return false;
        cursor({ type: 'filter', filter: '' });
      },
    },
    { active: !filtering },
  );

  // The `/` input: consumes text keys before the list sees them.
  // The same line editing as every text field (editLine): cursor keys, Home/End, Ctrl-a/e/d/u.
  const filterState = () => {
    const list = store.getState().stack.at(-1)?.list;
    const value = list?.filter ?? '';
    return { value, cursor: Math.min(list?.filterCursor ?? Infinity, Array.from(value).length) };
  };
  // One store update per keystroke (filter and its cursor together): one render, one frame.
  const setFilter = (value: string, patch: Partial<ListState>) => {
    const top = store.getState().stack.at(-1);
    if (!top) return;
    actions.updateList({
      ...reduceCursor(top.list, { type: 'filter', filter: value }, cursorRows),
      ...patch,
    });
  };
  const applyFilter = (next: { value: string; cursor: number }) =>
    setFilter(next.value, { filterCursor: next.cursor });
  useKeyHandler(
    'input',
    (key) => {
      const cmds = commandsForKey(key.id, ['input']);
      if (cmds.includes('inputCancel')) setFilter('', { filterCursor: 0, filtering: false });
      else if (cmds.includes('inputSubmit')) actions.updateList({ filtering: false });
      else {
        const cur = filterState();
        const next = editLine(cur, key);
        if (next === null) return false;
        applyFilter(next);
      }
      return true;
    },
    {
      active: filtering,
      onPaste: (text) => {
        const cur = filterState();
        applyFilter(insertText(cur, text));
        return true;
      },
    },
  );

  function rowAtState() {
    const top = store.getState().stack.at(-1);
    return top ? rows[cursorIndex(top.list, cursorRows)] : undefined;
  }

  const columns = useTableColumns(d, rows, scroll, bodyHeight);

  if (blocked) {
    return (
      <Box height={height} flexDirection="column">
        <Text color={theme.tokens.muted}>No instance chosen: open :instances and press Enter on one.</Text>
      </Box>
    );
  }

  const table = (
    <WindowedTable
      rows={rows}
      columns={columns}
      rowKey={d.idOf}
      selectedIndex={selected}
      scrollOffset={scroll}
      width={width}
      height={tableHeight}
      title={d.title + (d.scopeLabel?.(entry.params) ? ` — ${d.scopeLabel(entry.params) ?? ''}` : '')}
      totalCount={slice.data?.length ?? 0}
      filter={filter}
      {...(sort ? { sort: { column: sort.column, descending: sort.desc } } : {})}
      {...(hasActions ? { marked: new Set(markedIds) } : {})}
      loading={slice.loading}
      stale={slice.stale}
      emptyText={
        slice.loading && !slice.data
          ? '  loading…'
          : slice.data && filter
            ? `  no match for “${sanitizeText(filter)}”`
            : slice.error && !slice.data
              ? '  failed to load (see the status line)'
              : instanceStatus !== undefined && instanceStatus !== 'RUNNING'
                ? `  nothing here — the instance is ${sanitizeText(instanceStatus)}, not RUNNING`
                : d.emptyText
                  ? `  ${sanitizeText(d.emptyText(store.client))}`
                  : '  nothing here'
      }
    />
  );
  if (banner.length === 0) return table;
  return (
    <Box flexDirection="column" height={height}>
      <BannerLines lines={banner} />
      {table}
    </Box>
  );
}

const EMPTY: readonly unknown[] = [];

/**
 * The descriptor's columns as table columns. Lazy cells read their per-row slices; the visible rows
 * ask for theirs (and only those: 10,000 groups cost a screenful of requests, not 10,000).
 */
function useTableColumns(
  d: ResourceDescriptor,
  rows: readonly unknown[],
  scroll: number,
  bodyHeight: number,
): TableColumn<unknown>[] {
  const instanceId = useStore((s) => s.instanceId);
  const actions = useActions();
  const lazyCols = useMemo(() => d.columns.filter((c) => c.lazy !== undefined), [d]);
  const lazyData = useStoreShallow((s) =>
    lazyCols.map((c) => s.resources[c.lazy?.family ?? ''] as Record<string, ResourceSlice> | undefined),
  );
  const visibleIds = rows
    .slice(scroll, scroll + bodyHeight)
    .map((r) => d.idOf(r))
    .join('\u0000');
  useEffect(() => {
    if (lazyCols.length === 0 || (d.instanceScoped && instanceId === null)) return;
    for (const row of rows.slice(scroll, scroll + bodyHeight))
      for (const c of lazyCols) if (c.lazy) void actions.ensure(lazyCellRequest(d, c.lazy, instanceId, row));
    // the visible ids stand for rows/scroll/height
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [visibleIds, instanceId, lazyCols, actions]);
  return useMemo(
    () =>
      d.columns.map((c: Column<unknown>): TableColumn<unknown> => {
        const li = lazyCols.indexOf(c);
        const values = li >= 0 ? lazyData[li] : undefined;
        const cell =
          li < 0
            ? c.get
            : (row: unknown) => {
                const sl = values?.[`${instanceId ?? '-'}|${d.idOf(row)}`];
                return sl?.data != null ? String(sl.data as string | number) : sl?.error ? '?' : c.get(row);
              };
        return {
          key: c.id,
          title: c.title,
          ...(c.width !== undefined ? { width: c.width } : {}),
          ...(c.minWidth !== undefined ? { minWidth: c.minWidth } : {}),
          // A wide terminal should not turn one name column into 70 columns of blanks.
          ...(c.width === undefined ? { maxWidth: c.maxWidth ?? FLEX_COLUMN_MAX } : {}),
          ...(c.align !== undefined ? { align: c.align } : {}),
          ...(c.color !== undefined ? { color: c.color } : {}),
          ...(c.priority !== undefined ? { priority: c.priority } : {}),
          ...(c.tone !== undefined ? { color: toneColor(c.tone) } : {}),
          cell,
        };
      }),
    // useShallow keeps lazyData's identity while its slices are unchanged
    [d, lazyCols, instanceId, lazyData],
  );
}

function toneColor<T>(tone: (row: T) => CellTone | undefined) {
  return (row: T, theme: Theme): ColorValue => {
    const t = tone(row);
    return t === undefined ? undefined : theme.tokens[t];
  };
}

/** `/stauts:x`: the status line names the fields this list has; fixing the filter clears it. */
function useUnknownFieldsHint(d: ResourceDescriptor, filter: string): void {
  const store = useDashboardStore();
  const hint = useMemo(() => {
    const fields = filterFields(d.columns, d.filterFields);
    return unknownFieldsHint(parseListFilter(filter, fields), fields, d.title);
  }, [d, filter]);
  useEffect(() => {
    const { status, actions } = store.getState();
    if (hint !== null) actions.setStatus({ level: 'warning', text: hint });
    else if (status?.text.startsWith(UNKNOWN_FIELD_PREFIX)) actions.setStatus(null);
  }, [hint, store]);
}
