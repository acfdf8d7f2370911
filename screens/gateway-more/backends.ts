// Custom backends ("livedata" APIs, 4.19): state, the script (decoded), deployments and test runs.
import type { InstanceClient } from '../../src/api/client.ts';
import type { LdApi, LdApiDeployment, LdApiTest } from '../../src/api/types/gateway-more.ts';
import { ageColumn, fields, str, table } from '../format.ts';
import { definePart, defineResource, type DetailSection } from '../types.ts';
import { ldApiForm } from '../forms/backends.ts';
import { formCapabilities } from '../forms/capabilities.ts';
import { listOptions } from '../list-options.ts';

const STATUS: Record<number, string> = { 1: 'to develop', 3: 'developing', 4: 'deployed' };
export const ldStatusText = (s: number | undefined): string =>
  s === undefined ? '—' : (STATUS[s] ?? String(s));

type NamedDeployment = LdApiDeployment & { groupName: string; envName: string; apiName: string };

/** 4.19.10 with the ids named: group and environment from their lists, the frontend API by 4.3.5. */
async function namedDeployments(
  inst: InstanceClient,
  id: string,
  signal: AbortSignal,
): Promise<NamedDeployment[]> {
  const list = await inst.livedata.deployments(id, { signal });
  const front = list.some((d) => d.group_id || d.env_id);
  const [groups, envs] = front
    ? await Promise.all([inst.groups.listAll({}, { signal }), inst.envs.listAll({}, { signal })])
    : [[], []];
  const apiNames = new Map<string, string>();
  for (const apiId of new Set(list.map((d) => d.api_id).filter((x): x is string => Boolean(x)))) {
    // a frontend API deleted since is named by its id
    apiNames.set(
      apiId,
      await inst.apis.get(apiId, { signal }).then(
        (a) => a.name,
        () => apiId,
      ),
    );
  }
  const named = (rows: ReadonlyArray<{ id: string; name: string }>, x: string | undefined) =>
    !x ? '—' : (rows.find((r) => r.id === x)?.name ?? x);
  return list.map((d) => ({
    ...d,
    groupName: named(groups, d.group_id),
    envName: named(envs, d.env_id),
    apiName: d.api_id ? (apiNames.get(d.api_id) ?? d.api_id) : '— (backend only)',
  }));
}

export function decodeScript(content: string | undefined): string {
  if (!content) return '';
  try {
    return Buffer.from(content, 'base64').toString('utf8');
  } catch {
    return content;
  }
}

function scriptSections(r: LdApi): DetailSection[] {
  const scripts = r.scripts ?? [];
  if (scripts.length === 0) return [{ title: 'Script', blocks: [{ kind: 'text', text: 'no script yet' }] }];
  return scripts.map((s, i) => ({
    title: `Script ${i + 1}${s.object_name ? ` → ${s.object_name}` : ''}`,
    blocks: [
      fields(
        ['type', s.type],
        ['data source', s.ds_name ? `${s.ds_name} (${str(s.ds_type)})` : undefined],
        ['modified', s.modified_time],
      ),
      { kind: 'text', text: decodeScript(s.content) },
    ],
  }));
}

export const backendsScreen = defineResource<LdApi>({
  id: 'backends',
  title: 'Custom backends',
  aliases: ['backend', 'livedata', 'ld', 'custom-backends'],
  instanceScoped: true,
  columns: [
    { id: 'name', title: 'NAME', minWidth: 14, get: (r) => r.name },
    { id: 'method', title: 'METHOD', width: 7, get: (r) => str(r.method) },
    { id: 'path', title: 'PATH', minWidth: 12, get: (r) => str(r.path) },
    { id: 'type', title: 'TYPE', width: 9, get: (r) => str(r.type) },
    {
      id: 'status',
      title: 'STATUS',
      width: 11,
      get: (r) => ldStatusText(r.status),
      tone: (r) => (r.status === 4 ? 'success' : r.status === 1 ? 'muted' : undefined),
    },
    { id: 'app', title: 'APPLICATION', minWidth: 12, get: (r) => str(r.roma_app_name ?? r.roma_app_id) },
    ageColumn('modified', 'MODIFIED', (r) => r.modified_time),
  ],
  idOf: (r) => r.id,
  nameOf: (r) => r.name,
  // n / e: the form of screens/forms/backends.ts (definition, parameters, the script in $EDITOR)
  ...formCapabilities<LdApi>(ldApiForm),
  list: (ctx) => ctx.client.instance(ctx.instanceId as string).livedata.listAll({}, listOptions(ctx)),
  summary: (r) => [
    {
      title: 'Custom backend',
      blocks: [
        fields(
          ['name', r.name],
          ['id', r.id],
          ['request', `${str(r.method)} ${str(r.path)}`],
          ['status', ldStatusText(r.status)],
          ['type', r.type],
          ['version', r.version],
          ['content type', r.content_type],
          ['application', `${str(r.roma_app_name)} (${str(r.roma_app_id)})`],
          ['created', r.created_time],
          ['modified', r.modified_time],
          ['description', r.description],
        ),
      ],
    },
    {
      title: 'Parameters',
      blocks: [
        table(
          ['NAME', 'IN', 'REQUIRED', 'DEFAULT', 'DESCRIPTION'],
          (r.parameters ?? []).map((p) => [
            p.name,
            p.in,
            p.required ? 'yes' : 'no',
            p.default,
            p.description,
          ]),
        ),
      ],
    },
  ],
  parts: [
    // The script comes with the list row; a tab of its own keeps it readable on a small terminal.
    definePart<LdApi, LdApi>({
      id: 'script',
      title: 'Script',
      fetch: async (_ctx, r) => r,
      render: (r) => scriptSections(r),
    }),
    definePart<LdApi, NamedDeployment[]>({
      id: 'deployments',
      title: 'Deployments',
      fetch: ({ client, instanceId, signal }, r) =>
        namedDeployments(client.instance(instanceId as string), r.id, signal),
      render: (list) => [
        {
          title: `Deployments (${list.length})`,
          blocks: [
            table(
              ['DEPLOYED', 'GROUP', 'ENVIRONMENT', 'FRONTEND API'],
              list.map((d) => [d.deploy_time, d.groupName, d.envName, d.apiName]),
            ),
          ],
        },
      ],
    }),
    definePart<LdApi, LdApiTest[]>({
      id: 'tests',
      title: 'Test runs',
      fetch: ({ client, instanceId, signal }, r) =>
        client
          .instance(instanceId as string)
          .livedata.tests(r.id)
          .listAll({}, { signal }),
      render: (list) => [
        {
          title: `Test runs (${list.length})`,
          blocks: [
            table(
              ['WHEN', 'STATUS', 'MS', 'RESPONSE'],
              list.map((t) => [t.test_date, t.test_status_code, t.test_used_time, t.test_response]),
            ),
          ],
        },
      ],
    }),
  ],
});
