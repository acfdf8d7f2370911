import type { Extra, PageQuery } from './common.ts';

/** VpcMemberInfo (4.15.4, 4.15.7). */
export interface VpcMember extends Extra {
  id: string;
  host?: string;
  weight?: number;
  ecs_id?: string;
  ecs_name?: string;
  status?: number;
  vpc_channel_id?: string;
  create_time?: string;
}

export interface VpcHealthConfig extends Extra {
  id?: string;
  protocol?: string;
  path?: string;
  method?: string;
  port?: number;
  threshold_normal?: number;
  threshold_abnormal?: number;
  time_interval?: number;
  http_code?: string;
  enable_client_ssl?: boolean;
  timeout?: number;
  vpc_channel_id?: string;
  create_time?: string;
}

/** VpcChannelInfo (4.15.5). */
export interface VpcChannel extends Extra {
  id: string;
  name: string;
  type?: number;
  port?: number;
  balance_strategy?: number;
  /** ip | ecs */
  member_type?: string;
  create_time?: string;
  status?: number;
  elb_id?: string;
}

/** VPC channel detail (4.15.4). */
export interface VpcChannelDetail extends VpcChannel {
  members?: VpcMember[];
  vpc_health_config?: VpcHealthConfig;
}

export interface VpcChannelListQuery extends PageQuery {
  id?: string;
  name?: string;
  vpc_type?: number;
  precise_search?: string;
}

export interface VpcMemberListQuery extends PageQuery {
  name?: string;
}
