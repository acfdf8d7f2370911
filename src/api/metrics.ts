import { getObject, type Scope } from './resource.ts';
import * as S from './schemas.ts';
import type { CallOptions, QueryParams } from './types/common.ts';
import type { LatestStatisticsQuery, StatisticsQuery, StatisticsResult } from './types/metrics.ts';

export interface MetricsClient {
  /** 4.21.1: per-minute samples over the last `duration` (at most 1h). */
  latest(query: LatestStatisticsQuery, opts?: CallOptions): Promise<StatisticsResult>;
  /** 4.21.2 */
  query(query: StatisticsQuery, opts?: CallOptions): Promise<StatisticsResult>;
}

export function metricsClient(scope: Scope): MetricsClient {
  const read = async (path: string, q: object, opts?: CallOptions) => {
    const query = q as QueryParams;
    const r = await getObject<StatisticsResult>(scope, { path, schema: S.statistics, query, ...opts });
    return { ...r, list: r.list ?? [] };
  };
  return {
    latest: (q, opts) => read('/statistics/api/latest', q, opts),
    query: (q, opts) => read('/statistics/api', q, opts),
  };
}
