// Client quotas (4.17): a call budget per period shared by the apps bound to it.
import { resetTimeText } from '../../src/api/app-quotas.ts';
import type { AppQuota, AppQuotaApp } from '../../src/api/types/gateway-more.ts';
import { ageColumn, countColumn, fields, str, table } from '../format.ts';
import { definePart, defineResource } from '../types.ts';
import { listOptions } from '../list-options.ts';

const UNIT: Record<string, string> = { SECOND: 's', MINUTE: 'min', HOURE: 'h', DAY: 'd' };
export const periodText = (q: AppQuota): string =>
  q.time_interval === undefined
    ? str(q.time_unit)
    : `${q.time_interval} ${UNIT[q.time_unit ?? ''] ?? str(q.time_unit)}`;

export const quotasScreen = defineResource<AppQuota>({
  id: 'quotas',
  title: 'Client quotas',
  aliases: ['quota', 'app-quotas', 'client-quotas'],
  instanceScoped: true,
  columns: [
    { id: 'name', title: 'NAME', minWidth: 14, get: (r) => r.name },
    countColumn('limit', 'CALLS', 9, (r) => r.call_limits),
    { id: 'per', title: 'PER', width: 7, get: periodText },
    countColumn('apps', 'APPS', 5, (r) => r.bound_app_num),
    { id: 'reset', title: 'FIRST RESET', width: 20, get: (r) => str(resetTimeText(r.reset_time)) },
    ageColumn('created', 'CREATED', (r) => r.create_time),
  ],
  idOf: (r) => r.app_quota_id,
  nameOf: (r) => r.name,
  list: (ctx) => ctx.client.instance(ctx.instanceId as string).appQuotas.listAll({}, listOptions(ctx)),
  summary: (r) => [
    {
      title: 'Client quota',
      blocks: [
        fields(
          ['name', r.name],
          ['id', r.app_quota_id],
          ['limit', `${str(r.call_limits)} calls per ${periodText(r)}`],
          ['first reset', resetTimeText(r.reset_time)],
          ['bound apps', r.bound_app_num],
          ['created', r.create_time],
          ['remark', r.remark],
        ),
      ],
    },
  ],
  parts: [
    definePart<AppQuota, AppQuotaApp[]>({
      id: 'apps',
      title: 'Bound apps',
      fetch: ({ client, instanceId, signal }, r) =>
        client
          .instance(instanceId as string)
          .appQuotas.boundApps(r.app_quota_id)
          .listAll({}, { signal }),
      render: (list) => [
        {
          title: `Bound apps (${list.length})`,
          blocks: [
            table(
              ['APP', 'KEY', 'SINCE'],
              list.map((a) => [a.name ?? a.app_id, a.app_key, a.bound_time]),
            ),
          ],
        },
      ],
    }),
  ],
});
