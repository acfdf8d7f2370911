import type { Column } from '../../screens/types.ts';

/** Column widths for the terminal width: fixed columns as asked, flexible ones share the rest. */
export function layoutColumns<T>(columns: ReadonlyArray<Column<T>>, total: number, gap = 1): number[] {
  const available = total - gap * Math.max(0, columns.length - 1) - 2; // 2 = selection marker
  const fixed = columns.reduce((n, c) => n + (c.width ?? 0), 0);
  const flex = columns.filter((c) => c.width === undefined);
  const share = flex.length ? Math.floor(Math.max(0, available - fixed) / flex.length) : 0;
  let widths = columns.map((c) => (c.width !== undefined ? c.width : Math.max(c.minWidth ?? 4, share)));
  // Too narrow (80 columns): shrink the widest columns first until it fits, never below 3.
  let over = widths.reduce((a, b) => a + b, 0) - available;
  while (over > 0) {
    const max = Math.max(...widths);
    if (max <= 3) break;
    const i = widths.indexOf(max);
    widths = widths.map((w, j) => (j === i ? w - 1 : w));
    over -= 1;
  }
  return widths;
}
