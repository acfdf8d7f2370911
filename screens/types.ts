// A resource screen is data: columns, how to fetch, what the detail shows, what Enter does,
// which actions exist. Adding a resource is adding a descriptor to registry.ts.
import type { RomaClient } from '../src/api/client.ts';
import type { DashboardStore } from '../src/store/store.ts';
import type { ColorValue, Theme } from '../src/ui/theme.ts';

export interface FetchContext {
  client: RomaClient;
  /** Null only for screens that are not instance-scoped (the instance list). */
  instanceId: string | null;
  params: Readonly<Record<string, string>>;
  signal: AbortSignal;
  /** Reports records the client repaired or dropped (Page.warnings); shown as a non-fatal note. */
  warn?: (warnings: string[]) => void;
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
  | { kind: 'table'; columns: readonly string[]; rows: ReadonlyArray<readonly string[]>; empty?: string }
  | {
      kind: 'sparklines';
      series: ReadonlyArray<{ label: string; values: readonly number[]; current: string }>;
    }
  | { kind: 'text'; text: string };

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
}

export interface DetailViewState {
  /** Secrets of this item are shown in clear. */
  revealed: boolean;
  /** Overview only: data of the descriptor's `overviewParts` loaded so far, by part id. */
  parts?: Readonly<Record<string, unknown>>;
}

export interface ActionContext<T> {
  store: DashboardStore;
  item: T;
  instanceId: string | null;
  /** Marked rows of the list (batch actions); empty in a detail view or when nothing is marked. */
  marked: T[];
}

/** An action on the selected item; the key is a key-map command id (issue 5 adds publish/bind/…). */
export interface ResourceAction<T> {
  command: string;
  title: string;
  /** Whether it changes server state (hidden or refused in read-only mode). */
  mutating: boolean;
  run: (ctx: ActionContext<T>) => void | Promise<void>;
}

export type EnterTarget = { screen: string; params: Record<string, string>; label: string } | 'detail';

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
  /** What Enter on a row does; default opens the detail. */
  enter?: (row: T) => EnterTarget;
  /** Called when a row is chosen with Enter (instances set the current instance). */
  onChoose?: (row: T, store: DashboardStore) => void;
  /** The item has a secret that `x` reveals. */
  hasSecret?: boolean;
  actions?: ReadonlyArray<ResourceAction<T>>;
}

/** Helps TypeScript check a descriptor against its row type while storing it untyped. */
export function defineResource<T>(d: ResourceDescriptor<T>): ResourceDescriptor<unknown> {
  return d as unknown as ResourceDescriptor<unknown>;
}

export function definePart<T, D>(p: DetailPart<T, D>): DetailPart<T, D> {
  return p;
}
