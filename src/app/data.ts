// Hooks that connect descriptors to the store: request on mount / refresh, read through selectors.
import { useEffect, useMemo, useRef } from 'react';
import type { DetailPart, ResourceDescriptor } from '../../screens/types.ts';
import type { ResourceSlice } from '../store/slice.ts';
import { useActions, useStore, useStoreShallow } from '../store/react.tsx';
import { selectSlice } from '../store/selectors.ts';
import { listKey, listRequest, partRequest } from './screen-requests.ts';
import { instancesScreen } from '../../screens/instances.ts';
import { resourceById } from '../../screens/registry.ts';
import type { DashboardStore } from '../store/store.ts';

// The request builders live in screen-requests.ts (no React): flows and the debug console build the
// same requests to share the screens' slices.
export { lazyCellRequest, listKey, listRequest, partRequest } from './screen-requests.ts';

/** Loads a list when shown; reloads on refresh ticks. Returns the slice. */
export function useList(
  d: ResourceDescriptor,
  params: Readonly<Record<string, string>>,
): { slice: ResourceSlice<unknown[]>; blocked: boolean } {
  const instanceId = useStore((s) => s.instanceId);
  const tick = useStore((s) => s.refreshTick);
  const actions = useActions();
  const blocked = d.instanceScoped && instanceId === null;
  const key = listKey(instanceId, params);
  const slice = useStore(selectSlice<unknown[]>(d.id, key));
  useEffect(() => {
    if (blocked) return;
    const req = listRequest(d, instanceId, params);
    void (tick === 0 ? actions.ensure(req) : actions.load(req));
    // params are covered by key
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [d, key, tick, blocked]);
  return { slice, blocked };
}

/** A function telling whether an auto-refresh tick came since it was last asked (since mount at first). */
function useAutoTicked(): () => boolean {
  const auto = useStore((s) => s.autoTick);
  const seen = useRef(auto);
  return () => {
    const ticked = seen.current !== auto;
    seen.current = auto;
    return ticked;
  };
}

/** Loads one detail part for an item; `live` parts follow auto-refresh ticks. */
export function usePart(
  d: ResourceDescriptor,
  part: DetailPart<unknown, unknown> | undefined,
  item: unknown,
): ResourceSlice<unknown> | null {
  const instanceId = useStore((s) => s.instanceId);
  const tick = useStore((s) => s.refreshTick);
  const actions = useActions();
  const id = item === undefined ? '' : d.idOf(item);
  const family = part ? `${d.id}.${part.id}` : '';
  const slice = useStore(selectSlice<unknown>(family, `${instanceId ?? '-'}|${id}`));
  // an open detail is on screen: auto-refresh ticks after it opened reload it too
  const autoTicked = useAutoTicked();
  const auto = useStore((s) => s.autoTick);
  useEffect(() => {
    if (!part || item === undefined) return;
    const req = partRequest(d, part, instanceId, item);
    void (tick === 0 && !autoTicked() ? actions.ensure(req) : actions.load(req));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [d, part, id, instanceId, tick, auto]);
  return part ? slice : null;
}

/**
 * Data of the descriptor's `overviewParts` for the Overview: each is ensured (fetched once, shared
 * with its own tab) while `active`; returns what has arrived, by part id.
 */
export function useOverviewParts(
  d: ResourceDescriptor,
  item: unknown,
  active: boolean,
): Readonly<Record<string, unknown>> {
  const instanceId = useStore((s) => s.instanceId);
  const tick = useStore((s) => s.refreshTick);
  const actions = useActions();
  const id = item === undefined ? '' : d.idOf(item);
  const parts = (d.parts ?? []).filter((p) => d.overviewParts?.includes(p.id));
  const key = `${instanceId ?? '-'}|${id}`;
  const datas = useStoreShallow((s) => parts.map((p) => s.resources[`${d.id}.${p.id}`]?.[key]?.data ?? null));
  const autoTicked = useAutoTicked();
  const auto = useStore((s) => s.autoTick);
  useEffect(() => {
    if (!active || item === undefined) return;
    // like usePart: after a refresh (`r`, an auto-refresh tick, or a change made by an action) the
    // parts are reloaded
    const reload = tick !== 0 || autoTicked();
    for (const p of parts) {
      const req = partRequest(d, p, instanceId, item);
      void (reload ? actions.load(req) : actions.ensure(req));
    }
    // parts follow d; the item is identified by id
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, d, id, instanceId, tick, auto]);
  return useMemo(() => {
    const out: Record<string, unknown> = {};
    parts.forEach((p, i) => {
      if (datas[i] != null) out[p.id] = datas[i];
    });
    return out;
    // datas is shallow-stable
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [datas, d]);
}

/**
 * The current instance's row of the instance list (name, status), loaded once when an instance is
 * set: the header names it, and a frozen instance's empty lists say why they are empty.
 */
export function useInstanceRow(): { id: string; name?: string; status?: unknown } | undefined {
  const instanceId = useStore((s) => s.instanceId);
  const actions = useActions();
  const row = useStore((s) =>
    selectSlice<Array<{ id: string; name?: string; status?: unknown }>>(
      instancesScreen.id,
      listKey(null, {}),
    )(s).data?.find((r) => r.id === s.instanceId),
  );
  useEffect(() => {
    // No channel: on the `list` channel it would abort the list on screen.
    const { channel: _list, ...req } = listRequest(instancesScreen, null, {});
    if (instanceId !== null) void actions.ensure(req);
  }, [instanceId, actions]);
  return row;
}

/**
 * Starts the requests of the first screen before the first render (start-up overlaps the first
 * round trip with loading and drawing): the top list, and the instance row the header names. The
 * views' `ensure` on mount then joins these requests instead of starting their own.
 */
export function prefetchFirstScreen(store: DashboardStore): void {
  const s = store.getState();
  const top = s.stack.at(-1);
  const d = top ? resourceById(top.screen) : undefined;
  if (!top || !d || top.view !== 'list') return;
  if (!(d.instanceScoped && s.instanceId === null))
    void s.actions.ensure(listRequest(d, s.instanceId, top.params));
  if (s.instanceId !== null) {
    const { channel: _list, ...req } = listRequest(instancesScreen, null, {});
    void s.actions.ensure(req);
  }
}
