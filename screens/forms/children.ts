// Lists of what a group or a throttling policy holds, each with its form: a group's environment
// variables (4.5, one row per variable × environment, the value edited in place with `e`) and a
// policy's special settings (4.9, per app or per tenant). Opened with `O` from their parent.
import type { EnvVariable } from '../../src/api/types/envs.ts';
import type { ThrottleSpecial } from '../../src/api/types/throttles.ts';
import { fields, str } from '../format.ts';
import { removable } from '../remove.ts';
import type { ResourceAction } from '../types.ts';
import { defineResource } from '../types.ts';

type VariableRow = EnvVariable & { env_name?: string };

export const variablesScreen = defineResource<VariableRow>({
  id: 'variables',
  title: 'Environment variables',
  aliases: ['vars', 'variable'],
  instanceScoped: true,
  columns: [
    { id: 'env', title: 'ENVIRONMENT', minWidth: 12, maxWidth: 24, get: (r) => r.env_name ?? str(r.env_id) },
    { id: 'name', title: 'NAME', minWidth: 12, maxWidth: 32, get: (r) => r.variable_name },
    { id: 'value', title: 'VALUE', minWidth: 16, get: (r) => str(r.variable_value) },
  ],
  idOf: (r) => r.id,
  nameOf: (r) => `${r.variable_name} (${r.env_name ?? str(r.env_id)})`,
  scopeLabel: (p) => (p['groupName'] ? `group: ${p['groupName']}` : undefined),
  async list({ client, instanceId, params, signal, warn }) {
    const groupId = params['groupId'];
    const inst = client.instance(instanceId as string);
    // 4.5.3 needs a group: opened from the palette (no group), every group's variables are listed.
    const groupIds = groupId
      ? [groupId]
      : (await inst.groups.listAll({}, { signal, onWarnings: warn })).map((g) => g.id);
    const [perGroup, envs] = await Promise.all([
      Promise.all(
        groupIds.map((id) => inst.envVariables.listAll({ group_id: id }, { signal, onWarnings: warn })),
      ),
      inst.envs.listAll({}, { signal }),
    ]);
    const vars = perGroup.flat();
    const names = new Map(envs.map((e) => [e.id, e.name]));
    // Grouped by name, then environment: the group × environment grid read row by row.
    return vars
      .map((v) => ({ ...v, env_name: names.get(str(v.env_id)) ?? str(v.env_id) }))
      .sort((a, b) => a.variable_name.localeCompare(b.variable_name) || a.env_name.localeCompare(b.env_name));
  },
  summary: (r) => [
    {
      title: 'Environment variable',
      blocks: [
        fields(
          ['name', r.variable_name],
          ['environment', r.env_name],
          ['value', r.variable_value],
          ['id', r.id],
          ['group id', r.group_id],
        ),
      ],
    },
  ],
  remove: removable<VariableRow>({
    noun: 'environment variable',
    name: (r) => `${r.variable_name} (${r.env_name ?? str(r.env_id)})`,
    id: (r) => r.id,
    effect: (s) => `${s} is deleted from its group in that environment`,
    family: (c) => c.envVariables,
  }),
});

export const specialsScreen = defineResource<ThrottleSpecial>({
  id: 'specials',
  title: 'Special throttling settings',
  aliases: ['special', 'excluded'],
  instanceScoped: true,
  columns: [
    { id: 'type', title: 'TYPE', width: 6, get: (r) => str(r.object_type) },
    { id: 'object', title: 'APP / TENANT', minWidth: 16, get: (r) => str(r.object_name || r.object_id) },
    {
      id: 'limit',
      title: 'LIMIT',
      width: 10,
      align: 'right',
      get: (r) => str(r.call_limits),
      sortValue: (r) => r.call_limits ?? 0,
    },
    { id: 'applied', title: 'SET', width: 22, get: (r) => str(r.apply_time) },
  ],
  idOf: (r) => r.id,
  nameOf: (r) => str(r.object_name || r.object_id || r.id),
  scopeLabel: (p) => (p['throttleName'] ? `policy: ${p['throttleName']}` : undefined),
  async list({ client, instanceId, params, signal, warn }) {
    const throttleId = params['throttleId'];
    const inst = client.instance(instanceId as string);
    // 4.9.3 needs the policy id; 4.9.4 names it (`throttle_id`), the policy asked for fills it if absent.
    const withPolicy = (id: string) => (rows: ThrottleSpecial[]) =>
      rows.map((r) => ({ ...r, throttle_id: r.throttle_id || id }));
    if (throttleId)
      return inst.throttleSpecials
        .of(throttleId)
        .listAll({}, { signal, onWarnings: warn })
        .then(withPolicy(throttleId));
    // Opened from the palette: the special settings of every policy that has some.
    const policies = (await inst.throttles.listAll({}, { signal, onWarnings: warn })).filter(
      (t) => t.is_inclu_special_throttle === 1,
    );
    const lists = await Promise.all(
      policies.map((t) =>
        inst.throttleSpecials.of(t.id).listAll({}, { signal, onWarnings: warn }).then(withPolicy(t.id)),
      ),
    );
    return lists.flat();
  },
  summary: (r) => [
    {
      title: 'Special throttling setting',
      blocks: [
        fields(
          ['type', r.object_type],
          ['object', r.object_name],
          ['object id', r.object_id],
          ['limit', r.call_limits],
          ['set', r.apply_time],
        ),
      ],
    },
  ],
  remove: removable<ThrottleSpecial>({
    noun: 'special throttling setting',
    name: (r) => str(r.object_name || r.object_id || r.id),
    id: (r) => r.id,
    effect: (s) => `${s} is deleted; the policy's general limit applies to it again`,
    family: (c, r) => ({
      remove: (id: string) => c.throttleSpecials.remove(r.throttle_id ?? '', id),
    }),
  }),
});

/** `O` on a group or a throttling policy: the list of what it holds. */
export function openItemsAction(
  screen: string,
  params: (row: { id: string; name: string }) => Record<string, string>,
): ResourceAction<unknown> {
  return {
    command: 'openItems',
    title: screen === 'variables' ? 'Environment variables of the group' : 'Special settings of the policy',
    mutating: false,
    run({ store, item }) {
      const row = item as { id: string; name: string };
      store.getState().actions.push(screen, 'list', { params: params(row), label: row.name });
    },
  };
}
