import type { AclBoundApi, AclPolicy } from '../src/api/types/acls.ts';
import { fields, splitList, str, table, ageColumn, countColumn } from './format.ts';
import { apiTarget, selectTable } from './select-table.ts';
import { definePart, defineResource } from './types.ts';
import { batchFailures, removable } from './remove.ts';
import { listOptions } from './list-options.ts';

export const aclsScreen = defineResource<AclPolicy>({
  id: 'acls',
  title: 'ACL policies',
  aliases: ['acl'],
  instanceScoped: true,
  columns: [
    { id: 'name', title: 'NAME', minWidth: 14, get: (r) => r.acl_name },
    { id: 'type', title: 'TYPE', width: 7, get: (r) => str(r.acl_type) },
    { id: 'entity', title: 'ENTITY', width: 7, get: (r) => str(r.entity_type) },
    { id: 'values', title: 'VALUES', minWidth: 16, get: (r) => str(r.acl_value) },
    countColumn('bound', 'BOUND', 5, (r) => r.bind_num),
    ageColumn('updated', 'UPDATED', (r) => r.update_time),
  ],
  idOf: (r) => r.id,
  nameOf: (r) => r.acl_name,
  list: (ctx) => ctx.client.instance(ctx.instanceId as string).acls.listAll({}, listOptions(ctx)),
  summary: (r) => [
    {
      title: 'ACL policy',
      blocks: [
        fields(
          ['name', r.acl_name],
          ['id', r.id],
          ['type', r.acl_type],
          ['entity', r.entity_type],
          ['updated', r.update_time],
        ),
        table(
          ['VALUES'],
          splitList(r.acl_value).map((v) => [v]),
        ),
      ],
    },
  ],
  parts: [
    definePart<AclPolicy, AclBoundApi[]>({
      id: 'bound',
      title: 'Bound APIs',
      fetch: ({ client, instanceId, signal }, r) =>
        client.instance(instanceId as string).aclBindings.boundApis.listAll({ acl_id: r.id }, { signal }),
      selectable: true,
      render: (list) => [
        {
          title: `Bound APIs (${list.length})`,
          blocks: [
            selectTable(
              ['API', 'GROUP', 'ENVIRONMENT', 'SINCE'],
              list.map((a) => ({
                cells: [a.api_name ?? a.api_id, a.group_name, a.env_name ?? a.env_id, a.bind_time],
                target: apiTarget(a.api_id, a.api_name, a),
              })),
            ),
          ],
        },
      ],
    }),
  ],
  remove: removable<AclPolicy>({
    noun: 'ACL policy',
    name: (r) => r.acl_name,
    id: (r) => r.id,
    effect: (s) => `${s} is deleted (refused while bound to APIs)`,
    family: (c) => c.acls,
    batch: async (c, ids) => batchFailures((await c.acls.batchDelete(ids)).failure, 'acl_id'),
  }),
});
