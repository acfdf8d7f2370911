import type { Extra } from './common.ts';

/** StatisticsAPI (4.21.1/4.21.2). `current_minute` is Unix seconds. */
export interface ApiStatistics extends Extra {
  max_latency?: number;
  avg_latency?: number;
  req_count?: number;
  req_count2xx?: number;
  req_count4xx?: number;
  req_count5xx?: number;
  req_count_error?: number;
  max_inner_latency?: number;
  avg_inner_latency?: number;
  max_backend_latency?: number;
  avg_backend_latency?: number;
  output_throughput?: number;
  input_throughput?: number;
  current_minute?: number;
  cycle?: string;
  api_id?: string;
  group_id?: string;
  provider?: string;
  req_time?: string;
  register_time?: string;
  status?: number;
}

export interface StatisticsResult extends Extra {
  code?: string;
  start_time?: number;
  end_time?: number;
  list: ApiStatistics[];
}

/** 4.21.1: `duration` like `1h`, `30m` (at most one hour). */
export interface LatestStatisticsQuery {
  api_id: string;
  duration: string;
}

/** 4.21.2 */
export interface StatisticsQuery {
  mode?: 'API' | 'APP' | 'ALL' | string;
  roma_app_id?: string;
  api_id?: string;
  cycle?: 'minute' | 'hour' | 'day';
  /** `yyyy-MM-dd HH:mm:ss` */
  start_time?: string;
  end_time?: string;
  duration?: string;
}
