// Members of an integration application (3.1.9–3.1.11): `m` opens one picker with the current members
// (to remove) and the candidates that are not members yet (3.1.11 `filter=members`, to add); the marked
// rows become one `integrationApp.members` call, confirmed naming who joins and who leaves.
import type { MutationAction } from '../../src/actions/types.ts';
import type { IntegrationApp } from '../../src/api/types/gateway-more.ts';
import type { ResourceAction } from '../types.ts';
import { GM_MODALS } from './modals.tsx';
import { fetchVia } from './requests.ts';

interface MemberRows {
  rows: Array<{ id: string; text: string }>;
  names: ReadonlyMap<string, string>;
}

/** Row ids carry the change: `remove:<user id>` for a member, `add:<user id>` for a candidate. */
export function memberRows(
  members: ReadonlyArray<{ id: string; name?: string }>,
  candidates: ReadonlyArray<{ id: string; name?: string }>,
): MemberRows {
  const names = new Map<string, string>();
  const label = (u: { id: string; name?: string }) => {
    const n = u.name || u.id;
    names.set(u.id, n);
    return n;
  };
  const isMember = new Set(members.map((u) => u.id));
  return {
    rows: [
      ...members.map((u) => ({ id: `remove:${u.id}`, text: `− remove  ${label(u)}  (member)` })),
      ...candidates
        .filter((u) => !isMember.has(u.id))
        .map((u) => ({ id: `add:${u.id}`, text: `+ add     ${label(u)}` })),
    ],
    names,
  };
}

/** The action of the chosen rows (a removal makes it destructive: typed `y`). */
export function membersAction(
  app: IntegrationApp,
  ids: readonly string[],
  names: ReadonlyMap<string, string>,
): MutationAction {
  const pick = (prefix: string) => ids.filter((i) => i.startsWith(prefix)).map((i) => i.slice(prefix.length));
  const add = pick('add:');
  const remove = pick('remove:');
  const nameOf = (id: string) => names.get(id) ?? id;
  const effects = [
    ...(add.length ? [`${add.map(nameOf).join(', ')} join ${app.name} (its roles apply to them)`] : []),
    ...(remove.length ? [`${remove.map(nameOf).join(', ')} leave ${app.name} and lose access to it`] : []),
  ];
  return {
    kind: 'call',
    call: { op: 'integrationApp.members', id: app.id, add, remove },
    title: remove.length ? 'Change application members' : 'Add application members',
    effect: effects.join('; '),
    object: `integration-app:${app.name}(${app.id}) members ${[
      ...add.map((id) => `+${nameOf(id)}`),
      ...remove.map((id) => `-${nameOf(id)}`),
    ].join(' ')}`,
    destructive: remove.length > 0,
  };
}

export function memberActions(): ReadonlyArray<ResourceAction<IntegrationApp>> {
  return [
    {
      command: 'members',
      title: 'Members: add from the candidates, remove members (Space marks several)',
      mutating: true,
      async run({ store, item, instanceId }) {
        // one load for both lists: the members and the candidates are asked in parallel
        const { members, candidates } = await fetchVia(
          store,
          'gm.appMembers',
          `${instanceId}|${item.id}`,
          async (client, signal) => {
            const apps = client.instance(instanceId ?? '').integrationApps;
            const [members, candidates] = await Promise.all([
              apps.members(item.id, { signal }),
              apps.candidates(item.id, true, { signal }),
            ]);
            return { members, candidates };
          },
        );
        const { rows, names } = memberRows(members.users, candidates);
        store.getState().actions.pushModal({
          kind: GM_MODALS.choose,
          props: {
            title: `Members of ${item.name} (${members.users.length})`,
            verb: 'apply',
            multi: true,
            empty: 'No member and no candidate user.',
            rows,
            action: (ids: string[]) => membersAction(item, ids, names),
          },
        });
      },
    },
  ];
}
