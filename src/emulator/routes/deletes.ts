// Deletes and their refusal rules (C8 "deleting what is bound or in use is refused"): group 4.2.3, API 4.3.3,
// environment 4.4.3, throttling policy 4.7.3, signature key 4.10.3, ACL policy 4.12.3 and batch 4.12.4.
// The endpoint sections document no conflict code; the codes come from the 7.4.2 table (ERRORS.md).
import { RELEASE_ENV_ID, type Acl } from '../model.ts';
import type { InstanceStore } from '../state.ts';
import { ApiError, asObject, noContent, ok, route, type RouteDef } from './common.ts';
import { batchDeleteIds } from './bindings.ts';
import { requireApi, requireEnv } from './views.ts';

function deleteWhere<T>(m: Map<string, T>, pred: (t: T) => boolean): void {
  for (const [k, v] of m) if (pred(v)) m.delete(k);
}

function someValue<T>(m: Map<string, T>, pred: (t: T) => boolean): boolean {
  for (const v of m.values()) if (pred(v)) return true;
  return false;
}

/** 4.2.3: refused for the default group (409 APIG.3482) and while the group contains APIs (409 APIG.3415). */
export function deleteGroup(store: InstanceStore, groupId: string): void {
  const g = store.data.groups.get(groupId);
  if (!g) throw new ApiError(404, 'APIG.3001', `API group ${groupId} does not exist`);
  // `is_default` has no documented enum; examples show 2 for ordinary groups, so 1 is taken as "default".
  if (g.is_default === 1) throw new ApiError(409, 'APIG.3482', 'The default API group cannot be deleted.');
  if (someValue(store.data.apis, (a) => a.group_id === groupId)) {
    throw new ApiError(409, 'APIG.3415', 'The API group cannot be deleted because it contains APIs.');
  }
  store.data.groups.delete(groupId);
  // The group's environment variables (4.5) live and die with it.
  deleteWhere(store.data.envVariables, (v) => v.group_id === groupId);
}

/**
 * 4.3.3 says deleting an API cascades to its publication records, while 7.4.2 lists 409 APIG.3416 "cannot be
 * deleted because it has been published". Strict as an emulator: a published API is refused (take it offline
 * first); an unpublished one takes its version history and APP authorizations with it.
 */
export function deleteApi(store: InstanceStore, apiId: string): void {
  requireApi(store, apiId);
  if (store.publicationsOfApi(apiId).length > 0) {
    throw new ApiError(409, 'APIG.3416', 'The API cannot be deleted because it has been published.');
  }
  store.data.apis.delete(apiId);
  deleteWhere(store.data.versions, (v) => v.api_id === apiId);
  deleteWhere(store.data.appAuths, (a) => a.api_id === apiId);
}

/**
 * 4.4.3: refused while APIs are published in the environment (409 APIG.3418). RELEASE is built in (C7): it is
 * the default of runtime lookups (4.3.13) and of the debug stage (4.3.8), so deleting it would leave those
 * defaults dangling. 7.4.2 has no "default environment" code; the emulator refuses with the environment
 * permission code, 403 APIG.1103, checked first so the hint never suggests that taking APIs offline would help.
 */
export function deleteEnv(store: InstanceStore, envId: string): void {
  requireEnv(store, envId);
  if (envId === RELEASE_ENV_ID) {
    throw new ApiError(
      403,
      'APIG.1103',
      'No permissions to perform operations on this environment. The RELEASE environment is built in and cannot be deleted.',
    );
  }
  if (someValue(store.data.publications, (p) => p.env_id === envId)) {
    throw new ApiError(409, 'APIG.3418', 'The environment contains published APIs.');
  }
  store.data.envs.delete(envId);
  deleteWhere(store.data.envVariables, (v) => v.env_id === envId);
  deleteWhere(store.data.versions, (v) => v.env_id === envId);
  deleteWhere(store.data.appAuths, (a) => a.env_id === envId);
}

/** 4.7.3: refused while bound to APIs (412 APIG.3451); its special settings (4.9) go with it. */
export function deleteThrottle(store: InstanceStore, throttleId: string): void {
  if (!store.data.throttles.has(throttleId)) {
    throw new ApiError(404, 'APIG.3005', `Request throttling policy ${throttleId} does not exist`);
  }
  if (someValue(store.data.throttleBindings, (b) => b.strategy_id === throttleId)) {
    throw new ApiError(412, 'APIG.3451', 'The request throttling policy has been bound to APIs.');
  }
  store.data.throttles.delete(throttleId);
  deleteWhere(store.data.throttleSpecials, (s) => s.throttle_id === throttleId);
}

/** 4.10.3: refused while bound to APIs (412 APIG.3480). */
export function deleteSign(store: InstanceStore, signId: string): void {
  if (!store.data.signs.has(signId)) {
    throw new ApiError(404, 'APIG.3017', `Signature key ${signId} does not exist`);
  }
  if (someValue(store.data.signBindings, (b) => b.sign_id === signId)) {
    throw new ApiError(412, 'APIG.3480', 'The signature key has been bound to APIs.');
  }
  store.data.signs.delete(signId);
}

function aclNotFound(aclId: string): ApiError {
  return new ApiError(404, 'APIG.3006', `Access control policy ${aclId} does not exist`);
}

/** 4.12.3: refused while bound to APIs (412 APIG.3447, message of 7.4.2). */
export function deleteAcl(store: InstanceStore, aclId: string, boundMsg?: string): Acl {
  const acl = store.data.acls.get(aclId);
  if (!acl) throw aclNotFound(aclId);
  if (someValue(store.data.aclBindings, (b) => b.acl_id === aclId)) {
    throw new ApiError(412, 'APIG.3447', boundMsg ?? 'The access control policy has been bound to APIs');
  }
  store.data.acls.delete(aclId);
  return acl;
}

/** 4.12.4's example answers a bound policy with this text (same code APIG.3447). */
const BATCH_BOUND_MSG = 'The Acl Strategy has already binded to APIs';

export const deleteRoutes: RouteDef[] = [
  route('DELETE', '/api-groups/{group_id}', ({ store, params }) => {
    deleteGroup(store, params['group_id'] ?? '');
    return noContent();
  }),
  route('DELETE', '/apis/{api_id}', ({ store, params }) => {
    deleteApi(store, params['api_id'] ?? '');
    return noContent();
  }),
  route('DELETE', '/envs/{env_id}', ({ store, params }) => {
    deleteEnv(store, params['env_id'] ?? '');
    return noContent();
  }),
  route('DELETE', '/throttles/{throttle_id}', ({ store, params }) => {
    deleteThrottle(store, params['throttle_id'] ?? '');
    return noContent();
  }),
  route('DELETE', '/signs/{sign_id}', ({ store, params }) => {
    deleteSign(store, params['sign_id'] ?? '');
    return noContent();
  }),
  route('DELETE', '/acls/{acl_id}', ({ store, params }) => {
    deleteAcl(store, params['acl_id'] ?? '');
    return noContent();
  }),
  // 4.12.4: `acls` is marked optional in the table; strict as an emulator, a missing or empty list is a 400.
  // Per-item refusals (bound, unknown) are reported in the 200 body, never as the HTTP status.
  route('PUT', '/acls', ({ store, query, body }) => {
    const ids = batchDeleteIds(query, asObject(body), 'acls');
    let success = 0;
    const failure: unknown[] = [];
    for (const id of ids) {
      const name = store.data.acls.get(id)?.acl_name ?? '';
      try {
        deleteAcl(store, id, BATCH_BOUND_MSG);
        success++;
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        failure.push({ acl_id: id, acl_name: name, error_code: e.code, error_msg: e.message });
      }
    }
    return ok({ success_count: success, failure });
  }),
];
