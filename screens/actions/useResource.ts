// Loads one request through the dashboard store on mount and on every refresh tick, and returns its slice.
import { useEffect, useMemo } from 'react';
import type { RomaClient } from '../../src/api/client.ts';
import {
  selectSlice,
  useActions,
  useStore,
  type ResourceRequest,
  type ResourceSlice,
} from '../../src/store/index.ts';

export function useResource<T>(req: ResourceRequest<T, RomaClient>): ResourceSlice<T> {
  const actions = useActions();
  const tick = useStore((s) => s.refreshTick);
  const selector = useMemo(() => selectSlice<T>(req.family, req.key), [req.family, req.key]);
  const slice = useStore(selector);
  useEffect(() => {
    void actions.load(req);
    // req is rebuilt each render; its family/key identify it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [actions, req.family, req.key, tick]);
  return slice;
}
