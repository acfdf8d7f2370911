// Monitoring statistics (4.21) from a deterministic synthetic time series: the same key (API id,
// instance, app) and minute always give the same sample, so tests can assert on them and sparklines
// draw a believable shape (daily curve, bursts, error episodes, latency spikes).
//
// Choices where the reference is silent:
// - Minutes without traffic are left out of `list` (the documented examples list only busy minutes);
//   a client must not assume one item per minute.
// - `req_time`/`register_time` and the 4.21.2 `start_time`/`end_time` query strings are in UTC+8, as the
//   examples show for the response strings.
// - 4.21.2 refuses ranges of more than 1440 buckets or 31 days (400 APIG.2003) instead of timing out.

export interface StatisticsApi {
  max_latency: number;
  avg_latency: number;
  req_count: number;
  req_count2xx: number;
  req_count4xx: number;
  req_count5xx: number;
  req_count_error: number;
  max_inner_latency: number;
  avg_inner_latency: number;
  max_backend_latency: number;
  avg_backend_latency: number;
  output_throughput: number;
  input_throughput: number;
  current_minute: number;
  req_time: string;
  cycle?: string;
  api_id?: string;
  group_id?: string;
  provider?: string;
  register_time?: string;
  status?: number;
}

export interface StatisticsResponse {
  code: 'APIG.0000';
  start_time: number;
  end_time: number;
  list: StatisticsApi[];
}

export class MetricsQueryError extends Error {
  readonly status = 400;
  constructor(
    readonly error_code: string,
    readonly error_msg: string,
  ) {
    super(error_msg);
    this.name = 'MetricsQueryError';
  }
}

const invalid = (p: string): MetricsQueryError =>
  new MetricsQueryError(
    'APIG.2012',
    `Invalid parameter value,parameterName:${p}. Please refer to the support documentation`,
  );

const UTC8_MS = 8 * 3600 * 1000;
const MAX_BUCKETS = 1440;
const MAX_RANGE_SEC = 31 * 86400;

// ---- deterministic hashing --------------------------------------------------------------------------

function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  // final avalanche (murmur3 fmix32)
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A number in [0,1) from a key and a salt. */
function unit(key: string, salt: string | number): number {
  return hash32(`${key}|${salt}`) / 4294967296;
}

interface SeriesProfile {
  baseRate: number; // requests per minute at the daily peak
  err4: number;
  err5: number;
  backendMs: number;
  innerMs: number;
  reqBytes: number;
  respBytes: number;
}

function profileOf(key: string, scale: number): SeriesProfile {
  const quiet = unit(key, 'quiet') < 0.15; // some APIs are barely used, so their series has gaps
  return {
    baseRate: scale * (quiet ? 0.3 + unit(key, 'rate') * 1.5 : 4 + unit(key, 'rate') * 120),
    err4: 0.005 + unit(key, 'e4') * 0.06,
    err5: unit(key, 'e5') < 0.25 ? 0.002 + unit(key, 'e5x') * 0.05 : unit(key, 'e5x') * 0.004,
    backendMs: 3 + unit(key, 'lat') * 180,
    innerMs: 1 + unit(key, 'inner') * 3,
    reqBytes: 120 + Math.floor(unit(key, 'in') * 1800),
    respBytes: 200 + Math.floor(unit(key, 'out') * 9000),
  };
}

/** One synthetic sample for a key and a minute (Unix seconds, minute-aligned). */
function minuteSample(key: string, minute: number, scale = 1): StatisticsApi {
  const p = profileOf(key, scale);
  const hourUtc8 = ((((minute + 8 * 3600) % 86400) + 86400) % 86400) / 3600;
  // Daily shape: low at night, peak mid-afternoon in UTC+8; phase varies a little per key.
  const phase = unit(key, 'phase') * 3;
  const daily = 0.15 + 0.85 * Math.pow((1 - Math.cos(((hourUtc8 - 3 - phase) / 24) * 2 * Math.PI)) / 2, 1.5);
  const m = `${minute}`;
  const noise = 0.75 + unit(key, `n${m}`) * 0.5;
  // Bursts last a few minutes: decided per 5-minute window.
  const window = Math.floor(minute / 300);
  const burst = unit(key, `b${window}`) < 0.04 ? 2.5 + unit(key, `bm${window}`) * 4 : 1;
  const expected = p.baseRate * daily * noise * burst;
  // Fractional expectations become 0 or 1 deterministically, so quiet APIs have real gaps.
  const reqCount = Math.floor(expected) + (unit(key, `f${m}`) < expected - Math.floor(expected) ? 1 : 0);

  // Error episodes: a 10-minute window sometimes fails much more.
  const errWin = Math.floor(minute / 600);
  const episode = unit(key, `ee${errWin}`) < 0.03 ? 8 : 1;
  const c5 = Math.min(reqCount, Math.round(reqCount * Math.min(0.9, p.err5 * episode * (burst > 1 ? 2 : 1))));
  const c4 = Math.min(reqCount - c5, Math.round(reqCount * p.err4 * (0.5 + unit(key, `e4${m}`))));
  const c2 = reqCount - c4 - c5;

  const spike = unit(key, `s${m}`) < 0.02 ? 6 + unit(key, `sm${m}`) * 10 : 1;
  const backendAvg =
    reqCount === 0 ? 0 : p.backendMs * (0.8 + unit(key, `l${m}`) * 0.4) * spike * (burst > 1 ? 1.6 : 1);
  const innerAvg = reqCount === 0 ? 0 : p.innerMs * (0.8 + unit(key, `i${m}`) * 0.5);
  const spread = reqCount <= 1 ? 1 : 1.3 + unit(key, `x${m}`) * 1.7;
  const round2 = (x: number): number => Math.round(x * 100) / 100;
  const backendMax = Math.round(backendAvg * spread);
  const innerMax = Math.round(innerAvg * spread) + (reqCount > 0 ? 1 : 0);
  return {
    max_latency: backendMax + innerMax,
    avg_latency: round2(backendAvg + innerAvg),
    req_count: reqCount,
    req_count2xx: c2,
    req_count4xx: c4,
    req_count5xx: c5,
    req_count_error: c4 + c5,
    max_inner_latency: innerMax,
    avg_inner_latency: round2(innerAvg),
    max_backend_latency: backendMax,
    avg_backend_latency: round2(backendAvg),
    output_throughput: reqCount * p.respBytes,
    input_throughput: reqCount * p.reqBytes,
    current_minute: minute,
    req_time: formatUtc8(minute),
  };
}

/** `yyyy-MM-dd HH:mm:ss` in UTC+8 for Unix seconds. */
export function formatUtc8(unixSec: number): string {
  return new Date(unixSec * 1000 + UTC8_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** Parses `yyyy-MM-dd HH:mm:ss` as UTC+8; undefined when malformed. */
export function parseUtc8(s: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(s.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, se);
  const back = new Date(ms);
  if (back.getUTCDate() !== d || back.getUTCMonth() !== mo - 1 || h > 23 || mi > 59 || se > 59)
    return undefined;
  return Math.floor((ms - UTC8_MS) / 1000);
}

/** `1h`, `45m`, `2h45m` → minutes; undefined when malformed or zero. */
export function parseDuration(s: string): number | undefined {
  const m = /^(?:(\d+)h)?(?:(\d+)m)?$/.exec(s.trim());
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  const minutes = Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
  return minutes > 0 ? minutes : undefined;
}

function floorMinute(nowMs: number): number {
  return Math.floor(nowMs / 60000) * 60;
}

export interface ApiMeta {
  groupId?: string;
  provider?: string;
}

function withApiFields(
  s: StatisticsApi,
  key: string,
  cycle: string,
  apiId: string,
  meta: ApiMeta,
  nowSec: number,
): StatisticsApi {
  const reg = Math.min(
    nowSec,
    s.current_minute +
      (cycle === 'MINUTE' ? 60 : cycle === 'HOUR' ? 3600 : 86400) -
      1 -
      Math.floor(unit(key, `r${s.current_minute}`) * 50),
  );
  return {
    ...s,
    cycle,
    api_id: apiId,
    group_id: meta.groupId ?? '',
    provider: meta.provider ?? '',
    register_time: formatUtc8(Math.max(s.current_minute, reg)),
    status: 1,
  };
}

/**
 * 4.21.1: per-minute samples for an API over the last `durationMin` minutes (at most 60; the query
 * `duration` parses with parseDuration). The current minute is included and is the last sample.
 */
export function apiMetricsRecent(
  apiId: string,
  durationMin: number,
  nowMs: number,
  meta: ApiMeta = {},
): StatisticsResponse {
  if (!Number.isInteger(durationMin) || durationMin < 1 || durationMin > 60) throw invalid('duration');
  const end = floorMinute(nowMs);
  const start = end - (durationMin - 1) * 60;
  const nowSec = Math.floor(nowMs / 1000);
  const list: StatisticsApi[] = [];
  for (let t = start; t <= end; t += 60) {
    const s = minuteSample(apiId, t);
    if (s.req_count > 0) list.push(withApiFields(s, apiId, 'MINUTE', apiId, meta, nowSec));
  }
  return { code: 'APIG.0000', start_time: start, end_time: end, list };
}

/** Sums minute samples into one bucket; averages are weighted by request count. */
function aggregate(samples: StatisticsApi[], bucketStart: number): StatisticsApi {
  const total = samples.reduce((n, s) => n + s.req_count, 0);
  const sum = (f: (s: StatisticsApi) => number): number => samples.reduce((n, s) => n + f(s), 0);
  const max = (f: (s: StatisticsApi) => number): number => samples.reduce((n, s) => Math.max(n, f(s)), 0);
  const wavg = (f: (s: StatisticsApi) => number): number =>
    total === 0 ? 0 : Math.round((sum((s) => f(s) * s.req_count) / total) * 100) / 100;
  return {
    max_latency: max((s) => s.max_latency),
    avg_latency: wavg((s) => s.avg_latency),
    req_count: total,
    req_count2xx: sum((s) => s.req_count2xx),
    req_count4xx: sum((s) => s.req_count4xx),
    req_count5xx: sum((s) => s.req_count5xx),
    req_count_error: sum((s) => s.req_count_error),
    max_inner_latency: max((s) => s.max_inner_latency),
    avg_inner_latency: wavg((s) => s.avg_inner_latency),
    max_backend_latency: max((s) => s.max_backend_latency),
    avg_backend_latency: wavg((s) => s.avg_backend_latency),
    output_throughput: sum((s) => s.output_throughput),
    input_throughput: sum((s) => s.input_throughput),
    current_minute: bucketStart,
    req_time: formatUtc8(bucketStart),
  };
}

export type StatisticsMode = 'INSTANCE' | 'API' | 'APP' | 'ALL';

export interface InstanceMetricsContext {
  instanceId?: string;
  /** For mode=API: group and owner of the API, echoed in the items. */
  apiMeta?: ApiMeta;
}

const CYCLE_SECONDS = { minute: 60, hour: 3600, day: 86400 } as const;

/** 4.21.2: statistics by mode and cycle over a time range; throws MetricsQueryError on bad input. */
export function instanceMetrics(
  query: URLSearchParams,
  nowMs: number,
  ctx: InstanceMetricsContext = {},
): StatisticsResponse {
  const mode = (query.get('mode') ?? 'INSTANCE') as StatisticsMode;
  if (!['INSTANCE', 'API', 'APP', 'ALL'].includes(mode)) throw invalid('mode');
  const apiId = query.get('api_id') ?? '';
  const appId = query.get('roma_app_id') ?? '';
  if (mode === 'API' && apiId === '') throw invalid('api_id');
  if (mode === 'APP' && appId === '') throw invalid('roma_app_id');
  const cycleParam = (query.get('cycle') ?? 'minute').toLowerCase();
  if (!(cycleParam in CYCLE_SECONDS)) throw invalid('cycle');
  const cycleSec = CYCLE_SECONDS[cycleParam as keyof typeof CYCLE_SECONDS];

  const nowSec = Math.floor(nowMs / 1000);
  const startQ = query.get('start_time');
  const endQ = query.get('end_time');
  const durQ = query.get('duration');
  const startParsed = startQ ? parseUtc8(startQ) : undefined;
  const endParsed = endQ ? parseUtc8(endQ) : undefined;
  if (startQ && startParsed === undefined) throw invalid('start_time');
  if (endQ && endParsed === undefined) throw invalid('end_time');
  const durMin = durQ ? parseDuration(durQ) : undefined;
  if (durQ && durMin === undefined) throw invalid('duration');

  let start: number;
  let end: number;
  if (startParsed !== undefined && endParsed !== undefined) {
    start = startParsed;
    end = endParsed;
  } else if (startParsed === undefined && endParsed !== undefined && durMin !== undefined) {
    end = endParsed;
    start = end - durMin * 60;
  } else if (startParsed === undefined && endParsed === undefined && durMin !== undefined) {
    end = nowSec;
    start = end - durMin * 60;
  } else {
    throw new MetricsQueryError(
      'APIG.2001',
      'The request parameters must be specified: missing time range parameters',
    );
  }
  if (start > end) throw invalid('start_time');
  end = Math.min(end, nowSec); // the future has no samples

  // Buckets align to the cycle in UTC+8 (a day starts at local midnight).
  const align = (t: number): number => Math.floor((t + 8 * 3600) / cycleSec) * cycleSec - 8 * 3600;
  const first = align(start);
  const buckets = Math.floor((align(end) - first) / cycleSec) + 1;
  if (buckets > MAX_BUCKETS || end - start > MAX_RANGE_SEC)
    throw new MetricsQueryError(
      'APIG.2003',
      'The parameter value is too large,parameterName:duration. Shorten the range or use a longer cycle',
    );

  const key =
    mode === 'API'
      ? apiId
      : mode === 'APP'
        ? `app:${appId}`
        : mode === 'ALL'
          ? 'all'
          : `instance:${ctx.instanceId ?? ''}`;
  // An instance carries the traffic of many APIs.
  const scale = mode === 'API' ? 1 : mode === 'APP' ? 6 : 25;
  const cycleName = cycleParam.toUpperCase();
  const list: StatisticsApi[] = [];
  for (let b = 0; b < buckets && end >= start; b++) {
    const bStart = first + b * cycleSec;
    const samples: StatisticsApi[] = [];
    const from = Math.max(bStart, floorMinute(start * 1000));
    const to = Math.min(bStart + cycleSec - 60, floorMinute(end * 1000));
    for (let t = from; t <= to; t += 60) samples.push(minuteSample(key, t, scale));
    const agg = aggregate(samples, bStart);
    if (agg.req_count === 0) continue;
    if (mode === 'APP' || mode === 'ALL') list.push(agg);
    else
      list.push(withApiFields(agg, key, cycleName, mode === 'API' ? apiId : '', ctx.apiMeta ?? {}, nowSec));
  }
  return { code: 'APIG.0000', start_time: start, end_time: end, list };
}
