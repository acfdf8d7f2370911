// Pure layout maths for WindowedTable: column widths and the scroll window.
import type { Align } from '../src/ui/text.ts';

export interface ColumnSizing {
  /** Fixed width in columns. */
  width?: number;
  /** Share of the remaining width (default 1 when `width` is absent). */
  flex?: number;
  /** Never narrower than this when flexing (default 4). */
  minWidth?: number;
  /** Never wider than this when flexing: the rest goes to the other flexible columns. */
  maxWidth?: number;
  /**
   * What to keep when the terminal is too narrow: lower keeps longer (1 = what you came for). Columns
   * are hidden whole, highest number first (ties: rightmost first); the first column is never hidden.
   */
  priority?: number;
  align?: Align;
}

/**
 * Widths for `columns` inside `total` columns with `gap` spaces between them. Fixed columns get
 * their width; flex columns share the rest; when space runs out the rightmost columns shrink to
 * zero (hidden) rather than every column becoming unreadable.
 */
export function layoutColumns(columns: readonly ColumnSizing[], total: number, gap = 1): number[] {
  const n = columns.length;
  if (n === 0) return [];
  let available = Math.max(0, total - gap * (n - 1));
  const widths = columns.map((c) => (c.width !== undefined ? c.width : (c.minWidth ?? 4)));
  let fixedSum = widths.reduce((a, b) => a + b, 0);
  if (fixedSum > available && columns.some((c) => c.priority !== undefined)) {
    // Hide whole columns, least important first, until every shown column has its minimum width.
    const rank = (i: number): number => columns[i]?.priority ?? n + i;
    const order = [...columns.keys()].filter((i) => i > 0).sort((a, b) => rank(b) - rank(a) || b - a);
    for (const i of order) {
      if (fixedSum <= available) break;
      fixedSum -= widths[i] ?? 0;
      widths[i] = 0;
      available += gap;
    }
  }
  const hidden = new Set(widths.flatMap((w, i) => (w === 0 ? [i] : [])));
  if (fixedSum > available) {
    // shrink from the right
    let excess = fixedSum - available;
    for (let i = n - 1; i > 0 && excess > 0; i--) {
      const cut = Math.min(widths[i] ?? 0, excess);
      widths[i] = (widths[i] ?? 0) - cut;
      excess -= cut;
      if (widths[i] === 0) available += gap; // a hidden column needs no gap
    }
    if (excess > 0) widths[0] = Math.max(0, (widths[0] ?? 0) - excess);
    return widths;
  }
  // Share the spare width by flex weight; a column that reaches its maxWidth keeps it and the rest
  // is shared again among the others (water-filling). Width nobody can take stays empty.
  let spare = available - fixedSum;
  let open = columns.flatMap((c, i) => (c.width === undefined && !hidden.has(i) ? [i] : []));
  while (spare > 0 && open.length > 0) {
    const weight = open.reduce((a, i) => a + (columns[i]?.flex ?? 1), 0);
    const before = spare;
    const capped: number[] = [];
    open.forEach((i, k) => {
      const c = columns[i] as ColumnSizing;
      const fair = k === open.length - 1 ? spare : Math.floor((before * (c.flex ?? 1)) / weight);
      const room = c.maxWidth !== undefined ? Math.max(0, c.maxWidth - (widths[i] ?? 0)) : Infinity;
      const extra = Math.min(fair, room, spare);
      widths[i] = (widths[i] ?? 0) + extra;
      spare -= extra;
      if (extra >= room) capped.push(i);
    });
    if (capped.length === 0 || spare === before) break;
    open = open.filter((i) => !capped.includes(i));
  }
  return widths;
}

/**
 * The first visible row so that `selected` is in view, moving only when the selection would leave
 * the window (k9s-like). When it does, the window jumps by `jump` rows (default: half of it), like
 * vim's 'scrolljump': Ink redraws line by line and cannot use terminal scroll regions, so every
 * scroll step rewrites the whole list (several KiB over SSH); jumping makes most moves cost only
 * the two rows whose highlight changes.
 */
export function scrollWindow(
  selected: number,
  prevOffset: number,
  viewport: number,
  total: number,
  jump: number = Math.max(1, Math.floor(viewport / 2)),
): number {
  if (total <= viewport || viewport <= 0) return 0;
  const maxOffset = total - viewport;
  const step = Math.min(Math.max(1, jump), viewport);
  let offset = Math.min(Math.max(0, prevOffset), maxOffset);
  const sel = Math.min(Math.max(0, selected), total - 1);
  if (sel < offset) offset = Math.max(0, sel - step + 1);
  else if (sel >= offset + viewport) offset = Math.min(maxOffset, sel - viewport + step);
  return offset;
}
