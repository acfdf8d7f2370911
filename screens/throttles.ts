import type { ApiForThrottle, ThrottlePolicy, ThrottleSpecial } from '../src/api/types/throttles.ts';
import { fields, str, table } from './format.ts';
import { definePart, defineResource } from './types.ts';

const limit = (n: number | undefined) => (n === undefined ? '—' : String(n));

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
    {
      id: 'api',
      title: 'API',
      width: 7,
      align: 'right',
      get: (r) => limit(r.api_call_limits),
      sortValue: (r) => r.api_call_limits ?? -1,
    },
    {
      id: 'user',
      title: 'USER',
      width: 7,
      align: 'right',
      get: (r) => limit(r.user_call_limits),
      sortValue: (r) => r.user_call_limits ?? -1,
    },
    {
      id: 'app',
      title: 'APP',
      width: 7,
      align: 'right',
      get: (r) => limit(r.app_call_limits),
      sortValue: (r) => r.app_call_limits ?? -1,
    },
    {
      id: 'ip',
      title: 'IP',
      width: 7,
      align: 'right',
      get: (r) => limit(r.ip_call_limits),
      sortValue: (r) => r.ip_call_limits ?? -1,
    },
    { id: 'per', title: 'PER', width: 10, get: (r) => `${str(r.time_interval)} ${str(r.time_unit)}` },
    {
      id: 'bound',
      title: 'BOUND',
      width: 5,
      align: 'right',
      get: (r) => limit(r.bind_num),
      sortValue: (r) => r.bind_num ?? 0,
    },
  ],
  idOf: (r) => r.id,
  nameOf: (r) => r.name,
  list: ({ client, instanceId, signal, warn }) =>
    client.instance(instanceId as string).throttles.listAll({}, { signal, onWarnings: warn }),
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
      render: (list) => [
        {
          title: `Bound APIs (${list.length})`,
          blocks: [
            table(
              ['API', 'GROUP', 'ENVIRONMENT', 'SINCE'],
              list.map((a) => [a.name, a.group_name, a.run_env_name, a.apply_time]),
            ),
          ],
        },
      ],
    }),
  ],
});
