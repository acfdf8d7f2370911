import type { VpcChannel, VpcChannelDetail } from '../src/api/types/vpc.ts';
import { fields, str, table, ageColumn, countColumn } from './format.ts';
import { removable } from './remove.ts';
import { definePart, defineResource } from './types.ts';
import { listOptions } from './list-options.ts';

const health = (s: number | undefined) => (s === 1 ? 'normal' : s === 2 ? 'abnormal' : '—');

export const vpcsScreen = defineResource<VpcChannel>({
  id: 'vpcs',
  title: 'VPC channels',
  aliases: ['vpc', 'channels', 'v'],
  instanceScoped: true,
  columns: [
    { id: 'name', title: 'NAME', minWidth: 14, get: (r) => r.name },
    { id: 'id', title: 'ID', width: 32, get: (r) => r.id },
    countColumn('port', 'PORT', 5, (r) => r.port),
    { id: 'members', title: 'MEMBERS', width: 7, get: (r) => str(r.member_type) },
    { id: 'status', title: 'STATUS', width: 8, get: (r) => health(r.status) },
    ageColumn('created', 'CREATED', (r) => r.create_time),
  ],
  idOf: (r) => r.id,
  nameOf: (r) => r.name,
  list: (ctx) => ctx.client.instance(ctx.instanceId as string).vpcChannels.listAll({}, listOptions(ctx)),
  summary: (r) => [
    {
      title: 'VPC channel',
      blocks: [
        fields(
          ['name', r.name],
          ['id', r.id],
          ['type', r.type],
          ['port', r.port],
          ['balance', r.balance_strategy],
          ['member type', r.member_type],
          ['status', health(r.status)],
          ['created', r.create_time],
        ),
      ],
    },
  ],
  parts: [
    definePart<VpcChannel, VpcChannelDetail>({
      id: 'members',
      title: 'Members',
      fetch: ({ client, instanceId, signal, warn }, r) =>
        client.instance(instanceId as string).vpcChannels.get(r.id, { signal, onWarnings: warn }),
      render: (d) => {
        const hc = d.vpc_health_config;
        return [
          {
            title: `Members (${d.members?.length ?? 0})`,
            blocks: [
              table(
                ['HOST / ECS', 'WEIGHT', 'HEALTH', 'SINCE'],
                (d.members ?? []).map((m) => [
                  m.host ?? m.ecs_name ?? m.ecs_id,
                  m.weight,
                  health(m.status),
                  m.create_time,
                ]),
              ),
            ],
          },
          {
            title: 'Health check',
            blocks: [
              fields(
                [
                  'check',
                  hc ? `${str(hc.protocol)} ${str(hc.method)} ${str(hc.path)} :${str(hc.port)}` : undefined,
                ],
                [
                  'thresholds',
                  hc ? `ok ${str(hc.threshold_normal)} / fail ${str(hc.threshold_abnormal)}` : undefined,
                ],
                ['interval', hc?.time_interval === undefined ? undefined : `${hc.time_interval} s`],
                ['codes', hc?.http_code],
              ),
            ],
          },
        ];
      },
    }),
  ],
  remove: removable<VpcChannel>({
    noun: 'VPC channel',
    name: (r) => r.name,
    id: (r) => r.id,
    effect: (s) => `${s} is deleted with its members (refused while APIs use it as their backend)`,
    family: (c) => c.vpcChannels,
  }),
});
