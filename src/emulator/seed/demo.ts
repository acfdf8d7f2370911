// The demo seed: 3 instances (running professional, running enterprise, frozen), realistic groups, a few
// hundred APIs across methods/auth/backends, publications and versions, policies, apps and bindings.
// Deterministic: same PRNG seed, same ids, same data.
import { RELEASE_ENV_ID, type AuthType, type BackendType, type Env, type Feature } from '../model.ts';
import { seedLink } from './link.ts';
import { isoSeconds, newId, withIdSource, type EmulatorState, type InstanceStore } from '../state.ts';
import {
  DEMO_PROJECT_ID,
  Rng,
  SEED_EPOCH_MS,
  addEnvs,
  addInstance,
  makeApi,
  makeGroup,
  makeInstance,
  seedPublish,
} from './build.ts';
import { seedGatewayMore } from './gateway-more.ts';

export interface SeedOptions {
  /** `127.0.0.1:PORT` of the echo backend; HTTP-backend APIs point at it. */
  backendHost: string;
  /** The emulator's clock: certificate expiry dates are relative to it (default: the seed epoch). */
  nowMs?: number;
}

const DAY = 86_400_000;

const GROUPS: Array<[string, string, string[]]> = [
  ['order_center', '订单中心 — order lifecycle', ['orders', 'carts', 'refunds']],
  ['payment_gateway', 'Payment and settlement APIs', ['payments', 'settlements', 'invoices']],
  ['user_profile', '用户资料服务', ['users', 'addresses', 'preferences']],
  ['inventory_sync', 'Warehouse inventory synchronisation', ['stocks', 'warehouses', 'skus']],
  ['logistics_tracking', 'Shipment tracking for partners', ['shipments', 'carriers', 'waybills']],
  ['crm_integration', 'CRM ↔ ERP integration', ['customers', 'leads', 'contracts']],
  ['iot_telemetry', 'Device telemetry ingestion', ['devices', 'readings', 'alarms']],
  ['billing_reports', 'Monthly billing reports', ['bills', 'reports', 'usages']],
  ['hr_portal', '人力资源门户', ['employees', 'departments', 'leaves']],
  ['partner_open_api', 'Open API for partners', ['products', 'catalogs', 'prices']],
  ['notification_hub', 'SMS / e-mail / push notifications', ['messages', 'templates', 'subscriptions']],
  ['search_service', 'Full-text search', ['indexes', 'queries', 'synonyms']],
];

const VERBS: Array<[string, string, boolean]> = [
  // [method, name prefix, item path]
  ['GET', 'list', false],
  ['GET', 'get', true],
  ['POST', 'create', false],
  ['PUT', 'update', true],
  ['DELETE', 'delete', true],
  ['PATCH', 'patch', true],
];

function singular(noun: string): string {
  return noun.endsWith('ies')
    ? noun.slice(0, -3) + 'y'
    : noun.endsWith('es') && !noun.endsWith('ges')
      ? noun.slice(0, -1)
      : noun.replace(/s$/, '');
}

function pickAuth(rng: Rng): AuthType {
  const r = rng.next();
  return r < 0.4 ? 'APP' : r < 0.65 ? 'IAM' : r < 0.85 ? 'NONE' : 'AUTHORIZER';
}

function pickBackend(rng: Rng): BackendType {
  const r = rng.next();
  return r < 0.7 ? 'HTTP' : r < 0.85 ? 'MOCK' : 'FUNCTION';
}

function features(rng: Rng, instanceId: string, green: boolean): Feature[] {
  const t = isoSeconds(SEED_EPOCH_MS - 30 * DAY);
  const f = (name: string, enable: boolean, config: string): Feature => ({
    id: rng.hex(32),
    name,
    enable,
    config,
    instance_id: instanceId,
    update_time: t,
  });
  return [
    f('app_api_key', true, 'on'),
    f('ratelimit', true, '{"api_limits":200}'),
    f('real_ip_from_xff', true, '{"enable_real_ip_from_xff":true,"xff_index":-1}'),
    f('green_tunnel', green, green ? 'on' : 'off'),
    f('backend_timeout', true, '{"max_timeout":60000}'),
  ];
}

/** Fills one running instance; `scale` multiplies the API count. */
function fillInstance(
  rng: Rng,
  store: InstanceStore,
  instanceId: string,
  o: SeedOptions,
  apisPerNoun: number,
  green: boolean,
): void {
  const envs = addEnvs(rng, store, [
    ['TEST', '测试环境'],
    ['PRE', 'Pre-production'],
  ]);
  const envByName = new Map(envs.map((e) => [e.name, e] as [string, Env]));
  for (const feat of features(rng, instanceId, green)) store.data.features.set(feat.id, feat);

  // Custom authorizers
  const authorizers = [
    ['jwt_frontend_auth', 'FRONTEND', 'FUNC'],
    ['oauth_introspect', 'FRONTEND', 'FUNC'],
    ['backend_token_exchange', 'BACKEND', 'FUNC'],
  ] as const;
  const authorizerIds: string[] = [];
  for (const [name, type, atype] of authorizers) {
    const id = rng.hex(32);
    authorizerIds.push(id);
    store.data.authorizers.set(id, {
      id,
      name,
      type,
      authorizer_type: atype,
      authorizer_uri: `urn:fss:cn-north-4:${DEMO_PROJECT_ID}:function:default:${name}`,
      identities:
        type === 'FRONTEND' ? [{ name: 'Authorization', location: 'HEADER', validation: '^Bearer .+$' }] : [],
      ttl: rng.pick([0, 60, 300]),
      user_data: '',
      need_body: rng.chance(0.3),
      create_time: isoSeconds(SEED_EPOCH_MS - 90 * DAY),
      roma_app_id: '',
      roma_app_name: '',
    });
  }

  // VPC channels: one healthy (points at the echo backend), one degraded, one down.
  const [echoIp, echoPort] = o.backendHost.split(':') as [string, string];
  const channels: Array<[string, Array<[string, number]>]> = [
    [
      'vpc_order_backend',
      [
        [echoIp, 1],
        [echoIp, 1],
      ],
    ],
    [
      'vpc_legacy_erp',
      [
        ['10.0.3.21', 1],
        ['10.0.3.22', 2],
      ],
    ],
    [
      'vpc_iot_collectors',
      [
        ['10.0.8.5', 2],
        ['10.0.8.6', 2],
        ['10.0.8.7', 2],
      ],
    ],
  ];
  const channelIds: string[] = [];
  for (const [name, members] of channels) {
    const id = rng.hex(32);
    channelIds.push(id);
    const healthy = members.some(([, s]) => s === 1);
    store.data.vpcChannels.set(id, {
      id,
      name,
      type: 2,
      port: name === 'vpc_order_backend' ? Number(echoPort) : 8080,
      balance_strategy: rng.int(1, 4),
      member_type: 'ip',
      create_time: isoSeconds(SEED_EPOCH_MS - 120 * DAY),
      status: healthy ? 1 : 2,
      vpc_health_config: {
        protocol: 'HTTP',
        path: '/health',
        method: 'GET',
        port: 8080,
        threshold_normal: 2,
        threshold_abnormal: 3,
        time_interval: 10,
        http_code: '200',
        enable_client_ssl: false,
        timeout: 5,
        vpc_channel_id: id,
        id: rng.hex(32),
        create_time: isoSeconds(SEED_EPOCH_MS - 120 * DAY),
      },
    });
    for (const [host, status] of members) {
      const mid = rng.hex(32);
      store.data.vpcMembers.set(mid, {
        id: mid,
        host,
        weight: rng.int(1, 10),
        status,
        vpc_channel_id: id,
        create_time: isoSeconds(SEED_EPOCH_MS - 120 * DAY),
      });
    }
  }

  // Groups and APIs
  const apiIds: string[] = [];
  GROUPS.forEach(([gname, gremark, nouns], gi) => {
    const g = makeGroup(rng, gname, gremark, 180 - gi * 7);
    store.data.groups.set(g.id, g);
    for (const noun of nouns) {
      for (let k = 0; k < apisPerNoun; k++) {
        const [method, verb, item] = VERBS[k % VERBS.length] as [string, string, boolean];
        const suffix = k < VERBS.length ? '' : `_v${Math.floor(k / VERBS.length) + 1}`;
        const version = k < VERBS.length ? 'v1' : `v${Math.floor(k / VERBS.length) + 1}`;
        const one = singular(noun);
        const backend = pickBackend(rng);
        const auth = pickAuth(rng);
        const api = makeApi(rng, {
          name: `${verb}_${item || verb === 'list' ? one : one}${verb === 'list' ? 's' : ''}${suffix}`,
          method,
          uri: `/${version}/${gname.split('_')[0]}/${noun}${item ? `/{${one}_id}` : ''}`,
          auth,
          backend,
          groupId: g.id,
          remark: `${verb[0]!.toUpperCase()}${verb.slice(1)} ${item ? 'one' : 'the'} ${item ? one : noun} (${gname})`,
          backendHost: o.backendHost,
          ageDays: rng.int(5, 170),
          ...(auth === 'AUTHORIZER' ? { authorizerId: rng.pick(authorizerIds.slice(0, 2)) } : {}),
          ...(backend === 'HTTP' && rng.chance(0.1) ? { vpcChannelId: channelIds[0] as string } : {}),
          ...(backend === 'MOCK'
            ? { mockBody: JSON.stringify({ [noun]: [{ id: 1001, name: `demo ${one}` }], total: 1 }) }
            : {}),
        });
        store.data.apis.set(api.id, api);
        apiIds.push(api.id);
      }
    }
  });

  // Publications: ~25% unpublished, most in RELEASE, some also in TEST/PRE, some republished (several versions).
  const release = RELEASE_ENV_ID;
  const test = envByName.get('TEST')!.id;
  const pre = envByName.get('PRE')!.id;
  apiIds.forEach((id, i) => {
    const r = rng.next();
    if (r < 0.25) return;
    const base = SEED_EPOCH_MS - rng.int(2, 60) * DAY;
    const republish = rng.chance(0.2) ? rng.int(2, 12) : 1;
    // each API's first version in an environment: publishApi need not look for older ones
    for (let v = 0; v < republish; v++)
      seedPublish(
        store,
        id,
        release,
        v === 0 ? 'initial release' : `release ${v + 1}`,
        base + v * 3600_000,
        v === 0,
      );
    if (r > 0.55) seedPublish(store, id, test, 'smoke test', base - DAY, true);
    if (r > 0.8 || i % 17 === 0) seedPublish(store, id, pre, 'pre-production check', base - 2 * DAY, true);
  });

  // Environment variables per group for TEST/PRE/RELEASE.
  for (const g of store.data.groups.values()) {
    for (const env of envs) {
      for (const [name, value] of [
        [
          'backend_host',
          env.name === 'RELEASE'
            ? 'api.internal.example.com'
            : `${env.name.toLowerCase()}.internal.example.com`,
        ],
        ['timeout_ms', env.name === 'RELEASE' ? '5000' : '15000'],
      ] as const) {
        const id = rng.hex(32);
        store.data.envVariables.set(id, {
          id,
          env_id: env.id,
          group_id: g.id,
          variable_name: name,
          variable_value: value,
        });
      }
    }
  }

  // Throttling policies: basic (type 1) and shared (type 2), two with special settings.
  const throttleDefs: Array<[string, number, number, number, number, number, string, number]> = [
    // name, api, user, app, ip, interval, unit, type
    ['default_200tps', 200, 100, 50, 20, 1, 'SECOND', 1],
    ['partner_standard', 1000, 300, 100, 0, 1, 'MINUTE', 1],
    ['partner_premium', 5000, 2000, 1000, 0, 1, 'MINUTE', 1],
    ['shared_backend_cap', 3000, 0, 0, 0, 1, 'SECOND', 2],
    ['iot_burst', 20000, 0, 5000, 500, 10, 'SECOND', 1],
    ['daily_report_quota', 10000, 1000, 500, 100, 1, 'DAY', 2],
  ];
  const throttleIds: string[] = [];
  for (const [name, api, user, app, ip, interval, unit, type] of throttleDefs) {
    const id = rng.hex(32);
    throttleIds.push(id);
    store.data.throttles.set(id, {
      id,
      name,
      remark: `${type === 2 ? 'Shared' : 'Per-API'} limit ${api}/${interval} ${unit.toLowerCase()}`,
      api_call_limits: api,
      user_call_limits: user,
      app_call_limits: app,
      ip_call_limits: ip,
      time_interval: interval,
      time_unit: unit,
      type,
      enable_adaptive_control: 'FALSE',
      create_time: isoSeconds(SEED_EPOCH_MS - 100 * DAY),
    });
  }

  // Signature keys
  const signIds: string[] = [];
  for (const [name, type] of [
    ['backend_hmac_key', 'hmac'],
    ['legacy_basic_auth', 'basic'],
    ['partner_public_key', 'public_key'],
  ] as const) {
    const id = rng.hex(32);
    signIds.push(id);
    const t = isoSeconds(SEED_EPOCH_MS - 80 * DAY);
    store.data.signs.set(id, {
      id,
      name,
      sign_type: type,
      sign_key: type === 'basic' ? 'apig_user' : `key_${rng.hex(16)}`,
      sign_secret: type === 'public_key' ? '' : `sec_${rng.hex(24)}`,
      create_time: t,
      update_time: t,
    });
  }

  // ACL policies: PERMIT/DENY × IP/DOMAIN
  const aclIds: string[] = [];
  for (const [name, type, entity, value] of [
    ['office_ip_whitelist', 'PERMIT', 'IP', '10.0.0.0/8,192.168.10.0/24'],
    ['blocked_scrapers', 'DENY', 'IP', '203.0.113.7,198.51.100.0/24'],
    ['partner_tenants', 'PERMIT', 'DOMAIN', 'partner_acme,partner_globex'],
    ['suspended_tenants', 'DENY', 'DOMAIN', 'tenant_suspended_01'],
  ] as const) {
    const id = rng.hex(32);
    aclIds.push(id);
    store.data.acls.set(id, {
      id,
      acl_name: name,
      acl_type: type,
      entity_type: entity,
      acl_value: value,
      update_time: isoSeconds(SEED_EPOCH_MS - 60 * DAY),
    });
  }

  // Apps
  const appNames = [
    'mobile_app_ios',
    'mobile_app_android',
    'partner_acme',
    'partner_globex',
    'bi_dashboard',
    'batch_jobs',
    'iot_gateway',
    'legacy_portal',
  ];
  const appIds: string[] = [];
  appNames.forEach((name, i) => {
    const id = rng.hex(32);
    appIds.push(id);
    const t = isoSeconds(SEED_EPOCH_MS - (150 - i * 9) * DAY);
    store.data.apps.set(id, {
      id,
      name,
      remark: `Client app ${name}`,
      creator: 'USER',
      app_key: rng.hex(32),
      app_secret: rng.hex(32),
      register_time: t,
      update_time: t,
      status: i === appNames.length - 1 ? 2 : 1,
      app_type: 'roma',
      roma_app_type: 'integration',
    });
  });

  // Special throttle settings (APP and USER objects)
  for (const [ti, ai, limit] of [
    [1, 2, 800],
    [1, 3, 600],
    [2, 2, 4000],
  ] as const) {
    const app = store.data.apps.get(appIds[ai] as string)!;
    const id = rng.hex(32);
    store.data.throttleSpecials.set(id, {
      id,
      throttle_id: throttleIds[ti] as string,
      call_limits: limit,
      apply_time: isoSeconds(SEED_EPOCH_MS - 20 * DAY),
      object_id: app.id,
      object_type: 'APP',
      object_name: app.name,
      app_id: app.id,
      app_name: app.name,
    });
  }
  const userSpecial = rng.hex(32);
  store.data.throttleSpecials.set(userSpecial, {
    id: userSpecial,
    throttle_id: throttleIds[0] as string,
    call_limits: 150,
    apply_time: isoSeconds(SEED_EPOCH_MS - 15 * DAY),
    object_id: rng.hex(32),
    object_type: 'USER',
    object_name: 'ops_admin',
  });

  // Bindings on publications
  const bindTime = isoSeconds(SEED_EPOCH_MS - DAY);
  for (const pub of store.data.publications.values()) {
    if (rng.chance(0.45)) {
      const id = newId();
      store.data.throttleBindings.set(id, {
        id,
        publish_id: pub.publish_id,
        strategy_id: rng.pick(throttleIds),
        scope: 1,
        apply_time: bindTime,
      });
    }
    if (rng.chance(0.15)) {
      const id = newId();
      store.data.signBindings.set(id, {
        id,
        publish_id: pub.publish_id,
        sign_id: rng.pick(signIds),
        binding_time: bindTime,
      });
    }
    if (rng.chance(0.2)) {
      const id = newId();
      store.data.aclBindings.set(id, {
        id,
        publish_id: pub.publish_id,
        acl_id: rng.pick([aclIds[0], aclIds[2]]) as string,
        create_time: bindTime,
      });
    }
    if (rng.chance(0.1)) {
      const id = newId();
      store.data.aclBindings.set(id, {
        id,
        publish_id: pub.publish_id,
        acl_id: rng.pick([aclIds[1], aclIds[3]]) as string,
        create_time: bindTime,
      });
    }
    // APP-auth APIs get authorized to a few apps in the environments they are published to.
    const api = store.data.apis.get(pub.api_id);
    if (api?.auth_type === 'APP') {
      const n = rng.int(0, 3);
      const chosen = new Set<string>();
      for (let k = 0; k < n; k++) chosen.add(rng.pick(appIds.slice(0, -1)));
      for (const appId of chosen) {
        const id = newId();
        store.data.appAuths.set(id, {
          id,
          app_id: appId,
          api_id: api.id,
          env_id: pub.env_id,
          auth_role: 'PROVIDER',
          auth_time: bindTime,
          auth_tunnel: 'NORMAL',
          auth_whitelist: [],
          auth_blacklist: [],
        });
      }
    }
  }
}

/** Seeds the demo data set. Returns the instance ids, the running professional one first. */
export function seedDemo(state: EmulatorState, o: SeedOptions, seed = 20240506): string[] {
  const rng = new Rng(seed);
  return withIdSource(
    () => rng.hex(32),
    () => {
      const prof = makeInstance(rng, state.projectId, {
        name: 'roma-prod-cn-north-4',
        spec: 'ROMA_PROFESSIONAL',
        status: 'RUNNING',
        detailStatus: 'Running',
        code: 6,
        description: 'Production integration platform (professional edition)',
        ageDays: 420,
      });
      const ent = makeInstance(rng, state.projectId, {
        name: 'roma-enterprise-hub',
        spec: 'ROMA_ENTERPRISE',
        status: 'RUNNING',
        detailStatus: 'Running',
        code: 6,
        description: 'Group-wide enterprise integration hub',
        ageDays: 260,
      });
      const frozen = makeInstance(rng, state.projectId, {
        name: 'roma-legacy-frozen',
        spec: 'ROMA_BASIC',
        status: 'FROZEN',
        detailStatus: 'Frozen',
        code: 37,
        description: 'Frozen for unpaid balance; read-only',
        ageDays: 700,
      });
      fillInstance(rng, addInstance(state, prof), prof.id, o, 8, false);
      fillInstance(rng, addInstance(state, ent), ent.id, o, 3, true);
      addInstance(state, frozen);
      seedLink(state, prof.id, { devices: 320, nowMs: o.nowMs ?? SEED_EPOCH_MS });
      // Issue 14's families, with their own PRNG so the ids above stay as they were.
      for (const [i, id] of [prof.id, ent.id].entries())
        seedGatewayMore(state.stores.get(id)!, id, { nowMs: o.nowMs ?? SEED_EPOCH_MS, seed: seed + 14 + i });
      return [prof.id, ent.id, frozen.id];
    },
  );
}

export { DEMO_PROJECT_ID };
