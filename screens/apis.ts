import type { ApiDetail, ApiSummary, ApiVersion } from '../src/api/types/apis.ts';
import type { ThrottleForApi } from '../src/api/types/throttles.ts';
import type { ApiBoundAcl } from '../src/api/types/acls.ts';
import type { SignBinding } from '../src/api/types/signs.ts';
import type { AppAuth } from '../src/api/types/apps.ts';
import type { StatisticsResult } from '../src/api/types/metrics.ts';
import { fields, pulseBlock, splitList, str, table, yesNo } from './format.ts';
import { definePart, defineResource, type DetailSection } from './types.ts';

/** "RELEASE, TEST" — published environments as the list shows them. */
function published(r: ApiSummary): string {
  const envs = splitList(r.run_env_name);
  if (envs.length === 0) return '—';
  return envs.join(',') + (r.version ? ` @${r.version}` : '');
}

export const apisScreen = defineResource<ApiSummary>({
  id: 'apis',
  title: 'APIs',
  aliases: ['api', 'a'],
  instanceScoped: true,
  columns: [
    { id: 'name', title: 'NAME', minWidth: 14, get: (r) => r.name },
    { id: 'method', title: 'METHOD', width: 7, get: (r) => str(r.req_method) },
    { id: 'path', title: 'PATH', minWidth: 14, get: (r) => str(r.req_uri) },
    { id: 'group', title: 'GROUP', minWidth: 10, get: (r) => str(r.group_name) },
    { id: 'auth', title: 'AUTH', width: 10, get: (r) => str(r.auth_type) },
    { id: 'backend', title: 'BACKEND', width: 8, get: (r) => str(r.backend_type) },
    { id: 'published', title: 'PUBLISHED', minWidth: 12, get: published },
  ],
  idOf: (r) => r.id,
  nameOf: (r) => r.name,
  list: ({ client, instanceId, params, signal }) =>
    client
      .instance(instanceId as string)
      .apis.listAll(params.groupId ? { group_id: params.groupId } : {}, { signal }),
  scopeLabel: (p) => (p.groupName ? `group: ${p.groupName}` : undefined),
  summary: (r) => [
    {
      title: 'API',
      blocks: [
        fields(
          ['name', r.name],
          ['id', r.id],
          ['request', `${str(r.req_method)} ${str(r.req_uri)}`],
          ['group', r.group_name],
          ['published', published(r)],
        ),
      ],
    },
  ],
  parts: [
    definePart<ApiSummary, ApiDetail>({
      id: 'definition',
      title: 'Definition',
      fetch: ({ client, instanceId, signal }, r) =>
        client.instance(instanceId as string).apis.get(r.id, { signal }),
      render: definitionSections,
    }),
    definePart<ApiSummary, ApiVersion[]>({
      id: 'versions',
      title: 'Publications and versions',
      fetch: ({ client, instanceId, signal }, r) =>
        client
          .instance(instanceId as string)
          .apis.versions(r.id)
          .listAll({}, { signal }),
      render: (versions) => {
        const inEffect = versions.filter((v) => v.status === 1);
        return [
          {
            title: 'Publish records',
            blocks: [
              table(
                ['ENVIRONMENT', 'VERSION', 'PUBLISHED AT', 'VERSION ID'],
                inEffect.map((v) => [v.env_name ?? v.env_id, v.version_no, v.publish_time, v.version_id]),
                'not published',
              ),
            ],
          },
          {
            title: `Version history (${versions.length})`,
            blocks: [
              table(
                ['VERSION', 'ENVIRONMENT', 'PUBLISHED AT', 'IN EFFECT', 'REMARK'],
                [...versions]
                  .sort((a, b) => String(b.publish_time ?? '').localeCompare(String(a.publish_time ?? '')))
                  .map((v) => [
                    v.version_no,
                    v.env_name ?? v.env_id,
                    v.publish_time,
                    yesNo(v.status),
                    v.remark,
                  ]),
              ),
            ],
          },
        ];
      },
    }),
    definePart<ApiSummary, { throttles: ThrottleForApi[]; acls: ApiBoundAcl[]; signs: SignBinding[] }>({
      id: 'policies',
      title: 'Policies',
      async fetch({ client, instanceId, signal }, r) {
        const inst = client.instance(instanceId as string);
        const [throttles, acls, signs] = await Promise.all([
          inst.throttleBindings.boundThrottles.listAll({ api_id: r.id }, { signal }),
          inst.aclBindings.boundAcls.listAll({ api_id: r.id }, { signal }),
          inst.signBindings.boundSigns.listAll({ api_id: r.id }, { signal }),
        ]);
        return { throttles, acls, signs };
      },
      render: ({ throttles, acls, signs }) => [
        {
          title: 'Policies per environment',
          blocks: [
            table(
              ['ENVIRONMENT', 'KIND', 'NAME', 'SETTINGS'],
              [
                ...throttles.map((t) => [
                  t.env_name,
                  'throttle',
                  t.name,
                  `api ${str(t.api_call_limits)}/${str(t.time_interval)} ${str(t.time_unit)}`,
                ]),
                ...acls.map((a) => [
                  a.env_name ?? a.env_id,
                  'acl',
                  a.acl_name,
                  `${str(a.acl_type)} ${str(a.acl_value)}`,
                ]),
                ...signs.map((s) => [s.env_name ?? s.env_id, 'signature', s.sign_name, str(s.sign_type)]),
              ].sort((a, b) => str(a[0]).localeCompare(str(b[0]))),
              'no policies bound',
            ),
          ],
        },
      ],
    }),
    definePart<ApiSummary, AppAuth[]>({
      id: 'apps',
      title: 'Authorized apps',
      fetch: ({ client, instanceId, signal }, r) =>
        client.instance(instanceId as string).appAuths.boundApps.listAll({ api_id: r.id }, { signal }),
      render: (auths) => [
        {
          title: `Authorized apps (${auths.length})`,
          blocks: [
            table(
              ['APP', 'ENVIRONMENT', 'SINCE', 'CHANNEL'],
              auths.map((a) => [a.app_name ?? a.app_id, a.env_name ?? a.env_id, a.auth_time, a.auth_tunnel]),
              'no app may call it',
            ),
          ],
        },
      ],
    }),
    definePart<ApiSummary, StatisticsResult>({
      id: 'pulse',
      title: 'Pulse',
      live: true,
      fetch: ({ client, instanceId, signal }, r) =>
        client.instance(instanceId as string).metrics.latest({ api_id: r.id, duration: '1h' }, { signal }),
      render: (d) => [{ title: 'Pulse — last hour (4.21.1)', blocks: [pulseBlock(d.list)] }],
    }),
  ],
});

function definitionSections(d: ApiDetail): DetailSection[] {
  const out: DetailSection[] = [
    {
      title: 'Definition',
      blocks: [
        fields(
          ['protocol', d.req_protocol],
          ['match mode', d.match_mode],
          ['type', d.type === 1 ? 'public' : d.type === 2 ? 'private' : undefined],
          ['auth', d.auth_type],
          ['app code auth', d.auth_opt?.app_code_auth_type],
          ['authorizer', d.authorizer_id],
          ['CORS', d.cors === undefined ? undefined : d.cors ? 'on' : 'off'],
          ['backend', d.backend_type],
          ['tags', d.tags],
          ['remark', d.remark],
          ['registered', d.register_time],
          ['updated', d.update_time],
        ),
      ],
    },
    {
      title: 'Request parameters',
      blocks: [
        table(
          ['NAME', 'IN', 'TYPE', 'REQUIRED', 'DEFAULT', 'REMARK'],
          (d.req_params ?? []).map((p) => [
            p.name,
            p.location,
            p.type,
            yesNo(p.required),
            p.default_value,
            p.remark,
          ]),
        ),
      ],
    },
  ];
  const b = d.backend_api;
  if (b) {
    out.push({
      title: 'HTTP backend',
      blocks: [
        fields(
          ['request', `${str(b.req_method)} ${str(b.req_protocol)} ${str(b.url_domain)}${b.req_uri ?? ''}`],
          ['timeout', b.timeout === undefined ? undefined : `${b.timeout} ms`],
          ['VPC channel', b.vpc_channel_info?.vpc_channel_id],
          ['client SSL', b.enable_client_ssl],
        ),
        table(
          ['BACKEND PARAM', 'IN', 'ORIGIN', 'VALUE'],
          (d.backend_params ?? []).map((p) => [p.name, p.location, p.origin, p.value]),
        ),
      ],
    });
  }
  if (d.func_info) {
    const f = d.func_info;
    out.push({
      title: 'Function backend',
      blocks: [
        fields(
          ['URN', f.function_urn],
          ['invocation', f.invocation_type],
          ['version', f.version],
          ['timeout', f.timeout],
        ),
      ],
    });
  }
  if (d.mock_info) {
    out.push({
      title: 'Mock backend',
      blocks: [
        fields(['remark', d.mock_info.remark]),
        { kind: 'text', text: str(d.mock_info.result_content) },
      ],
    });
  }
  return out;
}
