/** Navigation state: a stack of views; each list view remembers selection, scroll, filter and sort. */
import type { Cursor } from '../ui/list-cursor.ts';

export interface SortState {
  column: string;
  desc: boolean;
}

/** A list view's cursor (src/ui/list-cursor.ts: selection by id, scroll, marks kept per view so Back
 * restores them, filter) and what only resource lists have. */
export interface ListState extends Cursor {
  /** The `/` input is open. */
  filtering: boolean;
  /** Cursor in `filter`, in characters; absent = at the end. */
  filterCursor?: number;
  sort: SortState | null;
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
