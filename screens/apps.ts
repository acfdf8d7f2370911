import type { App, AppAuth } from '../src/api/types/apps.ts';
import { fields, mask, str, ageColumn, countColumn } from './format.ts';
import { apiTarget, selectTable } from './select-table.ts';
import { definePart, defineResource } from './types.ts';
import { APP_EXTRA_PARTS } from './gateway-more/app-parts.ts';
import { listOptions } from './list-options.ts';

export const appsScreen = defineResource<App>({
  id: 'apps',
  title: 'Apps',
  aliases: ['app'],
  instanceScoped: true,
  hasSecret: true,
  columns: [
    { id: 'name', title: 'NAME', minWidth: 14, get: (r) => r.name },
    { id: 'key', title: 'APP KEY', width: 32, get: (r) => str(r.app_key) },
    { id: 'type', title: 'TYPE', width: 8, get: (r) => str(r.app_type) },
    countColumn('bound', 'APIS', 5, (r) => r.bind_num),
    { id: 'creator', title: 'CREATOR', width: 8, get: (r) => str(r.creator) },
    ageColumn('updated', 'UPDATED', (r) => r.update_time),
  ],
  idOf: (r) => r.id,
  nameOf: (r) => r.name,
  list: (ctx) => ctx.client.instance(ctx.instanceId as string).apps.listAll({}, listOptions(ctx)),
  summary: (r, view) => [
    {
      title: 'App',
      blocks: [
        fields(
          ['name', r.name],
          ['id', r.id],
          ['key', r.app_key],
          ['secret', mask(r.app_secret, view.revealed)],
          ['type', r.app_type],
          ['creator', r.creator],
          ['status', r.status === 1 ? 'valid' : r.status],
          ['registered', r.register_time],
          ['updated', r.update_time],
          ['remark', r.remark],
        ),
      ],
    },
  ],
  parts: [
    definePart<App, AppAuth[]>({
      id: 'authorized',
      title: 'Authorized APIs',
      fetch: ({ client, instanceId, signal }, r) =>
        client.instance(instanceId as string).appAuths.boundApis.listAll({ app_id: r.id }, { signal }),
      selectable: true,
      render: (list) => [
        {
          title: `Authorized APIs (${list.length})`,
          blocks: [
            selectTable(
              ['API', 'GROUP', 'ENVIRONMENT', 'SINCE'],
              list.map((a) => ({
                cells: [a.api_name ?? a.api_id, a.group_name, a.env_name ?? a.env_id, a.auth_time],
                target: apiTarget(a.api_id, a.api_name, a),
              })),
            ),
          ],
        },
      ],
    }),
    ...APP_EXTRA_PARTS,
  ],
});
