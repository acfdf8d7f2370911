import { getObject, optionalLister, seg, type OptionalLister, type Scope } from './resource.ts';
import { normalizeAuthorizer } from './normalize.ts';
import * as S from './schemas.ts';
import type { CallOptions } from './types/common.ts';
import type { Authorizer, AuthorizerListQuery } from './types/authorizers.ts';
import { deleteAt, send } from './resource.ts';
import type { AuthorizerWrite } from './types/writes.ts';

export interface AuthorizersClient extends OptionalLister<Authorizer, AuthorizerListQuery> {
  /** 4.20.1 (name taken: 400 APIG.3211). */
  create(body: AuthorizerWrite, opts?: CallOptions): Promise<Authorizer>;
  /** 4.20.2 */
  update(authorizerId: string, body: AuthorizerWrite, opts?: CallOptions): Promise<Authorizer>;
  /** 4.20.3: refused while APIs use it (409 APIG.3478). */
  remove(authorizerId: string, opts?: CallOptions): Promise<void>;
  /** 4.20.4 */
  get(authorizerId: string, opts?: CallOptions): Promise<Authorizer>;
}

export function authorizersClient(scope: Scope): AuthorizersClient {
  return {
    ...optionalLister<Authorizer, AuthorizerListQuery>(
      scope,
      '/authorizers',
      'authorizer_list',
      S.authorizer,
      normalizeAuthorizer,
    ),
    create: (body, opts) =>
      send(scope, {
        method: 'POST',
        path: '/authorizers',
        body,
        schema: S.authorizer,
        norm: normalizeAuthorizer,
        ...opts,
      }),
    update: (id, body, opts) =>
      send(scope, {
        method: 'PUT',
        path: `/authorizers/${seg(id)}`,
        body,
        schema: S.authorizer,
        norm: normalizeAuthorizer,
        ...opts,
      }),
    remove: (id, opts) => deleteAt(scope, `/authorizers/${seg(id)}`, opts),
    get: (id, opts) =>
      getObject(scope, {
        path: `/authorizers/${seg(id)}`,
        schema: S.authorizer,
        norm: normalizeAuthorizer,
        ...opts,
      }),
  };
}
