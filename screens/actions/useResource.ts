// Loads one request through the dashboard store on mount and on every refresh tick, and returns its slice.
// With a screen's request (src/app/screen-requests.ts) the flow reads the screen's own slice; `select`
// derives what the flow shows from it (a pure function of the data, recomputed when the data changes).
import { useEffect, useMemo } from 'react';
import type { RomaClient } from '../../src/api/client.ts';
import {
  selectSlice,
  useActions,
  useStore,
  type ResourceRequest,
  type ResourceSlice,
} from '../../src/store/index.ts';

export interface UseResourceOptions<T, U> {
  /** What the flow needs from the data (e.g. environment refs from the environment rows). */
  select?: (data: T) => U;
  /** What else `select` depends on (e.g. the environment chosen): a new value derives again. */
  selectKey?: string;
  /**
   * Take what the cache holds since the last refresh instead of reading again on open: for pickers
   * whose choice the service checks anyway (an environment, a policy). Flows that decide a change
   * from the data (who is bound, what is authorized) leave it off and read again when they open.
   */
  cached?: boolean;
}

export function useResource<T, U = T>(
  req: ResourceRequest<T, RomaClient>,
  opts: UseResourceOptions<T, U> = {},
): ResourceSlice<U> {
  const actions = useActions();
  const tick = useStore((s) => s.refreshTick);
  const selector = useMemo(() => selectSlice<T>(req.family, req.key), [req.family, req.key]);
  const slice = useStore(selector);
  useEffect(() => {
    void (opts.cached ? actions.ensure(req) : actions.load(req));
    // req is rebuilt each render; its family/key identify it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [actions, req.family, req.key, tick]);
  const select = opts.select;
  return useMemo(
    () =>
      select && slice.data != null
        ? { ...slice, data: select(slice.data) }
        : (slice as unknown as ResourceSlice<U>),
    // `select` is a pure function of the data and `selectKey`
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [slice, opts.selectKey],
  );
}
