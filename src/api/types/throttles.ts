import type { Extra, PageQuery, PublishedApiRow } from './common.ts';

/** ThrottlesInfo (4.7.4/4.7.5). `is_inclu_special_throttle` spelling variants are normalised. */
export interface ThrottlePolicy extends Extra {
  id: string;
  name: string;
  api_call_limits?: number;
  app_call_limits?: number;
  user_call_limits?: number;
  ip_call_limits?: number;
  time_interval?: number;
  time_unit?: string;
  remark?: string;
  /** 1 = per-API, 2 = shared. */
  type?: number;
  /** The strings "TRUE"/"FALSE" on the wire. */
  enable_adaptive_control?: string;
  bind_num?: number;
  is_inclu_special_throttle?: number;
  create_time?: string;
}

export interface ThrottleListQuery extends PageQuery {
  id?: string;
  name?: string;
  precise_search?: string;
}

/** ThrottleSpecialInfo (4.9.4). */
export interface ThrottleSpecial extends Extra {
  id: string;
  call_limits?: number;
  apply_time?: string;
  app_name?: string;
  app_id?: string;
  object_id?: string;
  object_type?: string;
  object_name?: string;
  throttle_id?: string;
}

export interface ThrottleSpecialListQuery extends PageQuery {
  object_type?: string;
  app_name?: string;
}

/** 4.8.1 request. */
export interface ThrottleBindRequest {
  strategy_id: string;
  publish_ids: string[];
}

export interface ThrottleBinding extends Extra {
  id: string;
  publish_id?: string;
  scope?: number;
  strategy_id?: string;
  apply_time?: string;
}

/** ApiForThrottle (4.8.3/4.8.4). */
export interface ApiForThrottle extends PublishedApiRow {
  throttle_apply_id?: string;
  throttle_name?: string;
  apply_time?: string;
}

export interface ThrottleApisQuery extends PageQuery {
  throttle_id: string;
  env_id?: string;
  group_id?: string;
  api_id?: string;
  api_name?: string;
}

/** ThrottleForApi (4.8.5). */
export interface ThrottleForApi extends ThrottlePolicy {
  env_name?: string;
  bind_id?: string;
  bind_time?: string;
}

export interface BoundThrottlesQuery extends PageQuery {
  api_id: string;
  throttle_id?: string;
  throttle_name?: string;
  env_id?: string;
}
