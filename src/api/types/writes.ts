// Request bodies of the create/modify calls (APIC-CORE.md / APIC-MORE.md request tables).

/** 4.2.1 */
export interface GroupCreate {
  name: string;
  remark?: string;
  roma_app_id?: string;
  version?: 'V1' | 'V2';
}
/** 4.2.2: only name and remark can change. */
export interface GroupUpdate {
  name: string;
  remark?: string;
}

/** 4.4.1 / 4.4.2 */
export interface EnvWrite {
  name: string;
  remark?: string;
}

/** 4.5.1 */
export interface EnvVariableCreate {
  group_id: string;
  env_id: string;
  variable_name: string;
  variable_value: string;
}
/** 4.5.5: only the value can change. */
export interface EnvVariableUpdate {
  variable_value: string;
}

/** 4.7.1 / 4.7.2 (4.7.1's table says `app_calls`; its example and every answer `app_call_limits`). */
export interface ThrottleWrite {
  name: string;
  api_call_limits: number;
  time_interval: number;
  time_unit: string;
  user_call_limits?: number;
  app_call_limits?: number;
  ip_call_limits?: number;
  remark?: string;
  /** 1 = per API, 2 = shared. */
  type?: number;
  enable_adaptive_control?: 'TRUE' | 'FALSE';
}

/** 4.9.1 */
export interface ThrottleSpecialCreate {
  call_limits: number;
  object_id: string;
  object_type: 'APP' | 'USER';
}
/** 4.9.2 */
export interface ThrottleSpecialUpdate {
  call_limits: number;
}

/** 4.10.1 / 4.10.2: key and secret are generated when omitted. */
export interface SignWrite {
  name: string;
  sign_type?: 'hmac' | 'basic' | 'public_key';
  sign_key?: string;
  sign_secret?: string;
}

/** 4.12.1 / 4.12.2 (entity_type cannot change on modify). */
export interface AclWrite {
  acl_name: string;
  acl_type: 'PERMIT' | 'DENY';
  acl_value: string;
  entity_type: 'IP' | 'DOMAIN';
}

/** 4.15.1 MemberInfo */
export interface VpcMemberInput {
  host?: string;
  weight?: number;
  ecs_id?: string;
  ecs_name?: string;
}
/** 4.15.1 VpcHealthConfig */
export interface VpcHealthConfigInput {
  protocol: 'TCP' | 'HTTP' | 'HTTPS';
  path?: string;
  method?: string;
  port?: number;
  threshold_normal: number;
  threshold_abnormal: number;
  time_interval: number;
  http_code?: string;
  enable_client_ssl?: boolean;
  timeout?: number;
}
/** 4.15.1 / 4.15.2 */
export interface VpcChannelWrite {
  name: string;
  type: 1 | 2;
  port?: number;
  balance_strategy?: number;
  member_type?: 'ip' | 'ecs';
  members?: VpcMemberInput[];
  vpc_health_config?: VpcHealthConfigInput;
}

/** 4.20.1 / 4.20.2 */
export interface AuthorizerWrite {
  name: string;
  type: 'FRONTEND' | 'BACKEND';
  authorizer_type: 'FUNC' | 'LD';
  authorizer_uri: string;
  identities?: Array<{ name: string; location: 'HEADER' | 'QUERY'; validation?: string }>;
  ttl?: number;
  user_data?: string;
  ld_api_id?: string;
  need_body?: boolean;
}

/** 4.3.1 ReqParamBase */
export interface ReqParamInput {
  name: string;
  type: 'STRING' | 'NUMBER';
  location: 'PATH' | 'QUERY' | 'HEADER';
  required?: number;
  default_value?: string;
  sample_value?: string;
  remark?: string;
  valid_enable?: number;
  pass_through?: number;
}

/** 4.3.1 / 4.3.2 (one backend block per backend_type; policy backends and backend params passed through). */
export interface ApiWrite {
  name: string;
  type: 1 | 2;
  group_id: string;
  req_protocol: 'HTTP' | 'HTTPS' | 'BOTH';
  req_method: string;
  req_uri: string;
  auth_type: 'NONE' | 'APP' | 'IAM' | 'AUTHORIZER';
  backend_type: 'HTTP' | 'FUNCTION' | 'MOCK';
  match_mode?: 'SWA' | 'NORMAL';
  cors?: boolean;
  remark?: string;
  version?: string;
  authorizer_id?: string;
  req_params?: ReqParamInput[];
  backend_params?: unknown[];
  backend_api?: {
    req_protocol: 'HTTP' | 'HTTPS';
    req_method: string;
    req_uri: string;
    timeout: number;
    url_domain?: string;
    vpc_channel_info?: { vpc_channel_id: string; vpc_channel_proxy_host?: string };
    authorizer_id?: string;
    remark?: string;
  };
  mock_info?: { result_content?: string; status_code?: number; remark?: string };
  func_info?: { function_urn: string; invocation_type: 'async' | 'sync'; timeout: number; version?: string };
  policy_https?: unknown[];
  policy_functions?: unknown[];
  policy_mocks?: unknown[];
  [field: string]: unknown;
}

/** 4.3.14 */
export interface ApiCheck {
  type: 'name' | 'path';
  name?: string;
  req_method?: string;
  req_uri?: string;
  match_mode?: 'SWA' | 'NORMAL';
  group_id?: string;
  roma_app_id?: string;
  api_id?: string;
}
