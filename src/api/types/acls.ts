import type { Extra, PageQuery, PublishedApiRow } from './common.ts';

/** ApiAclInfoWithBindNum (4.12.5/4.12.6). */
export interface AclPolicy extends Extra {
  id: string;
  acl_name: string;
  /** PERMIT | DENY */
  acl_type?: string;
  acl_value?: string;
  /** IP | DOMAIN */
  entity_type?: string;
  bind_num?: number;
  update_time?: string;
}

export interface AclListQuery extends PageQuery {
  id?: string;
  name?: string;
  acl_type?: string;
  entity_type?: string;
  precise_search?: string;
}

/** AclBatchFailure (4.12.4): a policy that was not deleted, e.g. `APIG.3447` while bound to APIs. */
export interface AclBatchFailure extends Extra {
  acl_id?: string;
  acl_name?: string;
  error_code?: string;
  error_msg?: string;
}

/** 4.12.4 answer: per-item refusals are in the 200 body, never the HTTP status. */
export interface AclBatchDeleteResult extends Extra {
  success_count: number;
  failure: AclBatchFailure[];
}

/** 4.13.1 request. */
export interface AclBindRequest {
  acl_id: string;
  publish_ids: string[];
}

/** AclApiBindingInfo (4.13.1). */
export interface AclBinding extends Extra {
  id: string;
  api_id?: string;
  env_id?: string;
  acl_id?: string;
  create_time?: string;
}

/** AclBindApiInfo (4.13.4); `api_type` typed String but a number in examples. */
export interface AclBoundApi extends Extra {
  api_id: string;
  api_name?: string;
  group_name?: string;
  api_type?: string | number;
  api_remark?: string;
  env_id?: string;
  env_name?: string;
  bind_id?: string;
  bind_time?: string;
  publish_id?: string;
}

/** UnbindApiForAcl (4.13.5). */
export interface ApiForAcl extends PublishedApiRow {
  acl_name?: string;
}

/** ApiBindAclInfo (4.13.6). */
export interface ApiBoundAcl extends Extra {
  acl_id: string;
  acl_name?: string;
  entity_type?: string;
  acl_type?: string;
  acl_value?: string;
  env_id?: string;
  env_name?: string;
  bind_id?: string;
  bind_time?: string;
}

export interface AclApisQuery extends PageQuery {
  acl_id: string;
  api_id?: string;
  api_name?: string;
  env_id?: string;
  group_id?: string;
}

export interface BoundAclsQuery extends PageQuery {
  api_id: string;
  env_id?: string;
  env_name?: string;
  acl_id?: string;
  acl_name?: string;
}
