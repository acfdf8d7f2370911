// A read outside a view (a key's action, a dialog's step, the debug console): one request through the
// store, its data handed back, or its error thrown. The data lands in the same slice a view would read.
import type { RomaClient } from '../api/client.ts';
import { RomaError } from '../api/errors.ts';
import { readKind } from './freshness.ts';
import { selectSlice } from './selectors.ts';
import type { ResourceRequest } from './slice.ts';
import type { DashboardStore } from './store.ts';

export interface ReadOptions {
  /**
   * Take what the cache holds since the last refresh (`ensure`) instead of reading again (`load`): for
   * choices the service checks anyway. A read that decides a change leaves it off.
   */
  cached?: boolean;
}

export async function readThrough<T>(
  store: DashboardStore,
  req: ResourceRequest<T, RomaClient>,
  opts: ReadOptions = {},
): Promise<T> {
  const { actions } = store.getState();
  const at = { refreshTick: store.getState().refreshTick, autoTicked: false };
  const kind = readKind(opts.cached ? 'cached' : 'fresh', at);
  // A load aborted because a newer one replaced it resolves without an error and leaves no data, or
  // only the first pages: that is no answer. Read once more; then say so rather than hand back a part.
  for (let attempt = 0; attempt < 2; attempt++) {
    await actions[attempt === 0 ? kind : 'load'](req);
    const slice = selectSlice<T>(req.family, req.key)(store.getState());
    if (slice.error) throw slice.error;
    if (!slice.loading && !slice.progress && slice.data != null) return slice.data;
  }
  throw new RomaError({
    kind: 'network',
    method: 'GET',
    path: req.family,
    errorMsg: 'the read was interrupted before its answer was complete',
    hint: 'open it again',
  });
}
