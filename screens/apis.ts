import type { ApiDetail, ApiSummary, ApiVersion } from '../src/api/types/apis.ts';
import type { ThrottleForApi } from '../src/api/types/throttles.ts';
import type { ApiBoundAcl } from '../src/api/types/acls.ts';
import type { SignBinding } from '../src/api/types/signs.ts';
import type { AppAuth } from '../src/api/types/apps.ts';
import type { StatisticsResult } from '../src/api/types/metrics.ts';
import { fields, fmtTime, splitList, str, table, yesNo } from './format.ts';
import { pulseSections } from './pulse-stats.ts';
import { policyTarget, selectTable } from './select-table.ts';
import { definePart, defineResource, type DetailSection } from './types.ts';
import { removable } from './remove.ts';
import { isUsedByList, usedByLabel, usedByList } from './used-by.ts';
import { xrayAction } from './xray/action.ts';
import { listOptions } from './list-options.ts';

/** "RELEASE, TEST" — published environments as the list shows them. */
/** Where the API is live. Not the API's own `version` label: that is a definition field, not what
 * runs in an environment (the detail's Publications tab has the published version per environment). */
function published(r: ApiSummary): string {
  const envs = splitList(r.run_env_name);
  return envs.length === 0 ? '—' : envs.join(',');
}

export const apisScreen = defineResource<ApiSummary>({
  id: 'apis',
  title: 'APIs',
  aliases: ['api', 'a'],
  instanceScoped: true,
  columns: [
    { id: 'name', title: 'NAME', minWidth: 14, priority: 1, get: (r) => r.name },
    { id: 'method', title: 'METHOD', width: 7, priority: 4, get: (r) => str(r.req_method) },
    { id: 'path', title: 'PATH', minWidth: 22, priority: 2, get: (r) => str(r.req_uri) },
    { id: 'group', title: 'GROUP', minWidth: 10, priority: 6, get: (r) => str(r.group_name) },
    { id: 'auth', title: 'AUTH', width: 10, priority: 5, get: (r) => str(r.auth_type) },
    { id: 'backend', title: 'BACKEND', width: 8, priority: 7, get: (r) => str(r.backend_type) },
    { id: 'published', title: 'PUBLISHED', minWidth: 12, priority: 3, get: published },
  ],
  // `env:!RELEASE`: where the API is published
  filterFields: { env: 'published' },
  idOf: (r) => r.id,
  nameOf: (r) => r.name,
  list: (ctx) =>
    usedByList(ctx) ??
    ctx.client
      .instance(ctx.instanceId as string)
      .apis.listAll(ctx.params.groupId ? { group_id: ctx.params.groupId } : {}, listOptions(ctx)),
  // A reverse lookup's rows are not pages of one list call: a tick reloads it whole.
  listPage: ({ client, instanceId, params, signal }, offset, limit) =>
    isUsedByList(params)
      ? Promise.resolve(null)
      : client
          .instance(instanceId as string)
          .apis.list({ ...(params.groupId ? { group_id: params.groupId } : {}), offset, limit }, { signal }),
  scopeLabel: (p) => usedByLabel(p) ?? (p.groupName ? `group: ${p.groupName}` : undefined),
  summary: (r, view) => overviewSections(r, view.parts ?? {}),
  overviewParts: ['definition', 'versions', 'policies', 'apps'],
  parts: [
    definePart<ApiSummary, ApiDetail>({
      id: 'definition',
      title: 'Definition',
      fetch: ({ client, instanceId, signal, warn }, r) =>
        client.instance(instanceId as string).apis.get(r.id, { signal, onWarnings: warn }),
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
    definePart<ApiSummary, Policies>({
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
      selectable: true,
      render: ({ throttles, acls, signs }) => [
        {
          title: 'Policies per environment',
          blocks: [
            selectTable(
              ['ENVIRONMENT', 'KIND', 'NAME', 'SETTINGS'],
              [
                ...throttles.map((t) => ({
                  cells: [
                    t.env_name,
                    'throttle',
                    t.name,
                    `api ${str(t.api_call_limits)}/${str(t.time_interval)} ${str(t.time_unit)}`,
                  ],
                  target: policyTarget('throttles', t.id, t.name, t),
                })),
                ...acls.map((a) => ({
                  cells: [
                    a.env_name ?? a.env_id,
                    'acl',
                    a.acl_name,
                    `${str(a.acl_type)} ${str(a.acl_value)}`,
                  ],
                  target: policyTarget('acls', a.acl_id, a.acl_name, a),
                })),
                ...signs.map((s) => ({
                  cells: [s.env_name ?? s.env_id, 'signature', s.sign_name, str(s.sign_type)],
                  target: policyTarget('signs', s.sign_id ?? '', s.sign_name, s),
                })),
              ].sort((a, b) => str(a.cells[0]).localeCompare(str(b.cells[0]))),
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
      selectable: true,
      render: (auths) => [
        {
          title: `Authorized apps (${auths.length})`,
          blocks: [
            selectTable(
              ['APP', 'ENVIRONMENT', 'SINCE', 'CHANNEL'],
              auths.map((a) => ({
                cells: [a.app_name ?? a.app_id, a.env_name ?? a.env_id, a.auth_time, a.auth_tunnel],
                target: policyTarget('apps', a.app_id ?? '', a.app_name, a),
              })),
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
      render: (d) => pulseSections('Pulse — last 60 min, per minute', d, 60),
    }),
  ],
  remove: removable<ApiSummary>({
    noun: 'API',
    name: (r) => r.name,
    id: (r) => r.id,
    effect: (s) => `${s} is deleted with its versions and app authorizations (refused while published)`,
    family: (c) => c.apis,
  }),
  actions: [xrayAction],
});

type Policies = { throttles: ThrottleForApi[]; acls: ApiBoundAcl[]; signs: SignBinding[] };

/** Backend at a glance: the address for HTTP, the function for FUNCTION, the mock's status for MOCK. */
function backendLine(r: ApiSummary, d: ApiDetail | undefined): string {
  const type = str(r.backend_type ?? d?.backend_type);
  if (!d) return `${type}  (loading…)`;
  const b = d.backend_api;
  if (b) {
    const where = b.vpc_channel_info
      ? `vpc channel ${str(b.vpc_channel_info.vpc_channel_id ?? b.vpc_channel_info.vpc_id)}`
      : str(b.url_domain);
    return `${type}  ${str(b.req_method)} ${str(b.req_protocol).toLowerCase()}://${where}${b.req_uri ?? ''}`;
  }
  if (d.mock_info)
    return `${type}  mock answers ${d.mock_info.status_code != null ? str(d.mock_info.status_code) : '200'}`;
  if (d.func_info) return `${type}  ${str(d.func_info.function_urn)}`;
  return type;
}

/**
 * The on-call summary: what the API is, where it goes, where it is live (version, since when), what
 * guards it per environment and who may call it. Parts not loaded yet say so (they load lazily).
 */
function overviewSections(row: ApiSummary, parts: Readonly<Record<string, unknown>>): DetailSection[] {
  const d = parts.definition as ApiDetail | undefined;
  // The list row was fetched when the list was shown; the definition part is reloaded with the view
  // (after a publish, on `r`), so its fields win: the overview must say where the API is live now.
  const r: ApiSummary = d ? { ...row, ...d } : row;
  const versions = parts.versions as ApiVersion[] | undefined;
  const policies = parts.policies as Policies | undefined;
  const apps = parts.apps as AppAuth[] | undefined;
  const loading = '(loading…)';
  const envs = splitList(r.run_env_name);
  const live = versions?.filter((v) => v.status === 1) ?? [];
  const guards = (envName: string): string => {
    if (!policies) return loading;
    const names = [
      ...policies.throttles.filter((t) => t.env_name === envName).map((t) => `throttle ${str(t.name)}`),
      ...policies.acls
        .filter((a) => (a.env_name ?? a.env_id) === envName)
        .map((a) => `acl ${str(a.acl_name)}${a.acl_type ? ` (${a.acl_type})` : ''}`),
      ...policies.signs
        .filter((g) => (g.env_name ?? g.env_id) === envName)
        .map((g) => `sign ${str(g.sign_name)}`),
    ];
    return names.length > 0 ? names.join(', ') : 'none';
  };
  const appsByEnv = apps
    ? [...new Set(apps.map((a) => str(a.env_name ?? a.env_id)))]
        .map((e) => `${e} ${apps.filter((a) => str(a.env_name ?? a.env_id) === e).length}`)
        .join(', ')
    : '';
  return [
    {
      title: 'API',
      blocks: [
        fields(
          ['name', r.name],
          ['id', r.id],
          ['request', `${str(r.req_method)} ${str(r.req_uri)}`],
          ['group', r.group_name],
          ['auth', r.auth_type],
          ['backend', backendLine(r, d)],
          ['authorized apps', apps ? `${apps.length}${apps.length > 0 ? `  (${appsByEnv})` : ''}` : loading],
        ),
      ],
    },
    {
      title: 'Published',
      blocks: [
        envs.length === 0
          ? { kind: 'text', text: 'not published in any environment' }
          : table(
              ['ENVIRONMENT', 'VERSION', 'SINCE', 'POLICIES'],
              envs.map((e) => {
                const v = live.find((x) => (x.env_name ?? x.env_id) === e);
                return [
                  e,
                  v ? v.version_no : versions ? '—' : loading,
                  v ? fmtTime(v.publish_time) : '',
                  guards(e),
                ];
              }),
            ),
      ],
    },
  ];
}

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
