// Entity types held by the emulator's state, in the wire shapes of APIC-CORE.md (snake_case, as served).
// Relations the wire does not carry (publications, versions, bindings) are kept as their own records.

import type * as M from './model-more.ts';

export const RELEASE_ENV_ID = 'DEFAULT_ENVIRONMENT_RELEASE_ID';
export const RELEASE_ENV_NAME = 'RELEASE';

/** OUTSIDE-SEED.md instance list item (CheckRomaInstanceListV2) plus the 4.1.1 detail fields. */
export interface Instance {
  id: string;
  name: string;
  instance_name: string;
  description: string;
  project_id: string;
  status: string; // list: RUNNING|FROZEN|CREATE_FAILED…
  detail_status: string; // 4.1.1 `status`: Running|Frozen|CreateFail…
  instance_statuses: number;
  spec: string;
  flavor_id: string;
  flavor_type: string;
  cpu_arch: string;
  vpc_id: string;
  subnet_id: string;
  security_group_id: string;
  publicip_enable: boolean;
  publicip_id: string;
  publicip_address: string;
  error_code: string;
  error_msg: string;
  charge_type: string;
  charging_mode: number;
  create_time: number; // Unix ms (4.1.1 says "Unix timestamp")
  update_time: number;
  maintain_begin: string;
  maintain_end: string;
  available_zone_ids: string[];
  enterprise_project_id: string;
  ingress_ip: string;
  eip_address: string;
  nat_eip_address: string;
  bandwidth_size: number;
  instance_version: string;
  user_id: string;
  supported_features: string[];
  restrict_cidrs: string[];
  resource_subnet_cidr: string;
}

export interface Group {
  id: string;
  name: string;
  status: number;
  sl_domain: string;
  sl_domains: string[];
  remark: string;
  register_time: string;
  update_time: string;
  url_domains: Array<{
    id: string;
    domain: string;
    cname_status: number;
    ssl_id: string;
    ssl_name: string;
    min_ssl_version: string;
  }>;
  on_sell_status: number;
  is_default: number;
  version: string;
  roma_app_id: string;
  roma_app_name: string;
}

export type AuthType = 'NONE' | 'APP' | 'IAM' | 'AUTHORIZER';
export type BackendType = 'HTTP' | 'FUNCTION' | 'MOCK';

export interface ReqParam {
  id: string;
  name: string;
  type: string;
  location: string;
  default_value?: string;
  sample_value?: string;
  required: number;
  valid_enable: number;
  remark?: string;
  enumerations?: string;
  min_num?: number;
  max_num?: number;
  min_size?: number;
  max_size?: number;
  pass_through: number;
}

export interface BackendParam {
  id: string;
  name: string;
  location: string;
  origin: string;
  value: string;
  remark?: string;
  req_param_id?: string;
}

export interface BackendApi {
  id: string;
  authorizer_id?: string;
  url_domain: string;
  req_protocol: string;
  remark?: string;
  req_method: string;
  version?: string;
  req_uri: string;
  timeout: number;
  enable_client_ssl: boolean;
  status: number;
  register_time: string;
  update_time: string;
  vpc_channel_info?: {
    vpc_channel_id: string;
    vpc_channel_proxy_host?: string;
    vpc_channel_port?: number | string;
    cascade_flag?: boolean;
  };
  vpc_channel_status: number;
}

export interface ApiFunc {
  id: string;
  function_urn: string;
  remark?: string;
  invocation_type: string;
  version?: string;
  timeout: number;
  authorizer_id?: string;
  register_time: string;
  status: number;
  update_time: string;
}

export interface ApiMock {
  id: string;
  remark?: string;
  result_content: string;
  /** Not in the seed's table; later APIG versions have it (debug honours it). */
  status_code?: number;
  version?: string;
  authorizer_id?: string;
  register_time: string;
  status: number;
  update_time: string;
}

/** The stored API definition (4.3.5 shape minus the publication fields, which are derived). */
export interface ApiDef {
  id: string;
  name: string;
  type: number;
  version?: string;
  req_protocol: string;
  req_method: string;
  req_uri: string;
  auth_type: AuthType;
  auth_opt?: { app_code_auth_type: string };
  cors: boolean;
  match_mode: string;
  backend_type: BackendType;
  remark?: string;
  group_id: string;
  body_remark?: string;
  result_normal_sample?: string;
  result_failure_sample?: string;
  authorizer_id?: string;
  tags?: string[];
  roma_app_id?: string;
  status: number;
  arrange_necessary: number;
  register_time: string;
  update_time: string;
  req_params: ReqParam[];
  backend_params: BackendParam[];
  backend_api?: BackendApi;
  func_info?: ApiFunc;
  mock_info?: ApiMock;
  policy_https: unknown[];
  policy_functions: unknown[];
  policy_mocks: unknown[];
}

export interface Env {
  id: string;
  name: string;
  remark: string;
  create_time: string;
}

export interface EnvVariable {
  id: string;
  env_id: string;
  group_id: string;
  variable_name: string;
  variable_value: string;
}

/** One API published in one environment (C7); bindings refer to `publish_id`. */
export interface Publication {
  publish_id: string;
  api_id: string;
  env_id: string;
  version_id: string;
  publish_time: string;
  remark: string;
}

/** A version snapshot (4.3.9/4.3.10/4.3.12); `status` 1 = in effect, 2 = not. */
export interface ApiVersion {
  version_id: string;
  version_no: string;
  api_id: string;
  env_id: string;
  env_name: string;
  remark: string;
  publish_time: string;
  status: number;
  snapshot: ApiDef;
  group_name: string;
}

export interface Throttle {
  id: string;
  name: string;
  remark: string;
  api_call_limits: number;
  user_call_limits: number;
  app_call_limits: number;
  ip_call_limits: number;
  time_interval: number;
  time_unit: string;
  type: number;
  enable_adaptive_control: string;
  create_time: string;
}

export interface ThrottleSpecial {
  id: string;
  throttle_id: string;
  call_limits: number;
  apply_time: string;
  object_id: string;
  object_type: 'APP' | 'USER';
  object_name: string;
  app_id?: string;
  app_name?: string;
}

export interface ThrottleBinding {
  id: string;
  publish_id: string;
  strategy_id: string;
  scope: number;
  apply_time: string;
}

export interface Sign {
  id: string;
  name: string;
  sign_type: string;
  sign_key: string;
  sign_secret: string;
  create_time: string;
  update_time: string;
}

export interface SignBinding {
  id: string;
  publish_id: string;
  sign_id: string;
  binding_time: string;
}

export interface Acl {
  id: string;
  acl_name: string;
  acl_type: 'PERMIT' | 'DENY';
  acl_value: string;
  entity_type: 'IP' | 'DOMAIN';
  update_time: string;
}

export interface AclBinding {
  id: string;
  publish_id: string;
  acl_id: string;
  create_time: string;
}

export interface App {
  id: string;
  name: string;
  remark: string;
  creator: string;
  app_key: string;
  app_secret: string;
  register_time: string;
  update_time: string;
  status: number;
  app_type: string;
  roma_app_type: string;
}

export interface AppAuth {
  id: string;
  app_id: string;
  api_id: string;
  env_id: string;
  auth_role: string;
  auth_time: string;
  auth_tunnel: string;
  auth_whitelist: string[];
  auth_blacklist: string[];
  visit_param?: string;
}

export interface VpcMember {
  id: string;
  host: string;
  weight: number;
  ecs_id?: string;
  ecs_name?: string;
  status: number; // 1 normal (healthy), 2 abnormal
  vpc_channel_id: string;
  create_time: string;
}

export interface VpcChannel {
  id: string;
  name: string;
  type: number;
  port: number;
  balance_strategy: number;
  member_type: string;
  create_time: string;
  status: number;
  elb_id?: string;
  vpc_health_config?: Record<string, unknown>;
}

export interface Authorizer {
  id: string;
  name: string;
  type: 'FRONTEND' | 'BACKEND';
  authorizer_type: 'FUNC' | 'LD';
  authorizer_uri: string;
  identities: Array<{ name: string; location: string; validation?: string }>;
  ttl: number;
  user_data: string;
  ld_api_id?: string;
  need_body: boolean;
  create_time: string;
  roma_app_id: string;
  roma_app_name: string;
}

export interface Feature {
  id: string;
  name: string;
  enable: boolean;
  config: string;
  instance_id: string;
  update_time: string;
}

/** Everything that lives inside one ROMA Connect instance. Maps keep insertion order, which lists use. */
export interface InstanceData {
  groups: Map<string, Group>;
  apis: Map<string, ApiDef>;
  envs: Map<string, Env>;
  envVariables: Map<string, EnvVariable>;
  publications: Map<string, Publication>;
  versions: Map<string, ApiVersion>;
  throttles: Map<string, Throttle>;
  throttleSpecials: Map<string, ThrottleSpecial>;
  throttleBindings: Map<string, ThrottleBinding>;
  signs: Map<string, Sign>;
  signBindings: Map<string, SignBinding>;
  acls: Map<string, Acl>;
  aclBindings: Map<string, AclBinding>;
  apps: Map<string, App>;
  appAuths: Map<string, AppAuth>;
  vpcChannels: Map<string, VpcChannel>;
  vpcMembers: Map<string, VpcMember>;
  authorizers: Map<string, Authorizer>;
  features: Map<string, Feature>;
  // gateway-more (model-more.ts)
  certificates: Map<string, M.Certificate>;
  appCodes: Map<string, M.AppCode>;
  appAcls: Map<string, M.AppAcl>;
  appQuotas: Map<string, M.AppQuota>;
  appQuotaBindings: Map<string, M.AppQuotaBinding>;
  ldApis: Map<string, M.LdApi>;
  ldApiTests: Map<string, M.LdApiTest>;
  ldApiDeploys: Map<string, M.LdApiDeploy>;
  dataSources: Map<string, M.DataSource>;
  appConfigs: Map<string, M.AppConfig>;
  romaApps: Map<string, M.RomaApp>;
  romaUsers: Map<string, M.RomaUser>;
  dictionaries: Map<string, M.Dictionary>;
  assetJobs: Map<string, M.AssetJob>;
  assetArchives: Map<string, M.AssetArchive>;
}

export const INSTANCE_COLLECTIONS = [
  'groups',
  'apis',
  'envs',
  'envVariables',
  'publications',
  'versions',
  'throttles',
  'throttleSpecials',
  'throttleBindings',
  'signs',
  'signBindings',
  'acls',
  'aclBindings',
  'apps',
  'appAuths',
  'vpcChannels',
  'vpcMembers',
  'authorizers',
  'features',
  'certificates',
  'appCodes',
  'appAcls',
  'appQuotas',
  'appQuotaBindings',
  'ldApis',
  'ldApiTests',
  'ldApiDeploys',
  'dataSources',
  'appConfigs',
  'romaApps',
  'romaUsers',
  'dictionaries',
  'assetJobs',
  'assetArchives',
] as const satisfies ReadonlyArray<keyof InstanceData>;

export function emptyInstanceData(): InstanceData {
  const d = {} as Record<keyof InstanceData, Map<string, unknown>>;
  for (const k of INSTANCE_COLLECTIONS) d[k] = new Map();
  return d as unknown as InstanceData;
}
