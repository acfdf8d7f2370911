// Pure list logic: filter and sort (the cursor is src/ui/list-cursor.ts). Kept out of React so 10,000 rows cost
// one pass per filter/sort change and nothing per keystroke of navigation.
import type { Column } from '../../screens/types.ts';
import type { SortState } from '../store/navigation.ts';

export interface ListModel<T> {
  rows: readonly T[];
  /** Index of the selected row in `rows` (0 when empty). */
  selected: number;
}

const haystacks = new WeakMap<object, string>();

function haystack<T>(row: T, columns: ReadonlyArray<Column<T>>): string {
  const key = row as unknown as object;
  let h = haystacks.get(key);
  if (h === undefined) {
    h = columns
      .map((c) => c.get(row))
      .join('\u0000')
      .toLowerCase();
    haystacks.set(key, h);
  }
  return h;
}

/**
 * Builds the filter haystacks of `rows` a slice at a time on idle turns of the event loop (keys
 * are read between slices), so the first `/` keystroke on 10,000 rows does not build them all at
 * once. Returns the cancel function.
 */
export function warmHaystacks<T>(
  rows: readonly T[],
  columns: ReadonlyArray<Column<T>>,
  chunk = 500,
): () => void {
  let i = 0;
  let timer: NodeJS.Immediate | undefined;
  const step = () => {
    const end = Math.min(rows.length, i + chunk);
    for (; i < end; i++) haystack(rows[i] as T, columns);
    timer = i < rows.length ? setImmediate(step) : undefined;
  };
  timer = setImmediate(step);
  return () => {
    if (timer !== undefined) clearImmediate(timer);
  };
}

export function filterRows<T>(
  rows: readonly T[],
  columns: ReadonlyArray<Column<T>>,
  filter: string,
): readonly T[] {
  const q = filter.trim().toLowerCase();
  if (!q) return rows;
  return rows.filter((r) => haystack(r, columns).includes(q));
}

export function sortRows<T>(
  rows: readonly T[],
  columns: ReadonlyArray<Column<T>>,
  sort: SortState | null,
): readonly T[] {
  if (!sort) return rows;
  const col = columns.find((c) => c.id === sort.column);
  if (!col) return rows;
  const key = col.sortValue ?? col.get;
  const keyed = rows.map((r) => ({ r, k: key(r) }));
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  keyed.sort((a, b) => {
    const c =
      typeof a.k === 'number' && typeof b.k === 'number'
        ? a.k - b.k
        : collator.compare(String(a.k), String(b.k));
    return sort.desc ? -c : c;
  });
  return keyed.map((x) => x.r);
}

/** The next sort: cycles through the columns, ascending. */
export function nextSort<T>(columns: ReadonlyArray<Column<T>>, sort: SortState | null): SortState | null {
  if (columns.length === 0) return null;
  const i = sort ? columns.findIndex((c) => c.id === sort.column) : -1;
  const next = columns[(i + 1) % columns.length];
  return next ? { column: next.id, desc: false } : null;
}
