import { Box, Text } from 'ink';
import { useMemo } from 'react';
import type { ResourceDescriptor } from '../../screens/types.ts';
import { useCommands, useKeyHandler } from '../keys/router.tsx';
import { isTextKey } from '../keys/keys.ts';
import type { Command } from '../keys/keymap.ts';
import { useActions, useDashboardStore } from '../store/react.tsx';
import type { NavEntry } from '../store/navigation.ts';
import { sanitizeText } from '../ui/sanitize.ts';
import { fitToWidth, splitMatch, truncateToWidth } from '../ui/text.ts';
import { useTheme } from '../ui/theme.ts';
import { layoutColumns } from './columns.ts';
import { useList } from './data.ts';
import { useAppEnv, osc52 } from './env.tsx';
import { clampScroll, filterRows, nextSort, resolveSelected, selectAt, sortRows } from './list-model.ts';

export const LIST_COMMANDS: readonly Command[] = [
  'up',
  'down',
  'top',
  'bottom',
  'pageUp',
  'pageDown',
  'halfPageUp',
  'halfPageDown',
  'enter',
  'describe',
  'filter',
  'sortNext',
  'sortReverse',
  'json',
  'copyId',
  'reveal',
];

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
  const theme = useTheme();
  const actions = useActions();
  const store = useDashboardStore();
  const env = useAppEnv();
  const { slice, blocked } = useList(d, entry.params);
  const { filter, sort, filtering } = entry.list;

  const filtered = useMemo(() => filterRows(slice.data ?? [], d.columns, filter), [slice.data, d, filter]);
  const rows = useMemo(() => sortRows(filtered, d.columns, sort), [filtered, d, sort]);
  const bodyHeight = Math.max(1, height - 1);
  const selected = resolveSelected(rows, d.idOf, entry.list);
  const scroll = clampScroll(entry.list.scroll, selected, bodyHeight, rows.length);
  const widths = useMemo(() => layoutColumns(d.columns, width), [d, width]);
  const current = rows[selected];

  const move = (to: (i: number) => number) => {
    const top = store.getState().stack.at(-1);
    if (!top) return;
    // read current state: keys of a burst compose (see router.tsx)
    const i = resolveSelected(rows, d.idOf, top.list);
    actions.updateList(selectAt(rows, d.idOf, to(i), top.list.scroll, bodyHeight));
  };
  const half = Math.max(1, Math.floor(bodyHeight / 2));

  useCommands(
    'list',
    ['list', 'actions', 'global'],
    {
      up: () => move((i) => i - 1),
      down: () => move((i) => i + 1),
      top: () => move(() => 0),
      bottom: () => move(() => rows.length - 1),
      pageUp: () => move((i) => i - bodyHeight),
      pageDown: () => move((i) => i + bodyHeight),
      halfPageUp: () => move((i) => i - half),
      halfPageDown: () => move((i) => i + half),
      enter: () => {
        const row = rowAtState();
        if (row === undefined) return;
        d.onChoose?.(row, store);
        const target = d.enter?.(row) ?? 'detail';
        if (target === 'detail') actions.push(d.id, 'detail', { itemId: d.idOf(row), label: d.nameOf(row) });
        else actions.push(target.screen, 'list', { params: target.params, label: target.label });
      },
      describe: () => {
        const row = rowAtState();
        if (row !== undefined) actions.push(d.id, 'detail', { itemId: d.idOf(row), label: d.nameOf(row) });
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
          actions.pushModal({ kind: 'json', props: { title: d.nameOf(row), value: row } });
      },
      copyId: () => {
        const row = rowAtState();
        if (row === undefined) return;
        env.writeRaw(osc52(d.idOf(row), env.tmux));
        actions.setStatus({ level: 'info', text: `copied id ${d.idOf(row)}` });
      },
      reveal: () => {
        const row = rowAtState();
        if (!d.hasSecret || row === undefined) return false;
        actions.toggleReveal(d.idOf(row));
      },
      back: () => {
        // Esc on a filtered list clears the filter before going back.
        if (!store.getState().stack.at(-1)?.list.filter) return false;
        actions.updateList({ filter: '', scroll: 0 });
      },
    },
    { active: !filtering },
  );

  // The `/` input: consumes text keys before the list sees them.
  useKeyHandler(
    'input',
    (key) => {
      const cur = store.getState().stack.at(-1)?.list.filter ?? '';
      if (key.id === 'escape') actions.updateList({ filter: '', filtering: false, scroll: 0 });
      else if (key.id === 'return') actions.updateList({ filtering: false });
      else if (key.id === 'backspace' || key.id === 'delete')
        actions.updateList({ filter: cur.slice(0, -1), scroll: 0 });
      else if (key.id === 'ctrl+u') actions.updateList({ filter: '', scroll: 0 });
      else if (isTextKey(key)) actions.updateList({ filter: cur + key.input, scroll: 0 });
      else return false;
      return true;
    },
    { active: filtering },
  );

  function rowAtState() {
    const top = store.getState().stack.at(-1);
    return top ? rows[resolveSelected(rows, d.idOf, top.list)] : undefined;
  }

  if (blocked) {
    return (
      <Box height={height} flexDirection="column">
        <Text color={theme.tokens.muted}>No instance chosen: open :instances and press Enter on one.</Text>
      </Box>
    );
  }

  const header = d.columns
    .map((c, i) =>
      fitToWidth(c.title + (sort?.column === c.id ? (sort.desc ? '↓' : '↑') : ''), widths[i] ?? 4),
    )
    .join(' ');
  const visible = rows.slice(scroll, scroll + bodyHeight);
  return (
    <Box flexDirection="column" height={height}>
      <Text bold color={theme.tokens.header}>
        {truncateToWidth('  ' + header, width)}
      </Text>
      {visible.length === 0 ? (
        <Text color={theme.tokens.muted}>
          {slice.loading && !slice.data
            ? '  loading…'
            : slice.data && filter
              ? `  no match for “${sanitizeText(filter)}”`
              : slice.error && !slice.data
                ? '  failed to load (see the status line)'
                : '  nothing here'}
        </Text>
      ) : (
        visible.map((row) => (
          <Row
            key={d.idOf(row)}
            cells={d.columns.map((c) => sanitizeText(c.get(row)))}
            widths={widths}
            aligns={d.columns.map((c) => c.align ?? 'left')}
            selected={row === current}
            filter={filter}
          />
        ))
      )}
    </Box>
  );
}

function Row({
  cells,
  widths,
  aligns,
  selected,
  filter,
}: {
  cells: string[];
  widths: number[];
  aligns: Array<'left' | 'right'>;
  selected: boolean;
  filter: string;
}) {
  const theme = useTheme();
  const marker = selected ? '▶ ' : '  ';
  return (
    <Text wrap="truncate">
      <Text color={theme.tokens.accent}>{marker}</Text>
      {cells.map((c, i) => {
        const fitted = fitToWidth(c, widths[i] ?? 4, aligns[i]);
        const m = filter ? splitMatch(fitted, filter) : null;
        const gap = i < cells.length - 1 ? ' ' : '';
        const style = selected
          ? {
              backgroundColor: theme.tokens.selectionBg,
              color: theme.tokens.selectionFg,
              inverse: theme.monochrome,
            }
          : {};
        if (!m)
          return (
            <Text key={i} {...style}>
              {fitted + gap}
            </Text>
          );
        return (
          <Text key={i} {...style}>
            {m.before}
            <Text
              backgroundColor={theme.tokens.matchBg}
              color={theme.tokens.matchFg}
              underline={theme.monochrome}
            >
              {m.match}
            </Text>
            {m.after + gap}
          </Text>
        );
      })}
    </Text>
  );
}
