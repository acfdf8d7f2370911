// Client quotas (4.17.1–4.17.9): a call budget per period shared by the apps bound to it.
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
import { atBoundary, validateObject, type ObjectSchema } from './validate.ts';
import type { CallOptions } from './types/common.ts';
import type {
  AppQuota,
  AppQuotaApp,
  AppQuotaAppsQuery,
  AppQuotaBinding,
  AppQuotaQuery,
  AppQuotaRequest,
} from './types/gateway-more.ts';

const s = 'string' as const;
const n = 'number' as const;
export const appQuotaSchema: ObjectSchema = {
  required: ['app_quota_id'],
  fields: {
    app_quota_id: s,
    name: s,
    call_limits: n,
    time_unit: s,
    time_interval: n,
    remark: s,
    reset_time: s,
    create_time: s,
    bound_app_num: n,
  },
};
export const appQuotaAppSchema: ObjectSchema = {
  required: ['app_id'],
  fields: {
    app_id: s,
    name: s,
    status: n,
    app_key: s,
    remark: s,
    register_time: s,
    update_time: s,
    app_quota_id: s,
    app_quota_name: s,
    bound_time: s,
  },
};
const bindingSchema: ObjectSchema = { fields: { app_quota_id: s, app_id: s, bound_time: s } };

export interface AppQuotasClient extends OptionalLister<AppQuota, AppQuotaQuery> {
  get(id: string, opts?: CallOptions): Promise<AppQuota>;
  create(req: AppQuotaRequest, opts?: CallOptions): Promise<AppQuota>;
  update(id: string, req: AppQuotaRequest, opts?: CallOptions): Promise<AppQuota>;
  remove(id: string, opts?: CallOptions): Promise<void>;
  /** 4.17.6 */
  bindApps(id: string, appIds: string[], opts?: CallOptions): Promise<AppQuotaBinding[]>;
  /** 4.17.7 */
  unbindApp(id: string, appId: string, opts?: CallOptions): Promise<void>;
  /** 4.17.8 */
  boundApps(id: string): Lister<AppQuotaApp, AppQuotaAppsQuery>;
  /** 4.17.9 */
  bindableApps(id: string): Lister<AppQuotaApp, AppQuotaAppsQuery>;
}

/** 4.17's reset time, in either printed form (M6), as `YYYY-MM-DD HH:MM:SS` (UTC). */
export function resetTimeText(v: string | undefined): string {
  if (!v) return '';
  return v.replace(/ \+0000 \+0000$/, '').replace(/ \+\d{4}( \+\d{4})?$/, '');
}

export function appQuotasClient(scope: Scope): AppQuotasClient {
  const one = (id: string) => `/app-quotas/${seg(id)}`;
  return {
    ...optionalLister<AppQuota, AppQuotaQuery>(scope, '/app-quotas', 'quotas', appQuotaSchema),
    get: (id, opts) => getObject(scope, { path: one(id), schema: appQuotaSchema, ...opts }),
    create: (req, opts) =>
      send(scope, { method: 'POST', path: '/app-quotas', body: req, schema: appQuotaSchema, ...opts }),
    update: (id, req, opts) =>
      send(scope, { method: 'PUT', path: one(id), body: req, schema: appQuotaSchema, ...opts }),
    remove: (id, opts) => deleteAt(scope, one(id), opts),
    async bindApps(id, appIds, opts) {
      const path = `${one(id)}/binding-apps`;
      const body = await send<unknown>(scope, { method: 'POST', path, body: { app_ids: appIds }, ...opts });
      return atBoundary('POST', scope.base + path, undefined, () => {
        const o = validateObject(body ?? {}, { fields: { applies: [bindingSchema] } }, '$');
        return (o.applies as AppQuotaBinding[] | undefined) ?? [];
      });
    },
    unbindApp: (id, appId, opts) => deleteAt(scope, `${one(id)}/bound-apps/${seg(appId)}`, opts),
    boundApps: (id) => lister(scope, `${one(id)}/bound-apps`, 'apps', appQuotaAppSchema),
    bindableApps: (id) => lister(scope, `${one(id)}/bindable-apps`, 'apps', appQuotaAppSchema),
  };
}
