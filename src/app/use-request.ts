// The one fetch hook: a view or a dialog names the request(s) it shows; the hook subscribes to their
// slices and ensures or loads them on mount, on refresh ticks and (when asked) on auto-refresh ticks,
// by the freshness rules of src/store/freshness.ts. useList, usePart, useOverviewParts (data.ts) and
// the flows' useResource only build requests for it.
import { useEffect, useMemo, useRef } from 'react';
import type { RomaClient } from '../api/client.ts';
import { readKind, type Freshness } from '../store/freshness.ts';
import { useActions, useStore, useStoreShallow } from '../store/react.tsx';
import { selectSlice } from '../store/selectors.ts';
import { EMPTY_SLICE, type ResourceRequest, type ResourceSlice } from '../store/slice.ts';

export interface RequestOptions<T, U> {
  /** See Freshness; `show` by default. */
  freshness?: Freshness;
  /** An auto-refresh tick reloads it (an open detail's parts; a list has its own, useVisibleRefresh). */
  followAutoTick?: boolean;
  /** Read what the cache holds, ask nothing (e.g. a list blocked until an instance is chosen). */
  paused?: boolean;
  /** What the reader needs from the data: a pure function of it, recomputed when the data changes. */
  select?: (data: T) => U;
  /** What else `select` depends on: a new value derives again. */
  selectKey?: string;
}

type AnyRequest = ResourceRequest<unknown, RomaClient>;

/**
 * Whether an auto-refresh tick came since it was last asked (since mount at first). Only readers
 * that follow the ticks subscribe to them: the others do not render again on each tick.
 */
function useAutoTicked(follow: boolean): { auto: number; ticked: () => boolean } {
  const auto = useStore((s) => (follow ? s.autoTick : 0));
  const seen = useRef(auto);
  return {
    auto,
    ticked: () => {
      const ticked = seen.current !== auto;
      seen.current = auto;
      return ticked;
    },
  };
}

/** Runs the reads of `reqs` (identified by `ids`) when the freshness rules say so. */
function useReads(reqs: readonly AnyRequest[], ids: string, opts: RequestOptions<unknown, unknown>): void {
  const actions = useActions();
  const refreshTick = useStore((s) => s.refreshTick);
  const follow = opts.followAutoTick === true;
  const { auto, ticked } = useAutoTicked(follow);
  const freshness = opts.freshness ?? 'show';
  useEffect(() => {
    if (opts.paused || reqs.length === 0) return;
    const kind = readKind(freshness, { refreshTick, autoTicked: follow && ticked() });
    for (const req of reqs) void actions[kind](req);
    // the requests are rebuilt each render: their family/key (`ids`) identify them
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [actions, ids, opts.paused, freshness, refreshTick, auto]);
}

const idOf = (req: AnyRequest) => `${req.family}\u0000${req.key}`;

/** One request's slice (`select`ed), read by the freshness rules; null: nothing to read. */
export function useRequest<T, U = T>(
  req: ResourceRequest<T, RomaClient> | null,
  opts: RequestOptions<T, U> = {},
): ResourceSlice<U> {
  const family = req?.family ?? '';
  const key = req?.key ?? '';
  const selector = useMemo(() => selectSlice<T>(family, key), [family, key]);
  const slice = useStore(selector);
  const reqs = req ? [req as unknown as AnyRequest] : [];
  useReads(reqs, req ? idOf(reqs[0] as AnyRequest) : '', opts as RequestOptions<unknown, unknown>);
  const select = opts.select;
  const none = req === null;
  return useMemo(
    () =>
      none
        ? (EMPTY_SLICE as ResourceSlice<U>)
        : select && slice.data != null
          ? { ...slice, data: select(slice.data) }
          : (slice as unknown as ResourceSlice<U>),
    // `select` is a pure function of the data and `selectKey`
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [slice, none, opts.selectKey],
  );
}

/** The data of several requests read together (null where none arrived yet), shallow-stable. */
export function useRequests(
  reqs: readonly AnyRequest[],
  opts: Omit<RequestOptions<unknown, unknown>, 'select' | 'selectKey'> = {},
): ReadonlyArray<unknown> {
  const datas = useStoreShallow((s) => reqs.map((r) => s.resources[r.family]?.[r.key]?.data ?? null));
  useReads(reqs, reqs.map(idOf).join('\u0001'), opts);
  return datas;
}
