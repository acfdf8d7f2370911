// Apps (4.16.1/4.16.2) and APP authorization (4.18.1-4.18.6); VPC channels (4.15.4/4.15.5/4.15.7);
// custom authorizers (4.20.4/4.20.5).
import type { App, AppAuth, VpcChannel } from '../model.ts';
import { isoSeconds, newId, type InstanceStore } from '../state.ts';
import {
  ApiError,
  asObject,
  exactFilter,
  filterIter,
  invalidParam,
  listWhere,
  noContent,
  ok,
  optString,
  page,
  reqString,
  reqStringArray,
  requireQuery,
  route,
  textFilter,
  type RouteDef,
} from './common.ts';
import { apiOutline, envName, groupName, requireApi, requireEnv } from './views.ts';

export function requireApp(store: InstanceStore, id: string): App {
  const a = store.data.apps.get(id);
  if (!a) throw new ApiError(404, 'APIG.3004', `App ${id} does not exist`);
  return a;
}

function requireVpc(store: InstanceStore, id: string): VpcChannel {
  const v = store.data.vpcChannels.get(id);
  if (!v) throw new ApiError(404, 'APIG.3023', `The VPC channel does not exist,id:${id}`);
  return v;
}

function authInfo(store: InstanceStore, a: AppAuth): Record<string, unknown> {
  const api = store.data.apis.get(a.api_id);
  const app = store.data.apps.get(a.app_id);
  return {
    id: a.id,
    api_id: a.api_id,
    api_name: api?.name ?? '',
    group_name: api ? groupName(store, api.group_id) : '',
    group_id: api?.group_id ?? '',
    api_type: api?.type ?? 1,
    api_remark: api?.remark ?? '',
    env_id: a.env_id,
    env_name: envName(store, a.env_id),
    auth_role: a.auth_role,
    auth_time: a.auth_time,
    auth_tunnel: a.auth_tunnel,
    auth_whitelist: a.auth_whitelist,
    auth_blacklist: a.auth_blacklist,
    visit_param: a.visit_param ?? '',
    app_id: a.app_id,
    app_name: app?.name ?? '',
    app_remark: app?.remark ?? '',
    app_type: app?.app_type ?? 'roma',
    app_creator: app?.creator ?? 'USER',
    roma_app_type: app?.roma_app_type ?? 'integration',
    publish_id: store.publicationOf(a.api_id, a.env_id)?.publish_id ?? '',
  };
}

function optStringArray(b: Record<string, unknown>, name: string): string[] {
  const v = b[name];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && x !== ''))
    throw invalidParam(name, 'APIG.2011');
  return v as string[];
}

interface VisitParam {
  api_id: string;
  app_id?: string;
  visit_param: string;
}

const VISIT_PARAM = /^[A-Za-z0-9_-]*[A-Za-z0-9]$/;

/** 4.18.1 `visit_params`: api_id (one of api_ids) and visit_param required; names comma separated, unique. */
function visitParams(b: Record<string, unknown>, apiIds: string[]): VisitParam[] {
  const v = b['visit_params'];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw invalidParam('visit_params', 'APIG.2011');
  return v.map((raw) => {
    const o = asObject(raw);
    const apiId = reqString(o, 'api_id');
    if (!apiIds.includes(apiId)) throw invalidParam('visit_params.api_id', 'APIG.2011');
    const appId = optString(o, 'app_id');
    const param = reqString(o, 'visit_param', { max: 255 });
    const names = param.split(',');
    if (!names.every((n) => VISIT_PARAM.test(n)) || new Set(names).size !== names.length)
      throw invalidParam('visit_param', 'APIG.2011');
    return { api_id: apiId, ...(appId ? { app_id: appId } : {}), visit_param: param };
  });
}

function hasFeature(store: InstanceStore, name: string): boolean {
  for (const f of store.data.features.values()) if (f.name === name && f.enable) return true;
  return false;
}

export const appRoutes: RouteDef[] = [
  route('GET', '/apps', ({ store, query }) =>
    listWhere(
      store.data.apps.values(),
      query,
      'apps',
      (a, { exact, text }) =>
        exact('id', a.id) && text('name', a.name) && exact('status', a.status) && exact('app_key', a.app_key),
      (a) => {
        let n = 0;
        for (const x of store.data.appAuths.values()) if (x.app_id === a.id) n++;
        return { ...a, bind_num: n };
      },
    ),
  ),
  route('GET', '/apps/{app_id}', ({ store, params }) => ok(requireApp(store, params['app_id'] ?? ''))),

  // 4.18.1: takes api_ids + env_id (not publications). Per pair: FILAED when the API is not published in the
  // environment; a pair already authorized refuses the whole call with 400 APIG.3316.
  route('POST', '/app-auths', ({ store, body, nowMs }) => {
    const b = asObject(body);
    const envId = reqString(b, 'env_id', { max: 65 });
    const appIds = reqStringArray(b, 'app_ids');
    const apiIds = reqStringArray(b, 'api_ids');
    const tunnel = optString(b, 'auth_tunnel') ?? 'NORMAL';
    if (tunnel !== 'NORMAL' && tunnel !== 'GREEN') throw invalidParam('auth_tunnel', 'APIG.2011');
    if (tunnel === 'GREEN' && !hasFeature(store, 'green_tunnel'))
      throw invalidParam('auth_tunnel', 'APIG.2011');
    // The green-channel lists only take effect with GREEN (4.18.1); they are validated either way.
    const whitelist = optStringArray(b, 'auth_whitelist');
    const blacklist = optStringArray(b, 'auth_blacklist');
    const visit = visitParams(b, apiIds);
    requireEnv(store, envId);
    const apps = appIds.map((id) => requireApp(store, id));
    const apis = apiIds.map((id) => requireApi(store, id));
    for (const a of store.data.appAuths.values()) {
      if (a.env_id === envId && appIds.includes(a.app_id) && apiIds.includes(a.api_id)) {
        throw new ApiError(400, 'APIG.3316', 'The API authorization relationship already exists');
      }
    }
    const auths: unknown[] = [];
    for (const app of apps) {
      for (const api of apis) {
        const time = new Date(nowMs).toISOString();
        if (!store.publicationOf(api.id, envId)) {
          auths.push({
            api_id: api.id,
            app_id: app.id,
            auth_time: time,
            auth_result: {
              status: 'FILAED',
              error_code: 'APIG.3015',
              error_msg: `The API ${api.id} has not been published in environment ${envId}`,
              api_name: api.name,
              app_name: app.name,
            },
          });
          continue;
        }
        const visitParam = visit.find((v) => v.api_id === api.id && (!v.app_id || v.app_id === app.id));
        const green = tunnel === 'GREEN';
        const rec: AppAuth = {
          id: newId(),
          app_id: app.id,
          api_id: api.id,
          env_id: envId,
          auth_role: 'PROVIDER',
          auth_time: isoSeconds(nowMs),
          auth_tunnel: tunnel,
          auth_whitelist: green ? whitelist : [],
          auth_blacklist: green ? blacklist : [],
          ...(visitParam ? { visit_param: visitParam.visit_param } : {}),
        };
        store.data.appAuths.set(rec.id, rec);
        auths.push({
          id: rec.id,
          api_id: api.id,
          app_id: app.id,
          auth_time: time,
          auth_role: rec.auth_role,
          auth_tunnel: tunnel,
          auth_whitelist: rec.auth_whitelist,
          auth_blacklist: rec.auth_blacklist,
          // Typed String in the answer although the request sends an array of objects (C13.8).
          visit_params: rec.visit_param ?? '',
          auth_result: { status: 'SUCCESS', api_name: api.name, app_name: app.name },
        });
      }
    }
    return ok({ auths }, 201);
  }),
  route('DELETE', '/app-auths/{app_auth_id}', ({ store, params }) => {
    const id = params['app_auth_id'] ?? '';
    if (!store.data.appAuths.delete(id)) {
      throw new ApiError(404, 'APIG.3009', `The app authorization record does not exist,id:${id}`);
    }
    return noContent();
  }),
  route('GET', '/app-auths/binded-apis', ({ store, query }) => {
    const app = requireApp(store, requireQuery(query, 'app_id'));
    const exact = exactFilter(query);
    const text = textFilter(query);
    const items = filterIter(store.data.appAuths.values(), (a) => {
      if (a.app_id !== app.id || !exact('env_id', a.env_id) || !exact('api_id', a.api_id)) return false;
      const api = store.data.apis.get(a.api_id);
      return (
        api !== undefined &&
        text('api_name', api.name) &&
        exact('group_id', api.group_id) &&
        text('group_name', groupName(store, api.group_id))
      );
    });
    return page(items, query, 'auths', (a) => authInfo(store, a));
  }),
  route('GET', '/app-auths/unbinded-apis', ({ store, query }) => {
    const app = requireApp(store, requireQuery(query, 'app_id'));
    const envId = requireQuery(query, 'env_id');
    const authorized = new Set<string>();
    for (const a of store.data.appAuths.values())
      if (a.app_id === app.id && a.env_id === envId) authorized.add(a.api_id);
    const exact = exactFilter(query);
    const text = textFilter(query);
    const items = filterIter(store.data.publications.values(), (p) => {
      if (p.env_id !== envId || authorized.has(p.api_id)) return false;
      const api = store.data.apis.get(p.api_id);
      return (
        api !== undefined &&
        exact('group_id', api.group_id) &&
        exact('api_id', api.id) &&
        text('api_name', api.name)
      );
    });
    return page(items, query, 'apis', (p) => apiOutline(store, store.data.apis.get(p.api_id)!, p));
  }),
  route('GET', '/app-auths/duplicate-apis', ({ store, query }) => {
    const app = requireApp(store, requireQuery(query, 'app_id'));
    const byPath = new Map<
      string,
      { req_method: string; req_uri: string; match_mode: string; ids: Set<string> }
    >();
    for (const a of store.data.appAuths.values()) {
      if (a.app_id !== app.id) continue;
      const api = store.data.apis.get(a.api_id);
      if (!api) continue;
      const key = `${api.req_method} ${api.req_uri} ${api.match_mode}`;
      const e = byPath.get(key) ?? {
        req_method: api.req_method,
        req_uri: api.req_uri,
        match_mode: api.match_mode,
        ids: new Set(),
      };
      e.ids.add(api.id);
      byPath.set(key, e);
    }
    const apis = [...byPath.values()]
      .filter((e) => e.ids.size > 1)
      .map((e) => ({
        req_method: e.req_method,
        req_uri: e.req_uri,
        match_mode: e.match_mode,
        duplicated_apis: [...e.ids].map((id) => {
          const api = store.data.apis.get(id)!;
          return {
            api_id: id,
            api_name: api.name,
            group_id: api.group_id,
            group_name: groupName(store, api.group_id),
            remark: api.remark ?? '',
            // 4.18.5 types this api_type as a string enum (self-owned | authorized), not the API's type.
            api_type: 'self-owned',
          };
        }),
      }));
    return ok({ total: apis.length, size: apis.length, apis });
  }),
  route('GET', '/app-auths/binded-apps', ({ store, query }) => {
    const apiId = query.get('api_id');
    if (apiId) requireApi(store, apiId);
    const exact = exactFilter(query);
    const text = textFilter(query);
    const items = filterIter(
      store.data.appAuths.values(),
      (a) =>
        exact('api_id', a.api_id) &&
        exact('app_id', a.app_id) &&
        exact('env_id', a.env_id) &&
        text('app_name', store.data.apps.get(a.app_id)?.name),
    );
    return page(items, query, 'auths', (a) => authInfo(store, a));
  }),

  route('GET', '/vpc-channels', ({ store, query }) =>
    listWhere(
      store.data.vpcChannels.values(),
      query,
      'vpc_channels',
      (v, { exact, text }) => exact('id', v.id) && text('name', v.name) && exact('vpc_type', v.type),
      ({ vpc_health_config, ...rest }) => {
        void vpc_health_config;
        return rest;
      },
    ),
  ),
  route('GET', '/vpc-channels/{vpc_channel_id}', ({ store, params }) => {
    const v = requireVpc(store, params['vpc_channel_id'] ?? '');
    const members = [...store.data.vpcMembers.values()].filter((m) => m.vpc_channel_id === v.id);
    return ok({ ...v, members });
  }),
  route('GET', '/vpc-channels/{vpc_channel_id}/members', ({ store, params, query }) => {
    const v = requireVpc(store, params['vpc_channel_id'] ?? '');
    const text = textFilter(query);
    const items = filterIter(
      store.data.vpcMembers.values(),
      (m) => m.vpc_channel_id === v.id && (text('name', m.host) || text('name', m.ecs_name)),
    );
    return page(items, query, 'members', (m) => m);
  }),

  // The reference names the cache time `ttl` (request, examples), `ttn` (4.20.4 table), `ttd` (4.20.5 table);
  // we serve `ttl` like the examples.
  route('GET', '/authorizers', ({ store, query }) =>
    listWhere(
      store.data.authorizers.values(),
      query,
      'authorizer_list',
      (a, { exact, text }) => exact('id', a.id) && text('name', a.name) && exact('type', a.type),
    ),
  ),
  route('GET', '/authorizers/{authorizer_id}', ({ store, params }) => {
    const id = params['authorizer_id'] ?? '';
    const a = store.data.authorizers.get(id);
    if (!a) throw new ApiError(404, 'APIG.3081', `authorizer with id: ${id} not found`);
    return ok(a);
  }),
];
