// Wire types of message integration (MQS, MQS-LINK.md section 5). Field names as in the tables; the
// examples' spellings (`mq5_connector_enable`, `message_query_inst_enable`, `public_boundwidth`) are kept
// by the Extra index and folded onto the table names by the client's normaliser.
import type { Extra } from './common.ts';

export type MqsAccessPolicy = 'all' | 'pub' | 'sub';

/** 5.1.2 `listeners` item (typed Object in the table, an array in the example). */
export interface MqsListener extends Extra {
  name?: string;
  port?: number;
  backend?: { ip?: string[]; port?: number; health_check?: Extra };
}

/** 5.1.1 `instances` item / 5.1.2 answer. */
export interface MqsInstance extends Extra {
  instance_id: string;
  name?: string;
  description?: string;
  engine?: string;
  engine_version?: string;
  specification?: string;
  storage_space?: number;
  total_storage_space?: number;
  used_storage_space?: number;
  /** Typed Integer, sent as a string in the examples. */
  partition_num?: number;
  connect_address?: string;
  port?: number;
  status?: string;
  resource_spec_code?: string;
  /** Epoch milliseconds as a string. */
  created_at?: string;
  maintain_begin?: string;
  maintain_end?: string;
  ssl_enable?: boolean;
  enable_publicip?: boolean;
  publicip_address?: string;
  public_connect_address?: string;
  kafka_private_connect_address?: string;
  rest_enable?: boolean;
  rest_connect_address?: string;
  mqs_connector_enable?: boolean;
  mqs_connector_address?: string;
  message_query_inst_enable?: boolean;
  access_user?: string;
  node_num?: number;
  support_features?: string;
  listeners?: MqsListener[];
}

export interface MqsInstanceList {
  instances: MqsInstance[];
  instance_num: number;
}

/** 5.2.1 `topics` item. */
export interface MqsTopic extends Extra {
  name: string;
  partition?: number;
  replication?: number;
  /** Hours. */
  retention_time?: number;
  sync_message_flush?: boolean;
  sync_replication?: boolean;
  app_id?: string;
  app_name?: string;
  permissions?: string[];
  external_configs?: Extra;
  description?: string;
  sensitive_word?: string;
  topic_type?: number;
  policiesOnly?: boolean;
}

/** 5.2.1 / 5.3.2 `policies` item. `user_name` is the app id ("integration application key"). */
export interface MqsPolicy extends Extra {
  owner?: boolean;
  user_name?: string;
  app_name?: string;
  access_policy?: string;
  tag?: string;
}

export interface MqsTopicQuery {
  app_name?: string;
  name?: string;
  access_policy?: MqsAccessPolicy;
  limit?: number;
  offset?: number;
}

/** 5.2.1 answer. `policies` is an array in the table, one object in the example: always an array here. */
export interface MqsTopicPage {
  total: number;
  size: number;
  permissions: string[];
  topics: MqsTopic[];
  policies: MqsPolicy[];
  remain_partitions?: number;
  max_partitions?: number;
  warnings?: string[];
}

/** 5.2.2 request. */
export interface MqsCreateTopic {
  name: string;
  app_id: string;
  access_policy: MqsAccessPolicy;
  partition?: number;
  replication?: number;
  sync_message_flush?: boolean;
  sync_replication?: boolean;
  retention_time?: number;
  /** `||` between tags, `&` between the publish and subscribe lists when `access_policy` is all. */
  tag?: string;
  description?: string;
  sensitive_word?: string;
}

/** 5.2.3 UpdateTopicObject. */
export interface MqsUpdateTopic {
  name: string;
  retention_time?: number;
  sync_replication?: boolean;
  sync_message_flush?: boolean;
  description?: string;
  sensitive_word?: string;
}

/** 5.2.4 / 5.2.5 answer item: `id` holds the topic name. */
export interface MqsDeleteResult {
  id: string;
  success: boolean;
}

/** 5.3.1 UpdateTopicAccessPolicyPoliciesObject. */
export interface MqsPolicyWrite {
  app_id: string;
  app_name: string;
  access_policy: MqsAccessPolicy;
  owner?: boolean;
  tag?: string;
}

export interface MqsTopicPolicies {
  name: string;
  policies: MqsPolicyWrite[];
  description?: string;
  sensitive_word?: string;
}

/** 5.3.2 answer. */
export interface MqsTopicAccess {
  name: string;
  policies: MqsPolicy[];
  total: number;
  size: number;
  operation?: string;
}

/** 5.4.1 query: a time window (start_time + end_time) or one message (partition + message_offset). */
export interface MqsMessageQuery {
  topic: string;
  asc?: boolean;
  start_time?: number;
  end_time?: number;
  limit?: number;
  offset?: number;
  download?: boolean;
  partition?: number;
  message_offset?: number;
}

/** 5.4.1 `messages` item. */
export interface MqsMessage extends Extra {
  topic: string;
  partition: number;
  message_offset: number;
  key?: string;
  value?: string;
  size?: number;
  /** Epoch milliseconds. */
  timestamp?: number;
  huge_message?: boolean;
  message_id?: string;
  app_id?: string;
  tag?: string;
}

export interface MqsMessagePage {
  messages: MqsMessage[];
  total: number;
  size: number;
  warnings?: string[];
}

/** 5.4.2 request and answer (the answer echoes the message that was resent). */
export interface MqsResend {
  topic: string;
  partition: number;
  message_offset: number;
}

/** 5.2.6 query. */
export interface MqsImportOptions {
  mode?: 'AddNew' | 'Merge';
  prefix?: string;
}
