// The reads the action flows need, as dashboard-store requests (screens never call the client).
// Families are prefixed `actions.` so they never collide with the resource screens' slices.
import { fmtTime } from '../format.ts';
import type { RomaClient } from '../../src/api/client.ts';
import type { ResourceRequest } from '../../src/store/store.ts';
import type {
  ApiRef,
  AppRef,
  AuthRef,
  BindingRef,
  EnvRef,
  PolicyKind,
  PolicyRef,
} from '../../src/actions/types.ts';
import type { ApiDetail } from '../../src/api/types/apis.ts';
import { publicationIn } from '../../src/actions/publications.ts';
import type { BindCandidate } from '../../src/actions/preconditions.ts';
import { POLICY_KIND_LIST, POLICY_KINDS, type PolicyBindingsData } from '../../src/actions/policy-kinds.ts';

type Req<T> = ResourceRequest<T, RomaClient>;

export interface VersionRow {
  versionId: string;
  versionNo: string;
  inEffect: boolean;
  publishTime: string;
  remark: string;
}

export function versionsRequest(instanceId: string, apiId: string, envId: string): Req<VersionRow[]> {
  return {
    family: 'actions.versions',
    key: `${instanceId}|${apiId}|${envId}`,
    channel: 'actions',
    async fetch(client, signal) {
      const list = await client
        .instance(instanceId)
        .apis.versions(apiId)
        .listAll({ env_id: envId }, { signal });
      return list.map((v) => ({
        versionId: v.version_id,
        versionNo: v.version_no ?? v.version_id,
        inEffect: v.status === 1,
        publishTime: fmtTime(v.publish_time),
        remark: v.remark ?? '',
      }));
    },
  };
}

/** Everything bound to one API in one environment, of the three kinds, plus its publication there. */
export interface ApiBindingsData {
  publishId?: string;
  bindings: BindingRef[];
}

export function apiBindingsRequest(
  instanceId: string,
  api: { id: string; name: string },
  env: { id: string; name: string },
): Req<ApiBindingsData> {
  return {
    family: 'actions.apiBindings',
    key: `${instanceId}|${api.id}|${env.id}`,
    channel: 'actions',
    async fetch(client, signal) {
      const c = client.instance(instanceId);
      const q = { api_id: api.id, env_id: env.id };
      const [apis, ...perKind] = await Promise.all([
        c.apis.list({ id: api.id, env_id: env.id }, { signal }),
        ...POLICY_KIND_LIST.map((k) => k.listApiBindings(c, q, signal)),
      ]);
      const row = apis.items.find((a) => a.id === api.id);
      const pub = row ? publicationIn(row, env.id) : undefined;
      // the query filtered by environment already; rows that name another one are left out
      const bindings: BindingRef[] = perKind
        .flat()
        .filter(
          (b) => b.bindingId !== '' && (b.envId ?? env.id) === env.id && (b.envName ?? env.name) === env.name,
        )
        .map((b) => ({ bindingId: b.bindingId, policy: b.policy, api, env }));
      return pub ? { publishId: pub.publishId, bindings } : { bindings };
    },
  };
}

export function policiesRequest(instanceId: string, kind: PolicyKind): Req<PolicyRef[]> {
  return {
    family: 'actions.policies',
    key: `${instanceId}|${kind}`,
    fetch: (client, signal) => POLICY_KINDS[kind].listPolicies(client.instance(instanceId), signal),
  };
}

export type { PolicyBindingsData };

export function policyBindingsRequest(
  instanceId: string,
  policy: PolicyRef,
  envId?: string,
): Req<PolicyBindingsData> {
  return {
    family: 'actions.policyBindings',
    key: `${instanceId}|${policy.kind}|${policy.id}|${envId ?? ''}`,
    channel: 'actions',
    fetch: (client, signal) =>
      POLICY_KINDS[policy.kind].listBindings(
        client.instance(instanceId),
        policy,
        envId ? { env_id: envId } : {},
        signal,
      ),
  };
}

export interface AppAuthRow {
  app: { id: string; name: string };
  /** Authorization id when the app is authorized for the API in the environment. */
  authId?: string;
}

export function appAuthsRequest(instanceId: string, apiId: string, envId: string): Req<AppAuthRow[]> {
  return {
    family: 'actions.appAuths',
    key: `${instanceId}|${apiId}|${envId}`,
    channel: 'actions',
    async fetch(client, signal) {
      const c = client.instance(instanceId);
      const [apps, auths] = await Promise.all([
        c.apps.listAll({}, { signal }),
        c.appAuths.boundApps.listAll({ api_id: apiId, env_id: envId }, { signal }),
      ]);
      const byApp = new Map(
        auths.filter((a) => !a.env_id || a.env_id === envId).map((a) => [a.app_id ?? '', a.id]),
      );
      return apps.map((a) => {
        const authId = byApp.get(a.id);
        return { app: { id: a.id, name: a.name }, ...(authId ? { authId } : {}) };
      });
    },
  };
}

/** The instance's environments, for the environment pickers. */
export function envsRequest(instanceId: string): Req<EnvRef[]> {
  return {
    family: 'actions.envs',
    key: instanceId,
    async fetch(client, signal) {
      const envs = await client.instance(instanceId).envs.listAll({}, { signal });
      return envs.map((e) => ({ id: e.id, name: e.name }));
    },
  };
}

/** One API's definition (4.3.5), for the debug console's form. */
export function apiDetailRequest(instanceId: string, apiId: string): Req<ApiDetail> {
  return {
    family: 'actions.apiDetail',
    key: `${instanceId}|${apiId}`,
    fetch: (client, signal) => client.instance(instanceId).apis.get(apiId, { signal }),
  };
}

/** The APIs an app is authorized for (4.18.3), as revocable authorizations. */
export function appApisRequest(instanceId: string, app: AppRef): Req<AuthRef[]> {
  return {
    family: 'actions.appApis',
    key: `${instanceId}|${app.id}`,
    channel: 'actions',
    async fetch(client, signal) {
      const auths = await client
        .instance(instanceId)
        .appAuths.boundApis.listAll({ app_id: app.id }, { signal });
      return auths.map((a) => ({
        authId: a.id,
        app,
        api: { id: a.api_id ?? '', name: a.api_name ?? a.api_id ?? '' },
        env: { id: a.env_id ?? '', name: a.env_name ?? a.env_id ?? '' },
      }));
    },
  };
}

/** Published APIs an app is not yet authorized for in an environment (4.18.4). */
export function appUnboundApisRequest(instanceId: string, appId: string, envId: string): Req<ApiRef[]> {
  return {
    family: 'actions.appUnboundApis',
    key: `${instanceId}|${appId}|${envId}`,
    channel: 'actions.unbound',
    async fetch(client, signal) {
      const apis = await client
        .instance(instanceId)
        .appAuths.unboundApis.listAll({ app_id: appId, env_id: envId }, { signal });
      return apis.map((a) => ({ id: a.id, name: a.name ?? a.id }));
    },
  };
}

/** Apps and how many of several (marked) APIs each is authorized for in one environment (4.18.6 per API). */
export interface BatchAuthData {
  rows: Array<{ app: AppRef; authorized: number }>;
  existing: Array<{ appId: string; apiId: string }>;
}

export function appAuthsForApisRequest(
  instanceId: string,
  apis: readonly ApiRef[],
  envId: string,
): Req<BatchAuthData> {
  return {
    family: 'actions.appAuthsBatch',
    key: `${instanceId}|${apis.map((a) => a.id).join(',')}|${envId}`,
    channel: 'actions',
    async fetch(client, signal) {
      const c = client.instance(instanceId);
      const [apps, ...perApi] = await Promise.all([
        c.apps.listAll({}, { signal }),
        ...apis.map((api) => c.appAuths.boundApps.listAll({ api_id: api.id, env_id: envId }, { signal })),
      ]);
      const existing = perApi.flatMap((auths, i) =>
        auths
          .filter((a) => !a.env_id || a.env_id === envId)
          .map((a) => ({ appId: a.app_id ?? '', apiId: apis[i]?.id ?? '' })),
      );
      return {
        rows: apps.map((a) => ({
          app: { id: a.id, name: a.name },
          authorized: existing.filter((e) => e.appId === a.id).length,
        })),
        existing,
      };
    },
  };
}

/** Each of several (marked) APIs as a bind candidate in one environment: its publication and bindings. */
export function bindCandidatesRequest(
  instanceId: string,
  apis: readonly ApiRef[],
  env: EnvRef,
): Req<BindCandidate[]> {
  return {
    family: 'actions.bindCandidates',
    key: `${instanceId}|${apis.map((a) => a.id).join(',')}|${env.id}`,
    channel: 'actions',
    async fetch(client, signal) {
      const each = await Promise.all(
        apis.map((api) =>
          apiBindingsRequest(instanceId, api, env).fetch(
            client,
            signal,
            () => undefined,
            () => undefined,
          ),
        ),
      );
      return apis.map((api, i) => {
        const d = each[i];
        return {
          api,
          env,
          ...(d?.publishId ? { publishId: d.publishId } : {}),
          current: d?.bindings ?? [],
        };
      });
    },
  };
}
