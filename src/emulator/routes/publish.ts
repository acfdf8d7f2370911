// Publication rules (C7/C8): publishing creates or refreshes the publication record and a version snapshot
// (at most 10 per API per environment, one in effect); offline removes the record and its policy bindings.
import type { ApiVersion, Publication } from '../model.ts';
import { isoSeconds, newId, type InstanceStore } from '../state.ts';
import { ApiError } from './common.ts';
import { envName, groupName, requireApi, requireEnv, requirePublication } from './views.ts';

export const MAX_VERSIONS_PER_ENV = 10;

/** `version_no` is the publish time as yyyyMMddHHmmss in UTC+8 (observed in 4.3.12). */
export function versionNo(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

export interface PublishResult {
  publish_id: string;
  api_id: string;
  api_name: string;
  env_id: string;
  remark: string;
  publish_time: string;
  version_id: string;
}

function versionsOf(store: InstanceStore, apiId: string, envId: string): ApiVersion[] {
  const out: ApiVersion[] = [];
  for (const v of store.data.versions.values()) if (v.api_id === apiId && v.env_id === envId) out.push(v);
  return out;
}

export function publishApi(
  store: InstanceStore,
  apiId: string,
  envId: string,
  remark: string,
  nowMs: number,
  /** The API has never had a version in this environment (scale seeds): skips the scan of all versions. */
  firstVersion = false,
): PublishResult {
  const api = requireApi(store, apiId);
  requireEnv(store, envId);
  const time = new Date(nowMs).toISOString();
  const old = firstVersion ? [] : versionsOf(store, apiId, envId);
  for (const v of old) v.status = 2;
  const version: ApiVersion = {
    version_id: newId(),
    version_no: versionNo(nowMs),
    api_id: apiId,
    env_id: envId,
    env_name: envName(store, envId),
    remark,
    publish_time: time,
    status: 1,
    // API records are JSON data: a JSON round trip copies them faster than structuredClone,
    // which showed in the --demo start-up (one snapshot per seeded publication).
    snapshot: JSON.parse(JSON.stringify(api)) as typeof api,
    group_name: groupName(store, api.group_id),
  };
  store.data.versions.set(version.version_id, version);
  // Keep the newest MAX_VERSIONS_PER_ENV; the new one is in effect so only old ones drop.
  const excess = old.length + 1 - MAX_VERSIONS_PER_ENV;
  if (excess > 0) {
    old.sort((a, b) => (a.publish_time < b.publish_time ? -1 : 1));
    for (const v of old.slice(0, excess)) store.data.versions.delete(v.version_id);
  }
  // Republishing keeps the publication id so existing policy bindings stay attached.
  let pub = store.publicationOf(apiId, envId);
  if (pub) {
    pub.version_id = version.version_id;
    pub.publish_time = time;
    pub.remark = remark;
  } else {
    pub = {
      publish_id: newId(),
      api_id: apiId,
      env_id: envId,
      version_id: version.version_id,
      publish_time: time,
      remark,
    };
    store.addPublication(pub);
  }
  return { ...pub, api_name: api.name };
}

/** Removes a publication and everything bound to it (throttle, signature, ACL bindings). */
export function removePublication(store: InstanceStore, pub: Publication): void {
  store.removePublication(pub.publish_id);
  for (const v of store.data.versions.values())
    if (v.api_id === pub.api_id && v.env_id === pub.env_id) v.status = 2;
  for (const [id, b] of store.data.throttleBindings)
    if (b.publish_id === pub.publish_id) store.data.throttleBindings.delete(id);
  for (const [id, b] of store.data.signBindings)
    if (b.publish_id === pub.publish_id) store.data.signBindings.delete(id);
  for (const [id, b] of store.data.aclBindings)
    if (b.publish_id === pub.publish_id) store.data.aclBindings.delete(id);
}

export function offlineApi(
  store: InstanceStore,
  apiId: string,
  envId: string,
  remark: string,
  nowMs: number,
): PublishResult {
  const api = requireApi(store, apiId);
  requireEnv(store, envId);
  const pub = store.publicationOf(apiId, envId);
  if (!pub) {
    throw new ApiError(
      404,
      'APIG.3015',
      `The API publication record does not exist,api_id:${apiId},env_id:${envId}`,
    );
  }
  removePublication(store, pub);
  return { ...pub, api_name: api.name, remark, publish_time: new Date(nowMs).toISOString() };
}

/** 4.3.9: put a historical version in effect; its environment must still be the API's. */
export function switchVersion(
  store: InstanceStore,
  apiId: string,
  versionId: string,
  nowMs: number,
): PublishResult {
  const api = requireApi(store, apiId);
  const v = store.data.versions.get(versionId);
  if (!v || v.api_id !== apiId)
    throw new ApiError(404, 'APIG.3022', `The API version does not exist,id:${versionId}`);
  for (const o of versionsOf(store, apiId, v.env_id)) o.status = o.version_id === versionId ? 1 : 2;
  const time = new Date(nowMs).toISOString();
  let pub = store.publicationOf(apiId, v.env_id);
  if (pub) {
    pub.version_id = versionId;
    pub.publish_time = time;
  } else {
    pub = {
      publish_id: newId(),
      api_id: apiId,
      env_id: v.env_id,
      version_id: versionId,
      publish_time: time,
      remark: v.remark,
    };
    store.addPublication(pub);
  }
  return { ...pub, api_name: api.name };
}

/** 4.3.11: taking the version in effect offline removes the publication; other versions are just not in effect. */
export function offlineVersion(store: InstanceStore, versionId: string): void {
  const v = store.data.versions.get(versionId);
  if (!v) throw new ApiError(404, 'APIG.3022', `The API version does not exist,id:${versionId}`);
  const pub = store.publicationOf(v.api_id, v.env_id);
  if (pub && pub.version_id === versionId)
    removePublication(store, requirePublication(store, pub.publish_id));
  v.status = 2;
}

export function versionListItem(v: ApiVersion): Record<string, unknown> {
  return {
    version_id: v.version_id,
    version_no: v.version_no,
    api_id: v.api_id,
    env_id: v.env_id,
    env_name: v.env_name,
    remark: v.remark,
    publish_time: isoSeconds(Date.parse(v.publish_time)),
    status: v.status,
  };
}
