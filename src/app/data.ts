// The screens' reads: each hook builds its requests and hands them to the one fetch hook (use-request.ts).
import { useEffect, useMemo } from 'react';
import type { DetailPart, ResourceDescriptor } from '../../screens/types.ts';
import type { ResourceSlice } from '../store/slice.ts';
import { useActions, useStore } from '../store/react.tsx';
import { selectSlice } from '../store/selectors.ts';
import { listKey, listRequest, partRequest } from './screen-requests.ts';
import { instancesScreen } from '../../screens/instances.ts';
import { useRequest, useRequests } from './use-request.ts';

// The request builders live in screen-requests.ts (no React): flows and the debug console build the
// same requests to share the screens' slices.
export { lazyCellRequest, listKey, listRequest, partRequest } from './screen-requests.ts';

/** A list's slice, read when shown and after refresh ticks (auto-refresh: useVisibleRefresh). */
export function useList(
  d: ResourceDescriptor,
  params: Readonly<Record<string, string>>,
): { slice: ResourceSlice<unknown[]>; blocked: boolean } {
  const instanceId = useStore((s) => s.instanceId);
  const blocked = d.instanceScoped && instanceId === null;
  const slice = useRequest(listRequest(d, instanceId, params), { paused: blocked });
  return { slice, blocked };
}

/** One detail part of an item, read when shown; an open detail follows auto-refresh ticks too. */
export function usePart(
  d: ResourceDescriptor,
  part: DetailPart<unknown, unknown> | undefined,
  item: unknown,
): ResourceSlice<unknown> | null {
  const instanceId = useStore((s) => s.instanceId);
  const req = part && item !== undefined ? partRequest(d, part, instanceId, item) : null;
  const slice = useRequest(req, { followAutoTick: true });
  return part ? slice : null;
}

/**
 * Data of the descriptor's `overviewParts` for the Overview: each is read like its own tab (one
 * slice, shared with it) while `active`; returns what has arrived, by part id.
 */
export function useOverviewParts(
  d: ResourceDescriptor,
  item: unknown,
  active: boolean,
): Readonly<Record<string, unknown>> {
  const instanceId = useStore((s) => s.instanceId);
  const parts = (d.parts ?? []).filter((p) => d.overviewParts?.includes(p.id));
  const reqs = item === undefined ? [] : parts.map((p) => partRequest(d, p, instanceId, item));
  const datas = useRequests(reqs, { followAutoTick: true, paused: !active });
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
