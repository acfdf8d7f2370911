// Device-integration (LINK) seed: products with service models, devices of mixed status (gateways with
// sub-devices, shadows), a group tree and rules forwarding device data to MQS topics of the instance.
// `devices` scales the fleet (scale:N seeds N devices); everything is deterministic per seed.
import { secretFor, linkStoreOf, userNameFor } from '../routes/link-common.ts';
import type { DeviceRec, GroupRec, LinkStore, PropertyRec, ProductRec } from '../routes/link-store.ts';
import { dateOnly } from '../routes/link-store.ts';
import type { EmulatorState } from '../state.ts';
import { Rng, SEED_EPOCH_MS } from './build.ts';

const DAY = 86_400_000;

/** MQS topics of the same instance the demo rules forward to (destination type 0). */
export const LINK_DEMO_TOPICS = ['T_meter_telemetry', 'T_gateway_alarms', 'T_env_readings'];

interface PropSpec {
  name: string;
  type: 'number' | 'integer' | 'string' | 'json' | 'datetime';
  min?: number;
  max?: number;
  unit?: string;
  enumList?: string;
  required?: boolean;
}

interface CommandSpec {
  name: string;
  description: string;
  requests: PropSpec[];
  responses: PropSpec[];
}

interface ServiceSpec {
  name: string;
  description: string;
  properties: PropSpec[];
  commands: CommandSpec[];
}

interface ProductSpec {
  name: string;
  manufacturer: [id: string, name: string];
  model: string;
  productType: 0 | 1;
  protocol: 0 | 2 | 4;
  deviceType: string;
  description: string;
  /** Share of the fleet. */
  weight: number;
  services: ServiceSpec[];
  topics: Array<[name: string, permission: 0 | 1]>;
}

const PRODUCTS: ProductSpec[] = [
  {
    name: 'SmartMeter_S3',
    manufacturer: ['hx-energy', 'HX Energy'],
    model: 'S3-1P',
    productType: 0,
    protocol: 0,
    deviceType: 'ElectricMeter',
    description: 'Single-phase smart meter reporting every minute',
    weight: 0.45,
    services: [
      {
        name: 'metering',
        description: 'Electrical measurements',
        properties: [
          { name: 'voltage', type: 'number', min: 0, max: 300, unit: 'V' },
          { name: 'current', type: 'number', min: 0, max: 100, unit: 'A' },
          { name: 'power', type: 'number', min: 0, max: 30000, unit: 'W' },
        ],
        commands: [
          {
            name: 'set_report_interval',
            description: 'Change how often the meter reports',
            requests: [{ name: 'interval', type: 'integer', min: 5, max: 3600, unit: 's', required: true }],
            responses: [{ name: 'result', type: 'string', enumList: 'success,failed' }],
          },
        ],
      },
      {
        name: 'relay',
        description: 'Supply relay',
        properties: [{ name: 'relay_state', type: 'string', enumList: 'on,off' }],
        commands: [
          {
            name: 'switch_relay',
            description: 'Open or close the supply relay',
            requests: [{ name: 'state', type: 'string', enumList: 'on,off', required: true }],
            responses: [
              { name: 'result', type: 'string', enumList: 'success,failed' },
              { name: 'relay_state', type: 'string', enumList: 'on,off' },
            ],
          },
        ],
      },
    ],
    topics: [
      ['telemetry', 0],
      ['alarms', 0],
      ['config', 1],
    ],
  },
  {
    name: 'EdgeGateway_G2',
    manufacturer: ['nordlink', 'Nordlink Systems'],
    model: 'G2-LTE',
    productType: 1,
    protocol: 0,
    deviceType: 'Gateway',
    description: 'LTE edge gateway for field sensors',
    weight: 0.08,
    services: [
      {
        name: 'gateway_status',
        description: 'Gateway health',
        properties: [
          { name: 'cpu_usage', type: 'number', min: 0, max: 100, unit: '%' },
          { name: 'memory_usage', type: 'number', min: 0, max: 100, unit: '%' },
          { name: 'signal_dbm', type: 'integer', min: -140, max: 0, unit: 'dBm' },
        ],
        commands: [
          {
            name: 'reboot',
            description: 'Restart the gateway after a delay',
            requests: [{ name: 'delay', type: 'integer', min: 0, max: 300, unit: 's' }],
            responses: [{ name: 'result', type: 'string', enumList: 'accepted,rejected' }],
          },
        ],
      },
    ],
    topics: [['alarms', 0]],
  },
  {
    name: 'TempSensor_T1',
    manufacturer: ['acme-sense', 'ACME Sensing'],
    model: 'T1-IP67',
    productType: 0,
    protocol: 0,
    deviceType: 'Sensor',
    description: 'Temperature and humidity sensor',
    weight: 0.37,
    services: [
      {
        name: 'environment',
        description: 'Ambient readings',
        properties: [
          { name: 'temperature', type: 'number', min: -40, max: 85, unit: '°C' },
          { name: 'humidity', type: 'number', min: 0, max: 100, unit: '%' },
          { name: 'battery', type: 'integer', min: 0, max: 100, unit: '%' },
        ],
        commands: [
          {
            name: 'calibrate',
            description: 'Apply a temperature offset',
            requests: [{ name: 'offset', type: 'number', min: -5, max: 5, unit: '°C', required: true }],
            responses: [{ name: 'result', type: 'string', enumList: 'success,failed' }],
          },
        ],
      },
    ],
    topics: [['readings', 0]],
  },
  {
    name: 'PLC_Modbus_M8',
    manufacturer: ['kontor', 'Kontor Automation'],
    model: 'M8-RTU',
    productType: 1,
    protocol: 2,
    deviceType: 'PLC',
    description: 'Modbus RTU controller behind a serial gateway',
    weight: 0.1,
    services: [
      {
        name: 'registers',
        description: 'Holding registers',
        properties: [
          { name: 'line_speed', type: 'integer', min: 0, max: 2000, unit: 'rpm' },
          { name: 'fault_code', type: 'string' },
        ],
        commands: [],
      },
    ],
    topics: [],
  },
];

const SITES = ['north', 'south', 'east', 'west', 'harbor', 'depot'];

function addProp(link: LinkStore, map: Map<number, PropertyRec>, owner: number, p: PropSpec): void {
  const numeric = p.type === 'number' || p.type === 'integer';
  const id = link.nextId();
  map.set(id, {
    property_id: id,
    owner,
    property_name: p.name,
    description: `${p.name.replace(/_/g, ' ')}${p.unit ? ` (${p.unit})` : ''}`,
    data_type: p.type,
    required: p.required ? 1 : 0,
    min: numeric ? String(p.min ?? 0) : '',
    max: numeric ? String(p.max ?? 65536) : '',
    step: numeric ? (p.type === 'integer' ? '1' : '0.1') : '',
    max_length: numeric ? 0 : 32,
    unit: p.unit ?? '',
    enum_list: p.enumList ?? '',
  });
}

function reading(rng: Rng, p: PropSpec): string {
  if (p.enumList) return rng.pick(p.enumList.split(','));
  if (p.type === 'string') return rng.chance(0.9) ? '' : `E${rng.int(100, 999)}`;
  const lo = p.min ?? 0;
  const hi = p.max ?? 100;
  const v = lo + rng.next() * (hi - lo) * 0.8 + (hi - lo) * 0.1;
  return p.type === 'integer' ? String(Math.round(v)) : v.toFixed(1);
}

export interface LinkSeedOptions {
  devices: number;
  seed?: number;
  /** Seed device shadows (off for large scale seeds: 100,000 devices only need to list fast). */
  rich?: boolean;
  /** The emulator's clock: an online device was last seen minutes before it, not years. */
  nowMs?: number;
}

export function seedLink(state: EmulatorState, instanceId: string, o: LinkSeedOptions): LinkStore {
  const rng = new Rng(o.seed ?? 616);
  const link = linkStoreOf(state, instanceId);
  const rich = o.rich ?? true;
  const appFleet = rng.uuid();
  const appFactory = rng.uuid();
  link.apps.set(appFleet, 'fleet-ops');
  link.apps.set(appFactory, 'factory-line');

  const tplId = link.nextId();
  link.templates.set(tplId, {
    id: tplId,
    name: 'smart_meter_template',
    description: 'Baseline model for single-phase meters',
    status: 0,
    created: SEED_EPOCH_MS - 300 * DAY,
    updated: SEED_EPOCH_MS - 120 * DAY,
  });
  const oldTpl = link.nextId();
  link.templates.set(oldTpl, {
    id: oldTpl,
    name: 'legacy_sensor_v1',
    description: 'Retired sensor model (disabled)',
    status: 1,
    created: SEED_EPOCH_MS - 700 * DAY,
    updated: SEED_EPOCH_MS - 400 * DAY,
  });
  const tplSvc = link.nextId();
  link.services.set(tplSvc, {
    service_id: tplSvc,
    product_id: null,
    product_template_id: tplId,
    service_name: 'metering',
    description: 'Template metering service',
    status: 0,
    created: SEED_EPOCH_MS - 300 * DAY,
    updated: SEED_EPOCH_MS - 300 * DAY,
  });

  const products: Array<{ rec: ProductRec; spec: ProductSpec; services: number[] }> = [];
  PRODUCTS.forEach((spec, i) => {
    const id = link.nextId();
    const rec: ProductRec = {
      id,
      name: spec.name,
      product_serial: `Dd${rng.hex(4)}${id}`,
      app_id: spec.protocol === 2 ? appFactory : appFleet,
      manufacturer_id: spec.manufacturer[0],
      manufacturer_name: spec.manufacturer[1],
      model: spec.model,
      product_type: spec.productType,
      protocol_type: spec.protocol,
      description: spec.description,
      device_type: spec.deviceType,
      version: `1.${i}.0`,
      data_format: 0,
      template_id: i === 0 ? tplId : null,
      auth: { user_name: userNameFor(id), password: secretFor(id) },
      created: SEED_EPOCH_MS - (280 - i * 30) * DAY,
    };
    link.products.set(id, rec);
    const services: number[] = [];
    for (const s of spec.services) {
      const sid = link.nextId();
      services.push(sid);
      link.services.set(sid, {
        service_id: sid,
        product_id: id,
        product_template_id: null,
        service_name: s.name,
        description: s.description,
        status: 0,
        created: rec.created,
        updated: rec.created,
      });
      for (const p of s.properties) addProp(link, link.properties, sid, p);
      for (const c of s.commands) {
        const cid = link.nextId();
        link.commands.set(cid, {
          command_id: cid,
          service_id: sid,
          command_name: c.name,
          description: c.description,
        });
        for (const p of c.requests) addProp(link, link.requests, cid, p);
        for (const p of c.responses) addProp(link, link.responses, cid, p);
      }
    }
    for (const [name, permission] of spec.topics) {
      const tid = link.nextId();
      link.productTopics.set(tid, {
        topic_id: tid,
        product_id: id,
        topic_name: name,
        permission,
        version: 'v1',
        description: `${name} of ${spec.name}`,
      });
    }
    products.push({ rec, spec, services });
  });

  // Devices: the products' shares of the fleet; a status mix an on-call engineer recognises.
  const cumulative = products.map((_, i) => products.slice(0, i + 1).reduce((a, p) => a + p.spec.weight, 0));
  const gateways: DeviceRec[] = [];
  for (let i = 0; i < o.devices; i++) {
    const r = (i * 0.6180339887) % 1;
    const pi = Math.max(
      0,
      cumulative.findIndex((c) => r < c),
    );
    const { rec: product, spec } = products[pi] ?? (products[0] as (typeof products)[number]);
    const id = link.nextId();
    const roll = rng.next();
    const online = roll < 0.58 ? 1 : roll < 0.84 ? 2 : 0;
    const site = SITES[i % SITES.length] as string;
    const created = SEED_EPOCH_MS - (2 + (i % 200)) * DAY;
    const active =
      online === 0
        ? null
        : (o.nowMs ?? SEED_EPOCH_MS) - (online === 1 ? rng.int(5, 300) * 1000 : rng.int(1, 240) * 3600_000);
    const d: DeviceRec = {
      id,
      device_name: `${spec.deviceType.toLowerCase()}-${site}-${String(i).padStart(4, '0')}`,
      node_id: `${spec.model.replace(/[^A-Za-z0-9]/g, '')}_${rng.hex(12).toUpperCase()}`,
      client_id: `D${product.id}${id}${rng.hex(5)}`,
      product_id: product.id,
      app_id: product.app_id,
      status: rng.chance(0.06) ? 1 : 0,
      online_status: online,
      description: `${spec.description} at ${site} site`,
      tags: [site, ...(i % 7 === 0 ? ['pilot'] : [])],
      auth: { user_name: userNameFor(id), password: secretFor(id) },
      created,
      updated: created + DAY,
      last_login: active,
      last_active: active,
      node_type: product.product_type === 1 ? 1 : 0,
      parent_id: null,
      client_ip: online === 0 ? '' : `10.${20 + (i % 30)}.${(i >> 8) & 255}.${i & 255}`,
      keep_alive: '120',
      version: `fw-2.${i % 5}.${i % 11}`,
      shadow: new Map(),
    };
    // Some sensors hang off a gateway (sub-devices).
    if (spec.name === 'TempSensor_T1' && gateways.length > 0 && i % 5 === 0) {
      const gw = gateways[i % gateways.length] as DeviceRec;
      d.parent_id = gw.id;
      d.node_type = 2;
    }
    if (rich && online !== 0)
      for (const [k, s] of spec.services.entries()) {
        const cells = new Map<string, { value: string; at: number }>();
        for (const p of s.properties) cells.set(p.name, { value: reading(rng, p), at: active ?? created });
        d.shadow.set(products[pi]?.services[k] as number, cells);
      }
    link.addDevice(d);
    if (d.node_type === 1 && spec.protocol === 0) gateways.push(d);
  }

  seedGroupsAndRules(
    link,
    appFleet,
    products.map((p) => p.rec),
  );
  return link;
}

function seedGroupsAndRules(link: LinkStore, appId: string, products: ProductRec[]): void {
  const mkGroup = (name: string, parent: number, description: string): GroupRec => {
    const g: GroupRec = {
      id: link.nextId(),
      name,
      parent_id: parent,
      description,
      app_id: appId,
      created: dateOnly(SEED_EPOCH_MS - 200 * DAY),
      updated: dateOnly(SEED_EPOCH_MS - 20 * DAY),
      devices: new Set(),
    };
    link.groups.set(g.id, g);
    return g;
  };
  const north = mkGroup('north-plant', 0, 'Northern plant');
  const line1 = mkGroup('line-1', north.id, 'Assembly line 1');
  const cellA = mkGroup('cell-a', line1.id, 'Robot cell A');
  const south = mkGroup('south-plant', 0, 'Southern plant');
  const line2 = mkGroup('line-2', south.id, 'Assembly line 2');
  mkGroup('warehouse', 0, 'Warehouse (no devices yet)');
  const bySite: Record<string, GroupRec> = { north: line1, south: line2, east: cellA };
  for (const id of link.deviceIds()) {
    const d = link.devices.get(id);
    const g = d ? bySite[d.tags[0] ?? ''] : undefined;
    if (d && g && d.app_id === appId) g.devices.add(d.id);
  }

  const [meter, gateway, sensor] = products;
  const rule = (name: string, description: string, sqlField: string, sqlWhere: string) => {
    const id = link.nextId();
    link.rules.set(id, {
      rule_id: id,
      name,
      app_id: appId,
      description,
      status: 0,
      data_parsing_status: sqlField ? 0 : 1,
      sql_field: sqlField,
      sql_where: sqlWhere,
      created: SEED_EPOCH_MS - 90 * DAY,
      updated: SEED_EPOCH_MS - 10 * DAY,
    });
    return id;
  };
  const mqs = (ruleId: number, topic: string) => {
    const id = link.nextId();
    link.destinations.set(id, {
      destination_id: id,
      rule_id: ruleId,
      destination_type: 0,
      app_id: appId,
      destination_name: `mqs-${topic}`,
      topic,
      server: '192.168.0.20:9092,192.168.0.21:9092',
      token: '',
      tag: '',
      mqs_sasl_ssl: false,
      user_name: '',
      password: '',
    });
  };
  const source = (ruleId: number, p: ProductRec, topic: string, deviceId: number | null = null) => {
    const id = link.nextId();
    link.sources.set(id, {
      source_id: id,
      rule_id: ruleId,
      product_id: p.id,
      device_id: deviceId,
      topic,
      is_base64: 1,
      contain_device_info: 0,
    });
  };
  if (meter) {
    const r = rule(
      'meter_telemetry_to_mqs',
      'Meter readings above 100 W to message integration',
      'voltage, current, power',
      'power > 100',
    );
    source(r, meter, `${meter.product_serial}/out/+`);
    mqs(r, LINK_DEMO_TOPICS[0] as string);
  }
  if (gateway) {
    const r = rule(
      'gateway_alarms',
      'Gateway health forwarded as alarms',
      'cpu_usage, memory_usage',
      'cpu_usage > 90',
    );
    source(r, gateway, `/v1/products/${gateway.product_serial}/datas`);
    mqs(r, LINK_DEMO_TOPICS[1] as string);
  }
  if (sensor) {
    const r = rule('env_readings_raw', 'Raw sensor payloads, no parsing', '', '');
    source(r, sensor, `${sensor.product_serial}/out/+`);
    const first = link.deviceIds(sensor.id)[0];
    const d = first === undefined ? undefined : link.devices.get(first);
    if (d) source(r, sensor, `/v1/devices/${d.node_id}/datas`, d.id);
    mqs(r, LINK_DEMO_TOPICS[2] as string);
  }
}

/** The `hostile` seed's LINK part: names, descriptions, tags and reported values from `next()`. */
export function hostileLink(state: EmulatorState, next: () => string): void {
  for (const link of state.link?.values() ?? []) {
    for (const a of link.apps.keys()) link.apps.set(a, next());
    for (const g of link.groups.values()) [g.name, g.description] = [next(), next()];
    for (const p of link.products.values())
      [p.name, p.description, p.manufacturer_name] = [next(), next(), next()];
    for (const t of link.productTopics.values()) t.description = next();
    for (const t of link.templates.values()) t.description = next();
    for (const s of link.services.values()) s.description = next();
    for (const c of link.commands.values()) c.description = next();
    for (const r of link.rules.values()) [r.name, r.description] = [next(), next()];
    for (const d of link.destinations.values()) d.destination_name = next();
    let i = 0;
    for (const d of link.devices.values()) {
      if (i++ % 4 !== 0) continue;
      [d.device_name, d.description, d.version] = [next(), next(), next()];
      d.tags = [next()];
      for (const cells of d.shadow.values()) for (const c of cells.values()) c.value = next();
    }
  }
}
