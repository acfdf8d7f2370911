// Instance-level reads and settings: feature configuration (4.22.2), tags (4.23.1) and the tenant's quotas
// with their usage (4.24.1), counted from the instance's own data.
import type { Feature } from '../model.ts';
import { isoSeconds, newId, type InstanceStore } from '../state.ts';
import { DOMAINS_PER_GROUP } from './domains.ts';
import { APP_CODES_PER_APP } from './app-extras.ts';
import { ApiError, asObject, invalidParam, ok, page, reqString, route, type RouteDef } from './common.ts';

/** Feature names of appendix 7.5 the emulator recognises (others: 400 APIG.2000 as in the 4.22.2 example). */
export const KNOWN_FEATURES = [
  'app_api_key',
  'app_basic',
  'app_jwt',
  'app_secret',
  'app_token',
  'app_route',
  'backend_timeout',
  'backend_token_allow',
  'cascade',
  'gateway_responses',
  'green_tunnel',
  'lb_switch',
  'ratelimit',
  'real_ip_from_xff',
  'request_body_size',
  'sign_basic',
  'vpc_name_modifiable',
];

function upsertFeature(store: InstanceStore, instanceId: string, body: unknown, nowMs: number): Feature {
  const b = asObject(body);
  const name = reqString(b, 'name', { max: 64 });
  if (!KNOWN_FEATURES.includes(name)) throw new ApiError(400, 'APIG.2000', `unrecognized feature ${name}`);
  if (typeof b['enable'] !== 'boolean')
    throw invalidParam('enable', b['enable'] === undefined ? 'APIG.2001' : 'APIG.2011');
  const raw = b['config'];
  // 7.5 shows config both as a string and as an object: an object is kept as its JSON text.
  const config = raw === undefined || raw === null ? '' : typeof raw === 'string' ? raw : JSON.stringify(raw);
  const existing = [...store.data.features.values()].find((f) => f.name === name);
  const f: Feature = existing ?? {
    id: newId(),
    name,
    enable: false,
    config: '',
    instance_id: instanceId,
    update_time: '',
  };
  f.enable = b['enable'];
  f.config = config;
  f.update_time = isoSeconds(nowMs);
  store.data.features.set(f.id, f);
  return f;
}

/** Tags in use on the instance's APIs, sorted. */
function tagsOf(store: InstanceStore): string[] {
  const set = new Set<string>();
  for (const a of store.data.apis.values())
    for (const t of a.tags ?? []) if (typeof t === 'string') set.add(t);
  return [...set].sort();
}

interface QuotaDef {
  name: string;
  value: number;
  used: (s: InstanceStore) => number;
}

const max = (xs: Iterable<number>): number => Math.max(0, ...xs);
function perKey<T>(items: Iterable<T>, key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const it of items) m.set(key(it), (m.get(key(it)) ?? 0) + 1);
  return m;
}

/** `used` is the instance's count; per-parent limits report the fullest parent. */
const QUOTAS: QuotaDef[] = [
  { name: 'API_NUM_LIMIT', value: 1000, used: (s) => s.data.apis.size },
  { name: 'APP_NUM_LIMIT', value: 50, used: (s) => s.data.apps.size },
  { name: 'APIGROUP_NUM_LIMIT', value: 50, used: (s) => s.data.groups.size },
  { name: 'ENVIRONMENT_NUM_LIMIT', value: 10, used: (s) => s.data.envs.size },
  {
    name: 'VARIABLE_NUM_LIMIT',
    value: 50,
    used: (s) => max(perKey(s.data.envVariables.values(), (v) => v.group_id).values()),
  },
  { name: 'SIGN_NUM_LIMIT', value: 200, used: (s) => s.data.signs.size },
  { name: 'THROTTLE_NUM_LIMIT', value: 100, used: (s) => s.data.throttles.size },
  {
    name: 'APIGROUP_DOMAIN_NUM_LIMIT',
    value: DOMAINS_PER_GROUP,
    used: (s) => max([...s.data.groups.values()].map((g) => g.url_domains.length)),
  },
  { name: 'VPC_NUM_LIMIT', value: 30, used: (s) => s.data.vpcChannels.size },
  { name: 'ACL_NUM_LIMIT', value: 100, used: (s) => s.data.acls.size },
  {
    name: 'API_NUM_LIMIT_PER_GROUP',
    value: 200,
    used: (s) => max(perKey(s.data.apis.values(), (a) => a.group_id).values()),
  },
  { name: 'AUTHORIZER_NUM_LIMIT', value: 50, used: (s) => s.data.authorizers.size },
  {
    name: 'APP_CODE_NUM_LIMIT',
    value: APP_CODES_PER_APP,
    used: (s) => max(perKey(s.data.appCodes.values(), (c) => c.app_id).values()),
  },
  {
    name: 'CONFIG_NUM_LIMIT_PER_APP',
    value: 50,
    used: (s) => max(perKey(s.data.appConfigs.values(), (c) => c.app_id).values()),
  },
  {
    name: 'API_TAG_NUM_LIMIT',
    value: 10,
    used: (s) => max([...s.data.apis.values()].map((a) => a.tags?.length ?? 0)),
  },
];

export const instanceMoreRoutes: RouteDef[] = [
  route('POST', '/features', ({ store, instanceId, body, nowMs }) =>
    ok(upsertFeature(store, instanceId, body, nowMs), 201),
  ),
  route('GET', '/tags', ({ store, query }) => page(tagsOf(store), query, 'tags', (t) => t)),
  route('GET', '/project/configs', ({ store, query, state, instanceId }) => {
    const inst = state.instances.get(instanceId);
    const since = isoSeconds(inst?.create_time ?? 0);
    return page(QUOTAS.entries(), query, 'configs', ([i, q]) => ({
      config_id: String(i + 1),
      config_name: q.name,
      config_value: String(q.value),
      config_time: since,
      remark: q.name,
      used: q.used(store),
    }));
  }),
];
