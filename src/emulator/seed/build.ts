// Deterministic building blocks for the seeds: a seeded PRNG, ids, and factories for realistic entities.
import {
  RELEASE_ENV_ID,
  RELEASE_ENV_NAME,
  type ApiDef,
  type AuthType,
  type BackendType,
  type Env,
  type Group,
  type Instance,
} from '../model.ts';
import { InstanceStore, isoSeconds, type EmulatorState } from '../state.ts';
import { publishApi } from '../routes/publish.ts';

export const DEMO_PROJECT_ID = '0b5c1e7a4d6f4a8e9c2b3d4e5f607182';
/** 2024-05-06T02:00:00Z: seed timestamps are fixed so two runs produce the same data. */
export const SEED_EPOCH_MS = Date.UTC(2024, 4, 6, 2, 0, 0);

export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  hex(n: number): string {
    let s = '';
    while (s.length < n)
      s += Math.floor(this.next() * 0x100000000)
        .toString(16)
        .padStart(8, '0');
    return s.slice(0, n);
  }
  uuid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

export function makeInstance(
  rng: Rng,
  projectId: string,
  o: {
    name: string;
    spec: string;
    status: string;
    detailStatus: string;
    code: number;
    description: string;
    ageDays: number;
  },
): Instance {
  const created = SEED_EPOCH_MS - o.ageDays * 86_400_000;
  const begin = rng.pick(['02', '06', '10', '14', '18', '22']);
  const end = String((Number(begin) + 4) % 24).padStart(2, '0');
  const failed = o.status === 'CREATE_FAILED' || o.status === 'ERROR';
  const inst: Instance = {
    id: rng.uuid(),
    name: o.name,
    instance_name: o.name,
    description: o.description,
    project_id: projectId,
    status: o.status,
    detail_status: o.detailStatus,
    instance_statuses: o.code,
    spec: o.spec,
    flavor_id: rng.uuid(),
    flavor_type: o.spec === 'ROMA_ENTERPRISE' ? 'enterprise' : 'professional',
    cpu_arch: rng.pick(['x86_64', 'aarch64']),
    vpc_id: rng.uuid(),
    subnet_id: rng.uuid(),
    security_group_id: rng.uuid(),
    publicip_enable: !failed,
    publicip_id: failed ? '' : rng.uuid(),
    publicip_address: failed ? '' : `100.85.${rng.int(1, 254)}.${rng.int(1, 254)}`,
    error_code: failed ? 'ROMA.00110001' : '',
    error_msg: failed ? 'Insufficient ECS resources in the selected availability zone.' : '',
    charge_type: rng.pick(['postPaid', 'prePaid']),
    charging_mode: 0,
    create_time: created,
    update_time: created + 3_600_000,
    maintain_begin: `${begin}:00:00`,
    maintain_end: `${end}:00:00`,
    available_zone_ids: ['cn-north-4a', 'cn-north-4b'],
    enterprise_project_id: '0',
    ingress_ip: `192.168.${rng.int(0, 9)}.${rng.int(10, 250)}`,
    eip_address: failed ? '' : `100.85.${rng.int(1, 254)}.${rng.int(1, 254)}`,
    nat_eip_address: failed ? '' : `100.93.${rng.int(1, 254)}.${rng.int(1, 254)}`,
    bandwidth_size: 5,
    instance_version: '22.1.0',
    user_id: rng.hex(32),
    supported_features: ['app_api_key', 'ratelimit', 'real_ip_from_xff', 'sign_basic'],
    restrict_cidrs: ['127.0.0.1/32', '192.168.0.0/24'],
    resource_subnet_cidr: '172.31.0.0/16',
  };
  // The public address is the EIP: one value, so the list (PUBLIC IP) and the detail (EIP) agree.
  inst.eip_address = inst.publicip_address;
  return inst;
}

export function addInstance(state: EmulatorState, inst: Instance): InstanceStore {
  state.instances.set(inst.id, inst);
  const store = new InstanceStore();
  state.stores.set(inst.id, store);
  return store;
}

export function addEnvs(rng: Rng, store: InstanceStore, extra: Array<[string, string]>): Env[] {
  const envs: Env[] = [
    {
      id: RELEASE_ENV_ID,
      name: RELEASE_ENV_NAME,
      remark: '生产环境',
      create_time: isoSeconds(SEED_EPOCH_MS - 200 * 86_400_000),
    },
    ...extra.map(([name, remark], i) => ({
      id: rng.hex(32),
      name,
      remark,
      create_time: isoSeconds(SEED_EPOCH_MS - (150 - i * 10) * 86_400_000),
    })),
  ];
  for (const e of envs) store.data.envs.set(e.id, e);
  return envs;
}

export function makeGroup(rng: Rng, name: string, remark: string, ageDays: number): Group {
  const id = rng.hex(32);
  const t = isoSeconds(SEED_EPOCH_MS - ageDays * 86_400_000);
  return {
    id,
    name,
    status: 1,
    sl_domain: `${id}.apic.cn-north-4.huaweicloudapis.com`,
    sl_domains: [`${id}.apic.cn-north-4.huaweicloudapis.com`, `${id}.apic.cn-north-4.huaweicloudapis.cn`],
    remark,
    register_time: t,
    update_time: t,
    url_domains: [],
    on_sell_status: 2,
    is_default: 2,
    version: 'V1',
    roma_app_id: '',
    roma_app_name: '',
  };
}

export interface ApiSpec {
  name: string;
  method: string;
  uri: string;
  auth: AuthType;
  backend: BackendType;
  groupId: string;
  remark: string;
  backendHost: string;
  authorizerId?: string;
  vpcChannelId?: string;
  ageDays: number;
  mockBody?: string;
}

/** A full API definition: path parameters become PATH req_params mapped to the backend. */
export function makeApi(rng: Rng, s: ApiSpec): ApiDef {
  const id = rng.hex(32);
  const t = isoSeconds(SEED_EPOCH_MS - s.ageDays * 86_400_000);
  const pathParams = [...s.uri.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
  const req_params: ApiDef['req_params'] = pathParams.map((name) => ({
    id: rng.hex(32),
    name,
    type: 'STRING',
    location: 'PATH',
    required: 1,
    valid_enable: 2,
    pass_through: 1,
    sample_value: 'demo-1001',
  }));
  if (s.method === 'GET') {
    req_params.push(
      {
        id: rng.hex(32),
        name: 'limit',
        type: 'NUMBER',
        location: 'QUERY',
        required: 2,
        valid_enable: 1,
        min_num: 1,
        max_num: 100,
        default_value: '20',
        pass_through: 1,
      },
      {
        id: rng.hex(32),
        name: 'X-Tenant-Id',
        type: 'STRING',
        location: 'HEADER',
        required: 2,
        valid_enable: 2,
        pass_through: 1,
      },
    );
  }
  const backend_params = req_params.map((p) => ({
    id: rng.hex(32),
    name: p.name,
    location: p.location,
    origin: 'REQUEST',
    value: p.name,
    req_param_id: p.id,
  }));
  const api: ApiDef = {
    id,
    name: s.name,
    type: 1,
    version: `V${rng.int(1, 3)}.${rng.int(0, 9)}`,
    req_protocol: rng.pick(['HTTPS', 'HTTPS', 'BOTH', 'HTTP']),
    req_method: s.method,
    req_uri: s.uri,
    auth_type: s.auth,
    auth_opt: { app_code_auth_type: s.auth === 'APP' && rng.chance(0.3) ? 'HEADER' : 'DISABLE' },
    cors: rng.chance(0.25),
    match_mode: rng.chance(0.1) ? 'SWA' : 'NORMAL',
    backend_type: s.backend,
    remark: s.remark,
    group_id: s.groupId,
    result_normal_sample: '{"code":0,"data":{}}',
    result_failure_sample: '{"code":1,"message":"error"}',
    tags: rng.chance(0.4) ? [rng.pick(['core', 'partner', 'internal', 'beta'])] : [],
    status: 1,
    arrange_necessary: 2,
    register_time: t,
    update_time: t,
    req_params,
    backend_params,
    policy_https: [],
    policy_functions: [],
    policy_mocks: [],
  };
  if (s.auth === 'AUTHORIZER' && s.authorizerId) api.authorizer_id = s.authorizerId;
  if (s.backend === 'HTTP') {
    const viaVpc = s.vpcChannelId !== undefined;
    api.backend_api = {
      id: rng.hex(32),
      url_domain: viaVpc ? '' : s.backendHost,
      req_protocol: 'HTTP',
      req_method: s.method,
      req_uri: s.uri.replace(/^\/v\d+/, '/echo'),
      timeout: rng.pick([5000, 10000, 30000]),
      enable_client_ssl: false,
      status: 1,
      register_time: t,
      update_time: t,
      vpc_channel_status: viaVpc ? 1 : 2,
      ...(viaVpc
        ? { vpc_channel_info: { vpc_channel_id: s.vpcChannelId as string, vpc_channel_proxy_host: '' } }
        : {}),
    };
  } else if (s.backend === 'FUNCTION') {
    api.func_info = {
      id: rng.hex(32),
      function_urn: `urn:fss:cn-north-4:${DEMO_PROJECT_ID}:function:default:${s.name.replace(/[^a-z0-9]/gi, '-').slice(0, 40)}`,
      invocation_type: rng.chance(0.8) ? 'sync' : 'async',
      version: 'latest',
      timeout: 5000,
      register_time: t,
      status: 1,
      update_time: t,
    };
  } else {
    api.mock_info = {
      id: rng.hex(32),
      result_content: s.mockBody ?? `{"mock":true,"api":"${s.name}"}`,
      register_time: t,
      status: 1,
      update_time: t,
    };
  }
  return api;
}

/** Publishes at a fixed time (seed clock), so versions and publications are deterministic. */
export function seedPublish(
  store: InstanceStore,
  apiId: string,
  envId: string,
  remark: string,
  atMs: number,
  firstVersion = false,
): string {
  return publishApi(store, apiId, envId, remark, atMs, firstVersion).publish_id;
}
