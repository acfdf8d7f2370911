import type { ApiGroup } from '../src/api/types/groups.ts';
import type { EnvVariable, Environment } from '../src/api/types/envs.ts';
import type { ApiSummary } from '../src/api/types/apis.ts';
import { fields, str, table } from './format.ts';
import { definePart, defineResource } from './types.ts';

/** Groups list rows carry the API count, computed from the API list (the group list has no count). */
export interface GroupRow extends ApiGroup {
  api_count: number;
}

export const groupsScreen = defineResource<GroupRow>({
  id: 'groups',
  title: 'API groups',
  aliases: ['group', 'grp', 'g'],
  instanceScoped: true,
  columns: [
    { id: 'name', title: 'NAME', minWidth: 16, get: (r) => r.name },
    { id: 'id', title: 'ID', width: 32, get: (r) => r.id },
    {
      id: 'apis',
      title: 'APIS',
      width: 5,
      align: 'right',
      get: (r) => String(r.api_count),
      sortValue: (r) => r.api_count,
    },
    {
      id: 'domains',
      title: 'DOMAINS',
      minWidth: 12,
      get: (r) => str((r.url_domains ?? []).map((d) => d.domain).filter(Boolean)),
    },
    { id: 'updated', title: 'UPDATED', width: 20, get: (r) => str(r.update_time) },
  ],
  idOf: (r) => r.id,
  nameOf: (r) => r.name,
  async list({ client, instanceId, signal }) {
    const inst = client.instance(instanceId as string);
    const [groups, apis] = await Promise.all([
      inst.groups.listAll({}, { signal }),
      inst.apis.listAll({}, { signal }),
    ]);
    const counts = new Map<string, number>();
    for (const a of apis as ApiSummary[])
      if (a.group_id) counts.set(a.group_id, (counts.get(a.group_id) ?? 0) + 1);
    return groups.map((g) => ({ ...g, api_count: counts.get(g.id) ?? 0 }));
  },
  enter: (r) => ({ screen: 'apis', params: { groupId: r.id, groupName: r.name }, label: r.name }),
  summary: (r) => [
    {
      title: 'Group',
      blocks: [
        fields(
          ['name', r.name],
          ['id', r.id],
          ['APIs', r.api_count],
          ['remark', r.remark],
          ['integration app', r.roma_app_name ?? r.roma_app_id],
          ['registered', r.register_time],
          ['updated', r.update_time],
        ),
      ],
    },
    { title: 'Subdomains', blocks: [fields(['subdomain', r.sl_domain], ['all', r.sl_domains])] },
    {
      title: 'Bound domains',
      blocks: [
        table(
          ['DOMAIN', 'CNAME', 'SSL', 'MIN TLS'],
          (r.url_domains ?? []).map((d) => [d.domain, d.cname_status, d.ssl_name, d.min_ssl_version]),
        ),
      ],
    },
  ],
  parts: [
    definePart<GroupRow, { envs: Environment[]; vars: EnvVariable[] }>({
      id: 'variables',
      title: 'Environment variables',
      async fetch({ client, instanceId, signal }, r) {
        const inst = client.instance(instanceId as string);
        const [envs, vars] = await Promise.all([
          inst.envs.listAll({}, { signal }),
          inst.envVariables.listAll({ group_id: r.id }, { signal }),
        ]);
        return { envs, vars };
      },
      render: ({ envs, vars }) => {
        const name = new Map(envs.map((e) => [e.id, e.name]));
        const sorted = [...vars].sort((a, b) =>
          (name.get(a.env_id ?? '') ?? '').localeCompare(name.get(b.env_id ?? '') ?? ''),
        );
        return [
          {
            title: 'Environment variables',
            blocks: [
              table(
                ['ENVIRONMENT', 'NAME', 'VALUE'],
                sorted.map((v) => [name.get(v.env_id ?? '') ?? v.env_id, v.variable_name, v.variable_value]),
              ),
            ],
          },
        ];
      },
    }),
  ],
});
