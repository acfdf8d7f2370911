// What hangs off an APP: App Codes (4.16.3–4.16.7), the bound client quota (4.16.8), access control
// (4.16.9–4.16.11) and configurations (4.25.1–4.25.5).
import { RomaError } from './errors.ts';
import {
  deleteAt,
  getObject,
  lister,
  optionalLister,
  send,
  seg,
  type Lister,
  type OptionalLister,
  type Scope,
} from './resource.ts';
import type { ObjectSchema } from './validate.ts';
import type { CallOptions, PageQuery } from './types/common.ts';
import type {
  AppAcl,
  AppAclRequest,
  AppCode,
  AppConfig,
  AppConfigQuery,
  AppConfigRequest,
  AppQuota,
} from './types/gateway-more.ts';
import { appQuotaSchema } from './app-quotas.ts';

const s = 'string' as const;
export const appCodeSchema: ObjectSchema = {
  required: ['id'],
  fields: { id: s, app_id: s, app_code: s, create_time: s },
};
export const appAclSchema: ObjectSchema = {
  fields: { app_id: s, app_acl_type: s, app_acl_values: 'strings' },
};
export const appConfigSchema: ObjectSchema = {
  required: ['id'],
  fields: {
    id: s,
    app_id: s,
    config_type: s,
    config_name: s,
    config_value: s,
    update_time: s,
    description: s,
  },
};

export interface AppCodesClient {
  of(appId: string): Lister<AppCode, PageQuery> & {
    /** 4.16.3: a code of 64–180 characters. */
    create(appCode: string, opts?: CallOptions): Promise<AppCode>;
    /** 4.16.4: the server picks the value. */
    generate(opts?: CallOptions): Promise<AppCode>;
    /** 4.16.6 */
    get(appCodeId: string, opts?: CallOptions): Promise<AppCode>;
    /** 4.16.7 */
    remove(appCodeId: string, opts?: CallOptions): Promise<void>;
  };
}

export interface AppAclClient {
  /** 4.16.10; an app without access control reads as an empty value list. */
  get(appId: string, opts?: CallOptions): Promise<AppAcl>;
  /** 4.16.9: replaces the app's setting. */
  set(appId: string, req: AppAclRequest, opts?: CallOptions): Promise<AppAcl>;
  /** 4.16.11 */
  remove(appId: string, opts?: CallOptions): Promise<void>;
}

export interface AppConfigsClient extends OptionalLister<AppConfig, AppConfigQuery> {
  /** 4.25.1 */
  create(appId: string, req: AppConfigRequest, opts?: CallOptions): Promise<AppConfig>;
  /** 4.25.2 (the name cannot change) */
  update(appId: string, configId: string, req: AppConfigRequest, opts?: CallOptions): Promise<AppConfig>;
  /** 4.25.3 */
  remove(appId: string, configId: string, opts?: CallOptions): Promise<void>;
  /** 4.25.4 */
  get(appId: string, configId: string, opts?: CallOptions): Promise<AppConfig>;
}

export function appCodesClient(scope: Scope): AppCodesClient {
  return {
    of(appId) {
      const base = `/apps/${seg(appId)}/app-codes`;
      return {
        ...lister<AppCode, PageQuery>(scope, base, 'app_codes', appCodeSchema),
        create: (code, opts) =>
          send(scope, {
            method: 'POST',
            path: base,
            body: { app_code: code },
            schema: appCodeSchema,
            ...opts,
          }),
        generate: (opts) => send(scope, { method: 'PUT', path: base, schema: appCodeSchema, ...opts }),
        get: (id, opts) => getObject(scope, { path: `${base}/${seg(id)}`, schema: appCodeSchema, ...opts }),
        remove: (id, opts) => deleteAt(scope, `${base}/${seg(id)}`, opts),
      };
    },
  };
}

export function appAclClient(scope: Scope): AppAclClient {
  const path = (appId: string) => `/apps/${seg(appId)}/app-acl`;
  return {
    get: (appId, opts) => getObject(scope, { path: path(appId), schema: appAclSchema, ...opts }),
    set: (appId, req, opts) =>
      send(scope, { method: 'PUT', path: path(appId), body: req, schema: appAclSchema, ...opts }),
    remove: (appId, opts) => deleteAt(scope, path(appId), opts),
  };
}

/** 4.16.8; null when the app is bound to no quota (the emulator's 404 APIG.3067, see ARCHITECTURE.md). */
export async function boundQuota(scope: Scope, appId: string, opts?: CallOptions): Promise<AppQuota | null> {
  try {
    return await getObject<AppQuota>(scope, {
      path: `/apps/${seg(appId)}/bound-quota`,
      schema: appQuotaSchema,
      ...opts,
    });
  } catch (e) {
    if (
      e instanceof RomaError &&
      e.status === 404 &&
      (e.errorCode === 'APIG.3067' || e.errorCode === 'APIG.3093')
    )
      return null;
    throw e;
  }
}

export function appConfigsClient(scope: Scope): AppConfigsClient {
  const one = (a: string, c: string) => `/apps/${seg(a)}/configs/${seg(c)}`;
  return {
    ...optionalLister<AppConfig, AppConfigQuery>(scope, '/apps/configs', 'configs', appConfigSchema),
    create: (a, req, opts) =>
      send(scope, {
        method: 'POST',
        path: `/apps/${seg(a)}/configs`,
        body: req,
        schema: appConfigSchema,
        ...opts,
      }),
    update: (a, c, req, opts) =>
      send(scope, { method: 'PUT', path: one(a, c), body: req, schema: appConfigSchema, ...opts }),
    remove: (a, c, opts) => deleteAt(scope, one(a, c), opts),
    get: (a, c, opts) => getObject(scope, { path: one(a, c), schema: appConfigSchema, ...opts }),
  };
}
