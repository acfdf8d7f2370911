import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RomaClient } from '../api/client.ts';
import type { RomaError } from '../api/errors.ts';
import type { ListProgress } from '../api/types/common.ts';
import { toRomaError } from './errors.ts';
import { InFlight } from './inflight.ts';
import { makeEntry, type ListState, type NavEntry, type ViewKind } from './navigation.ts';
import { EMPTY_SLICE, type ResourceRequest, type ResourceSlice } from './slice.ts';
import type { ModalSpec, StatusMessage } from './ui.ts';

export interface DashboardState {
  // data: family -> key (instance id + params) -> slice
  resources: Readonly<Record<string, Readonly<Record<string, ResourceSlice>>>>;
  instanceId: string | null;
  stack: readonly NavEntry[];
  modals: readonly ModalSpec[];
  status: StatusMessage | null;
  /** Auto-refresh period in ms; null = off (then an idle dashboard runs no timers). */
  autoRefreshMs: number | null;
  /** Item ids whose secrets are shown in clear. */
  revealed: Readonly<Record<string, true>>;
  /** Requests running now; tests await `whenIdle()` rather than reading this. */
  inFlight: number;
  /** Bumped on every `refreshAll`, so views re-request their data. */
  refreshTick: number;
  /** Bumped on every auto-refresh tick: views refresh what they show (a list its rows on screen). */
  autoTick: number;
  /** False while the terminal reports it has lost focus (focus reporting): auto-refresh waits. */
  focused: boolean;
  /** The context before the last instance switch or palette jump (`-` returns to it). */
  previous: SavedContext | null;
  actions: DashboardActions;
}

/** An instance and its whole view stack (selection, filters, tabs), as `-` restores it. */
export interface SavedContext {
  instanceId: string | null;
  stack: readonly NavEntry[];
}

export interface DashboardActions {
  /**
   * Fetches unless the slice holds data from a load that succeeded since the last `refreshAll`
   * (use on mount). A slice whose last load failed is fetched again.
   */
  ensure<T>(req: ResourceRequest<T, RomaClient>): Promise<void>;
  /** Always fetches (deduplicated against an identical request in flight). */
  load<T>(req: ResourceRequest<T, RomaClient>): Promise<void>;
  abortChannel(channel: string): void;
  /** Marks a refresh request: visible views reload their data. */
  refreshAll(): void;
  /** An auto-refresh tick: unlike `refreshAll`, cached data off screen stays current. */
  autoRefresh(): void;
  setFocused(focused: boolean): void;

  setInstance(id: string | null): void;
  /** Pushes a view; the view under it keeps its list state for Back. */
  push(
    screen: string,
    view: ViewKind,
    opts?: { params?: Record<string, string>; itemId?: string; label?: string },
  ): void;
  /** Replaces the whole stack with one list view (palette jumps). */
  jump(screen: string, params?: Record<string, string>): void;
  /** Swaps the current context with `previous` (k9s "last view"); false when there is none. */
  lastView(): boolean;
  /** Pops the top view; returns false at the root. */
  back(): boolean;
  updateList(patch: Partial<ListState>): void;
  setDetailScroll(scroll: number): void;
  setTab(tab: number): void;

  pushModal(modal: ModalSpec): void;
  popModal(): void;
  setStatus(status: StatusMessage | null): void;
  showError(error: unknown, context?: string): void;
  setAutoRefresh(ms: number | null): void;
  toggleReveal(id: string): void;
}

export interface DashboardStore extends StoreApi<DashboardState> {
  client: RomaClient;
  whenIdle(): Promise<void>;
  /** Aborts every request; call on exit. */
  dispose(): void;
}

export interface CreateStoreOptions {
  instanceId?: string | null;
  rootScreen?: string;
  autoRefreshMs?: number | null;
  now?: () => number;
}

/** Rows of a list still loading are drawn at most this often (the first page at once). */
const PARTIAL_EVERY_MS = 100;

function longer(a: unknown, b: unknown): boolean {
  return Array.isArray(a) && Array.isArray(b) && a.length > b.length;
}

const NONE_REVEALED: Readonly<Record<string, true>> = Object.freeze({});

export function sliceId(family: string, key: string): string {
  return `${family}\u0000${key}`;
}

export function createDashboardStore(client: RomaClient, opts: CreateStoreOptions = {}): DashboardStore {
  const now = opts.now ?? Date.now;
  // Assigned once the store exists; InFlight reports count changes into it.
  let setCount: (n: number) => void = () => {};
  const inflight = new InFlight((n) => setCount(n));

  const store = createStore<DashboardState>()((set, get) => {
    const patchSlice = (family: string, key: string, patch: Partial<ResourceSlice>): void =>
      set((s) => {
        const fam = s.resources[family] ?? {};
        const prev = fam[key] ?? EMPTY_SLICE;
        return { resources: { ...s.resources, [family]: { ...fam, [key]: { ...prev, ...patch } } } };
      });

    const updateTop = (fn: (e: NavEntry) => NavEntry): void =>
      set((s) => {
        const top = s.stack[s.stack.length - 1];
        if (!top) return {};
        return { stack: [...s.stack.slice(0, -1), fn(top)] };
      });

    // refreshTick at the start of each running request: a request started before a refresh (or before
    // the change a mutation made) must not stand in for the reload, or pre-change data lands as fresh.
    const startedAtTick = new WeakMap<AbortSignal, number>();
    // Slice id -> refreshTick at the start of the request whose data the slice holds.
    const dataTick = new Map<string, number>();

    /** The running request for a slice, if it can still answer for the current refresh generation. */
    const reusable = (id: string) => {
      const running = inflight.get(id);
      if (!running || running.controller.signal.aborted) return undefined;
      if (startedAtTick.get(running.controller.signal) !== get().refreshTick) return undefined;
      return running;
    };

    /**
     * The first rows of a paged list while the rest loads: the first page at once, later ones at most
     * every PARTIAL_EVERY_MS (each is a render of the list). A reload keeps the rows it shows until
     * the new list is whole: only rows beyond what is shown replace them.
     */
    function partialRows<T>(req: ResourceRequest<T, RomaClient>, signal: AbortSignal, owns: () => boolean) {
      let pending: { data: T; progress: ListProgress } | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let last = -Infinity;
      const apply = () => {
        timer = undefined;
        const p = pending;
        pending = undefined;
        if (!p || signal.aborted || !owns()) return;
        const prev = get().resources[req.family]?.[req.key];
        const shown = prev?.data;
        if (shown != null && (prev?.progress === undefined || !longer(p.data, shown))) return;
        last = Date.now();
        patchSlice(req.family, req.key, { data: p.data, progress: p.progress });
      };
      return {
        show(data: T, progress: ListProgress) {
          pending = { data, progress };
          if (timer !== undefined) return;
          const wait = last + PARTIAL_EVERY_MS - Date.now();
          if (wait <= 0) apply();
          else timer = setTimeout(apply, wait);
        },
        cancel() {
          if (timer !== undefined) clearTimeout(timer);
          timer = undefined;
          pending = undefined;
        },
        flush() {
          if (timer !== undefined) clearTimeout(timer);
          apply();
        },
      };
    }

    function load<T>(req: ResourceRequest<T, RomaClient>): Promise<void> {
      const id = sliceId(req.family, req.key);
      const running = reusable(id);
      if (running) return running.promise;
      inflight.get(id)?.controller.abort(); // superseded by a newer refresh generation
      patchSlice(req.family, req.key, { loading: true });
      const tick = get().refreshTick;
      const promise = inflight.start(id, req.channel, async (signal) => {
        startedAtTick.set(signal, tick);
        // A newer request for the same slice may have started after this one was aborted.
        const ownsSlice = () => {
          const r = inflight.get(id);
          return r === undefined || r.controller.signal === signal;
        };
        const warnings: string[] = [];
        const partial = partialRows(req, signal, ownsSlice);
        try {
          const data = await req.fetch(client, signal, (w) => void warnings.push(...w), partial.show);
          partial.cancel();
          if (signal.aborted) {
            if (ownsSlice()) patchSlice(req.family, req.key, { loading: false });
            return;
          }
          dataTick.set(id, tick);
          patchSlice(req.family, req.key, {
            data,
            loading: false,
            error: null,
            stale: false,
            fetchedAt: now(),
            warnings: warnings.length > 0 ? warnings : undefined,
            progress: undefined,
          });
        } catch (err) {
          if (signal.aborted) {
            partial.cancel();
            // Superseded: not an error worth showing.
            if (ownsSlice()) patchSlice(req.family, req.key, { loading: false });
            return;
          }
          // A later page failed: the rows before it stay shown, `progress` says how many.
          partial.flush();
          const error = toRomaError(err);
          const prev = get().resources[req.family]?.[req.key];
          patchSlice(req.family, req.key, {
            loading: false,
            error,
            stale: prev?.data != null && prev.progress === undefined,
          });
        }
      });
      return promise;
    }

    // setInstance + jump in one turn (`:ctx`) are one change of context: the first saves it.
    let saving = false;
    const saveContext = (): void => {
      if (saving) return;
      saving = true;
      queueMicrotask(() => {
        saving = false;
      });
      const s = get();
      set({ previous: { instanceId: s.instanceId, stack: s.stack } });
    };

    return {
      resources: {},
      instanceId: opts.instanceId ?? null,
      stack: [makeEntry(opts.rootScreen ?? 'instances', 'list')],
      modals: [],
      status: null,
      autoRefreshMs: opts.autoRefreshMs ?? null,
      revealed: NONE_REVEALED,
      inFlight: 0,
      refreshTick: 0,
      autoTick: 0,
      focused: true,
      previous: null,
      actions: {
        ensure(req) {
          // An aborted request still "loading" (the user moved away and came back before it settled)
          // would end without data: only a live request counts as in progress.
          const running = inflight.get(sliceId(req.family, req.key));
          if (running && !running.controller.signal.aborted) return running.promise;
          // A failed load is retried by the next use, and `r` outdates everything cached, not only what
          // is on screen: otherwise one failure disables the actions that need the slice until restart.
          const id = sliceId(req.family, req.key);
          const slice = get().resources[req.family]?.[req.key];
          const current =
            slice?.data != null && slice.error == null && dataTick.get(id) === get().refreshTick;
          if (current) return Promise.resolve();
          return load(req);
        },
        load,
        abortChannel: (channel) => inflight.abortChannel(channel),
        refreshAll: () => set((s) => ({ refreshTick: s.refreshTick + 1 })),
        autoRefresh: () => set((s) => ({ autoTick: s.autoTick + 1 })),
        setFocused: (focused) => {
          if (get().focused !== focused) set({ focused });
        },

        // Leaving a view (navigation, a modal opened or closed) masks every revealed secret again.
        setInstance(id) {
          if (id !== get().instanceId) saveContext();
          set({ instanceId: id, revealed: NONE_REVEALED });
        },
        push: (screen, view, o) =>
          set((s) => ({ stack: [...s.stack, makeEntry(screen, view, o)], revealed: NONE_REVEALED })),
        jump(screen, params) {
          saveContext();
          set({ stack: [makeEntry(screen, 'list', params ? { params } : {})], revealed: NONE_REVEALED });
        },
        lastView() {
          const { previous, instanceId, stack } = get();
          if (!previous) return false;
          set({
            instanceId: previous.instanceId,
            stack: previous.stack,
            previous: { instanceId, stack },
            revealed: NONE_REVEALED,
          });
          return true;
        },
        back() {
          const { stack } = get();
          if (stack.length <= 1) return false;
          set({ stack: stack.slice(0, -1), revealed: NONE_REVEALED });
          return true;
        },
        updateList: (patch) => updateTop((e) => ({ ...e, list: { ...e.list, ...patch } })),
        setDetailScroll: (scroll) => updateTop((e) => ({ ...e, detailScroll: Math.max(0, scroll) })),
        setTab: (tab) => updateTop((e) => ({ ...e, tab, detailScroll: 0 })),

        pushModal: (modal) => set((s) => ({ modals: [...s.modals, modal], revealed: NONE_REVEALED })),
        popModal: () => set((s) => ({ modals: s.modals.slice(0, -1), revealed: NONE_REVEALED })),
        setStatus: (status) => set({ status }),
        showError(error, context) {
          const e: RomaError = toRomaError(error);
          const text = context ? `${context}: ${e.message}` : e.message;
          set({
            status: {
              level: 'error',
              text,
              code: e.errorCode ?? (e.status !== undefined ? String(e.status) : e.kind),
              ...(e.hint ? { hint: e.hint } : {}),
            },
          });
        },
        setAutoRefresh: (ms) => set({ autoRefreshMs: ms && ms > 0 ? ms : null }),
        toggleReveal: (id) =>
          set((s) => {
            const revealed = { ...s.revealed };
            if (revealed[id]) delete revealed[id];
            else revealed[id] = true;
            return { revealed };
          }),
      },
    };
  });

  setCount = (n) => store.setState({ inFlight: n });
  return Object.assign(store, {
    client,
    whenIdle: () => inflight.whenIdle(),
    dispose: () => inflight.abortAll(),
  });
}

export type { ListState, NavEntry, ViewKind } from './navigation.ts';
export type { ResourceRequest, ResourceSlice } from './slice.ts';
export type { ModalSpec, StatusMessage } from './ui.ts';
