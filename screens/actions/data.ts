// The reads the action flows need, as dashboard-store requests (screens never call the client).
// Where a flow shows what a resource screen shows (environments, policies, apps, an API's definition,
// an app's authorized APIs) it reads the screen's own request (src/app/screen-requests.ts: same slice,
// no channel) and derives its rows with a pure function. Only reads no screen makes keep a family of
// their own, prefixed `actions.`; each says why.
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
import type { ApiDetail, ApiSummary, ApiVersion } from '../../src/api/types/apis.ts';
import type { App, AppAuth } from '../../src/api/types/apps.ts';
import type { Environment } from '../../src/api/types/envs.ts';
import { sharedListRequest, sharedPartRequest } from '../../src/app/screen-requests.ts';
import { apisScreen } from '../apis.ts';
import { appsScreen } from '../apps.ts';
import { envsScreen } from '../envs.ts';
import { resourceById } from '../registry.ts';
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

/** An API's versions (4.3.12, every environment): the API detail's Publications and versions tab. */
export function versionsRequest(instanceId: string, apiId: string): Req<ApiVersion[]> {
  return sharedPartRequest<ApiVersion[]>(apisScreen, 'versions', instanceId, { id: apiId } as ApiSummary);
}

/** The versions of one environment, as the versions dialog lists them. */
export const versionRows =
  (env: EnvRef) =>
  (versions: readonly ApiVersion[]): VersionRow[] =>
    versions
      .filter((v) => (v.env_id ? v.env_id === env.id : v.env_name === env.name))
      .map((v) => ({
        versionId: v.version_id,
        versionNo: v.version_no ?? v.version_id,
        inEffect: v.status === 1,
        publishTime: fmtTime(v.publish_time),
        remark: v.remark ?? '',
      }));

/** Everything bound to one API in one environment, of the three kinds, plus its publication there. */
export interface ApiBindingsData {
  publishId?: string;
  bindings: BindingRef[];
}

/**
 * Flow-specific (`actions.apiBindings`): the API detail's Policies tab lists every environment without
 * the binding ids and the publication a bind or unbind needs; read again on open.
 */
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

/** A kind's policies: the policy screen's list (throttles, signature keys, ACLs); `policyRefs` picks. */
export function policiesRequest(instanceId: string, kind: PolicyKind): Req<unknown[]> {
  const d = resourceById(POLICY_KINDS[kind].resource);
  if (!d) throw new Error(`no screen for ${POLICY_KINDS[kind].resource}`);
  return sharedListRequest(d, instanceId);
}

export const policyRefs =
  (kind: PolicyKind) =>
  (rows: readonly unknown[]): PolicyRef[] =>
    rows.map((r) => POLICY_KINDS[kind].refOf(r));

export type { PolicyBindingsData };

/** Flow-specific (`actions.policyBindings`): the bound APIs with the not-bound candidates, no screen has both. */
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

/**
 * Every app with its authorization for the API in one environment: the apps screen's list joined with
 * the API detail's Authorized apps tab (every environment; 4.18.6 rows name theirs).
 */
export function appAuthRows(apps: readonly App[], auths: readonly AppAuth[], env: EnvRef): AppAuthRow[] {
  const inEnv = (a: AppAuth) => (a.env_id ? a.env_id === env.id : a.env_name === env.name);
  const byApp = new Map(auths.filter(inEnv).map((a) => [a.app_id ?? '', a.id]));
  return apps.map((a) => {
    const authId = byApp.get(a.id);
    return { app: { id: a.id, name: a.name }, ...(authId ? { authId } : {}) };
  });
}

/** The instance's environments, for the environment pickers: the environments screen's list. */
export function envsRequest(instanceId: string): Req<Environment[]> {
  return sharedListRequest<Environment>(envsScreen, instanceId);
}

export const envRefs = (rows: readonly Environment[]): EnvRef[] =>
  rows.map((e) => ({ id: e.id, name: e.name }));

/** One API's definition (4.3.5): the API detail's Definition tab (debug console, x-ray). */
export function apiDetailRequest(instanceId: string, apiId: string): Req<ApiDetail> {
  return sharedPartRequest<ApiDetail>(apisScreen, 'definition', instanceId, { id: apiId } as ApiSummary);
}

/** The instance's apps (4.16.1): the apps screen's list (MQS grant, the debug console's app picker). */
export function appsRequest(instanceId: string): Req<App[]> {
  return sharedListRequest<App>(appsScreen, instanceId);
}

/** The apps authorized to call an API (4.18.6, every environment): the API detail's Authorized apps tab. */
export function apiAppsRequest(instanceId: string, apiId: string): Req<AppAuth[]> {
  return sharedPartRequest<AppAuth[]>(apisScreen, 'apps', instanceId, { id: apiId } as ApiSummary);
}

/** The APIs an app is authorized for (4.18.3): the app detail's Authorized APIs tab. */
export function appApisRequest(instanceId: string, app: AppRef): Req<AppAuth[]> {
  return sharedPartRequest<AppAuth[]>(appsScreen, 'authorized', instanceId, { id: app.id } as App);
}

/** Those authorizations as revocable refs. */
export const authRefs =
  (app: AppRef) =>
  (auths: readonly AppAuth[]): AuthRef[] =>
    auths.map((a) => ({
      authId: a.id,
      app,
      api: { id: a.api_id ?? '', name: a.api_name ?? a.api_id ?? '' },
      env: { id: a.env_id ?? '', name: a.env_name ?? a.env_id ?? '' },
    }));

/** Published APIs an app is not yet authorized for in an environment (4.18.4); no screen lists them. */
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

/**
 * Which apps are authorized for which of several (marked) APIs in one environment (4.18.6 per API with
 * `env_id`). Flow-specific: no screen shows this set; the apps themselves are the apps screen's list.
 */
export function appAuthsForApisRequest(
  instanceId: string,
  apis: readonly ApiRef[],
  envId: string,
): Req<Array<{ appId: string; apiId: string }>> {
  return {
    family: 'actions.appAuthsBatch',
    key: `${instanceId}|${apis.map((a) => a.id).join(',')}|${envId}`,
    channel: 'actions',
    async fetch(client, signal) {
      const c = client.instance(instanceId);
      const perApi = await Promise.all(
        apis.map((api) => c.appAuths.boundApps.listAll({ api_id: api.id, env_id: envId }, { signal })),
      );
      return perApi.flatMap((auths, i) =>
        auths
          .filter((a) => !a.env_id || a.env_id === envId)
          .map((a) => ({ appId: a.app_id ?? '', apiId: apis[i]?.id ?? '' })),
      );
    },
  };
}

/** Every app with how many of the marked APIs it is authorized for. */
export function batchAuthRows(
  apps: readonly App[],
  existing: ReadonlyArray<{ appId: string }>,
): Array<{ app: AppRef; authorized: number }> {
  return apps.map((a) => ({
    app: { id: a.id, name: a.name },
    authorized: existing.filter((e) => e.appId === a.id).length,
  }));
}

/** Each of several (marked) APIs as a bind candidate in one environment (flow-specific, as apiBindings). */
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
