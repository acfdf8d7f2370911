// Lists of what a group or a throttling policy holds, each with its form: a group's environment
// variables (4.5, one row per variable × environment, the value edited in place with `e`) and a
// policy's special settings (4.9, per app or per tenant). Opened with `O` from their parent.
import type { EnvVariable } from '../../src/api/types/envs.ts';
import type { ThrottleSpecial } from '../../src/api/types/throttles.ts';
import { fields, str } from '../format.ts';
import type { ResourceAction } from '../types.ts';
import { defineResource } from '../types.ts';

type VariableRow = EnvVariable & { env_name?: string };

const needs = (what: string) => new Error(`${what}: open it from its parent (O on the list that holds it)`);

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
    if (!groupId) throw needs('Environment variables belong to a group');
    const inst = client.instance(instanceId as string);
    const [vars, envs] = await Promise.all([
      inst.envVariables.listAll({ group_id: groupId }, { signal, onWarnings: warn }),
      inst.envs.listAll({}, { signal }),
    ]);
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
  list({ client, instanceId, params, signal, warn }) {
    const throttleId = params['throttleId'];
    if (!throttleId) throw needs('Special settings belong to a throttling policy');
    return client
      .instance(instanceId as string)
      .throttleSpecials.of(throttleId)
      .listAll({}, { signal, onWarnings: warn });
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
