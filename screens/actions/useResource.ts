// A flow's read through the one fetch hook (src/app/use-request.ts): on open and on every refresh
// tick. With a screen's request (src/app/screen-requests.ts) the flow reads the screen's own slice;
// `select` derives what the flow shows from it (a pure function of the data, recomputed when it changes).
import type { RomaClient } from '../../src/api/client.ts';
import { useRequest } from '../../src/app/use-request.ts';
import type { ResourceRequest, ResourceSlice } from '../../src/store/index.ts';

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
  { cached, ...opts }: UseResourceOptions<T, U> = {},
): ResourceSlice<U> {
  return useRequest(req, { ...opts, freshness: cached ? 'cached' : 'fresh' });
}
