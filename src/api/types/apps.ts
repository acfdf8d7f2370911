import type { Extra, PageQuery, PublishedApiRow } from './common.ts';

/** AppInfoWithBindNum (4.16.1) / app detail (4.16.2). `app_secret` is a secret: the UI masks it. */
export interface App extends Extra {
  id: string;
  name: string;
  remark?: string;
  creator?: string;
  update_time?: string;
  app_key?: string;
  app_secret?: string;
  register_time?: string;
  status?: number;
  app_type?: string;
  /** Typed Object in the reference; a string in practice. */
  roma_app_type?: unknown;
  bind_num?: number;
}

export interface AppListQuery extends PageQuery {
  id?: string;
  name?: string;
  status?: number;
  app_key?: string;
  precise_search?: string;
}

export interface ApiAuthVisitParam {
  api_id: string;
  app_id?: string;
  visit_param: string;
}

/** 4.18.1 request: takes api_ids + env_id, not publish ids (C7). */
export interface AppAuthRequest {
  env_id: string;
  app_ids: string[];
  api_ids: string[];
  auth_tunnel?: 'NORMAL' | 'GREEN';
  auth_whitelist?: string[];
  auth_blacklist?: string[];
  visit_params?: ApiAuthVisitParam[];
}

export interface AuthResult extends Extra {
  /** SUCCESS | SKIPPED | FILAED (sic) */
  status?: string;
  error_msg?: string;
  error_code?: string;
  api_name?: string;
  app_name?: string;
}

/** ApiAuthRelations (4.18.1 answer). */
export interface AppAuthRelation extends Extra {
  id?: string;
  api_id?: string;
  app_id?: string;
  auth_result?: AuthResult;
  auth_time?: string;
  auth_role?: string;
  auth_tunnel?: string;
  auth_whitelist?: string[];
  auth_blacklist?: string[];
  visit_params?: unknown;
}

/** ApiAuthInfo (4.18.3, 4.18.6). */
export interface AppAuth extends Extra {
  id: string;
  api_id?: string;
  api_name?: string;
  group_name?: string;
  group_id?: string;
  api_type?: number;
  api_remark?: string;
  env_id?: string;
  env_name?: string;
  auth_role?: string;
  auth_time?: string;
  app_id?: string;
  app_name?: string;
  app_remark?: string;
  app_type?: string;
  app_creator?: string;
  publish_id?: string;
  auth_tunnel?: string;
  auth_whitelist?: string[];
  auth_blacklist?: string[];
  visit_param?: string;
  roma_app_type?: string;
}

export interface AppApisQuery extends PageQuery {
  app_id: string;
  api_id?: string;
  api_name?: string;
  group_id?: string;
  group_name?: string;
  env_id?: string;
}

export interface UnboundAppApisQuery extends PageQuery {
  app_id: string;
  env_id: string;
  group_id?: string;
  api_id?: string;
  api_name?: string;
}

export interface ApiAppsQuery extends PageQuery {
  api_id?: string;
  app_name?: string;
  app_id?: string;
  env_id?: string;
}

/** ApiOutline (4.18.4). */
export type ApiOutline = PublishedApiRow;

export interface DuplicateApiInfo extends Extra {
  api_id?: string;
  api_name?: string;
  group_name?: string;
  group_id?: string;
  remark?: string;
  api_type?: string | number;
}

/** ApiDuplicationInfo (4.18.5). */
export interface ApiDuplication extends Extra {
  req_method?: string;
  req_uri?: string;
  match_mode?: string;
  duplicated_apis?: DuplicateApiInfo[];
}
