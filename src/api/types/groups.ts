import type { Extra, PageQuery } from './common.ts';

export interface UrlDomain extends Extra {
  id: string;
  domain?: string;
  cname_status?: number;
  ssl_id?: string;
  ssl_name?: string;
  min_ssl_version?: string;
}

/** ApiGroupInfo (4.2.4, 4.2.5). */
export interface ApiGroup extends Extra {
  id: string;
  name: string;
  status?: number;
  sl_domain?: string;
  sl_domains?: string[];
  remark?: string;
  register_time?: string;
  update_time?: string;
  call_limits?: number;
  time_interval?: number;
  time_unit?: string;
  url_domains?: UrlDomain[];
  on_sell_status?: number;
  is_default?: number;
  version?: string;
  roma_app_id?: string;
  roma_app_name?: string;
}

export interface GroupListQuery extends PageQuery {
  id?: string;
  name?: string;
  roma_app_id?: string;
  precise_search?: string;
}

/** 4.2.6 request body. */
export interface GroupNameCheck {
  group_name: string;
  roma_app_id?: string;
}
