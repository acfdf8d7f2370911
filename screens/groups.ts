import type { ApiGroup } from '../src/api/types/groups.ts';
import type { EnvVariable, Environment } from '../src/api/types/envs.ts';
import { fields, str, table, ageColumn } from './format.ts';
import { definePart, defineResource } from './types.ts';
import { removable } from './remove.ts';
import { listOptions } from './list-options.ts';

/**
 * The group list (4.2.x) has no API count, and counting from the whole API list costs every API at
 * scale. The count is a lazy cell: `total` of a one-row API list filtered by group, asked only for
 * the rows on screen.
 */
export type GroupRow = ApiGroup;

export const GROUP_API_COUNT = 'groups.apiCount';

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
      get: () => '…',
      lazy: {
        family: GROUP_API_COUNT,
        async fetch({ client, instanceId, signal }, r) {
          const page = await client
            .instance(instanceId as string)
            .apis.list({ group_id: r.id, limit: 1 }, { signal });
          return page.total;
        },
      },
    },
    {
      id: 'domains',
      title: 'DOMAINS',
      minWidth: 12,
      get: (r) => str((r.url_domains ?? []).map((d) => d.domain).filter(Boolean)),
    },
    ageColumn('updated', 'UPDATED', (r) => r.update_time),
  ],
  idOf: (r) => r.id,
  nameOf: (r) => r.name,
  async list(ctx) {
    return ctx.client.instance(ctx.instanceId as string).groups.listAll({}, listOptions(ctx));
  },
  enter: (r) => ({ screen: 'apis', params: { groupId: r.id, groupName: r.name }, label: r.name }),
  summary: (r) => [
    {
      title: 'Group',
      blocks: [
        fields(
          ['name', r.name],
          ['id', r.id],
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
  remove: removable<GroupRow>({
    noun: 'API group',
    name: (r) => r.name,
    id: (r) => r.id,
    effect: (s) => `${s} is deleted with its environment variables (refused while it contains APIs)`,
    family: (c) => c.groups,
  }),
});
