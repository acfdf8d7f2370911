// The `usedBy` capability (issue 17) on the eight resources a reverse lookup starts from: it opens the
// APIs list scoped to the row (screens/used-by.ts). Apart from used-by.ts, which apis.ts imports, so
// the registry is not imported back by a descriptor.
import { registerActions } from './registry.ts';
import type { ResourceAction } from './types.ts';
import { LOOKUPS, USED_BY, usedByParams, type UsedByKind } from './used-by.ts';

function usedByAction(kind: UsedByKind): ResourceAction<unknown> {
  const l = LOOKUPS[kind];
  return {
    command: 'usedBy',
    title: kind === 'env' ? 'APIs published in the environment' : `APIs using the ${l.noun}`,
    run({ store, item }) {
      const params = usedByParams(kind, item);
      store.getState().actions.push('apis', 'list', { params, label: `used by ${params[USED_BY.name]}` });
    },
  };
}

/** Binds `usedBy` on the eight resources (called once from registerActionModals). */
export function registerUsedByActions(): void {
  for (const kind of Object.keys(LOOKUPS) as UsedByKind[])
    registerActions(LOOKUPS[kind].resource, [usedByAction(kind)]);
}
