import { getObject, optionalLister, seg, type OptionalLister, type Scope } from './resource.ts';
import { normalizeAuthorizer } from './normalize.ts';
import * as S from './schemas.ts';
import type { CallOptions } from './types/common.ts';
import type { Authorizer, AuthorizerListQuery } from './types/authorizers.ts';

export interface AuthorizersClient extends OptionalLister<Authorizer, AuthorizerListQuery> {
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
    get: (id, opts) =>
      getObject(scope, {
        path: `/authorizers/${seg(id)}`,
        schema: S.authorizer,
        norm: normalizeAuthorizer,
        ...opts,
      }),
  };
}
