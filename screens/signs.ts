import type { SignBinding, SignatureKey } from '../src/api/types/signs.ts';
import { fields, mask, str, ageColumn, countColumn } from './format.ts';
import { apiTarget, selectTable } from './select-table.ts';
import { definePart, defineResource } from './types.ts';
import { removable } from './remove.ts';
import { listOptions } from './list-options.ts';

export const signsScreen = defineResource<SignatureKey>({
  id: 'signs',
  title: 'Signature keys',
  aliases: ['sign', 'signatures', 'keys'],
  instanceScoped: true,
  hasSecret: true,
  columns: [
    { id: 'name', title: 'NAME', minWidth: 14, get: (r) => r.name },
    { id: 'type', title: 'TYPE', width: 10, get: (r) => str(r.sign_type) },
    { id: 'key', title: 'KEY', minWidth: 16, get: (r) => str(r.sign_key) },
    countColumn('bound', 'BOUND', 5, (r) => r.bind_num),
    ageColumn('updated', 'UPDATED', (r) => r.update_time),
  ],
  idOf: (r) => r.id,
  nameOf: (r) => r.name,
  list: (ctx) => ctx.client.instance(ctx.instanceId as string).signs.listAll({}, listOptions(ctx)),
  summary: (r, view) => [
    {
      title: 'Signature key',
      blocks: [
        fields(
          ['name', r.name],
          ['id', r.id],
          ['type', r.sign_type],
          ['key', r.sign_key],
          ['secret', mask(r.sign_secret, view.revealed)],
          ['bound APIs', r.bind_num],
          ['created', r.create_time],
          ['updated', r.update_time],
        ),
      ],
    },
  ],
  parts: [
    definePart<SignatureKey, SignBinding[]>({
      id: 'bound',
      title: 'Bound APIs',
      fetch: ({ client, instanceId, signal }, r) =>
        client.instance(instanceId as string).signBindings.boundApis.listAll({ sign_id: r.id }, { signal }),
      selectable: true,
      render: (list) => [
        {
          title: `Bound APIs (${list.length})`,
          blocks: [
            selectTable(
              ['API', 'GROUP', 'ENVIRONMENT', 'SINCE'],
              list.map((a) => ({
                cells: [a.api_name ?? a.api_id, a.group_name, a.env_name ?? a.env_id, a.binding_time],
                target: apiTarget(a.api_id, a.api_name, a),
              })),
            ),
          ],
        },
      ],
    }),
  ],
  remove: removable<SignatureKey>({
    noun: 'signature key',
    name: (r) => r.name,
    id: (r) => r.id,
    effect: (s) => `${s} is deleted (refused while bound to APIs)`,
    family: (c) => c.signs,
  }),
});
