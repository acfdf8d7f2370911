import { RomaError } from './errors.ts';
import {
  getObject,
  bindingWrites,
  lister,
  optionalLister,
  pageFrom,
  seg,
  type Lister,
  type OptionalLister,
  type Scope,
} from './resource.ts';
import { atBoundary } from './validate.ts';
import { normalizeGeneric } from './normalize.ts';
import * as S from './schemas.ts';
import type { CallOptions } from './types/common.ts';
import type {
  ApiAppsQuery,
  ApiDuplication,
  ApiOutline,
  App,
  AppApisQuery,
  AppAuth,
  AppAuthRelation,
  AppAuthRequest,
  AppListQuery,
  UnboundAppApisQuery,
} from './types/apps.ts';

export interface AppsClient extends OptionalLister<App, AppListQuery> {
  /** 4.16.2 */
  get(appId: string, opts?: CallOptions): Promise<App>;
}

export interface AppAuthsClient {
  /** 4.18.1: takes api_ids + env_id (not publish ids). */
  authorize(req: AppAuthRequest, opts?: CallOptions): Promise<AppAuthRelation[]>;
  /** 4.18.2 */
  revoke(appAuthId: string, opts?: CallOptions): Promise<void>;
  /** 4.18.3 */
  boundApis: Lister<AppAuth, AppApisQuery>;
  /** 4.18.4 */
  unboundApis: Lister<ApiOutline, UnboundAppApisQuery>;
  /** 4.18.5 (not paged) */
  duplicateApis(appId: string, opts?: CallOptions): Promise<ApiDuplication[]>;
  /** 4.18.6 */
  boundApps: Lister<AppAuth, ApiAppsQuery>;
}

export function appsClient(scope: Scope): AppsClient {
  return {
    ...optionalLister<App, AppListQuery>(scope, '/apps', 'apps', S.app),
    get: (id, opts) => getObject(scope, { path: `/apps/${seg(id)}`, schema: S.app, ...opts }),
  };
}

export function appAuthsClient(scope: Scope): AppAuthsClient {
  const { bind, unbind } = bindingWrites<AppAuthRequest, AppAuthRelation>(
    scope,
    '/app-auths',
    'auths',
    S.appAuthRelation,
  );
  return {
    authorize: bind,
    revoke: unbind,
    boundApis: lister(scope, '/app-auths/binded-apis', 'auths', S.appAuth),
    unboundApis: lister(scope, '/app-auths/unbinded-apis', 'apis', S.apiOutline),
    async duplicateApis(appId, opts) {
      const path = `${scope.base}/app-auths/duplicate-apis`;
      const res = await scope.t.request({
        method: 'GET',
        path,
        query: { app_id: appId },
        signal: opts?.signal,
      });
      if (res.body === undefined)
        throw new RomaError({ kind: 'shape', method: 'GET', path, errorMsg: 'empty body' });
      return atBoundary(
        'GET',
        path,
        res.headers.get('x-request-id') ?? undefined,
        () => pageFrom<ApiDuplication>(res.body, 'apis', S.apiDuplication, normalizeGeneric, undefined).items,
      );
    },
    boundApps: lister(scope, '/app-auths/binded-apps', 'auths', S.appAuth),
  };
}
