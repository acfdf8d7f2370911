// Demo data of issue 14's families: custom domains with certificates (one expiring soon, one expired),
// integration applications with members, custom backends in every state, App Codes, access control,
// client quotas, app configurations and dictionaries. Its own PRNG and id source, so the rest of the demo
// keeps its ids. Certificate dates are relative to `nowMs` (the emulator's clock) so "days left" is real.
import type { Certificate, LdApi, RomaApp } from '../model-more.ts';
import { isoSeconds, withIdSource, type InstanceStore } from '../state.ts';
import { Rng, SEED_EPOCH_MS } from './build.ts';

const DAY = 86_400_000;

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

const USERS: Array<[string, boolean]> = [
  ['demo_user', true],
  ['ops_admin', true],
  ['li.wei', true],
  ['anna.schmidt', true],
  ['integration_bot', true],
  ['former_contractor', false],
];

const DOMAINS: Array<{ group: number; domain: string; status: number; certDays?: number; tls: string }> = [
  { group: 0, domain: 'api.shop.example.com', status: 3, certDays: 12, tls: 'TLSv1.2' },
  { group: 0, domain: 'www.shop.example.com', status: 3, certDays: 200, tls: 'TLSv1.1' },
  { group: 1, domain: 'pay.example.com', status: 3, certDays: -3, tls: 'TLSv1.2' },
  { group: 2, domain: 'partners.example.com', status: 2, tls: 'TLSv1.1' },
  { group: 3, domain: 'iot.example.com', status: 4, certDays: 400, tls: 'TLSv1.2' },
  { group: 4, domain: 'reports.example.com', status: 1, certDays: 45, tls: 'TLSv1.1' },
];

export interface GatewayMoreSeedOptions {
  nowMs: number;
  seed: number;
}

export function seedGatewayMore(store: InstanceStore, instanceId: string, o: GatewayMoreSeedOptions): void {
  const rng = new Rng(o.seed);
  withIdSource(
    () => rng.hex(32),
    () => fill(rng, store, instanceId, o.nowMs),
  );
}

function fill(rng: Rng, store: InstanceStore, instanceId: string, nowMs: number): void {
  const t = (daysAgo: number) => isoSeconds(SEED_EPOCH_MS - daysAgo * DAY);

  // Users and integration applications (section 3).
  const users = USERS.map(([name, enabled]) => ({ id: rng.hex(32), name, enabled }));
  for (const u of users) store.data.romaUsers.set(u.id, u);
  const me = { user_id: users[0]!.id, user_name: users[0]!.name };
  const other = { user_id: users[2]!.id, user_name: users[2]!.name };
  const apps: RomaApp[] = [
    ['order_platform', 'Order lifecycle integrations', true, true],
    ['partner_hub', 'B2B partner exchange', false, true],
    ['iot_integration', 'Device data pipelines', false, true],
    ['finance_ops', 'Finance back office (read-only for you)', true, false],
  ].map(([name, remark, favorite, owner], i) => ({
    id: rng.uuid(),
    name: name as string,
    remark: remark as string,
    key: rng.hex(16),
    secret: rng.hex(16),
    roles: owner ? ['read', 'access', 'delete', 'modify', 'admin'] : ['read'],
    create_time: t(300 - i * 20),
    update_time: t(30 - i),
    owner: owner as boolean,
    favorite: favorite as boolean,
    created_user: owner ? me : other,
    last_updated_user: owner ? me : other,
    members: users.slice(1, 2 + i).map((u) => u.id),
  }));
  for (const a of apps) store.data.romaApps.set(a.id, a);

  // Data sources of the first two applications.
  const sources = [
    ['orders_mysql', 'mysql', 'jdbc:mysql://10.0.1.15:3306/orders', 0],
    ['orders_pg', 'postgresql', 'jdbc:postgresql://10.0.1.20:5432/reporting', 0],
    ['partners_mysql', 'mysql', 'jdbc:mysql://10.0.2.8:3306/partners', 1],
  ] as const;
  const dsIds = sources.map(([name, type, url, app]) => {
    const id = rng.hex(32);
    store.data.dataSources.set(id, {
      id,
      name,
      type,
      description: `${name} (${type})`,
      url,
      user: 'apic_reader',
      status: 'new',
      app_id: apps[app]!.id,
      created_time: t(200),
      modified_time: t(100),
    });
    return id;
  });

  // Custom backends in each state.
  const helloScript =
    'function execute(data) {\n  return { greeting: "Hello " + (data.name || "world") };\n}';
  const sumScript =
    'function execute(data) {\n  var a = Number(data.a || 0), b = Number(data.b || 0);\n  return { sum: a + b };\n}';
  const ld = (
    name: string,
    path: string,
    method: string,
    app: number,
    status: number,
    type: string,
    scripts: LdApi['scripts'],
    params: LdApi['parameters'],
  ): LdApi => ({
    id: rng.hex(32),
    name,
    path,
    method,
    description: `Custom backend ${name}`,
    version: 'v1.0',
    content_type: 'json',
    roma_app_id: apps[app]!.id,
    roma_app_name: apps[app]!.name,
    return_format: false,
    parameters: params,
    instance: instanceId,
    type,
    status,
    created_time: t(120),
    modified_time: t(10),
    scripts,
  });
  const script = (content: string, extra: Partial<LdApi['scripts'][number]> = {}) => ({
    content: b64(content),
    type: 'SQL',
    created_time: t(60),
    modified_time: t(10),
    enable_result_paging: false,
    enable_prepar_estatement: false,
    ...extra,
  });
  const ldApis = [
    ld(
      'hello_function',
      '/hello',
      'POST',
      0,
      4,
      'function',
      [script(helloScript)],
      [{ name: 'name', in: 'Parameters', default: 'roma', description: 'who to greet', required: false }],
    ),
    ld(
      'sum_numbers',
      '/sum',
      'GET',
      0,
      3,
      'function',
      [script(sumScript)],
      [
        { name: 'a', in: 'Parameters', default: '2', description: '', required: true },
        { name: 'b', in: 'Parameters', default: '40', description: '', required: true },
      ],
    ),
    ld(
      'query_orders',
      '/orders/query',
      'GET',
      0,
      4,
      'data',
      [
        script('SELECT id, status, total FROM orders WHERE customer_id = ${customer_id}', {
          ds_id: dsIds[0],
          ds_name: 'orders_mysql',
          ds_type: 'mysql',
          object_name: 'orders',
        }),
      ],
      [{ name: 'customer_id', in: 'Parameters', default: '1001', description: 'customer', required: true }],
    ),
    ld(
      'partner_catalog',
      '/partners/catalog',
      'GET',
      1,
      3,
      'data',
      [
        script('SELECT sku, price FROM catalog', {
          ds_id: dsIds[2],
          ds_name: 'partners_mysql',
          ds_type: 'mysql',
          object_name: 'items',
        }),
      ],
      [],
    ),
    ld('draft_report', '/reports/draft', 'POST', 2, 1, '', [], []),
  ];
  for (const a of ldApis) store.data.ldApis.set(a.id, a);
  const groups = [...store.data.groups.values()];
  const envs = [...store.data.envs.values()];
  for (const a of ldApis.filter((x) => x.status === 4)) {
    const id = rng.hex(32);
    store.data.ldApiDeploys.set(id, {
      id,
      ld_api_id: a.id,
      group_id: groups[0]?.id ?? '',
      env_id: envs[0]?.id ?? '',
      api_id: '',
      deploy_time: t(9),
    });
  }
  [1, 2].forEach((n) => {
    store.data.ldApiTests.set(String(n), {
      id: String(n),
      test_id: n,
      ld_api_id: ldApis[0]!.id,
      test_status_code: '200',
      test_request: JSON.stringify([
        { paramName: 'name', paramValue: n === 1 ? 'roma' : 'ops', paramIn: 'Parameters' },
      ]),
      test_response: JSON.stringify({ greeting: `Hello ${n === 1 ? 'roma' : 'ops'}` }),
      test_used_time: 12 + n,
      test_operator: 'demo',
      test_method: 'POST',
      test_date: t(8 - n),
    });
  });

  // Custom domains and certificates; dates relative to the emulator's clock.
  for (const d of DOMAINS) {
    const g = groups[d.group];
    if (!g) continue;
    const domainId = rng.hex(32);
    let sslId = '';
    let sslName = '';
    if (d.certDays !== undefined) {
      sslId = rng.hex(32);
      sslName = `cert_${d.domain.split('.')[0]}`;
      const cert: Certificate = {
        id: sslId,
        name: sslName,
        group_id: g.id,
        domain_id: domainId,
        common_name: d.domain,
        san: [d.domain],
        version: '3',
        organization: ['Example Shop Ltd'],
        organizational_unit: ['Platform'],
        locality: ['Shenzhen'],
        state: ['Guangdong'],
        country: ['CN'],
        not_before: isoSeconds(nowMs - (365 - Math.min(d.certDays, 300)) * DAY),
        not_after: isoSeconds(nowMs + d.certDays * DAY),
        serial_number: BigInt('0x' + rng.hex(30)).toString(10),
        issuer: [d.certDays > 100 ? 'GlobalSign RSA OV SSL CA 2018' : "Let's Encrypt R3"],
        signature_algorithm: 'SHA256-RSA',
        create_time: t(60),
      };
      store.data.certificates.set(cert.id, cert);
    }
    g.url_domains.push({
      id: domainId,
      domain: d.domain,
      cname_status: d.status,
      ssl_id: sslId,
      ssl_name: sslName,
      min_ssl_version: d.tls,
    });
  }

  // App Codes, access control, client quotas and configurations on the APIG apps.
  const apigApps = [...store.data.apps.values()];
  const code = () => rng.hex(64);
  for (const [i, n] of [
    [0, 2],
    [1, 1],
  ] as const) {
    const app = apigApps[i];
    if (!app) continue;
    for (let k = 0; k < n; k++) {
      const id = rng.hex(32);
      store.data.appCodes.set(id, { id, app_id: app.id, app_code: code(), create_time: t(40 - k) });
    }
  }
  if (apigApps[1])
    store.data.appAcls.set(apigApps[1].id, {
      id: apigApps[1].id,
      app_id: apigApps[1].id,
      app_acl_type: 'PERMIT',
      app_acl_values: ['10.10.0.0/16', '192.168.1.10-192.168.1.20'],
    });
  if (apigApps[3])
    store.data.appAcls.set(apigApps[3].id, {
      id: apigApps[3].id,
      app_id: apigApps[3].id,
      app_acl_type: 'DENY',
      app_acl_values: ['203.0.113.7'],
    });
  const quotas = [
    ['mobile_daily', 100000, 'DAY', 1, 'Mobile clients, per day', [0, 1]],
    ['partner_hourly', 5000, 'HOURE', 1, 'Partners, per hour', [2, 3]],
    ['batch_minute', 600, 'MINUTE', 1, 'Batch jobs, per minute', []],
  ] as const;
  for (const [name, limit, unit, interval, remark, bound] of quotas) {
    const id = rng.hex(32);
    store.data.appQuotas.set(id, {
      id,
      name,
      call_limits: limit,
      time_unit: unit,
      time_interval: interval,
      remark,
      reset_time: '2024-05-07 00:00:00',
      create_time: t(90),
    });
    for (const i of bound) {
      const app = apigApps[i];
      if (!app) continue;
      const bid = rng.hex(32);
      store.data.appQuotaBindings.set(bid, { id: bid, app_quota_id: id, app_id: app.id, bound_time: t(80) });
    }
  }
  const cfgApp = apigApps[0];
  if (cfgApp) {
    for (const [type, name, value, desc] of [
      ['variable', 'region', 'cn-north-4', 'deployment region'],
      ['password', 'db_password', 'S3cr3t-Passw0rd!', 'orders database'],
      [
        'certificate',
        'client_cert',
        '-----BEGIN CERTIFICATE-----\nMIIBdemo\n-----END CERTIFICATE-----',
        'mTLS client',
      ],
    ] as const) {
      const id = rng.hex(32);
      store.data.appConfigs.set(id, {
        id,
        app_id: cfgApp.id,
        config_type: type,
        config_name: name,
        config_value: value,
        update_time: t(20),
        description: desc,
      });
    }
  }

  // Dictionaries: a system tree and user ones.
  const dict = (
    name: string,
    code: string,
    parent: string,
    type: 'system' | 'user',
    order: number,
    remark = '',
  ) => {
    const id = rng.hex(32);
    store.data.dictionaries.set(id, {
      id,
      name,
      code,
      parent_code: parent,
      remark,
      extend_one: '',
      extend_two: '',
      type,
      order,
      create_time: t(365),
      update_time: t(100),
    });
  };
  dict('Country', 'COUNTRY', '', 'system', 1, 'ISO 3166 countries');
  dict('China', 'CN', 'COUNTRY', 'system', 1);
  dict('Germany', 'DE', 'COUNTRY', 'system', 2);
  dict('United States', 'US', 'COUNTRY', 'system', 3);
  dict('Order status', 'ORDER_STATUS', '', 'user', 2, 'Order lifecycle states');
  dict('Created', 'ORDER_CREATED', 'ORDER_STATUS', 'user', 1);
  dict('Paid', 'ORDER_PAID', 'ORDER_STATUS', 'user', 2);
  dict('Shipped', 'ORDER_SHIPPED', 'ORDER_STATUS', 'user', 3);
  dict('Priority', 'PRIORITY', '', 'user', 3, 'Ticket priority');
}
