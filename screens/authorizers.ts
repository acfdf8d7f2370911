import type { Authorizer } from '../src/api/types/authorizers.ts';
import { fields, str, table, ageColumn, countColumn } from './format.ts';
import { removable } from './remove.ts';
import { defineResource } from './types.ts';
import { listOptions } from './list-options.ts';

export const authorizersScreen = defineResource<Authorizer>({
  id: 'authorizers',
  title: 'Custom authorizers',
  aliases: ['authorizer', 'auths', 'au'],
  instanceScoped: true,
  columns: [
    { id: 'name', title: 'NAME', minWidth: 14, get: (r) => r.name },
    { id: 'type', title: 'TYPE', width: 9, get: (r) => str(r.type) },
    { id: 'impl', title: 'IMPL', width: 5, get: (r) => str(r.authorizer_type) },
    { id: 'uri', title: 'FUNCTION / API', minWidth: 16, get: (r) => str(r.authorizer_uri ?? r.ld_api_id) },
    countColumn('ttl', 'TTL', 5, (r) => r.ttl),
    ageColumn('created', 'CREATED', (r) => r.create_time),
  ],
  idOf: (r) => r.id,
  nameOf: (r) => r.name,
  list: (ctx) => ctx.client.instance(ctx.instanceId as string).authorizers.listAll({}, listOptions(ctx)),
  summary: (r) => [
    {
      title: 'Custom authorizer',
      blocks: [
        fields(
          ['name', r.name],
          ['id', r.id],
          ['type', r.type],
          ['implementation', r.authorizer_type],
          ['function / URI', r.authorizer_uri],
          ['LD API', r.ld_api_id],
          ['cache TTL', r.ttl],
          ['needs body', r.need_body],
          ['integration app', r.roma_app_name ?? r.roma_app_id],
          ['created', r.create_time],
        ),
        table(
          ['IDENTITY', 'LOCATION', 'VALIDATION'],
          (r.identities ?? []).map((i) => [i.name, i.location, i.validation]),
        ),
      ],
    },
  ],
  remove: removable<Authorizer>({
    noun: 'custom authorizer',
    name: (r) => r.name,
    id: (r) => r.id,
    effect: (s) => `${s} is deleted (refused while APIs use it)`,
    family: (c) => c.authorizers,
  }),
});
