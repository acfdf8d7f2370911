/** Navigation state: a stack of views; each list view remembers selection, scroll, filter and sort. */

export interface SortState {
  column: string;
  desc: boolean;
}

export interface ListState {
  /** Selection is kept by item id so refreshes and re-sorts do not move it to another row. */
  selectedId: string | null;
  selectedIndex: number;
  scroll: number;
  filter: string;
  /** The `/` input is open. */
  filtering: boolean;
  /** Cursor in `filter`, in characters; absent = at the end. */
  filterCursor?: number;
  sort: SortState | null;
  /** Ids of marked rows (batch actions); kept per view so Back restores them. */
  marked: readonly string[];
}

/**
 * `debug`: the debug console of the API `itemId` (screens/debug), opened with `d`.
 * `xray`: the x-ray of the API `itemId` (screens/xray), opened with `Z`; its node selection is `list`.
 */
export type ViewKind = 'list' | 'detail' | 'debug' | 'xray';

export interface NavEntry {
  /** Unique per push; lets React key views and lets tests tell entries apart. */
  seq: number;
  /** Descriptor id, e.g. `apis`. */
  screen: string;
  view: ViewKind;
  /** Screen parameters, e.g. `{ groupId }` when the APIs list is scoped to one group. */
  params: Readonly<Record<string, string>>;
  /** The item shown by a detail view. */
  itemId?: string;
  /** Label for breadcrumbs (already a plain string; sanitised when rendered). */
  label?: string;
  list: ListState;
  detailScroll: number;
  /** Selected tab of a detail view. */
  tab: number;
}

export const INITIAL_LIST: ListState = {
  selectedId: null,
  selectedIndex: 0,
  scroll: 0,
  filter: '',
  filtering: false,
  sort: null,
  marked: [],
};

let seqCounter = 0;

export function makeEntry(
  screen: string,
  view: ViewKind,
  opts: { params?: Record<string, string>; itemId?: string; label?: string } = {},
): NavEntry {
  seqCounter += 1;
  return {
    seq: seqCounter,
    screen,
    view,
    params: opts.params ?? {},
    ...(opts.itemId !== undefined ? { itemId: opts.itemId } : {}),
    ...(opts.label !== undefined ? { label: opts.label } : {}),
    list: INITIAL_LIST,
    detailScroll: 0,
    tab: 0,
  };
}
