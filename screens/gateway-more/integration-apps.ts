// Integration applications (section 3.1): owner, roles, members; the secret (3.1.7) masked until `x`.
import { rolesOf } from '../../src/api/public-resources.ts';
import type { AppMembers, IntegrationApp } from '../../src/api/types/gateway-more.ts';
import { ageColumn, fields, mask, str, table } from '../format.ts';
import { definePart, defineResource } from '../types.ts';
import { listOptions } from '../list-options.ts';

export const integrationAppsScreen = defineResource<IntegrationApp>({
  id: 'integration-apps',
  title: 'Integration applications',
  aliases: ['integration-app', 'iapps', 'iapp', 'roma-apps'],
  instanceScoped: true,
  hasSecret: true,
  columns: [
    { id: 'fav', title: '★', width: 1, get: (r) => (r.favorite ? '★' : ' ') },
    { id: 'name', title: 'NAME', minWidth: 16, get: (r) => r.name },
    { id: 'key', title: 'KEY', width: 18, get: (r) => str(r.key) },
    { id: 'roles', title: 'ROLES', minWidth: 10, get: (r) => str(rolesOf(r).join(' ')) },
    { id: 'owner', title: 'OWNER', width: 5, get: (r) => (r.owner ? 'yes' : 'no') },
    { id: 'creator', title: 'CREATED BY', minWidth: 10, get: (r) => str(r.created_user?.user_name) },
    ageColumn('updated', 'UPDATED', (r) => r.update_time),
  ],
  idOf: (r) => r.id,
  nameOf: (r) => r.name,
  list: (ctx) => ctx.client.instance(ctx.instanceId as string).integrationApps.listAll({}, listOptions(ctx)),
  overviewParts: ['secret'],
  summary: (r, view) => [
    {
      title: 'Integration application',
      blocks: [
        fields(
          ['name', r.name],
          ['id', r.id],
          ['key', r.key],
          ['secret', mask(view.parts?.['secret'] as string | undefined, view.revealed)],
          ['roles', rolesOf(r).join(', ')],
          ['owner', r.owner ? 'you' : 'someone else'],
          ['favourite', r.favorite ? 'yes' : 'no'],
          ['created', `${str(r.create_time)} by ${str(r.created_user?.user_name)}`],
          ['updated', `${str(r.update_time)} by ${str(r.last_updated_user?.user_name)}`],
          ['remark', r.remark],
        ),
      ],
    },
  ],
  parts: [
    definePart<IntegrationApp, string>({
      id: 'secret',
      title: 'Secret',
      fetch: ({ client, instanceId, signal }, r) =>
        client.instance(instanceId as string).integrationApps.secret(r.id, { signal }),
      render: (secret, _r, view) => [
        { title: 'Secret', blocks: [fields(['secret', mask(secret, view.revealed)])] },
      ],
    }),
    definePart<IntegrationApp, AppMembers>({
      id: 'members',
      title: 'Members',
      fetch: ({ client, instanceId, signal }, r) =>
        client.instance(instanceId as string).integrationApps.members(r.id, { signal }),
      render: (m) => [
        {
          title: `Members (${m.users.length})`,
          blocks: [
            table(
              ['USER', 'ID'],
              m.users.map((u) => [u.name, u.id]),
            ),
          ],
        },
      ],
    }),
  ],
});
