// Pure list logic: filter and sort (the cursor is src/ui/list-cursor.ts). Kept out of React so 10,000 rows cost
// one pass per filter/sort change and nothing per keystroke of navigation.
import type { Column } from '../../screens/types.ts';
import type { SortState } from '../store/navigation.ts';
import {
  filterFields,
  matchesFilter,
  parseListFilter,
  type FilterTerm,
  type ParsedFilter,
} from './list-filter.ts';

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
 * The haystacks of a rows array in its order, filled up to their length by whoever needs more
 * (`warmHaystacks` on idle turns, the row filter on a keystroke): the first `/` keystroke on
 * 10,000 rows then finds them in an array instead of looking each row up (issue 18).
 */
const haystackArrays = new WeakMap<object, { columns: object; hays: string[] }>();

function haystackArray<T>(rows: readonly T[], columns: ReadonlyArray<Column<T>>): string[] {
  let entry = haystackArrays.get(rows);
  if (entry === undefined || entry.columns !== columns) {
    entry = { columns, hays: [] };
    haystackArrays.set(rows, entry);
  }
  return entry.hays;
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
  let timer: NodeJS.Immediate | undefined;
  const step = () => {
    const hays = haystackArray(rows, columns);
    const end = Math.min(rows.length, hays.length + chunk);
    for (let i = hays.length; i < end; i++) hays.push(haystack(rows[i] as T, columns));
    timer = hays.length < rows.length ? setImmediate(step) : undefined;
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
  return filterParsed(rows, columns, parseListFilter(filter, filterFields(columns, fieldAliases)));
}

function filterParsed<T>(
  rows: readonly T[],
  columns: ReadonlyArray<Column<T>>,
  parsed: ParsedFilter,
): readonly T[] {
  if (parsed.terms.length === 0) return rows;
  const byField = parsed.terms.some((t) => t.column !== null);
  return rows.filter((r) => {
    const whole = haystack(r, columns);
    return matchesFilter(byField ? whole.split(SEP) : [], whole, parsed);
  });
}

/**
 * True when every row that matches `newer` also matches `older`, so the rows `older` kept can be
 * filtered instead of all rows: each term of `older` is implied by a term of `newer` on the same
 * field — `abc` by `abcd` (it contains it), `!abcd` by `!abc` (a row without `abc` is without
 * `abcd`). A term removed or changed otherwise widens the filter.
 */
export function narrows(older: ParsedFilter, newer: ParsedFilter): boolean {
  return older.terms.every((o) =>
    newer.terms.some(
      (n) =>
        n.column === o.column &&
        n.negate === o.negate &&
        (o.negate ? o.value.includes(n.value) : n.value.includes(o.value)),
    ),
  );
}

export type RowFilter<T> = (
  rows: readonly T[],
  columns: ReadonlyArray<Column<T>>,
  filter: string,
  fieldAliases?: Readonly<Record<string, string>>,
) => readonly T[];

/**
 * `filterRows` that remembers its last answer: while the filter only narrows (a character typed
 * at the end of a word), the next keystroke tests the rows that matched, not all 10,000; and the
 * rows' haystacks are held in an array beside them, not looked up row by row on each keystroke.
 * Same result as `filterRows` (same rows, same order), always.
 */
export function createRowFilter<T>(
  /** Told how many rows each pass tested (tests). */
  onPass?: (tested: number) => void,
): RowFilter<T> {
  let source: { rows: readonly T[]; columns: ReadonlyArray<Column<T>>; hays: string[] } | null = null;
  /** The last filter and the indices (in `source.rows`) of the rows it kept; null = all rows. */
  let last: {
    fields: Readonly<Record<string, string>> | undefined;
    parsed: ParsedFilter;
    kept: number[] | null;
    /** What it answered (`rows` when `kept` is null). */
    result: readonly T[];
  } | null = null;
  return (rows, columns, filter, fieldAliases) => {
    const parsed = parseListFilter(filter, filterFields(columns, fieldAliases));
    if (source === null || source.rows !== rows || source.columns !== columns) {
      source = { rows, columns, hays: haystackArray(rows, columns) };
      last = null;
    }
    const from =
      last !== null && last.fields === fieldAliases && narrows(last.parsed, parsed) ? last.kept : null;
    if (parsed.terms.length === 0) {
      last = { fields: fieldAliases, parsed, kept: null, result: rows };
      return rows;
    }
    const hays = source.hays;
    if (hays.length !== rows.length)
      for (let i = hays.length; i < rows.length; i++) hays.push(haystack(rows[i] as T, columns));
    // One plain loop, no call or array per row but the test: the first keystroke runs it before
    // the JIT has compiled it, over all 10,000 rows (issue 18). Rows are collected from the first
    // one that fails: while every row tested matches (each key of `api_00` in a list of
    // `scale_api_…`), nothing is allocated and the answer is the last one.
    const byField = parsed.terms.some((t) => t.column !== null);
    // one bare word (what typing a filter mostly is): its test inline, no call per row
    const word = parsed.terms.length === 1 && !byField ? (parsed.terms[0] as FilterTerm) : null;
    const n = from === null ? rows.length : from.length;
    let kept: number[] | null = null;
    let out: T[] = [];
    for (let j = 0; j < n; j++) {
      const i = from === null ? j : (from[j] as number);
      const whole = hays[i] as string;
      const ok =
        word !== null
          ? whole.includes(word.value) !== word.negate
          : matchesFilter(byField ? whole.split(SEP) : NO_CELLS, whole, parsed);
      if (kept === null) {
        if (ok) continue;
        // the first miss: every row tested before it matched
        kept = from === null ? Array.from({ length: j }, (_, k) => k) : from.slice(0, j);
        out = kept.map((k) => rows[k] as T);
      } else if (ok) {
        kept.push(i);
        out.push(rows[i] as T);
      }
    }
    onPass?.(n);
    // Every row tested kept: the same array as before (all rows, or the last answer), so what
    // depends on the rows (the cursor's rows, the visible ids) is not computed again.
    if (kept === null) {
      const same = from === null ? rows : (last?.result ?? rows);
      last = { fields: fieldAliases, parsed, kept: from, result: same };
      return same;
    }
    last = { fields: fieldAliases, parsed, kept, result: out };
    return out;
  };
}

const NO_CELLS: readonly string[] = [];

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
