// Connects the x-ray tree (xray-tree.ts) to the store: the tree is rebuilt from the slices as they
// land, and every request the walk needed is ensured once per refresh generation (a failed one is
// not retried in a loop: `r` or reopening the view asks again).
import { useEffect, useMemo, useRef } from 'react';
import { resourceById } from '../../screens/registry.ts';
import type { RomaClient } from '../api/client.ts';
import type { NavEntry } from '../store/navigation.ts';
import { useActions, useStore } from '../store/react.tsx';
import { selectSlice } from '../store/selectors.ts';
import { EMPTY_SLICE, type ResourceRequest, type ResourceSlice } from '../store/slice.ts';
import type { DashboardStore } from '../store/store.ts';
import { listKey, listRequest } from './data.ts';
import { buildXray, type XrayNode, type XrayTarget } from './xray-tree.ts';

type AnyReq = ResourceRequest<unknown, RomaClient>;

export function useXrayNodes(entry: NavEntry): XrayNode[] {
  const instanceId = useStore((s) => s.instanceId);
  const resources = useStore((s) => s.resources);
  const tick = useStore((s) => s.refreshTick);
  const actions = useActions();
  const apiId = entry.itemId ?? '';

  const { nodes, requests } = useMemo(() => {
    const wanted = new Map<string, AnyReq>();
    if (!instanceId || !apiId) return { nodes: [], requests: wanted };
    const need = <T>(req: ResourceRequest<T, RomaClient>): ResourceSlice<T> => {
      wanted.set(`${req.family}\u0000${req.key}`, req as AnyReq);
      return (resources[req.family]?.[req.key] as ResourceSlice<T> | undefined) ?? EMPTY_SLICE;
    };
    const built = buildXray({ instanceId, apiId, apiName: entry.label ?? apiId }, need);
    return { nodes: built, requests: wanted };
  }, [resources, instanceId, apiId, entry.label]);

  // slice id -> refresh generation it was asked for
  const asked = useRef(new Map<string, number>());
  const wantedKey = [...requests.keys()].join('\u0001');
  useEffect(() => {
    for (const [id, req] of requests) {
      if (asked.current.get(id) === tick) continue;
      asked.current.set(id, tick);
      void actions.ensure(req);
    }
    // requests are covered by wantedKey
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wantedKey, tick, actions]);
  return nodes;
}

/**
 * Enter on a node: its resource's list is loaded (the detail view reads the item from it), then the
 * detail is pushed over the x-ray, so Esc comes back to the same node.
 */
export async function openXrayTarget(store: DashboardStore, seq: number, target: XrayTarget): Promise<void> {
  const d = resourceById(target.screen);
  const { actions, instanceId } = store.getState();
  if (!d) return;
  actions.setStatus({ level: 'progress', text: `opening ${target.label}…` });
  const params = {};
  const inst = d.instanceScoped ? instanceId : null;
  await actions.ensure(listRequest(d, inst, params));
  const slice = selectSlice<unknown[]>(d.id, listKey(inst, params))(store.getState());
  // the user may have moved on while the list loaded
  if (store.getState().stack.at(-1)?.seq !== seq) return;
  if (!slice.data) {
    actions.showError(slice.error ?? new Error('not loaded'), `open ${target.label}`);
    return;
  }
  if (!slice.data.some((r) => d.idOf(r) === target.itemId)) {
    actions.setStatus({
      level: 'error',
      code: 'not-found',
      text: `${target.label} is not in the ${d.title} list (refresh with r)`,
    });
    return;
  }
  actions.setStatus(null);
  actions.push(d.id, 'detail', { itemId: target.itemId, label: target.label });
}
