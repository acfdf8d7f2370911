import type { Extra, PageQuery, PublishedApiRow } from './common.ts';

/** SignatureWithBindNum (4.10.4). `sign_secret` is a secret: the UI masks it. */
export interface SignatureKey extends Extra {
  id: string;
  name: string;
  sign_type?: string;
  sign_key?: string;
  sign_secret?: string;
  update_time?: string;
  create_time?: string;
  bind_num?: number;
  ldapi_bind_num?: number;
}

export interface SignListQuery extends PageQuery {
  id?: string;
  name?: string;
  precise_search?: string;
}

/** 4.11.1 request. */
export interface SignBindRequest {
  sign_id: string;
  publish_ids: string[];
}

/** SignApiBindingInfo (4.11.1, 4.11.3) / SignApiBindingBase (4.11.5). */
export interface SignBinding extends Extra {
  id: string;
  publish_id?: string;
  api_id?: string;
  api_name?: string;
  api_type?: number;
  api_remark?: string;
  group_name?: string;
  binding_time?: string;
  env_id?: string;
  env_name?: string;
  sign_id?: string;
  sign_name?: string;
  sign_key?: string;
  sign_secret?: string;
  sign_type?: string;
}

/** ApiForSign (4.11.4). */
export interface ApiForSign extends PublishedApiRow {
  signature_name?: string;
}

export interface BoundSignsQuery extends PageQuery {
  api_id: string;
  sign_id?: string;
  sign_name?: string;
  env_id?: string;
}

export interface SignApisQuery extends PageQuery {
  sign_id: string;
  env_id?: string;
  api_id?: string;
  api_name?: string;
  group_id?: string;
}
