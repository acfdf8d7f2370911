// A resource screen is data: columns, how to fetch, what the detail shows, what Enter does,
// which actions exist. Adding a resource is adding a descriptor to registry.ts.
import type { RomaClient } from '../src/api/client.ts';
import type { ListProgress } from '../src/api/types/common.ts';
import type { DashboardStore } from '../src/store/store.ts';
import type { ColorValue, Theme } from '../src/ui/theme.ts';
import type { DebugStore } from '../src/store/debug.ts';
import type { MutationStore } from '../src/store/mutations.ts';

export interface FetchContext {
  client: RomaClient;
  /** Null only for screens that are not instance-scoped (the instance list). */
  instanceId: string | null;
  params: Readonly<Record<string, string>>;
  signal: AbortSignal;
  /** Reports records the client repaired or dropped (Page.warnings); shown as a non-fatal note. */
  warn?: (warnings: string[]) => void;
  /**
   * A list's first rows while the rest loads (ListAllOptions.onPage): a `list` that pages passes it
   * on, through `listOptions(ctx)` (screens/list-options.ts), so the rows show as pages arrive.
   */
  onPage?: (rows: readonly unknown[], progress: ListProgress) => void;
}

export interface Column<T> {
  id: string;
  title: string;
  /** Fixed width in columns; omitted = share the remaining width. */
  width?: number;
  /** Minimum width when flexible. */
  minWidth?: number;
  /** Maximum width when flexible (the list view caps flexible columns at 48 unless told). */
  maxWidth?: number;
  align?: 'left' | 'right';
  /**
   * On a narrow terminal columns are hidden whole, highest number first: 1 is what the list is for
   * (name, path), ids and rarely read facts come last. Without priorities the rightmost go first.
   */
  priority?: number;
  /** Raw text (sanitised by the table); may return anything printable. */
  get: (row: T) => string;
  /** A colour role for the cell (status columns: RUNNING green, FROZEN red …); none = default. */
  tone?: (row: T) => CellTone | undefined;
  /** Sort key; defaults to `get`. Numbers sort numerically. */
  sortValue?: (row: T) => string | number;
  /**
   * A value fetched per row, lazily and only for rows on screen (e.g. a group's API count, which the
   * group list does not carry). `get` is the placeholder until it arrives.
   */
  lazy?: LazyCell<T>;
  /** Cell colour from a semantic token (device status: online green, offline grey, …). */
  color?: (row: T, theme: Theme) => ColorValue;
}

export type CellTone = 'success' | 'warning' | 'danger' | 'muted';

export interface LazyCell<T> {
  /** Store family of the values; the key is `instance|row id`. */
  family: string;
  fetch: (ctx: FetchContext, row: T) => Promise<string | number>;
}

/** One block of the detail view. */
export type DetailBlock =
  | { kind: 'fields'; fields: ReadonlyArray<readonly [label: string, value: string]> }
  | {
      kind: 'table';
      columns: readonly string[];
      rows: ReadonlyArray<readonly string[]>;
      empty?: string;
      /** One per row, same order: the rows are selectable in a `selectable` part (DetailRowTarget). */
      targets?: ReadonlyArray<DetailRowTarget>;
    }
  | {
      kind: 'sparklines';
      series: ReadonlyArray<{
        label: string;
        values: readonly number[];
        current: string;
        /** The scale beside the line, e.g. `max 340 · min 0` (the line is drawn from 0 to its max). */
        scale?: string;
      }>;
    }
  | { kind: 'text'; text: string };

/**
 * What a selected row of a detail table stands for: `c` copies `id`, `y` shows `value` as JSON, Enter
 * opens the detail of `open.itemId` in the resource `open.screen` (a policy, an API, an app).
 */
export interface DetailRowTarget {
  id: string;
  value: unknown;
  open?: { screen: string; itemId: string; label: string };
}

export interface DetailSection {
  title: string;
  blocks: readonly DetailBlock[];
}

/**
 * A part of a detail view backed by its own request (the API's bound throttles, its pulse, …).
 * Each part is its own store slice, so one failing call does not blank the others.
 */
export interface DetailPart<T, D> {
  id: string;
  title: string;
  fetch: (ctx: FetchContext, item: T) => Promise<D>;
  render: (data: D, item: T, view: DetailViewState) => DetailSection[];
  /** Refreshed with auto-refresh (pulse); others only on `r`. */
  live?: boolean;
  /**
   * Its tables carry `targets`: the tab is a list (j/k move a row, Enter opens the row's resource,
   * `y`/`c` act on the row), and Enter is listed for it.
   */
  selectable?: boolean;
}

export interface DetailViewState {
  /** Secrets of this item are shown in clear. */
  revealed: boolean;
  /** Overview only: data of the descriptor's `overviewParts` loaded so far, by part id. */
  parts?: Readonly<Record<string, unknown>>;
}

/**
 * What the session allows, decided once at start (src/app/session.ts): read-only comes from the
 * profile/flag and the client, never from one of them alone.
 */
export interface SessionGate {
  readOnly: boolean;
  /** Why dangerous capabilities are unavailable (shown in `?` and the status line). */
  readOnlyReason: string;
}

export interface ActionContext<T> {
  store: DashboardStore;
  item: T;
  instanceId: string | null;
  /** Marked rows of the list (batch actions); empty in a detail view or when nothing is marked. */
  marked: T[];
  /** The mutations store (confirmation, run, audit, outcome); set by the shell. */
  mutations?: MutationStore;
  session?: SessionGate;
  /** The session's 4.3.8 debug console store; set by the shell. */
  debug?: DebugStore;
}

/**
 * A capability bound to a key-map command of the `actions` scope. The shell binds the key only on
 * resources that declare it; in a read-only session a dangerous one is not bound and the `?` help
 * lists it as unavailable with the reason.
 */
export interface ActionSpec<T> {
  command: string;
  title: string;
  /** Changes server state: not bound in a read-only session. */
  dangerous?: boolean;
  /** @deprecated Older name of `dangerous` (either marks the action as changing server state). */
  mutating?: boolean;
  /** Views where the key is bound (default both). */
  views?: ReadonlyArray<'list' | 'detail'>;
  /** Checked at key time on the selected row: true, or the reason it cannot run (shown as status). */
  available?: (row: T, session: SessionGate) => true | string;
  /** Footer label where the key map's word would mislead here (`u` on apps revokes, not unbinds). */
  hint?: string;
  /**
   * Acts on the list, not on a row (an import into it): runs with no row under the cursor (an empty
   * or filtered-out list), and its confirmation names no row. `run` then gets `item` undefined.
   */
  rowless?: boolean;
  run: (ctx: ActionContext<T>) => void | Promise<void>;
}

/** Older name of ActionSpec. */
export type ResourceAction<T> = ActionSpec<T>;

/** Context of a create form: the row under the cursor may be absent (an empty list). */
export interface CreateContext<T> extends Omit<ActionContext<T>, 'item'> {
  item: T | undefined;
  params: Readonly<Record<string, string>>;
}

/**
 * A create (`n`) or edit (`e`) form. The form engine fills these in: `open` shows the form (e.g.
 * pushes a modal) and submits through the mutations store. Create is bound in lists, edit in lists
 * and details; both are dangerous (not bound read-only).
 */
export interface FormCapability<Ctx> {
  title: string;
  open: (ctx: Ctx) => void | Promise<void>;
}

/** What a batch delete answered: ids that failed, with the service's code and message. */
export interface BatchRemoveResult {
  failures: ReadonlyArray<{ id: string; code: string; message: string }>;
}

/** Where a delete is sent: the instance's client. */
export interface RemoveContext {
  client: RomaClient;
  instanceId: string;
}

/**
 * `D`: delete the selected (or marked) rows after a confirmation naming them and the effect. The
 * shell runs it through the mutations store (audit line, outcome, refusals as the service sent them,
 * refresh). Without `batch`, marked rows are deleted one request each (stopping at the first refusal).
 */
export interface RemoveCapability<T> {
  /** "API group", "throttling policy": confirmation title and audit object. */
  noun: string;
  /** The effect sentence for these rows, e.g. "API group orders and its variables are deleted". */
  describe: (rows: readonly T[]) => string;
  single: (ctx: RemoveContext, row: T) => Promise<void>;
  batch?: (ctx: RemoveContext, rows: readonly T[]) => Promise<BatchRemoveResult>;
  /** Checked at key time per row: true, or why it cannot be deleted (e.g. the built-in RELEASE). */
  available?: (row: T, session: SessionGate) => true | string;
}

export type EnterTarget =
  | { screen: string; params: Record<string, string>; label: string }
  /** The detail of an item of another resource (a top API of the pulse opens that API). */
  | { screen: string; itemId: string; label: string }
  | 'detail';

/**
 * Lines above a list from a request of their own, refreshed with it (the pulse's totals). `render`
 * also gets the list's rows (loaded so far).
 */
export interface ListBanner<T, D> {
  fetch: (ctx: FetchContext) => Promise<D>;
  render: (data: D, rows: readonly T[]) => DetailSection[];
}

export function defineBanner<T, D>(b: ListBanner<T, D>): ListBanner<T, D> {
  return b;
}

export interface ResourceDescriptor<T = unknown> {
  id: string;
  title: string;
  /** Palette names besides `id`, e.g. `api`, `a`. */
  aliases: readonly string[];
  /** False only for the instance list: everything else needs a current instance. */
  instanceScoped: boolean;
  columns: ReadonlyArray<Column<T>>;
  idOf: (row: T) => string;
  nameOf: (row: T) => string;
  list: (ctx: FetchContext) => Promise<T[]>;
  /**
   * One page of the same list, in the same order (`offset`/`limit` of the list call): auto-refresh
   * re-reads only the rows on screen through it. Without it (or when it answers null) a tick reloads
   * the whole list.
   */
  listPage?: (
    ctx: FetchContext,
    offset: number,
    limit: number,
  ) => Promise<{ items: T[]; total: number } | null>;
  /** Heading suffix for a parameterised list, e.g. `group: orders`. */
  scopeLabel?: (params: Readonly<Record<string, string>>) => string | undefined;
  /** Sections built from the list row alone (shown at once, before parts load). */
  summary: (row: T, view: DetailViewState) => DetailSection[];
  /**
   * Parts the Overview also summarises (`view.parts`): loaded lazily when the Overview is shown, and
   * shared with their own tabs (same store slices), so whichever is opened first fetches.
   */
  overviewParts?: readonly string[];
  // Each part has its own data type; `any` lets one list hold them (parts are built with definePart).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  parts?: ReadonlyArray<DetailPart<T, any>>;
  /**
   * Extra field names of the `/` filter (`field:value`), name → column id, beside the column ids
   * themselves (src/app/list-filter.ts), e.g. `{ env: 'published' }`.
   */
  filterFields?: Readonly<Record<string, string>>;
  /** What Enter on a row does; default opens the detail. */
  enter?: (row: T) => EnterTarget;
  /** Called when a row is chosen with Enter (instances set the current instance). */
  onChoose?: (row: T, store: DashboardStore) => void;
  /** The item has a secret that `x` reveals. */
  hasSecret?: boolean;
  /** `n`: the create form (filled in by the form engine). */
  create?: FormCapability<CreateContext<T>>;
  /** `e`: the edit form of the selected row. */
  edit?: FormCapability<ActionContext<T>>;
  /** `D`: delete, where the reference has a delete. */
  remove?: RemoveCapability<T>;
  /** The other capabilities (publish, bind, authorize, debug…). */
  actions?: ReadonlyArray<ActionSpec<T>>;
  /** Shown above the list (see ListBanner). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  banner?: ListBanner<T, any>;
  /** While the list is shown auto-refresh runs (turned on if it was off, and off again on leaving). */
  live?: boolean;
  /** What an empty list says instead of "nothing here" (the audit log before the first change). */
  emptyText?: (client: RomaClient) => string;
}

/** Helps TypeScript check a descriptor against its row type while storing it untyped. */
export function defineResource<T>(d: ResourceDescriptor<T>): ResourceDescriptor<unknown> {
  return d as unknown as ResourceDescriptor<unknown>;
}

export function definePart<T, D>(p: DetailPart<T, D>): DetailPart<T, D> {
  return p;
}
