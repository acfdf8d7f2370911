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
      const [apis, throttles, signs, acls] = await Promise.all([
        c.apis.list({ id: api.id, env_id: env.id }, { signal }),
        c.throttleBindings.boundThrottles.listAll({ api_id: api.id, env_id: env.id }, { signal }),
        c.signBindings.boundSigns.listAll({ api_id: api.id, env_id: env.id }, { signal }),
        c.aclBindings.boundAcls.listAll({ api_id: api.id, env_id: env.id }, { signal }),
      ]);
      const row = apis.items.find((a) => a.id === api.id);
      const pub = row ? publicationIn(row, env.id) : undefined;
      const bindings: BindingRef[] = [
        // 4.8.5 rows have env_name but no env_id; the query filtered by env_id already.
        ...throttles
          .filter((t) => !t.env_name || t.env_name === env.name)
          .map((t) => ({
            bindingId: t.bind_id ?? '',
            policy: { kind: 'throttle' as const, id: t.id, name: t.name },
            api,
            env,
          })),
        ...signs
          .filter((s) => !s.env_id || s.env_id === env.id)
          .map((s) => ({
            bindingId: s.id,
            policy: { kind: 'sign' as const, id: s.sign_id ?? '', name: s.sign_name ?? s.sign_id ?? '' },
            api,
            env,
          })),
        ...acls
          .filter((a) => !a.env_id || a.env_id === env.id)
          .map((a) => ({
            bindingId: a.bind_id ?? '',
            policy: {
              kind: 'acl' as const,
              id: a.acl_id,
              name: a.acl_name ?? a.acl_id,
              ...(a.acl_type ? { aclType: a.acl_type } : {}),
            },
            api,
            env,
          })),
      ].filter((b) => b.bindingId !== '');
      return pub ? { publishId: pub.publishId, bindings } : { bindings };
    },
  };
}

export function policiesRequest(instanceId: string, kind: PolicyKind): Req<PolicyRef[]> {
  return {
    family: 'actions.policies',
    key: `${instanceId}|${kind}`,
    async fetch(client, signal) {
      const c = client.instance(instanceId);
      if (kind === 'throttle')
        return (await c.throttles.listAll({}, { signal })).map((t) => ({ kind, id: t.id, name: t.name }));
      if (kind === 'sign')
        return (await c.signs.listAll({}, { signal })).map((s) => ({ kind, id: s.id, name: s.name }));
      return (await c.acls.listAll({}, { signal })).map((a) => ({
        kind,
        id: a.id,
        name: a.acl_name,
        ...(a.acl_type ? { aclType: a.acl_type } : {}),
      }));
    },
  };
}

/** A policy's bound APIs (to unbind) and its "not bound" published APIs (to bind), with what they have now. */
export interface PolicyBindingsData {
  bound: BindingRef[];
  candidates: BindCandidate[];
}

export function policyBindingsRequest(
  instanceId: string,
  policy: PolicyRef,
  envId?: string,
): Req<PolicyBindingsData> {
  return {
    family: 'actions.policyBindings',
    key: `${instanceId}|${policy.kind}|${policy.id}|${envId ?? ''}`,
    channel: 'actions',
    async fetch(client, signal) {
      const c = client.instance(instanceId);
      const q = envId ? { env_id: envId } : {};
      const env = (id?: string, name?: string) => ({ id: id ?? '', name: name ?? id ?? '' });
      if (policy.kind === 'throttle') {
        const [bound, unbound] = await Promise.all([
          c.throttleBindings.boundApis.listAll({ throttle_id: policy.id, ...q }, { signal }),
          c.throttleBindings.unboundApis.listAll({ throttle_id: policy.id, ...q }, { signal }),
        ]);
        return {
          bound: bound.map((a) => ({
            bindingId: a.throttle_apply_id ?? '',
            policy,
            api: { id: a.id, name: a.name ?? a.id },
            env: env(a.run_env_id, a.run_env_name),
          })),
          candidates: unbound.map((a) => {
            const api = { id: a.id, name: a.name ?? a.id };
            const e = env(a.run_env_id, a.run_env_name);
            // 4.8.4 rows carry the API's current throttle binding, if any (another policy).
            const current: BindingRef[] = a.throttle_apply_id
              ? [
                  {
                    bindingId: a.throttle_apply_id,
                    policy: { kind: 'throttle', id: '', name: a.throttle_name ?? 'another policy' },
                    api,
                    env: e,
                  },
                ]
              : [];
            return { api, env: e, ...(a.publish_id ? { publishId: a.publish_id } : {}), current };
          }),
        };
      }
      if (policy.kind === 'sign') {
        const [bound, unbound] = await Promise.all([
          c.signBindings.boundApis.listAll({ sign_id: policy.id, ...q }, { signal }),
          c.signBindings.unboundApis.listAll({ sign_id: policy.id, ...q }, { signal }),
        ]);
        return {
          bound: bound.map((b) => ({
            bindingId: b.id,
            policy,
            api: { id: b.api_id ?? '', name: b.api_name ?? b.api_id ?? '' },
            env: env(b.env_id, b.env_name),
          })),
          candidates: unbound.map((a) => {
            const api = { id: a.id, name: a.name ?? a.id };
            const e = env(a.run_env_id, a.run_env_name);
            // 4.11.4 names the key already bound (signature_name) but not the binding id: replace
            // then needs the API-side view, so the candidate is refused with that advice.
            const current: BindingRef[] = a.signature_name
              ? [{ bindingId: '', policy: { kind: 'sign', id: '', name: a.signature_name }, api, env: e }]
              : [];
            return { api, env: e, ...(a.publish_id ? { publishId: a.publish_id } : {}), current };
          }),
        };
      }
      const [bound, unbound] = await Promise.all([
        c.aclBindings.boundApis.listAll({ acl_id: policy.id, ...q }, { signal }),
        c.aclBindings.unboundApis.listAll({ acl_id: policy.id, ...q }, { signal }),
      ]);
      return {
        bound: bound.map((b) => ({
          bindingId: b.bind_id ?? '',
          policy,
          api: { id: b.api_id, name: b.api_name ?? b.api_id },
          env: env(b.env_id, b.env_name),
        })),
        // 4.13.5 rows name at most one bound ACL without its type: the service decides; we don't guess.
        candidates: unbound.map((a) => ({
          api: { id: a.id, name: a.name ?? a.id },
          env: env(a.run_env_id, a.run_env_name),
          ...(a.publish_id ? { publishId: a.publish_id } : {}),
          current: [],
        })),
      };
    },
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
