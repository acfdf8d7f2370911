// MQS seed: the running instances get message integration with a handful of realistic topics and traffic
// (orders, invoices, telemetry with binary frames, an audit log the tenant may not delete, a partner inbox
// of hostile values); frozen instances have none. Message times end near `nowMs`, so "the last 15 minutes"
// always finds traffic. scale:N gives each partition N messages. Deterministic for a given `nowMs`.
import { HOSTILE_STRINGS } from '../hostile-strings.ts';
import type { Instance } from '../model.ts';
import {
  mqsOf,
  type AccessPolicy,
  type MqsInstanceRec,
  type MqsPolicyRec,
  type MqsTopicRec,
  type StreamSpec,
} from '../mqs-state.ts';
import type { EmulatorState } from '../state.ts';
import { Rng } from './build.ts';

const DAY_MS = 86_400_000;

function mqsInstanceWire(inst: Instance, rng: Rng, nodeIps: string[]): Record<string, unknown> {
  const kafka = nodeIps.map((ip) => `${ip}:9093`).join(',');
  return {
    name: `romamqs_${inst.id}`,
    description: 'roma-mqs',
    engine: 'kafka',
    engine_version: '1.1.0',
    specification: '300MB',
    storage_space: 490,
    total_storage_space: 600,
    used_storage_space: 25 + rng.int(0, 200),
    // the examples send this Integer field as a string: so does the emulator, to keep clients honest
    partition_num: '300',
    connect_address: nodeIps.join(','),
    port: 9093,
    status: 'RUNNING',
    instance_id: inst.id,
    resource_spec_code: 'dms.instance.kafka.cluster.c3.small.2',
    charging_mode: 1,
    vpc_id: inst.vpc_id,
    vpc_name: 'vpc-roma',
    created_at: String(inst.create_time),
    user_id: inst.user_id,
    user_name: 'demo_user',
    maintain_begin: inst.maintain_begin,
    maintain_end: inst.maintain_end,
    enable_publicip: inst.publicip_enable,
    publicip_address: inst.publicip_address,
    public_connect_address: inst.publicip_enable ? `${inst.publicip_address}:9094` : '',
    ssl_enable: true,
    enterprise_project_id: inst.enterprise_project_id,
    is_logical_volume: true,
    extend_times: 0,
    enable_auto_topic: false,
    type: 'cluster',
    product_id: '00300-30308-0--0',
    security_group_id: inst.security_group_id,
    security_group_name: 'sg-roma',
    subnet_id: inst.subnet_id,
    available_zones: inst.available_zone_ids,
    storage_spec_code: 'dms.physical.storage.normal',
    service_type: 'advanced',
    storage_type: 'hec',
    retention_policy: 'produce_reject',
    ipv6_enable: false,
    ipv6_connect_addresses: [],
    connector_enable: false,
    // the example's spelling of mqs_connector_enable / _address (C1)
    mq5_connector_enable: true,
    mq5_connector_address: `${nodeIps[0]}:9776;${nodeIps[1]}:9776`,
    rest_enable: true,
    rest_connect_address: `https://${nodeIps[0]}:9292`,
    message_query_inst_enable: true,
    vpc_client_plain: false,
    support_features: 'feature.physerver.kafka.topic.accesspolicy,message_trace_enable,roma_app_enable',
    trace_enable: false,
    kafka_private_connect_address: kafka,
    access_user: `mqs-gen-user-${inst.create_time}`,
    node_num: nodeIps.length,
    listeners: nodeIps.map((ip, i) => ({
      name: `mqs-kafka-${i}`,
      port: 9095 + i,
      backend: { ip: [ip], port: 9095 + i, health_check: { protocol: 'TCP_CHECK', port: 9093, param: null } },
    })),
  };
}

interface TopicSeed {
  name: string;
  partitions: number;
  profile: StreamSpec['profile'];
  retention?: number;
  description: string;
  permissions?: string[];
  /** [app index, policy, tag]; the first is the owner. */
  policies: Array<[number, AccessPolicy, string]>;
  /** App indexes that produced the traffic (an app that lost publish rights since is kept on purpose). */
  producers: number[];
}

const DEMO_TOPICS: TopicSeed[] = [
  {
    name: 'order-events',
    partitions: 3,
    profile: 'orders',
    description: 'Order lifecycle events from the shop front',
    policies: [
      [0, 'all', 'created || paid&shipped'],
      [1, 'pub', ''],
      [4, 'sub', ''],
      [7, 'sub', ''],
    ],
    producers: [0, 1, 7],
  },
  {
    name: 'billing-invoices',
    partitions: 2,
    profile: 'billing',
    description: 'Invoices produced by billing for each paid order',
    policies: [
      [5, 'all', 'invoice'],
      [4, 'sub', ''],
    ],
    producers: [5],
  },
  {
    name: 'iot-telemetry',
    partitions: 6,
    profile: 'telemetry',
    retention: 24,
    description: 'Raw device frames and decoded readings',
    policies: [
      [6, 'pub', 'raw || json'],
      [4, 'sub', ''],
    ],
    producers: [6],
  },
  {
    name: 'audit-log',
    partitions: 1,
    profile: 'audit',
    retention: 720,
    description: 'Sign-in audit trail (managed by the security team: read and access only)',
    permissions: ['read', 'access'],
    policies: [[4, 'all', '']],
    producers: [4],
  },
  {
    name: 'partner-inbox',
    partitions: 2,
    profile: 'hostile',
    description: 'Free-form messages from partners (untrusted content)',
    policies: [
      [2, 'all', ''],
      [3, 'pub', ''],
    ],
    producers: [2, 3],
  },
  {
    name: 'dead-letters',
    partitions: 3,
    profile: 'none',
    description: 'Messages that could not be delivered',
    policies: [[5, 'all', '']],
    producers: [],
  },
];

const ENTERPRISE_TOPICS: TopicSeed[] = [
  {
    name: 'erp-sync',
    partitions: 2,
    profile: 'orders',
    description: 'ERP synchronisation feed',
    policies: [[0, 'all', '']],
    producers: [0],
  },
  {
    name: 'hr-events',
    partitions: 1,
    profile: 'audit',
    description: 'HR portal events',
    policies: [[1, 'pub', '']],
    producers: [1],
  },
];

function buildTopic(
  s: TopicSeed,
  apps: Array<[string, string]>,
  seed: number,
  count: number,
  nowMs: number,
): MqsTopicRec {
  const app = (i: number): [string, string] => apps[i % apps.length] as [string, string];
  const policies: MqsPolicyRec[] = s.policies.map(([ai, access_policy, tag], i) => ({
    app_id: app(ai)[0],
    app_name: app(ai)[1],
    access_policy,
    owner: i === 0,
    tag,
  }));
  const owner = policies[0] as MqsPolicyRec;
  const retention = s.retention ?? 72;
  // the log spans most of a day (within the retention time), its last message a few seconds ago
  const spanMs = Math.min(retention * 3_600_000 * 0.9, DAY_MS);
  const n = s.profile === 'none' ? 0 : count;
  const stepMs = n > 1 ? Math.max(1, Math.floor(spanMs / n)) : 60_000;
  return {
    name: s.name,
    partition: s.partitions,
    replication: 3,
    retention_time: retention,
    sync_replication: false,
    sync_message_flush: false,
    app_id: owner.app_id,
    app_name: owner.app_name,
    permissions: s.permissions ?? ['read', 'access', 'delete', 'modify'],
    description: s.description,
    sensitive_word: '',
    topic_type: 0,
    policies,
    stream: {
      profile: s.profile,
      count: n,
      stepMs,
      // the jitter adds up to half a step: the newest message is never in the future
      anchorMs: nowMs - Math.ceil(stepMs / 2) - 1_000 - (seed % 7) * 1000,
      seed,
      producers: s.producers.map((i) => app(i)[0]),
    },
    appended: Array.from({ length: s.partitions }, () => []),
  };
}

function enable(
  state: EmulatorState,
  inst: Instance,
  topics: TopicSeed[],
  count: number,
  nowMs: number,
  rng: Rng,
): void {
  const store = state.stores.get(inst.id);
  let apps: Array<[string, string]> = [...(store?.data.apps.values() ?? [])].map((a) => [a.id, a.name]);
  const extraApps = new Map<string, string>();
  if (apps.length === 0) {
    // an instance without APIC apps (scale seed) still needs integration apps for its policies
    apps = ['mqs_producer', 'mqs_consumer', 'mqs_audit'].map((name) => [rng.hex(32), name]);
    for (const [id, name] of apps) extraApps.set(id, name);
  }
  const base = 10 + rng.int(0, 200);
  const nodeIps = [0, 1, 2].map((i) => `192.168.${1 + i}.${base + i}`);
  const rec: MqsInstanceRec = {
    wire: mqsInstanceWire(inst, rng, nodeIps),
    maxPartitions: 300,
    brokers: nodeIps.length,
    topics: new Map(),
    extraApps,
    resends: [],
  };
  topics.forEach((t, i) => {
    rec.topics.set(t.name, buildTopic(t, apps, 1000 + i * 7919 + rng.int(0, 999), count, nowMs));
  });
  mqsOf(state).set(inst.id, rec);
}

export type MqsSeedKind = 'demo' | 'hostile' | { scale: number } | 'empty';

/** Gives the running instances of `state` message integration. */
export function seedMqs(state: EmulatorState, kind: MqsSeedKind, nowMs: number): void {
  if (kind === 'empty') return;
  const rng = new Rng(4711);
  const running = [...state.instances.values()].filter((i) => i.status === 'RUNNING');
  if (typeof kind === 'object') {
    const perPartition = Math.max(200, Math.floor(kind.scale));
    const scaled: TopicSeed[] = DEMO_TOPICS.map((t) => ({ ...t, permissions: undefined }) as TopicSeed);
    for (const inst of running) enable(state, inst, scaled, perPartition, nowMs, rng);
    return;
  }
  running.forEach((inst, i) =>
    enable(state, inst, i === 0 ? DEMO_TOPICS : ENTERPRISE_TOPICS, 480, nowMs, rng),
  );
  if (kind === 'hostile') {
    // topic fields are tenant text too: descriptions, sensitive words and tags carry the hostile strings
    for (const rec of mqsOf(state).values()) {
      [...rec.topics.values()].forEach((t, i) => {
        t.description = HOSTILE_STRINGS[i % HOSTILE_STRINGS.length] as string;
        t.sensitive_word = HOSTILE_STRINGS[(i + 5) % HOSTILE_STRINGS.length] as string;
        for (const p of t.policies) p.tag = HOSTILE_STRINGS[(i + 9) % HOSTILE_STRINGS.length] as string;
      });
    }
  }
}
