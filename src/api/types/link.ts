// Wire types of device integration (LINK, MQS-LINK.md section 6). Ids are integers (C6); timestamps are
// epoch milliseconds (C5) except device groups, which send date strings. Unknown fields are kept.
import type { Extra } from './common.ts';

/** LINK lists: limit default 10, max 999 (C3); `offset` counts items (our reading; the reference is silent). */
export interface LinkPageQuery {
  offset?: number;
  limit?: number;
}

export interface LinkUser extends Extra {
  user_id?: string | null;
  user_name?: string;
}

/** 0 = not connected, 1 = online, 2 = offline (C7). */
export type OnlineStatus = 0 | 1 | 2;

export interface DeviceGroup extends Extra {
  id: number;
  name: string;
  parent_id?: number;
  description?: string;
  app_id?: string;
  app_name?: string;
  permissions?: string[];
  created_user?: LinkUser;
  last_updated_user?: LinkUser;
  /** A date string (6.1.1), not epoch ms. */
  created_datetime?: string;
  last_updated_datetime?: string;
}

/** 6.1.2: the group tree. */
export interface DeviceGroupNode extends Extra {
  id: number;
  name: string;
  parent_id?: number;
  app_id?: string;
  children?: DeviceGroupNode[];
  permissions?: string[];
}

export interface DeviceGroupCreate {
  parent_id: number;
  name: string;
  description?: string;
  app_id: string;
}
export type DeviceGroupUpdate = Partial<Omit<DeviceGroupCreate, 'app_id'>> & { app_id?: string };

export interface ProductReferer extends Extra {
  product_id?: number;
  product_name?: string;
  manufacturer_id?: string;
  model?: string;
  protocol_type?: number;
  product_type?: number;
}

export interface LinkAuthentication extends Extra {
  user_name?: string;
  password?: string;
}

export interface Device extends Extra {
  id: number;
  device_name: string;
  node_id?: string;
  client_id?: string;
  parent_device_id?: number;
  parent_device_name?: string;
  product?: ProductReferer;
  app_id?: string;
  app_name?: string;
  /** 0 enabled, 1 disabled. */
  status?: number;
  online_status?: number;
  description?: string;
  authentication?: LinkAuthentication;
  tags?: string[];
  created_datetime?: number;
  last_updated_datetime?: number;
  last_login_datetime?: number | null;
  last_active_time?: number;
  node_type?: number;
  device_type?: number;
  client_ip?: string;
  keep_alive?: string;
  version?: string;
  plugin_id?: number;
  connect_address?: string;
  ssl_connect_address?: string;
  permissions?: string[];
  created_user?: LinkUser;
  last_updated_user?: LinkUser;
}

export interface DeviceListQuery extends LinkPageQuery {
  app_id?: string;
  product_id?: number;
  product_name?: string;
  device_name?: string;
  client_id?: string;
  node_id?: string;
  node_type?: number;
  /** Comma-separated online statuses, e.g. `1,2`. */
  online_status?: string;
  created_date_start?: number;
  created_date_end?: number;
  tag?: string;
}

export interface DeviceCreate {
  parent_device_id?: number;
  product: ProductReferer;
  password?: string;
  device_name: string;
  node_id: string;
  app_id: string;
  status?: number;
  description?: string;
  tags?: string[];
}
export type DeviceUpdate = Partial<Omit<DeviceCreate, 'product' | 'app_id' | 'parent_device_id'>> & {
  product?: ProductReferer;
  app_id?: string;
};

export interface DeviceSimple extends Extra {
  id: number;
  device_name?: string;
}

/** 6.2.3 */
export interface ForceOfflineResult extends Extra {
  success: DeviceSimple[];
  failed: DeviceSimple[];
}

export interface DeviceTopic extends Extra {
  id: number;
  name: string;
  description?: string;
  /** 0 publish, 1 subscribe. */
  permission?: number;
  /** 0 basic, 1 custom. */
  is_private?: number;
}

export interface DeviceTopicQuery extends LinkPageQuery {
  name?: string;
  topic_permission?: number;
  topic_type?: number;
  is_private?: number;
}

export interface SubDeviceQuery extends LinkPageQuery {
  device_name?: string;
  status?: number;
  online_status?: number;
}

export interface ShadowValue extends Extra {
  property_name: string;
  property_value?: string;
  property_updated_date?: number;
  /** Not in 6.2.10: read when a server sends it (the desired side of a shadow). */
  desired_value?: string;
}

export interface ShadowService extends Extra {
  service_id?: number;
  service_name?: string;
  properties?: ShadowValue[];
}

export interface CommandParameter {
  parameter_name: string;
  parameter_value: string;
}

export interface SendCommandRequest {
  service_id: number;
  command_id: number;
  is_sync: boolean;
  requests?: CommandParameter[];
}

/** 6.2.13 documents no success body; this is what the emulator answers (ARCHITECTURE.md), kept open. */
export interface SendCommandResult extends Extra {
  service_id?: number;
  command_id?: number;
  is_sync?: boolean;
  response?: CommandParameter[];
}

export interface ProductTemplate extends Extra {
  id: number;
  name: string;
  description?: string;
  status?: number;
  created_datetime?: number;
  last_updated_datetime?: number;
  created_user?: LinkUser;
}

export interface ProductTemplateQuery extends LinkPageQuery {
  id?: number;
  name?: string;
  status?: number;
  created_user_name?: string;
}

export interface ProductTemplateCreate {
  name: string;
  description?: string;
  status: number;
}

export interface Product extends Extra {
  id: number;
  name: string;
  product_serial?: string;
  app_id?: string;
  app_name?: string;
  manufacturer_id?: string;
  manufacturer_name?: string;
  model?: string;
  product_type?: number;
  protocol_type?: number;
  description?: string;
  device_type?: string;
  version?: string;
  data_format?: number;
  template_id?: number;
  authentication?: LinkAuthentication;
  created_datetime?: number;
  permissions?: string[];
}

export interface ProductQuery extends LinkPageQuery {
  app_id?: string;
  id?: string;
  name?: string;
  manufacturer_id?: string;
  model?: string;
  product_type?: number;
  protocol_type?: number;
  app_name?: string;
}

export interface ProductCreate {
  app_id: string;
  name: string;
  manufacturer_id: string;
  manufacturer_name: string;
  model: string;
  product_type: number;
  protocol_type: number;
  description?: string;
  device_type?: string;
  template_id?: number;
  version?: string;
  data_format?: number;
}

export interface ProductTopic extends Extra {
  /** A string in 6.4.7/6.4.8 answers, an integer in 6.4.9/6.4.10 paths (C6): read as text. */
  topic_id: string;
  topic_name?: string;
  product_id?: number;
  permission?: number;
  version?: string;
  description?: string;
}

export interface ProductTopicCreate {
  permission: number;
  name: string;
  version: string;
  description?: string;
}

/** 6.4.13 */
export interface ProductImportResult extends Extra {
  succ_num: number;
  fail_num: number;
  fail_objects_ids?: string[];
}

export interface Rule extends Extra {
  rule_id: number;
  name: string;
  app_id?: string;
  app_name?: string;
  description?: string;
  status?: number;
  data_parsing_status?: number;
  sql_field?: string;
  sql_where?: string;
  rule_express?: string;
  created_datetime?: number;
  last_updated_datetime?: number;
  permissions?: string[];
}

export interface RuleQuery extends LinkPageQuery {
  app_id?: string;
  name?: string;
}

export interface RuleCreate {
  name: string;
  app_id: string;
  description?: string;
  status?: number;
  data_parsing_status?: number;
  sql_field?: string;
  sql_where?: string;
}

export interface RuleBatchItem extends Extra {
  id: string;
  ret_status: string;
}

export interface RuleTestRequest {
  test_data?: string;
  test_rule_express?: string;
}

export interface RuleTestResult extends Extra {
  test_result?: string;
}

export interface RuleDestination extends Extra {
  destination_id: number;
  destination_type?: number;
  app_id?: string;
  destination_name?: string;
  topic?: string;
  server?: string;
  token?: string;
  tag?: string;
  mqs_sasl_ssl?: boolean;
  user_name?: string;
  password?: string;
}

export interface RuleDestinationCreate {
  destination_type: number;
  app_id?: string;
  destination_name?: string;
  topic: string;
  server?: string;
  token?: string;
  tag?: string;
  mqs_sasl_ssl?: boolean;
  user_name?: string;
  password?: string;
}

export interface RuleSource extends Extra {
  source_id: number;
  product_id?: number;
  device_id?: number;
  topic?: string;
  device_name?: string;
  product_name?: string;
  is_base64?: number;
  contain_device_info?: number;
}

export interface RuleSourceCreate {
  product_id: number;
  device_id?: number;
  topic: string;
  is_base64?: number;
  contain_device_info?: number;
}

export interface LinkService extends Extra {
  service_id: number;
  service_name: string;
  product_id?: number;
  product_template_id?: number;
  description?: string;
  status?: number;
  created_datetime?: number;
  last_updated_datetime?: number;
}

export interface ServiceQuery extends LinkPageQuery {
  service_id?: number;
  service_name?: string;
  product_id?: number;
  product_template_id?: number;
}

export interface ServiceCreate {
  product_template_id?: number;
  product_id?: number;
  service_name: string;
  description?: string;
  status: number;
}

/** A service property, a command request property or a command response property (6.6.6/13/17). */
export interface LinkProperty extends Extra {
  property_id: number;
  property_name: string;
  description?: string;
  data_type?: string;
  /** 0 optional, 1 required. */
  required?: number;
  min?: string;
  max?: string;
  step?: string;
  max_length?: number;
  unit?: string;
  enum_list?: string;
}

export interface PropertyCreate {
  property_name: string;
  description?: string;
  data_type: string;
  required: number;
  min?: string;
  max?: string;
  step?: string;
  max_length?: number;
  unit?: string;
  enum_list?: string;
}

export interface LinkCommand extends Extra {
  command_id: number;
  command_name: string;
  service_id?: number;
  description?: string;
}

export interface CommandCreate {
  name: string;
  description?: string;
}
