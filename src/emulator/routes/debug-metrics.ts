// 4.3.8 debug (really executed by debug-exec.ts) and 4.21.1/4.21.2 statistics (metrics.ts).
import {
  DebugRequestError,
  executeDebug,
  parseDebugRequest,
  type AppCheck,
  type DebugApiDefinition,
} from '../debug-exec.ts';
import { MetricsQueryError, apiMetricsRecent, instanceMetrics, parseDuration } from '../metrics.ts';
import { RELEASE_ENV_ID, type ApiDef } from '../model.ts';
import type { EmulatorState, InstanceStore } from '../state.ts';
import { ApiError, invalidParam, ok, requireQuery, route, type RouteDef } from './common.ts';
import { requireApi } from './views.ts';

function envByIdOrName(store: InstanceStore, stage: string): { id: string; name: string } | undefined {
  const byId = store.data.envs.get(stage);
  if (byId) return { id: byId.id, name: byId.name };
  for (const e of store.data.envs.values()) if (e.name === stage) return { id: e.id, name: e.name };
  return undefined;
}

function envVariables(store: InstanceStore, groupId: string, envId: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of store.data.envVariables.values()) {
    if (v.group_id === groupId && v.env_id === envId) out[v.variable_name] = v.variable_value;
  }
  return out;
}

function rethrow(e: unknown): never {
  if (e instanceof DebugRequestError || e instanceof MetricsQueryError)
    throw new ApiError(e.status, e.error_code, e.error_msg);
  throw e;
}

export const debugMetricsRoutes: RouteDef[] = [
  route('POST', '/apis/debug/{api_id}', async ({ store, params, body, nowMs }) => {
    const api = requireApi(store, params['api_id'] ?? '');
    let req;
    try {
      req = parseDebugRequest(body);
    } catch (e) {
      rethrow(e);
    }
    let def: ApiDef = api;
    let env: { id: string; name: string } | undefined;
    let published = true;
    if (req.mode === 'CONSUMER') {
      // CONSUMER debugs the runtime definition of the stage (default RELEASE).
      env = req.stage ? envByIdOrName(store, req.stage) : { id: RELEASE_ENV_ID, name: 'RELEASE' };
      if (!env) throw invalidParam('stage', 'APIG.2011');
      const pub = store.publicationOf(api.id, env.id);
      published = pub !== undefined;
      const snap = pub ? store.data.versions.get(pub.version_id)?.snapshot : undefined;
      if (snap) def = snap;
    }
    const envId = env?.id;
    const checkApp = (appKey: string, appSecret: string): AppCheck => {
      let app;
      for (const a of store.data.apps.values()) if (a.app_key === appKey) app = a;
      if (!app) return 'unknown-app';
      if (app.app_secret !== appSecret) return 'bad-secret';
      if (req.mode !== 'CONSUMER') return 'ok';
      for (const a of store.data.appAuths.values())
        if (a.app_id === app.id && a.api_id === api.id && a.env_id === envId) return 'ok';
      return 'not-authorized';
    };
    const resolveVpcChannel = (channelId: string): string | undefined => {
      const ch = store.data.vpcChannels.get(channelId);
      if (!ch) return undefined;
      for (const m of store.data.vpcMembers.values())
        if (m.vpc_channel_id === ch.id && m.status === 1) return `${m.host}:${ch.port}`;
      return undefined;
    };
    const group = store.data.groups.get(def.group_id);
    try {
      const r = await executeDebug(def as unknown as DebugApiDefinition, req, {
        nowMs,
        ...(env ? { env } : {}),
        envVariables: envVariables(store, def.group_id, envId ?? RELEASE_ENV_ID),
        published,
        checkApp,
        resolveVpcChannel,
        ...(group ? { subdomain: group.sl_domain } : {}),
      });
      return ok(r);
    } catch (e) {
      rethrow(e);
    }
  }),

  route('GET', '/statistics/api/latest', ({ state, instanceId, store, query, nowMs }) => {
    const api = requireApi(store, requireQuery(query, 'api_id'));
    const minutes = parseDuration(requireQuery(query, 'duration'));
    if (minutes === undefined || minutes > 60) throw invalidParam('duration', 'APIG.2011');
    try {
      const r = apiMetricsRecent(api.id, minutes, nowMs, { groupId: api.group_id, provider: 'emulator' });
      return ok(serving(state, instanceId, store, api.id) ? r : { ...r, list: [] });
    } catch (e) {
      rethrow(e);
    }
  }),

  route('GET', '/statistics/api', ({ state, store, query, nowMs, instanceId }) => {
    const apiId = query.get('api_id');
    const api = apiId ? requireApi(store, apiId) : undefined;
    try {
      const r = instanceMetrics(query, nowMs, {
        instanceId,
        ...(api ? { apiMeta: { groupId: api.group_id, provider: 'emulator' } } : {}),
      });
      return ok(serving(state, instanceId, store, api?.id) ? r : { ...r, list: [] });
    } catch (e) {
      rethrow(e);
    }
  }),
];

/**
 * Synthetic traffic only where the gateway could serve any: a running instance, and for one API only
 * while it is published somewhere (a frozen instance or an unpublished API shows none).
 */
function serving(state: EmulatorState, instanceId: string, store: InstanceStore, apiId?: string): boolean {
  if (state.instances.get(instanceId)?.status !== 'RUNNING') return false;
  if (apiId === undefined) return true;
  for (const p of store.data.publications.values()) if (p.api_id === apiId) return true;
  return false;
}
