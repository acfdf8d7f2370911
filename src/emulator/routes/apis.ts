// APIs: 4.3.4 publish/offline, 4.3.5 detail, 4.3.6 list, 4.3.7 batch, 4.3.9-4.3.13 versions and runtime.
import { RELEASE_ENV_ID } from '../model.ts';
import { isoSeconds } from '../state.ts';
import {
  ApiError,
  asObject,
  exactFilter,
  filterIter,
  noContent,
  ok,
  optString,
  page,
  reqString,
  reqStringArray,
  route,
  textFilter,
  type RouteDef,
} from './common.ts';
import { offlineApi, offlineVersion, publishApi, switchVersion, versionListItem } from './publish.ts';
import {
  apiDetail,
  apiListItem,
  envName,
  requireApi,
  requireEnv,
  runEnvFields,
  withoutBackend,
} from './views.ts';

const ACTIONS = ['online', 'offline'] as const;
/** The query parameters GET /apis filters on (4.3.6). */
const API_FILTERS = [
  'id',
  'name',
  'group_id',
  'req_protocol',
  'req_method',
  'req_uri',
  'auth_type',
  'type',
  'env_id',
] as const;

export const apiRoutes: RouteDef[] = [
  route('GET', '/apis', ({ store, query }) => {
    const text = textFilter(query);
    const exact = exactFilter(query);
    const envId = query.get('env_id');
    // Unfiltered (every page of a listAll): no predicate over each of 10,000 APIs per page.
    const unfiltered = !API_FILTERS.some((p) => query.get(p));
    const items = unfiltered
      ? store.data.apis.values()
      : filterIter(
          store.data.apis.values(),
          (a) =>
            exact('id', a.id) &&
            text('name', a.name) &&
            exact('group_id', a.group_id) &&
            exact('req_protocol', a.req_protocol) &&
            exact('req_method', a.req_method) &&
            text('req_uri', a.req_uri) &&
            exact('auth_type', a.auth_type) &&
            exact('type', a.type) &&
            (!envId || store.publicationOf(a.id, envId) !== undefined),
        );
    return page(items, query, 'apis', (a) => apiListItem(store, a));
  }),

  route('GET', '/apis/{api_id}', ({ store, params }) =>
    ok(apiDetail(store, requireApi(store, params['api_id'] ?? ''))),
  ),

  route('POST', '/apis/action', ({ store, body, nowMs }) => {
    const b = asObject(body);
    const action = reqString(b, 'action', { enum: ACTIONS });
    const apiId = reqString(b, 'api_id');
    const envId = reqString(b, 'env_id');
    const remark = optString(b, 'remark', 255) ?? '';
    const r =
      action === 'online'
        ? publishApi(store, apiId, envId, remark, nowMs)
        : offlineApi(store, apiId, envId, remark, nowMs);
    return ok(r, 201);
  }),

  // 4.3.7: per-item failures are reported in the 200 body, never as the HTTP status.
  route('POST', '/apis/publish', ({ store, body, query, nowMs }) => {
    const action = query.get('action');
    if (action !== 'online' && action !== 'offline') {
      throw new ApiError(
        400,
        'APIG.2011',
        'Invalid parameter value: parameter action should be "online" or "offline"',
      );
    }
    const b = asObject(body);
    const envId = reqString(b, 'env_id');
    const remark = optString(b, 'remark', 255) ?? '';
    // `apis` is marked optional (否) in 4.3.7's table; strict as an emulator, like the batch deletes
    // (4.8.6/4.12.4/4.13.3): missing → 400 APIG.2001, empty or not an array of ids → 400 APIG.2011.
    const apis = reqStringArray(b, 'apis');
    requireEnv(store, envId);
    const success: unknown[] = [];
    const failure: unknown[] = [];
    for (const apiId of apis as string[]) {
      try {
        const r =
          action === 'online'
            ? publishApi(store, apiId, envId, remark, nowMs)
            : offlineApi(store, apiId, envId, remark, nowMs);
        success.push(
          action === 'online' ? r : { api_id: r.api_id, api_name: r.api_name, env_id: envId, remark },
        );
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        failure.push({
          api_id: apiId,
          api_name: store.data.apis.get(apiId)?.name ?? '',
          error_code: e.code,
          error_msg: e.message,
        });
      }
    }
    return ok({ success, failure });
  }),

  route('PUT', '/apis/publish/{api_id}', ({ store, params, body, nowMs }) => {
    const b = asObject(body);
    const versionId = reqString(b, 'version_id');
    return ok(switchVersion(store, params['api_id'] ?? '', versionId, nowMs));
  }),

  route('GET', '/apis/publish/{api_id}', ({ store, params, query }) => {
    const api = requireApi(store, params['api_id'] ?? '');
    const envId = query.get('env_id');
    const envNameQ = query.get('env_name');
    const items = [...store.data.versions.values()]
      .filter(
        (v) =>
          v.api_id === api.id && (!envId || v.env_id === envId) && (!envNameQ || v.env_name === envNameQ),
      )
      .sort((a, b) => (a.publish_time < b.publish_time ? 1 : a.publish_time > b.publish_time ? -1 : 0));
    return page(items, query, 'api_versions', versionListItem);
  }),

  route('GET', '/apis/versions/{version_id}', ({ store, params }) => {
    const id = params['version_id'] ?? '';
    const v = store.data.versions.get(id);
    if (!v) throw new ApiError(404, 'APIG.3022', `The API version does not exist,id:${id}`);
    const g = store.data.groups.get(v.snapshot.group_id);
    return ok({
      ...v.snapshot,
      group_name: v.group_name,
      group_version: g?.version ?? 'V1',
      roma_app_name: g?.roma_app_name ?? '',
      ...runEnvFields(store, v.api_id),
      sl_domain: g?.sl_domain ?? '',
      sl_domains: g?.sl_domains ?? [],
      version_id: v.version_id,
      publish_time: isoSeconds(Date.parse(v.publish_time)),
    });
  }),

  route('DELETE', '/apis/versions/{version_id}', ({ store, params }) => {
    offlineVersion(store, params['version_id'] ?? '');
    return noContent();
  }),

  // 4.3.13: the definition in effect in an environment (default RELEASE), i.e. the publish-time snapshot.
  route('GET', '/apis/runtime/{api_id}', ({ store, params, query }) => {
    const api = requireApi(store, params['api_id'] ?? '');
    const envId = query.get('env_id') || RELEASE_ENV_ID;
    const pub = store.publicationOf(api.id, envId);
    if (!pub)
      throw new ApiError(
        404,
        'APIG.3015',
        `The API ${api.id} has not been published in environment ${envId}`,
      );
    const v = store.data.versions.get(pub.version_id);
    const def = v?.snapshot ?? api;
    const g = store.data.groups.get(def.group_id);
    const rest = withoutBackend(def);
    return ok({
      ...rest,
      group_name: g?.name ?? '',
      run_env_name: envName(store, envId),
      run_env_id: envId,
      publish_id: pub.publish_id,
      sl_domain: g?.sl_domain ?? '',
      sl_domains: g?.sl_domains ?? [],
    });
  }),
];
