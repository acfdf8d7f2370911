// A windowed table: only the rows in view are rendered (and only their cells computed), so it
// stays fast for 10,000 rows. Cell text goes through sanitizeText; columns are aligned by display
// width (CJK, emoji) and cut with an ellipsis.
import { Box, Text } from 'ink';
import { memo, useState, type ReactNode } from 'react';
import { sanitizeText } from '../src/ui/sanitize.ts';
import { fitToWidth, splitMatch, displayWidth, truncateToWidth, type Align } from '../src/ui/text.ts';
import { countRender } from '../src/ui/render-count.ts';
import { useTheme, type ColorValue, type Theme } from '../src/ui/theme.ts';
import { layoutColumns, scrollWindow } from './table-layout.ts';

export interface TableColumn<Row> {
  key: string;
  title: string;
  /** Fixed width; otherwise the column flexes (see `flex`, `minWidth`, `maxWidth`). */
  width?: number;
  flex?: number;
  minWidth?: number;
  maxWidth?: number;
  /** Lower keeps longer on a narrow terminal (see `ColumnSizing.priority`). */
  priority?: number;
  align?: Align;
  /** Cell text (sanitised by the table); called only for visible rows. */
  cell: (row: Row) => unknown;
  /** Optional colour for the cell (e.g. method or status colours). */
  color?: (row: Row, theme: Theme) => ColorValue;
}

export interface TableSort {
  column: string;
  descending: boolean;
}

export interface WindowedTableProps<Row> {
  rows: readonly Row[];
  columns: readonly TableColumn<Row>[];
  rowKey: (row: Row) => string;
  selectedIndex: number;
  /** Total height in lines, including the title and header lines. */
  height: number;
  width: number;
  /** First visible row; when omitted the table keeps the selection in view by itself. */
  scrollOffset?: number;
  title?: string;
  /** Total before filtering, for "n of N (of M)". */
  totalCount?: number;
  /** Filter text: matches are highlighted and shown in the title line. */
  filter?: string;
  sort?: TableSort;
  /** Keys of marked rows (batch actions); the marker gutter appears when this is given. */
  marked?: ReadonlySet<string>;
  loading?: boolean;
  /** Stale marker in the title line (the last refresh failed). */
  stale?: boolean;
  emptyText?: string;
}

const GAP = 1;

function WindowedTableInner<Row>(props: WindowedTableProps<Row>) {
  const theme = useTheme();
  const { rows, columns, selectedIndex, width, height } = props;
  const viewport = Math.max(0, height - 2);
  // Uncontrolled scrolling: remember the window so it moves only when the selection leaves it
  // (React's "adjust state while rendering" pattern; no effect, no extra frame).
  const [ownOffset, setOwnOffset] = useState(0);
  const computed = scrollWindow(selectedIndex, ownOffset, viewport, rows.length);
  if (props.scrollOffset === undefined && computed !== ownOffset) setOwnOffset(computed);
  const offset = props.scrollOffset ?? computed;

  const gutter = props.marked !== undefined ? 2 : 0;
  const widths = layoutColumns(columns, width - gutter, GAP);
  const visible = rows.slice(offset, offset + viewport);

  return (
    <Box flexDirection="column" width={width} height={height}>
      <TitleLine {...props} width={width} theme={theme} />
      <HeaderLine columns={columns} widths={widths} gutter={gutter} sort={props.sort} theme={theme} />
      {visible.length === 0 ? (
        <Text color={theme.tokens.muted} wrap="truncate">
          {fitToWidth(
            props.loading === true ? 'Loading…' : sanitizeText(props.emptyText ?? 'No items'),
            width,
          )}
        </Text>
      ) : (
        visible.map((row, i) => {
          const index = offset + i;
          const key = props.rowKey(row);
          return (
            <TableRow
              // Keyed by place in the window: a page or a scroll updates the rows in place (Ink
              // reuses their nodes) instead of unmounting one screenful and mounting the next.
              key={i}
              cells={columns.map((c) => sanitizeText(c.cell(row)))}
              colors={columns.map((c) => c.color?.(row, theme))}
              aligns={columns.map((c) => c.align ?? 'left')}
              widths={widths}
              gutter={gutter}
              selected={index === selectedIndex}
              marked={props.marked?.has(key) === true}
              filter={props.filter ?? ''}
              theme={theme}
            />
          );
        })
      )}
    </Box>
  );
}

/** Generic memo keeps the type parameter (React.memo erases it). */
export const WindowedTable = memo(WindowedTableInner) as typeof WindowedTableInner;

function TitleLine<Row>(p: WindowedTableProps<Row> & { width: number; theme: Theme }) {
  const { theme, rows } = p;
  const n = rows.length;
  const pos = n === 0 ? `0 of 0` : `${Math.min(p.selectedIndex, n - 1) + 1} of ${n}`;
  const of = p.totalCount !== undefined && p.totalCount !== n ? ` (of ${p.totalCount})` : '';
  const marks = p.marked !== undefined && p.marked.size > 0 ? `${p.marked.size} marked · ` : '';
  const right = `${p.loading === true ? '⟳ ' : ''}${p.stale === true ? 'STALE ' : ''}${marks}${pos}${of}`;
  const filter = p.filter !== undefined && p.filter !== '' ? `  /${sanitizeText(p.filter)}` : '';
  const leftWidth = Math.max(0, p.width - displayWidth(right) - 1);
  const title = truncateToWidth(sanitizeText(p.title ?? ''), leftWidth);
  const filterText = truncateToWidth(filter, Math.max(0, leftWidth - displayWidth(title)));
  const pad = Math.max(0, p.width - displayWidth(title) - displayWidth(filterText) - displayWidth(right));
  return (
    <Text wrap="truncate">
      <Text bold color={theme.tokens.header}>
        {title}
      </Text>
      <Text color={theme.tokens.accent}>{filterText}</Text>
      {' '.repeat(pad)}
      <Text color={p.stale === true ? theme.tokens.warning : theme.tokens.muted}>{right}</Text>
    </Text>
  );
}

// Memoised: the widths are compared by value (layoutColumns builds a new array per render).
const HeaderLine = memo(
  function HeaderLine(p: {
    columns: readonly Pick<TableColumn<unknown>, 'key' | 'title' | 'align'>[];
    widths: number[];
    gutter: number;
    sort: TableSort | undefined;
    theme: Theme;
  }) {
    const parts: string[] = [];
    p.columns.forEach((c, i) => {
      const w = p.widths[i] ?? 0;
      if (w === 0) return;
      const arrow = p.sort?.column === c.key ? (p.sort.descending ? '↓' : '↑') : '';
      parts.push(fitToWidth(c.title.toUpperCase() + arrow, w, c.align ?? 'left'));
    });
    return (
      <Text bold color={p.theme.tokens.muted} wrap="truncate">
        {' '.repeat(p.gutter) + parts.join(' '.repeat(GAP))}
      </Text>
    );
  },
  (a, b) =>
    a.columns === b.columns &&
    a.gutter === b.gutter &&
    a.theme === b.theme &&
    a.sort?.column === b.sort?.column &&
    a.sort?.descending === b.sort?.descending &&
    sameArray(a.widths, b.widths),
);

interface RowProps {
  cells: string[];
  colors: ColorValue[];
  aligns: Align[];
  widths: number[];
  gutter: number;
  selected: boolean;
  marked: boolean;
  filter: string;
  theme: Theme;
}

// Memoised on its (cheap, primitive-heavy) props: moving the selection re-renders two rows.
// Few nodes: Ink squashes and re-tokenises every text node of the frame on every frame, so cells
// of one colour (all of them on the selected row) are one string, and only a colour change or a
// filter match opens a nested <Text>.
const TableRow = memo(
  function TableRow(p: RowProps) {
    countRender('TableRow');
    const t = p.theme.tokens;
    const out: ReactNode[] = [];
    let run = '';
    let runColor: ColorValue = undefined;
    const flush = () => {
      if (run === '') return;
      out.push(
        runColor === undefined ? (
          run
        ) : (
          <Text key={out.length} color={runColor}>
            {run}
          </Text>
        ),
      );
      run = '';
    };
    const add = (text: string, color: ColorValue) => {
      if (color !== runColor) flush();
      runColor = color;
      run += text;
    };
    if (p.gutter > 0) {
      if (p.marked) {
        out.push(
          <Text key="g" color={t.markFg} bold>
            {p.theme.unicode ? '● ' : '* '}
          </Text>,
        );
      } else run = '  ';
    }
    const matchStyle = p.theme.monochrome
      ? { underline: true, bold: true }
      : { backgroundColor: t.matchBg, color: t.matchFg };
    // A hidden column (width 0) takes no gap, so the last shown one has none after it.
    const lastShown = p.widths.findLastIndex((w) => w > 0);
    p.cells.forEach((text, i) => {
      const w = p.widths[i] ?? 0;
      if (w === 0) return;
      const fitted = fitToWidth(text, w, p.aligns[i] ?? 'left') + (i < lastShown ? ' '.repeat(GAP) : '');
      const color = p.selected ? undefined : p.colors[i];
      const m = splitMatch(fitted, p.filter);
      if (m === null) return add(fitted, color);
      add(m.before, color);
      flush();
      out.push(
        <Text key={out.length} {...matchStyle}>
          {m.match}
        </Text>,
      );
      add(m.after, color);
    });
    flush();
    const selectedStyle = p.theme.monochrome
      ? { inverse: true }
      : { backgroundColor: t.selectionBg, color: t.selectionFg };
    return (
      <Text wrap="truncate" {...(p.selected ? selectedStyle : {})}>
        {out}
      </Text>
    );
  },
  (a, b) =>
    a.selected === b.selected &&
    a.marked === b.marked &&
    a.filter === b.filter &&
    a.theme === b.theme &&
    a.gutter === b.gutter &&
    sameArray(a.cells, b.cells) &&
    sameArray(a.widths, b.widths) &&
    sameArray(a.colors, b.colors) &&
    sameArray(a.aligns, b.aligns),
);

function sameArray<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
