// `P` on a custom backend (4.19.9): a short form; with a group it deploys the backend with its frontend
// API (created and published in that group and environment, as the reference's default
// `deploy_front_api=true`), without one it deploys the backend only. Group, environment and authorizer
// are typed by name or id and resolved before anything is sent.
import type { MutationAction } from '../../src/actions/types.ts';
import type { LdApi, LdApiDeployRequest } from '../../src/api/types/gateway-more.ts';
import type { DashboardStore } from '../../src/store/store.ts';
import type { ResourceAction } from '../types.ts';
import { GM_MODALS, type FormField } from './modals.tsx';
import type { ApiGroup } from '../../src/api/types/groups.ts';
import type { Authorizer } from '../../src/api/types/authorizers.ts';
import { sharedListRequest } from '../../src/app/screen-requests.ts';
import { readThrough } from '../../src/store/read.ts';
import { envsRequest } from '../actions/data.ts';
import { authorizersScreen } from '../authorizers.ts';
import { groupsScreen } from '../groups.ts';

const AUTH = ['NONE', 'APP', 'IAM', 'AUTHORIZER'] as const;
const PROTOCOLS = ['HTTPS', 'HTTP', 'BOTH'];

interface Named {
  id: string;
  name: string;
}

/** The one entry whose id or name (exactly, then case-insensitively) is `typed`. */
export function resolveNamed<T extends Named>(list: readonly T[], typed: string): T | undefined {
  const t = typed.trim();
  return (
    list.find((x) => x.id === t || x.name === t) ?? list.find((x) => x.name.toLowerCase() === t.toLowerCase())
  );
}

export const DEPLOY_FIELDS: FormField[] = [
  { label: 'frontend API in group (name or id; empty: the backend only)' },
  { label: 'environment (name or id)', initial: 'RELEASE' },
  { label: 'auth (NONE/APP/IAM/AUTHORIZER)', initial: 'APP' },
  { label: 'protocol (HTTPS/HTTP/BOTH)', initial: 'HTTPS' },
  { label: 'authorizer (name or id, for AUTHORIZER)' },
];

export async function deployRequest(
  store: DashboardStore,
  instanceId: string,
  item: LdApi,
  [group = '', env = '', auth = '', protocol = '', authorizer = '']: string[],
): Promise<MutationAction | string> {
  const obj = `backend:${item.name}(${item.id})`;
  const request = `${item.method ?? ''} ${item.path ?? ''}`;
  if (group.trim() === '')
    return deployAction(item, obj, { deploy_front_api: false }, `${item.name} (${request}) becomes deployed`);
  const a = AUTH.find((x) => x === auth.trim().toUpperCase());
  if (!a) return 'auth is NONE, APP, IAM or AUTHORIZER';
  const p = protocol.trim().toUpperCase();
  if (!PROTOCOLS.includes(p)) return 'protocol is HTTPS, HTTP or BOTH';
  // names are resolved on the screens' lists, read again: the ids found are sent
  const groups = await readThrough(store, sharedListRequest<ApiGroup>(groupsScreen, instanceId));
  const g = resolveNamed(groups, group);
  if (!g) return `no API group ${group.trim()}`;
  const envs = await readThrough(store, envsRequest(instanceId));
  const e = resolveNamed(envs, env);
  if (!e) return `no environment ${env.trim()}`;
  let authorizerId: string | undefined;
  if (a === 'AUTHORIZER') {
    const list = await readThrough(store, sharedListRequest<Authorizer>(authorizersScreen, instanceId));
    const found = resolveNamed(list, authorizer);
    if (!found)
      return authorizer.trim()
        ? `no custom authorizer ${authorizer.trim()}`
        : 'AUTHORIZER needs an authorizer';
    authorizerId = found.id;
  }
  return deployAction(
    item,
    obj,
    {
      deploy_front_api: true,
      group_id: g.id,
      env_id: e.id,
      auth_type: a,
      protocol: p,
      ...(authorizerId ? { authorizer_id: authorizerId } : {}),
      ...(item.roma_app_id ? { roma_app_id: item.roma_app_id } : {}),
    },
    `${item.name} becomes deployed, and a frontend API ${request} (${a} auth) is created in group ${g.name} and published in ${e.name}: callers reach it at once`,
    e.name,
  );
}

function deployAction(
  item: LdApi,
  object: string,
  request: LdApiDeployRequest,
  effect: string,
  env?: string,
): MutationAction {
  return {
    kind: 'call',
    call: { op: 'livedata.deploy', id: item.id, request },
    title: request.deploy_front_api ? 'Deploy custom backend with its frontend API' : 'Deploy custom backend',
    effect,
    object,
    destructive: false,
    ...(env ? { env } : {}),
  };
}

export function backendDeployAction(): ResourceAction<LdApi> {
  return {
    command: 'deploy',
    title: 'Deploy: the backend only, or with its frontend API published in a group (4.19.9)',
    mutating: true,
    run: ({ store, item, instanceId }) =>
      store.getState().actions.pushModal({
        kind: GM_MODALS.form,
        props: {
          title: `Deploy ${item.name}`,
          fields: DEPLOY_FIELDS,
          submit: (values: string[]) => deployRequest(store, instanceId ?? '', item, values),
        },
      }),
  };
}
