// Pure list logic: filter and sort (the cursor is src/ui/list-cursor.ts). Kept out of React so 10,000 rows cost
// one pass per filter/sort change and nothing per keystroke of navigation.
import type { Column } from '../../screens/types.ts';
import type { SortState } from '../store/navigation.ts';
import { filterFields, matchesFilter, parseListFilter } from './list-filter.ts';

export interface ListModel<T> {
  rows: readonly T[];
  /** Index of the selected row in `rows` (0 when empty). */
  selected: number;
}

/**
 * A row's filter haystack: its column texts, lower-cased, joined by NUL (bare words search it whole;
 * a `field:value` term splits it). One string per row: on 10,000 rows the index is held for as
 * long as the list, so it keeps no per-row arrays or objects (issue 18, peak memory).
 */
const SEP = '\u0000';
const haystacks = new WeakMap<object, string>();

function haystack<T>(row: T, columns: ReadonlyArray<Column<T>>): string {
  const key = row as unknown as object;
  let h = haystacks.get(key);
  if (h === undefined) {
    // a NUL in server text would shift the cells of a split: it cannot be typed in a filter anyway
    h = columns.map((c) => c.get(row).toLowerCase().replaceAll(SEP, '')).join(SEP);
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

/**
 * The rows matching `filter` (src/app/list-filter.ts: `field:value`, `field:!value`, bare words, all
 * ANDed). `fieldAliases`: the descriptor's extra field names. Parsed once, then one pass over the
 * cached cells.
 */
export function filterRows<T>(
  rows: readonly T[],
  columns: ReadonlyArray<Column<T>>,
  filter: string,
  fieldAliases?: Readonly<Record<string, string>>,
): readonly T[] {
  const parsed = parseListFilter(filter, filterFields(columns, fieldAliases));
  if (parsed.terms.length === 0) return rows;
  const byField = parsed.terms.some((t) => t.column !== null);
  return rows.filter((r) => {
    const whole = haystack(r, columns);
    return matchesFilter(byField ? whole.split(SEP) : [], whole, parsed);
  });
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
