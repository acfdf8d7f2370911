// Entities of the remaining gateway families (APIC-MORE.md 4.6, 4.16.3–4.16.11, 4.17, 4.19, 4.25) and of
// the public resources (PUBLIC-RESOURCES.md 3.1–3.3), in their wire shapes. Every record has an `id` so
// the state file can key it. Domains live in `Group.url_domains` (model.ts); certificates are their own.

/** A certificate bound to a custom domain (4.6.2): the parsed X.509 fields of 4.6.6, never the PEM/key. */
export interface Certificate {
  id: string;
  name: string;
  group_id: string;
  domain_id: string;
  common_name: string;
  san: string[];
  version: string;
  organization: string[];
  organizational_unit: string[];
  locality: string[];
  state: string[];
  country: string[];
  not_before: string;
  not_after: string;
  serial_number: string;
  issuer: string[];
  signature_algorithm: string;
  create_time: string;
}

export interface AppCode {
  id: string;
  app_id: string;
  app_code: string;
  create_time: string;
}

/** 4.16.9: one access-control setting per APP; `id` is the app id. */
export interface AppAcl {
  id: string;
  app_id: string;
  app_acl_type: 'PERMIT' | 'DENY';
  app_acl_values: string[];
}

export interface AppQuota {
  id: string;
  name: string;
  call_limits: number;
  time_unit: string;
  time_interval: number;
  remark: string;
  reset_time: string;
  create_time: string;
}

/** One app bound to a client quota (4.17.6); an app is bound to at most one quota. */
export interface AppQuotaBinding {
  id: string;
  app_quota_id: string;
  app_id: string;
  bound_time: string;
}

export interface LdApiParameter {
  name: string;
  in: string;
  default?: string;
  description?: string;
  required?: boolean;
}

export interface LdApiScript {
  ds_id?: string;
  ds_name?: string;
  ds_type?: string;
  type?: string;
  object_name?: string;
  content: string;
  enable_result_paging?: boolean;
  enable_prepar_estatement?: boolean;
  created_time: string;
  modified_time: string;
}

/** A custom backend ("livedata") API, 4.19 `LdApiInfo`. status 1 to develop, 3 developing, 4 deployed. */
export interface LdApi {
  id: string;
  name: string;
  path: string;
  method: string;
  description: string;
  version: string;
  content_type: string;
  api_signature_id?: string;
  roma_app_id: string;
  roma_app_name: string;
  return_format: boolean;
  parameters: LdApiParameter[];
  instance: string;
  type: string;
  status: number;
  created_time: string;
  modified_time: string;
  scripts: LdApiScript[];
}

export interface LdApiTest {
  id: string;
  test_id: number;
  ld_api_id: string;
  test_status_code: string;
  test_request: string;
  test_response: string;
  test_used_time: number;
  test_operator: string;
  test_method: string;
  test_date: string;
}

export interface LdApiDeploy {
  id: string;
  ld_api_id: string;
  group_id: string;
  env_id: string;
  api_id: string;
  deploy_time: string;
  /** Undeployed deployments stay in the history. */
  undeploy_time?: string;
}

export interface DataSource {
  id: string;
  name: string;
  type: string;
  description: string;
  url: string;
  user: string;
  status: 'old' | 'new';
  app_id: string;
  created_time: string;
  modified_time: string;
}

export interface AppConfig {
  id: string;
  app_id: string;
  config_type: 'variable' | 'password' | 'certificate';
  config_name: string;
  config_value: string;
  update_time: string;
  description: string;
}

/** Section 3.1 integration application; `secret` is only served by 3.1.7/3.1.8. */
export interface RomaApp {
  id: string;
  name: string;
  remark: string;
  key: string;
  secret: string;
  roles: string[];
  create_time: string;
  update_time: string;
  owner: boolean;
  favorite: boolean;
  created_user: { user_id: string; user_name: string };
  last_updated_user: { user_id: string; user_name: string };
  /** Member user ids (3.1.9/3.1.10). */
  members: string[];
}

/** An IAM user that can be a member of an integration application (3.1.11). */
export interface RomaUser {
  id: string;
  name: string;
  /** Users in an abnormal state are never candidates. */
  enabled: boolean;
}

export interface Dictionary {
  id: string;
  name: string;
  code: string;
  parent_code: string;
  remark: string;
  extend_one: string;
  extend_two: string;
  type: 'system' | 'user';
  order: number;
  create_time: string;
  update_time: string;
}

/** An asset job (3.2): advances one step per progress query, so tests see Running then Success. */
export interface AssetJob {
  id: string;
  type: 'exportAsset' | 'importAsset' | 'deleteAsset';
  status: 'Running' | 'Success' | 'Failed' | 'Finished';
  progress_percent: number;
  archive_id?: string;
  begin_time: string;
  end_time?: string;
  reasons: Array<{ resource_type: string; resource_name: string; error_code: string; error_msg: string }>;
  app_ids: string[];
  polls: number;
}

/** An export package (3.2.1): a zip, served once then gone. */
export interface AssetArchive {
  id: string;
  job_id: string;
  base64: string;
}
