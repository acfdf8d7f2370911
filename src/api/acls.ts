import {
  deleteAt,
  getObject,
  itemsOf,
  lister,
  optionalLister,
  send,
  seg,
  type Lister,
  type OptionalLister,
  type Scope,
} from './resource.ts';
import * as S from './schemas.ts';
import type { BatchDeleteResult, CallOptions } from './types/common.ts';
import type {
  AclApisQuery,
  AclBatchDeleteResult,
  AclBindRequest,
  AclBinding,
  AclBoundApi,
  AclListQuery,
  AclPolicy,
  ApiBoundAcl,
  ApiForAcl,
  BoundAclsQuery,
} from './types/acls.ts';

export interface AclsClient extends OptionalLister<AclPolicy, AclListQuery> {
  /** 4.12.5 */
  get(aclId: string, opts?: CallOptions): Promise<AclPolicy>;
  /** 4.12.3: refused while bound to APIs (412 APIG.3447). */
  remove(aclId: string, opts?: CallOptions): Promise<void>;
  /** 4.12.4: bound or unknown policies come back in `failure`; the call itself answers 200. */
  batchDelete(aclIds: string[], opts?: CallOptions): Promise<AclBatchDeleteResult>;
}

export interface AclBindingsClient {
  /** 4.13.1: binds publications (API × environment). */
  bind(req: AclBindRequest, opts?: CallOptions): Promise<AclBinding[]>;
  /** 4.13.2 */
  unbind(bindingId: string, opts?: CallOptions): Promise<void>;
  /** 4.13.3 */
  batchUnbind(bindingIds: string[], opts?: CallOptions): Promise<BatchDeleteResult>;
  /** 4.13.4 */
  boundApis: Lister<AclBoundApi, AclApisQuery>;
  /** 4.13.5 */
  unboundApis: Lister<ApiForAcl, AclApisQuery>;
  /** 4.13.6 */
  boundAcls: Lister<ApiBoundAcl, BoundAclsQuery>;
}

export function aclsClient(scope: Scope): AclsClient {
  return {
    ...optionalLister<AclPolicy, AclListQuery>(scope, '/acls', 'acls', S.acl),
    get: (id, opts) => getObject<AclPolicy>(scope, `/acls/${seg(id)}`, S.acl, undefined, undefined, opts),
    remove: (id, opts) => deleteAt(scope, `/acls/${seg(id)}`, opts),
    async batchDelete(ids, opts) {
      const r = await send<AclBatchDeleteResult | undefined>(
        scope,
        'PUT',
        '/acls',
        { acls: ids },
        S.aclBatchDelete,
        undefined,
        { action: 'delete' },
        opts,
      );
      return { ...r, success_count: r?.success_count ?? 0, failure: r?.failure ?? [] };
    },
  };
}

export function aclBindingsClient(scope: Scope): AclBindingsClient {
  return {
    async bind(req, opts) {
      const body = await send<unknown>(
        scope,
        'POST',
        '/acl-bindings',
        req,
        undefined,
        undefined,
        undefined,
        opts,
      );
      return itemsOf<AclBinding>(body, 'acl_bindings', S.aclBinding, 'POST', `${scope.base}/acl-bindings`);
    },
    async unbind(bindingId, opts) {
      await send(
        scope,
        'DELETE',
        `/acl-bindings/${seg(bindingId)}`,
        undefined,
        undefined,
        undefined,
        undefined,
        opts,
      );
    },
    async batchUnbind(ids, opts) {
      // The table says `acl_bindings` (the 4.13.3 example's `acl-bindings` is a typo): we send the table's name.
      const r = await send<BatchDeleteResult | undefined>(
        scope,
        'PUT',
        '/acl-bindings',
        { acl_bindings: ids },
        S.batchDelete,
        undefined,
        { action: 'delete' },
        opts,
      );
      return { ...r, success_count: r?.success_count ?? 0, failure: r?.failure ?? [] };
    },
    boundApis: lister(scope, '/acl-bindings/binded-apis', 'apis', S.aclBoundApi),
    unboundApis: lister(scope, '/acl-bindings/unbinded-apis', 'apis', S.apiForAcl),
    boundAcls: lister(scope, '/acl-bindings/binded-acls', 'acls', S.apiBoundAcl),
  };
}
