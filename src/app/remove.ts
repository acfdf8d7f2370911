// `D`, once for every resource with a remove capability: the selected (or marked) rows become one
// `delete` mutation, proposed to the mutations store, which confirms (naming the rows and the effect),
// sends, shows the outcome (a refusal with the service's code as it came), audits and refreshes.
import type { RemoveCapability, RemoveContext, ResourceDescriptor } from '../../screens/types.ts';
import type { MutationAction, RemoveCalls } from '../actions/types.ts';
import type { Capability } from './actions.ts';

export function deleteAction<T>(
  d: ResourceDescriptor,
  cap: RemoveCapability<T>,
  rows: readonly T[],
  ctx: RemoveContext,
): MutationAction {
  const byId = new Map(rows.map((r) => [d.idOf(r), r]));
  const rowOf = (id: string): T => {
    const r = byId.get(id);
    if (r === undefined) throw new Error(`${cap.noun} ${id} is not in the list`);
    return r;
  };
  const batch = cap.batch;
  const via: RemoveCalls = {
    single: (id) => cap.single(ctx, rowOf(id)),
    ...(batch ? { batch: (ids: string[]) => batch(ctx, ids.map(rowOf)) } : {}),
  };
  return {
    kind: 'delete',
    resource: d.id,
    noun: cap.noun,
    items: rows.map((r) => ({ id: d.idOf(r), name: d.nameOf(r) })),
    effect: cap.describe(rows),
    via,
  };
}

export function removeRunner(d: ResourceDescriptor, cap: RemoveCapability<unknown>): Capability {
  return {
    command: 'remove',
    title: `Delete ${cap.noun}`,
    dangerous: true,
    needsRow: true,
    run({ store, item, marked, instanceId, mutations, session }) {
      const rows = marked.length > 0 ? marked : item === undefined ? [] : [item];
      if (rows.length === 0 || !mutations || !instanceId) return;
      if (session && cap.available) {
        for (const r of rows) {
          const why = cap.available(r, session);
          if (why !== true) {
            store.getState().actions.setStatus({
              level: 'error',
              code: 'unavailable',
              text: `cannot delete ${cap.noun} ${d.nameOf(r)}: ${why}`,
            });
            return;
          }
        }
      }
      mutations.getState().actions.propose(deleteAction(d, cap, rows, { client: store.client, instanceId }));
    },
  };
}
