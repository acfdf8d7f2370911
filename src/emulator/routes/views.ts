// Wire views of stored entities: what the API answers, derived from state (publication fields, names, counts).
import { RELEASE_ENV_ID, type ApiDef, type Publication } from '../model.ts';
import type { InstanceStore } from '../state.ts';
import { ApiError } from './common.ts';

/**
 * With several publications the reference joins run_env_name/run_env_id/publish_id with a separator lost in
 * the converted source (C7); we use '|' as the live gateway does. Clients should split tolerantly.
 */
export const RUN_ENV_SEPARATOR = '|';

export function envName(store: InstanceStore, envId: string): string {
  return store.data.envs.get(envId)?.name ?? '';
}

export function groupName(store: InstanceStore, groupId: string): string {
  return store.data.groups.get(groupId)?.name ?? '';
}

export function runEnvFields(
  store: InstanceStore,
  apiId: string,
): { run_env_name: string; run_env_id: string; publish_id: string } {
  const pubs = store.publicationsOfApi(apiId);
  return {
    run_env_name: pubs.map((p) => envName(store, p.env_id)).join(RUN_ENV_SEPARATOR),
    run_env_id: pubs.map((p) => p.env_id).join(RUN_ENV_SEPARATOR),
    publish_id: pubs.map((p) => p.publish_id).join(RUN_ENV_SEPARATOR),
  };
}

function groupExtras(store: InstanceStore, api: ApiDef): Record<string, unknown> {
  const g = store.data.groups.get(api.group_id);
  return {
    group_name: g?.name ?? '',
    group_version: g?.version ?? 'V1',
    roma_app_id: api.roma_app_id ?? g?.roma_app_id ?? '',
    roma_app_name: g?.roma_app_name ?? '',
  };
}

/** 4.3.5 detail. */
export function apiDetail(store: InstanceStore, api: ApiDef): Record<string, unknown> {
  return { ...api, ...groupExtras(store, api), ...runEnvFields(store, api.id) };
}

const BACKEND_KEYS = [
  'backend_api',
  'func_info',
  'mock_info',
  'policy_https',
  'policy_functions',
  'policy_mocks',
  'backend_params',
] as const;

/** The API definition without its backend objects (list items and runtime definitions carry none). */
export function withoutBackend(api: ApiDef): Record<string, unknown> {
  // Copied field by field rather than spread then `delete`d: deleting turns the object into a slow
  // dictionary, and JSON.stringify of a page of 500 of them costs several times more.
  const out: Record<string, unknown> = {};
  for (const k in api) if (!SKIPPED_IN_LISTS.has(k)) out[k] = api[k as keyof ApiDef];
  return out;
}

const SKIPPED_IN_LISTS: ReadonlySet<string> = new Set(BACKEND_KEYS);

/** 4.3.6 list item (ApiInfoPerPage): no backend objects. */
export function apiListItem(store: InstanceStore, api: ApiDef): Record<string, unknown> {
  // Assigned into one object rather than spread from three: a page builds 500 of these.
  return Object.assign(withoutBackend(api), groupExtras(store, api), runEnvFields(store, api.id));
}

/** The outline used by the bound/unbound lists (ApiForThrottle, ApiForSign, UnbindApiForAcl, ApiOutline). */
export function apiOutline(store: InstanceStore, api: ApiDef, pub: Publication): Record<string, unknown> {
  return {
    id: api.id,
    name: api.name,
    type: api.type,
    remark: api.remark ?? '',
    req_uri: api.req_uri,
    auth_type: api.auth_type,
    group_id: api.group_id,
    group_name: groupName(store, api.group_id),
    publish_id: pub.publish_id,
    run_env_id: pub.env_id,
    run_env_name: envName(store, pub.env_id),
  };
}

export function requireApi(store: InstanceStore, apiId: string): ApiDef {
  const api = store.data.apis.get(apiId);
  if (!api) throw new ApiError(404, 'APIG.3002', `API ${apiId} does not exist`);
  return api;
}

export function requireEnv(store: InstanceStore, envId: string): void {
  if (!store.data.envs.has(envId))
    throw new ApiError(404, 'APIG.3003', `Environment ${envId} does not exist`);
}

export function requirePublication(store: InstanceStore, publishId: string): Publication {
  const p = store.data.publications.get(publishId);
  if (!p) throw new ApiError(404, 'APIG.3015', `The API publication record does not exist,id:${publishId}`);
  return p;
}

export { RELEASE_ENV_ID };
