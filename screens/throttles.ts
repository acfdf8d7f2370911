import type { ApiForThrottle, ThrottlePolicy, ThrottleSpecial } from '../src/api/types/throttles.ts';
import { fields, str, table, countColumn } from './format.ts';
import { apiTarget, selectTable } from './select-table.ts';
import { definePart, defineResource } from './types.ts';
import { removable } from './remove.ts';
import { listOptions } from './list-options.ts';

export const throttlesScreen = defineResource<ThrottlePolicy>({
  id: 'throttles',
  title: 'Throttling policies',
  aliases: ['throttle', 'thr', 't'],
  instanceScoped: true,
  columns: [
    { id: 'name', title: 'NAME', minWidth: 14, get: (r) => r.name },
    {
      id: 'type',
      title: 'TYPE',
      width: 8,
      get: (r) => (r.type === 1 ? 'per-API' : r.type === 2 ? 'shared' : '—'),
    },
    countColumn('api', 'API', 7, (r) => r.api_call_limits),
    countColumn('user', 'USER', 7, (r) => r.user_call_limits),
    countColumn('app', 'APP', 7, (r) => r.app_call_limits),
    countColumn('ip', 'IP', 7, (r) => r.ip_call_limits),
    { id: 'per', title: 'PER', width: 10, get: (r) => `${str(r.time_interval)} ${str(r.time_unit)}` },
    countColumn('bound', 'BOUND', 5, (r) => r.bind_num),
  ],
  idOf: (r) => r.id,
  nameOf: (r) => r.name,
  list: (ctx) => ctx.client.instance(ctx.instanceId as string).throttles.listAll({}, listOptions(ctx)),
  summary: (r) => [
    {
      title: 'Throttling policy',
      blocks: [
        fields(
          ['name', r.name],
          ['id', r.id],
          ['type', r.type === 1 ? 'per-API' : r.type === 2 ? 'shared' : undefined],
          ['period', `${str(r.time_interval)} ${str(r.time_unit)}`],
          ['API limit', r.api_call_limits],
          ['user limit', r.user_call_limits],
          ['app limit', r.app_call_limits],
          ['IP limit', r.ip_call_limits],
          ['adaptive control', r.enable_adaptive_control],
          ['special settings', r.is_inclu_special_throttle === 1 ? 'yes' : 'no'],
          ['created', r.create_time],
          ['remark', r.remark],
        ),
      ],
    },
  ],
  parts: [
    definePart<ThrottlePolicy, ThrottleSpecial[]>({
      id: 'specials',
      title: 'Special settings',
      fetch: ({ client, instanceId, signal }, r) =>
        client
          .instance(instanceId as string)
          .throttleSpecials.of(r.id)
          .listAll({}, { signal }),
      render: (list) => [
        {
          title: `Special settings (${list.length})`,
          blocks: [
            table(
              ['OBJECT', 'TYPE', 'LIMIT', 'SINCE'],
              list.map((s) => [
                s.object_name ?? s.app_name ?? s.object_id,
                s.object_type,
                s.call_limits,
                s.apply_time,
              ]),
            ),
          ],
        },
      ],
    }),
    definePart<ThrottlePolicy, ApiForThrottle[]>({
      id: 'bound',
      title: 'Bound APIs',
      fetch: ({ client, instanceId, signal }, r) =>
        client
          .instance(instanceId as string)
          .throttleBindings.boundApis.listAll({ throttle_id: r.id }, { signal }),
      selectable: true,
      render: (list) => [
        {
          title: `Bound APIs (${list.length})`,
          blocks: [
            selectTable(
              ['API', 'GROUP', 'ENVIRONMENT', 'SINCE'],
              list.map((a) => ({
                cells: [a.name, a.group_name, a.run_env_name, a.apply_time],
                target: apiTarget(a.id, a.name, a),
              })),
            ),
          ],
        },
      ],
    }),
  ],
  remove: removable<ThrottlePolicy>({
    noun: 'throttling policy',
    name: (r) => r.name,
    id: (r) => r.id,
    effect: (s) => `${s} is deleted with its special settings (refused while bound to APIs)`,
    family: (c) => c.throttles,
  }),
});
