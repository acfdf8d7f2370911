import type { Extra, PageQuery } from './common.ts';

/** `auth_opt` (table: `app_code_auth_type`; examples: `auth_code_auth_type`; normalised to the table name). */
export interface AuthOpt extends Extra {
  app_code_auth_type?: string;
}

export interface ReqParam extends Extra {
  id?: string;
  name: string;
  type?: string;
  location?: string;
  default_value?: string;
  sample_value?: string;
  required?: number;
  valid_enable?: number;
  remark?: string;
  enumerations?: string;
  min_num?: number;
  max_num?: number;
  min_size?: number;
  max_size?: number;
  regular?: string;
  json_schema?: string;
  pass_through?: number;
}

export interface BackendParam extends Extra {
  id?: string;
  name: string;
  location?: string;
  origin?: string;
  value?: string;
  remark?: string;
  req_param_id?: string;
}

export interface ConditionResp extends Extra {
  id?: string;
  req_param_name?: string;
  condition_type?: string;
  condition_origin?: string;
  condition_value?: string;
  req_param_id?: string;
  req_param_location?: string;
}

export interface VpcInfo extends Extra {
  ecs_id?: string;
  /** Typed Integer in the reference, a name in practice. */
  ecs_name?: string | number;
  cascade_flag?: boolean;
  vpc_channel_proxy_host?: string;
  vpc_channel_id?: string;
  /** Typed String, returned as a number. */
  vpc_channel_port?: string | number;
}

export interface ApiFunc extends Extra {
  id?: string;
  function_urn?: string;
  remark?: string;
  invocation_type?: string;
  version?: string;
  timeout?: number;
  authorizer_id?: string;
  register_time?: string;
  update_time?: string;
  status?: number;
}

export interface ApiMock extends Extra {
  id?: string;
  remark?: string;
  result_content?: string;
  version?: string;
  authorizer_id?: string;
  register_time?: string;
  update_time?: string;
  status?: number;
}

export interface BackendApi extends Extra {
  id?: string;
  authorizer_id?: string;
  url_domain?: string;
  req_protocol?: string;
  remark?: string;
  req_method?: string;
  version?: string;
  req_uri?: string;
  timeout?: number;
  enable_client_ssl?: boolean;
  status?: number;
  register_time?: string;
  update_time?: string;
  vpc_channel_info?: VpcInfo;
  vpc_channel_status?: number;
}

export interface ApiPolicy extends Extra {
  id?: string;
  name?: string;
  conditions?: ConditionResp[];
  backend_params?: BackendParam[];
  effect_mode?: string;
  authorizer_id?: string;
}

/** ApiInfoPerPage (4.3.6). */
export interface ApiSummary extends Extra {
  id: string;
  name: string;
  type?: number;
  version?: string;
  req_protocol?: string;
  req_method?: string;
  req_uri?: string;
  auth_type?: string;
  auth_opt?: AuthOpt;
  cors?: boolean;
  match_mode?: string;
  backend_type?: string;
  remark?: string;
  group_id?: string;
  group_name?: string;
  group_version?: string;
  body_remark?: string;
  result_normal_sample?: string;
  result_failure_sample?: string;
  authorizer_id?: string;
  tags?: string[];
  tag?: string;
  response_id?: string;
  roma_app_id?: string;
  roma_app_name?: string;
  domain_name?: string;
  status?: number;
  arrange_necessary?: number;
  register_time?: string;
  update_time?: string;
  /** Publications; several are joined by a separator lost in the reference (C7). */
  run_env_name?: string;
  run_env_id?: string;
  publish_id?: string;
  ld_api_id?: string;
  req_params?: ReqParam[];
}

/** API detail (4.3.5). */
export interface ApiDetail extends ApiSummary {
  func_info?: ApiFunc;
  mock_info?: ApiMock;
  backend_params?: BackendParam[];
  policy_functions?: ApiPolicy[];
  policy_mocks?: ApiPolicy[];
  backend_api?: BackendApi;
  policy_https?: ApiPolicy[];
}

/** Version detail (4.3.10). */
export interface ApiVersionDetail extends ApiDetail {
  sl_domain?: string;
  sl_domains?: string[];
  version_id?: string;
  publish_time?: string;
}

/** Runtime definition (4.3.13). */
export interface ApiRuntime extends ApiSummary {
  sl_domain?: string;
  sl_domains?: string[];
}

export interface ApiListQuery extends PageQuery {
  id?: string;
  name?: string;
  group_id?: string;
  req_protocol?: string;
  req_method?: string;
  req_uri?: string;
  auth_type?: string;
  env_id?: string;
  type?: number;
  precise_search?: string;
}

/** 4.3.4 request. */
export interface ApiActionRequest {
  action: 'online' | 'offline';
  api_id: string;
  env_id: string;
  remark?: string;
}

/** PublishResp (4.3.4, 4.3.7, 4.3.9). */
export interface PublishResult extends Extra {
  publish_id?: string;
  api_id: string;
  api_name?: string;
  env_id?: string;
  remark?: string;
  publish_time?: string;
  version_id?: string;
}

/** 4.3.7 request (`?action=online|offline`). */
export interface BatchPublishRequest {
  apis: string[];
  env_id: string;
  remark?: string;
}

export interface BatchPublishFailure extends Extra {
  api_id?: string;
  api_name?: string;
  error_code?: string;
  error_msg?: string;
}

export interface BatchPublishResult extends Extra {
  success: PublishResult[];
  failure: BatchPublishFailure[];
}

/** 4.3.8 request. */
export interface ApiDebugRequest {
  mode: 'DEVELOPER' | 'MARKET' | 'CONSUMER';
  scheme: 'HTTP' | 'HTTPS';
  method: string;
  path: string;
  body?: string;
  header?: Record<string, string[]>;
  query?: Record<string, string[]>;
  app_key?: string;
  app_secret?: string;
  domain?: string;
  stage?: string;
}

/** 4.3.8 response; `latency` is typed String but examples show a number, normalised to a number. */
export interface ApiDebugResult extends Extra {
  request?: string;
  response?: string;
  latency?: number;
  log?: string;
}

/** ApiVersionResp (4.3.12). */
export interface ApiVersion extends Extra {
  version_id: string;
  version_no?: string;
  api_id?: string;
  env_id?: string;
  env_name?: string;
  remark?: string;
  publish_time?: string;
  status?: number;
}

export interface ApiVersionListQuery extends PageQuery {
  env_id?: string;
  env_name?: string;
}
