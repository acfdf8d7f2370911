// Tabs added to the APP detail (4.16): App Codes and configurations (masked until `x`), access control
// (4.16.10) and the bound client quota (4.16.8).
import type { App } from '../../src/api/types/apps.ts';
import type { AppAcl, AppCode, AppConfig, AppQuota } from '../../src/api/types/gateway-more.ts';
import { resetTimeText } from '../../src/api/app-quotas.ts';
import { fields, mask, str, table } from '../format.ts';
import { definePart, type DetailPart } from '../types.ts';
import { periodText } from './quotas.ts';

const SECRET_CONFIG = new Set(['password', 'certificate']);

export const APP_EXTRA_PARTS: ReadonlyArray<DetailPart<App, unknown>> = [
  definePart<App, AppCode[]>({
    id: 'app-codes',
    title: 'App Codes',
    fetch: ({ client, instanceId, signal }, r) =>
      client
        .instance(instanceId as string)
        .appCodes.of(r.id)
        .listAll({}, { signal }),
    render: (list, _r, view) => [
      {
        title: `App Codes (${list.length})`,
        blocks: [
          table(
            ['ID', 'CODE', 'CREATED'],
            list.map((c) => [c.id, mask(c.app_code, view.revealed), c.create_time]),
          ),
        ],
      },
    ],
  }),
  definePart<App, AppAcl>({
    id: 'app-acl',
    title: 'Access control',
    fetch: ({ client, instanceId, signal }, r) =>
      client.instance(instanceId as string).appAcl.get(r.id, { signal }),
    render: (acl) => [
      {
        title: 'Access control',
        blocks: acl.app_acl_type
          ? [
              fields(
                [
                  'type',
                  acl.app_acl_type === 'PERMIT'
                    ? 'PERMIT (only these addresses)'
                    : 'DENY (all but these addresses)',
                ],
                ['addresses', acl.app_acl_values],
              ),
            ]
          : [{ kind: 'text', text: 'no access control: every address may call' }],
      },
    ],
  }),
  definePart<App, AppQuota | null>({
    id: 'app-quota',
    title: 'Client quota',
    fetch: ({ client, instanceId, signal }, r) =>
      client.instance(instanceId as string).boundQuota(r.id, { signal }),
    render: (q) => [
      {
        title: 'Client quota',
        blocks: q
          ? [
              fields(
                ['quota', q.name],
                ['limit', `${str(q.call_limits)} calls per ${periodText(q)}`],
                ['first reset', resetTimeText(q.reset_time)],
                ['apps sharing it', q.bound_app_num],
              ),
            ]
          : [{ kind: 'text', text: 'bound to no client quota' }],
      },
    ],
  }),
  definePart<App, AppConfig[]>({
    id: 'app-configs',
    title: 'Configurations',
    fetch: ({ client, instanceId, signal }, r) =>
      client.instance(instanceId as string).appConfigs.listAll({ app_id: r.id }, { signal }),
    render: (list, _r, view) => [
      {
        title: `Configurations (${list.length})`,
        blocks: [
          table(
            ['NAME', 'TYPE', 'VALUE', 'UPDATED'],
            list.map((c) => [
              c.config_name,
              c.config_type,
              SECRET_CONFIG.has(c.config_type ?? '') ? mask(c.config_value, view.revealed) : c.config_value,
              c.update_time,
            ]),
          ),
        ],
      },
    ],
  }),
] as ReadonlyArray<DetailPart<App, unknown>>;
