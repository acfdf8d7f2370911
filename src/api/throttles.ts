import {
  deleteMany,
  bindingWrites,
  type BindingWrites,
  deleteAt,
  getObject,
  lister,
  optionalLister,
  seg,
  type Lister,
  type OptionalLister,
  type Scope,
} from './resource.ts';
import { normalizeThrottle } from './normalize.ts';
import * as S from './schemas.ts';
import type { BatchDeleteResult, CallOptions } from './types/common.ts';
import type {
  ApiForThrottle,
  BoundThrottlesQuery,
  ThrottleApisQuery,
  ThrottleBindRequest,
  ThrottleBinding,
  ThrottleForApi,
  ThrottleListQuery,
  ThrottlePolicy,
  ThrottleSpecial,
  ThrottleSpecialListQuery,
} from './types/throttles.ts';
import { send } from './resource.ts';
import type { ThrottleSpecialCreate, ThrottleSpecialUpdate, ThrottleWrite } from './types/writes.ts';

export interface ThrottlesClient extends OptionalLister<ThrottlePolicy, ThrottleListQuery> {
  /** 4.7.1 (name taken: 400 APIG.3204). */
  create(body: ThrottleWrite, opts?: CallOptions): Promise<ThrottlePolicy>;
  /** 4.7.2: the whole policy is sent again. */
  update(throttleId: string, body: ThrottleWrite, opts?: CallOptions): Promise<ThrottlePolicy>;
  /** 4.7.5 */
  get(throttleId: string, opts?: CallOptions): Promise<ThrottlePolicy>;
  /** 4.7.3: refused while bound to APIs (412 APIG.3451). */
  remove(throttleId: string, opts?: CallOptions): Promise<void>;
}

export interface ThrottleSpecialsClient {
  /** 4.9.4 special settings of one policy. */
  of(throttleId: string): Lister<ThrottleSpecial, ThrottleSpecialListQuery>;
  /** 4.9.1 */
  create(throttleId: string, body: ThrottleSpecialCreate, opts?: CallOptions): Promise<ThrottleSpecial>;
  /** 4.9.2 */
  update(
    throttleId: string,
    specialId: string,
    body: ThrottleSpecialUpdate,
    opts?: CallOptions,
  ): Promise<ThrottleSpecial>;
  /** 4.9.3 */
  remove(throttleId: string, specialId: string, opts?: CallOptions): Promise<void>;
}

/** 4.8.1 binds publications (API × environment), not APIs; 4.8.2 unbinds one. */
export interface ThrottleBindingsClient extends BindingWrites<ThrottleBindRequest, ThrottleBinding> {
  /** 4.8.6 */
  batchUnbind(bindingIds: string[], opts?: CallOptions): Promise<BatchDeleteResult>;
  /** 4.8.3 */
  boundApis: Lister<ApiForThrottle, ThrottleApisQuery>;
  /** 4.8.4 (published APIs only) */
  unboundApis: Lister<ApiForThrottle, ThrottleApisQuery>;
  /** 4.8.5 */
  boundThrottles: Lister<ThrottleForApi, BoundThrottlesQuery>;
}

export function throttlesClient(scope: Scope): ThrottlesClient {
  return {
    ...optionalLister<ThrottlePolicy, ThrottleListQuery>(
      scope,
      '/throttles',
      'throttles',
      S.throttle,
      normalizeThrottle,
    ),
    get: (id, opts) =>
      getObject(scope, {
        path: `/throttles/${seg(id)}`,
        schema: S.throttle,
        norm: normalizeThrottle,
        ...opts,
      }),
    remove: (id, opts) => deleteAt(scope, `/throttles/${seg(id)}`, opts),
    create: (body, opts) =>
      send(scope, {
        method: 'POST',
        path: '/throttles',
        body,
        schema: S.throttle,
        norm: normalizeThrottle,
        ...opts,
      }),
    update: (id, body, opts) =>
      send(scope, {
        method: 'PUT',
        path: `/throttles/${seg(id)}`,
        body,
        schema: S.throttle,
        norm: normalizeThrottle,
        ...opts,
      }),
  };
}

const specialsPath = (throttleId: string) => `/throttles/${seg(throttleId)}/throttle-specials`;

export function throttleSpecialsClient(scope: Scope): ThrottleSpecialsClient {
  return {
    of: (throttleId) =>
      lister<ThrottleSpecial, ThrottleSpecialListQuery>(
        scope,
        `/throttles/${seg(throttleId)}/throttle-specials`,
        'throttle_specials',
        S.throttleSpecial,
      ),
    create: (throttleId, body, opts) =>
      send(scope, {
        method: 'POST',
        path: specialsPath(throttleId),
        body,
        schema: S.throttleSpecial,
        ...opts,
      }),
    update: (throttleId, specialId, body, opts) =>
      send(scope, {
        method: 'PUT',
        path: `${specialsPath(throttleId)}/${seg(specialId)}`,
        body,
        schema: S.throttleSpecial,
        ...opts,
      }),
    remove: (throttleId, specialId, opts) =>
      deleteAt(scope, `${specialsPath(throttleId)}/${seg(specialId)}`, opts),
  };
}

export function throttleBindingsClient(scope: Scope): ThrottleBindingsClient {
  return {
    ...bindingWrites<ThrottleBindRequest, ThrottleBinding>(
      scope,
      '/throttle-bindings',
      'throttle_applies',
      S.throttleBinding,
    ),
    batchUnbind: (ids, opts) =>
      deleteMany(scope, '/throttle-bindings', 'throttle_bindings', ids, S.batchDelete, opts),
    boundApis: lister(scope, '/throttle-bindings/binded-apis', 'apis', S.apiForThrottle),
    unboundApis: lister(scope, '/throttle-bindings/unbinded-apis', 'apis', S.apiForThrottle),
    boundThrottles: lister(
      scope,
      '/throttle-bindings/binded-throttles',
      'throttles',
      S.throttleForApi,
      normalizeThrottle,
    ),
  };
}
