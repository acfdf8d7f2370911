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
import { send } from './resource.ts';
import type { AclWrite } from './types/writes.ts';

export interface AclsClient extends OptionalLister<AclPolicy, AclListQuery> {
  /** 4.12.1 (name taken: 400 APIG.3206). */
  create(body: AclWrite, opts?: CallOptions): Promise<AclPolicy>;
  /** 4.12.2: name, type and value (the entity type cannot change). */
  update(aclId: string, body: AclWrite, opts?: CallOptions): Promise<AclPolicy>;
  /** 4.12.5 */
  get(aclId: string, opts?: CallOptions): Promise<AclPolicy>;
  /** 4.12.3: refused while bound to APIs (412 APIG.3447). */
  remove(aclId: string, opts?: CallOptions): Promise<void>;
  /** 4.12.4: bound or unknown policies come back in `failure`; the call itself answers 200. */
  batchDelete(aclIds: string[], opts?: CallOptions): Promise<AclBatchDeleteResult>;
}

/** 4.13.1 binds publications (API × environment), 4.13.2 unbinds one. */
export interface AclBindingsClient extends BindingWrites<AclBindRequest, AclBinding> {
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
    get: (id, opts) => getObject(scope, { path: `/acls/${seg(id)}`, schema: S.acl, ...opts }),
    remove: (id, opts) => deleteAt(scope, `/acls/${seg(id)}`, opts),
    create: (body, opts) => send(scope, { method: 'POST', path: '/acls', body, schema: S.acl, ...opts }),
    update: (id, body, opts) =>
      send(scope, { method: 'PUT', path: `/acls/${seg(id)}`, body, schema: S.acl, ...opts }),
    batchDelete: (ids, opts) => deleteMany(scope, '/acls', 'acls', ids, S.aclBatchDelete, opts),
  };
}

export function aclBindingsClient(scope: Scope): AclBindingsClient {
  return {
    ...bindingWrites<AclBindRequest, AclBinding>(scope, '/acl-bindings', 'acl_bindings', S.aclBinding),
    // The table says `acl_bindings` (the 4.13.3 example's `acl-bindings` is a typo): we send the table's name.
    batchUnbind: (ids, opts) => deleteMany(scope, '/acl-bindings', 'acl_bindings', ids, S.batchDelete, opts),
    boundApis: lister(scope, '/acl-bindings/binded-apis', 'apis', S.aclBoundApi),
    unboundApis: lister(scope, '/acl-bindings/unbinded-apis', 'apis', S.apiForAcl),
    boundAcls: lister(scope, '/acl-bindings/binded-acls', 'acls', S.apiBoundAcl),
  };
}
