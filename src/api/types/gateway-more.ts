// Wire types of issue 14's families: APIC-MORE.md 4.6, 4.14, 4.16.3–4.16.11, 4.17, 4.19, 4.22.2–4.25 and
// PUBLIC-RESOURCES.md section 3. Unknown fields are kept (Extra).
import type { Extra, PageQuery } from './common.ts';

// ---- 4.6 domains and certificates ----

/** 4.6.1–4.6.3 answer; `status` is the CNAME state 1 not resolved, 2 resolving, 3 resolved, 4 failed. */
export interface Domain extends Extra {
  id: string;
  url_domain: string;
  status?: number;
  min_ssl_version?: string;
  ssl_id?: string;
  ssl_name?: string;
}

export interface DomainBindRequest {
  url_domain: string;
  min_ssl_version?: 'TLSv1.1' | 'TLSv1.2';
}

export interface CertificateUpload {
  name: string;
  cert_content: string;
  private_key: string;
}

/** 4.6.6: the parsed certificate (no PEM, no key). */
export interface CertificateDetail extends Extra {
  common_name?: string;
  san?: string[];
  version?: string;
  organization?: string[];
  organizational_unit?: string[];
  locality?: string[];
  state?: string[];
  country?: string[];
  not_before?: string;
  not_after?: string;
  serial_number?: string;
  issuer?: string[];
  signature_algorithm?: string;
}

// ---- 4.14 OpenAPI ----

export interface OpenApiExportRequest {
  group_id: string;
  env_id?: string;
  define?: 'spec' | 'proxy' | 'all' | 'dev';
  type?: 'json' | 'yaml';
  version?: string;
  apis?: string[];
}

export interface OpenApiImportOptions {
  is_create_group?: boolean;
  group_id?: string;
  app_id?: string;
  extend_mode?: 'merge' | 'override';
  simple_mode?: boolean;
  mock_mode?: boolean;
  api_mode?: 'merge' | 'override';
}

export interface ImportSuccess extends Extra {
  path?: string;
  method?: string;
  action?: string;
  id?: string;
}
export interface ImportFailure extends Extra {
  path?: string;
  method?: string;
  error_code?: string;
  error_msg?: string;
}
export interface OpenApiImportResult extends Extra {
  success: ImportSuccess[];
  failure: ImportFailure[];
  ignore: Array<{ method?: string; path?: string }>;
  group_id?: string;
  swagger?: Record<string, unknown>;
}

export interface LdApiExportRequest {
  app_id?: string;
  format?: 'json' | 'yaml';
  apis?: string[];
  status?: 1 | 3 | 4;
}

// ---- 4.16.3–4.16.11 app extras ----

export interface AppCode extends Extra {
  id: string;
  app_id?: string;
  app_code?: string;
  create_time?: string;
}

export interface AppAcl extends Extra {
  app_id?: string;
  /** '' when the app has no access control. */
  app_acl_type?: string;
  app_acl_values?: string[];
}

export interface AppAclRequest {
  app_acl_type: 'PERMIT' | 'DENY';
  app_acl_values: string[];
}

// ---- 4.17 client quotas ----

export type QuotaTimeUnit = 'SECOND' | 'MINUTE' | 'HOURE' | 'DAY';

export interface AppQuota extends Extra {
  app_quota_id: string;
  name: string;
  call_limits?: number;
  time_unit?: string;
  time_interval?: number;
  remark?: string;
  /** `2020-09-20 00:00:00` or `2020-09-20 00:00:00 +0000 +0000` (M6). */
  reset_time?: string;
  create_time?: string;
  bound_app_num?: number;
}

export interface AppQuotaRequest {
  name: string;
  call_limits: number;
  time_unit: QuotaTimeUnit;
  time_interval: number;
  reset_time?: string;
  remark?: string;
}

export interface AppQuotaApp extends Extra {
  app_id: string;
  name?: string;
  status?: number;
  app_key?: string;
  remark?: string;
  register_time?: string;
  update_time?: string;
  app_quota_id?: string;
  app_quota_name?: string;
  bound_time?: string;
}

export interface AppQuotaBinding extends Extra {
  app_quota_id?: string;
  app_id?: string;
  bound_time?: string;
}

export interface AppQuotaQuery extends PageQuery {
  name?: string;
}
export interface AppQuotaAppsQuery extends PageQuery {
  app_name?: string;
}

// ---- 4.19 custom backends ----

export interface LdApiParameter extends Extra {
  name: string;
  in: string;
  default?: string;
  description?: string;
  required?: boolean;
}

export interface LdApiScript extends Extra {
  ds_id?: string;
  ds_name?: string;
  ds_type?: string;
  type?: string;
  object_name?: string;
  /** Base64 script text. */
  content?: string;
  enable_result_paging?: boolean;
  created_time?: string;
  modified_time?: string;
}

export interface LdApi extends Extra {
  id: string;
  name: string;
  path?: string;
  method?: string;
  description?: string;
  version?: string;
  content_type?: string;
  api_signature_id?: string;
  roma_app_id?: string;
  roma_app_name?: string;
  return_format?: boolean;
  parameters?: LdApiParameter[];
  instance?: string;
  /** data | function ('' before a script exists). */
  type?: string;
  /** 1 to be developed, 3 under development, 4 deployed. */
  status?: number;
  created_time?: string;
  modified_time?: string;
  scripts?: LdApiScript[];
}

export interface LdApiRequest {
  name: string;
  path: string;
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  version: string;
  content_type?: string;
  roma_app_id: string;
  description?: string;
  api_signature_id?: string;
  return_format?: boolean;
  parameters?: LdApiParameter[];
}

export interface LdApiScriptRequest {
  api_type?: 'data' | 'function';
  scripts: Array<{
    content: string;
    ds_id?: string;
    ds_name?: string;
    ds_type?: string;
    type?: string;
    object_name?: string;
    enable_result_paging?: boolean;
    enable_preparstatement?: boolean;
  }>;
}

export interface LdApiTest extends Extra {
  test_id?: number;
  ld_api_id?: string;
  test_status_code?: string;
  test_request?: string;
  test_response?: string;
  test_used_time?: number;
  test_operator?: string;
  test_method?: string;
  test_date?: string;
}

export interface LdApiDeployRequest {
  deploy_front_api?: boolean;
  auth_type?: 'NONE' | 'APP' | 'IAM' | 'AUTHORIZER';
  authorizer_id?: string;
  group_id?: string;
  env_id?: string;
  protocol?: string;
  backend_time_out?: number;
  path?: string;
  method?: string;
  cors?: boolean;
  roma_app_id?: string;
}

export interface LdApiDeployment extends Extra {
  id: string;
  ld_api_id?: string;
  group_id?: string;
  env_id?: string;
  api_id?: string;
  deploy_time?: string;
  api_definition?: LdApi;
}

export interface LdApiCheckRequest {
  type: 'name' | 'path';
  ld_api_name?: string;
  ld_api_method?: string;
  ld_api_path?: string;
  roma_app_id?: string;
}

/** 4.19.13: numeric strings. */
export interface LdQuota extends Extra {
  api?: string;
  api_used?: string;
  datasource?: string;
  datasource_used?: string;
  scripts?: string;
}

export interface DataSource extends Extra {
  id: string;
  name: string;
  type?: string;
  description?: string;
  url?: string;
  user?: string;
  status?: string;
  created_time?: string;
  modified_time?: string;
}

export interface LdApiQuery extends PageQuery {
  app_id?: string;
  app_name?: string;
  name?: string;
  status?: string;
  path?: string;
  precise_search?: string;
}
export interface DataSourceQuery extends PageQuery {
  app_id: string;
  name?: string;
}

// ---- 4.22.2–4.25 instance settings and app configurations ----

export interface FeatureConfigRequest {
  name: string;
  enable: boolean;
  config?: string;
}

export interface TenantQuota extends Extra {
  config_id?: string;
  config_name: string;
  config_value?: string;
  config_time?: string;
  remark?: string;
  used?: number;
}

export interface AppConfig extends Extra {
  id: string;
  app_id?: string;
  config_type?: string;
  config_name?: string;
  config_value?: string;
  update_time?: string;
  description?: string;
}

export interface AppConfigRequest {
  config_type: 'variable' | 'password' | 'certificate';
  config_name?: string;
  config_value?: string;
  description?: string;
}

export interface AppConfigQuery extends PageQuery {
  app_id?: string;
  config_name?: string;
  roma_app_name?: string;
}

// ---- section 3 ----

export interface RomaAppUser {
  user_id?: string;
  user_name?: string;
}

/** 3.1 integration application (the secret is only read through 3.1.7/3.1.8). */
export interface IntegrationApp extends Extra {
  id: string;
  name: string;
  remark?: string;
  key?: string;
  roles?: string[];
  create_time?: string;
  update_time?: string;
  owner?: boolean;
  favorite?: boolean;
  created_user?: RomaAppUser;
  last_updated_user?: RomaAppUser;
}

export interface IntegrationAppRequest {
  name?: string;
  remark?: string;
  key?: string;
  secret?: string;
  favorite?: boolean;
}

export interface IntegrationAppQuery {
  offset?: number;
  limit?: number;
  name?: string;
  favorite?: boolean;
  owner?: boolean;
  auth_role?: string;
  user_name?: string;
}

export interface AppMember extends Extra {
  id: string;
  name?: string;
}

export interface AppMembers extends Extra {
  total?: number;
  id?: string;
  users: AppMember[];
}

export interface AssetJob extends Extra {
  id: string;
  type?: string;
  status?: 'Running' | 'Success' | 'Failed' | 'Finished' | string;
  progress_percent?: number;
  archive_id?: string;
  begin_time?: string;
  end_time?: string;
  reasons?: Array<Record<string, unknown>>;
}

export interface Dictionary extends Extra {
  id: string;
  name: string;
  code: string;
  parent_code?: string;
  remark?: string;
  extend_one?: string;
  extend_two?: string;
  type?: string;
  create_time?: string;
  update_time?: string;
}

export interface DictionaryRequest {
  name?: string;
  code?: string;
  parent_code?: string;
  remark?: string;
  order?: number;
  extend_one?: string;
  extend_two?: string;
}

export interface DictionaryQuery {
  offset?: number;
  limit?: number;
  parent_code?: string;
  code?: string;
  name?: string;
}

export interface ServiceVersion extends Extra {
  id: string;
  version?: string;
  min_version?: string;
  status?: string;
  updated?: string;
  links?: Array<{ rel?: string; href?: string }>;
}
