// Message integration (MQS) state of the emulator: per ROMA instance, its MQS instance record, topics with
// their access policies, and one message log per topic partition. Seeded logs are generated on demand from
// (topic seed, partition, offset), so scale:N costs no memory; resent messages are appended as real records.
// Kept beside EmulatorState (a WeakMap keyed by it) so the APIC state and its persistence stay untouched.
import { HOSTILE_STRINGS } from './hostile-strings.ts';
import type { EmulatorState } from './state.ts';

export type AccessPolicy = 'all' | 'pub' | 'sub';

export interface MqsPolicyRec {
  app_id: string;
  app_name: string;
  access_policy: AccessPolicy;
  owner: boolean;
  tag: string;
}

/** How a seeded partition log is generated; `count` messages per partition, the last near `anchorMs`. */
export interface StreamSpec {
  profile: 'orders' | 'billing' | 'telemetry' | 'audit' | 'hostile' | 'none';
  count: number;
  stepMs: number;
  anchorMs: number;
  seed: number;
  /** Producer apps (ids), picked per message. */
  producers: string[];
}

export interface StoredMessage {
  key: string;
  value: string;
  tag: string;
  app_id: string;
  timestamp: number;
  message_id: string;
  /** Where a resent copy came from (the trace of 5.4.2). */
  resent_from?: { partition: number; message_offset: number };
}

export interface MqsTopicRec {
  name: string;
  partition: number;
  replication: number;
  retention_time: number;
  sync_replication: boolean;
  sync_message_flush: boolean;
  app_id: string;
  app_name: string;
  /** What this tenant may do with the topic (5.2.1 example: read, access, delete, modify). */
  permissions: string[];
  description: string;
  sensitive_word: string;
  topic_type: number;
  policies: MqsPolicyRec[];
  stream: StreamSpec;
  /** Per partition: messages after the generated ones (resends), in offset order. */
  appended: StoredMessage[][];
}

export interface ResendRecord {
  topic: string;
  partition: number;
  message_offset: number;
  new_offset: number;
  at: number;
}

export interface MqsInstanceRec {
  /** The 5.1.2 record, served as is (includes the example's quirks, e.g. `partition_num` as a string). */
  wire: Record<string, unknown>;
  maxPartitions: number;
  brokers: number;
  topics: Map<string, MqsTopicRec>;
  /** Integration apps MQS knows besides the instance's APIC apps (created by an import with a prefix). */
  extraApps: Map<string, string>;
  resends: ResendRecord[];
}

const registry = new WeakMap<EmulatorState, Map<string, MqsInstanceRec>>();

/** The MQS instances of an emulator state (ROMA instance id → record); absent ids have no MQS. */
export function mqsOf(state: EmulatorState): Map<string, MqsInstanceRec> {
  let m = registry.get(state);
  if (!m) registry.set(state, (m = new Map()));
  return m;
}

/** Apps a policy may name: the instance's integration apps (APIC 4.16) plus those an import created. */
export function appsOf(state: EmulatorState, instanceId: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of state.stores.get(instanceId)?.data.apps.values() ?? []) out.set(a.id, a.name);
  for (const [id, name] of mqsOf(state).get(instanceId)?.extraApps ?? []) out.set(id, name);
  return out;
}

/** Messages larger than this are "huge" (5.4.1 `huge_message`); their value is left out of window lists. */
export const HUGE_MESSAGE_BYTES = 100 * 1024;

function mix(a: number, b: number, c: number): number {
  let h = (a ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (b + 0x7f4a7c15), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (c + 0x165667b1), 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** 32 hex digits from four differently salted mixes of the message's coordinates. */
function messageId(seed: number, partition: number, offset: number): string {
  let out = '';
  for (let i = 0; i < 4; i++)
    out += mix(seed + i * 7919, partition, offset)
      .toString(16)
      .padStart(8, '0');
  return out;
}

const STATUSES = ['created', 'paid', 'packed', 'shipped', 'delivered', 'cancelled'];
const USERS = ['alice', 'bob', 'carol', 'dave', 'erin'];

/** Value, key and tag of generated message `offset` of `partition`. */
function generate(
  t: MqsTopicRec,
  partition: number,
  offset: number,
): { key: string; value: string; tag: string } {
  const s = t.stream;
  const h = mix(s.seed, partition, offset);
  const seq = offset * t.partition + partition;
  switch (s.profile) {
    case 'orders': {
      const id = 4000 + seq;
      const status = STATUSES[h % STATUSES.length] as string;
      const amount = ((h % 100_000) / 100).toFixed(2);
      return {
        key: `order-${id}`,
        tag: status,
        value: JSON.stringify({
          order_id: id,
          status,
          amount: Number(amount),
          currency: 'CNY',
          customer: `C-${1000 + (h % 900)}`,
        }),
      };
    }
    case 'billing': {
      const id = 4000 + seq;
      return {
        key: `order-${id}`,
        tag: 'invoice',
        value: JSON.stringify({
          invoice: `INV-2026-${String(id).padStart(6, '0')}`,
          order_id: id,
          total: (h % 50_000) / 100,
          lines: 1 + (h % 4),
        }),
      };
    }
    case 'telemetry': {
      const dev = `dev-${String(h % 40).padStart(3, '0')}`;
      if (h % 3 === 0) {
        // a raw binary frame: bytes as code points 0–255, as a Kafka REST proxy hands non-UTF-8 values out
        let v = '';
        for (let i = 0; i < 16; i++) v += String.fromCharCode(mix(h, i, offset) & 0xff);
        return { key: dev, tag: 'raw', value: v };
      }
      return {
        key: dev,
        tag: 'json',
        value: JSON.stringify({ device: dev, temp: 15 + (h % 200) / 10, humidity: h % 100, seq }),
      };
    }
    case 'audit': {
      const user = USERS[h % USERS.length] as string;
      return { key: '', tag: 'audit', value: `user ${user} signed in from 10.0.${h % 255}.${offset % 255}` };
    }
    case 'hostile': {
      if (offset % 17 === 5)
        return { key: 'huge', tag: 'bulk', value: 'x'.repeat(HUGE_MESSAGE_BYTES + 4096) };
      const pick = HOSTILE_STRINGS[seq % HOSTILE_STRINGS.length] as string;
      const asJson = offset % 2 === 0;
      return {
        key: HOSTILE_STRINGS[(seq + 3) % HOSTILE_STRINGS.length] as string,
        tag: offset % 3 === 0 ? `\u001b[31mtag\u001b[0m` : 'inbox',
        value: asJson ? JSON.stringify({ note: pick, n: seq }) : pick,
      };
    }
    case 'none':
      return { key: '', tag: '', value: '' };
  }
}

/** Offsets of seeded messages run 0..count-1; their times rise by stepMs with a jitter under half a step. */
function generatedTime(t: MqsTopicRec, partition: number, offset: number): number {
  const s = t.stream;
  const jitter = mix(s.seed + 1, partition, offset) % Math.max(1, Math.floor(s.stepMs / 2));
  return s.anchorMs - (s.count - 1 - offset) * s.stepMs + jitter;
}

export function endOffset(t: MqsTopicRec, partition: number): number {
  return t.stream.count + (t.appended[partition]?.length ?? 0);
}

export function timeAt(t: MqsTopicRec, partition: number, offset: number): number {
  if (offset < t.stream.count) return generatedTime(t, partition, offset);
  return (t.appended[partition]?.[offset - t.stream.count] as StoredMessage).timestamp;
}

export function messageAt(t: MqsTopicRec, partition: number, offset: number): StoredMessage | undefined {
  if (partition < 0 || partition >= t.partition || offset < 0 || offset >= endOffset(t, partition))
    return undefined;
  if (offset >= t.stream.count) return t.appended[partition]?.[offset - t.stream.count];
  const g = generate(t, partition, offset);
  const h = mix(t.stream.seed + 2, partition, offset);
  const producers = t.stream.producers;
  // one message in 23 came from outside any integration app
  const app = producers.length === 0 || h % 23 === 0 ? '' : (producers[h % producers.length] as string);
  return {
    ...g,
    app_id: app,
    timestamp: generatedTime(t, partition, offset),
    message_id: messageId(t.stream.seed + 3, partition, offset),
  };
}

/** First offset whose time is ≥ ms (binary search; times rise with the offset). */
export function lowerBound(t: MqsTopicRec, partition: number, ms: number): number {
  let lo = 0;
  let hi = endOffset(t, partition);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timeAt(t, partition, mid) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The oldest offset still kept: messages older than the retention time are gone (5.2.2 `retention_time`). */
export function firstRetained(t: MqsTopicRec, partition: number, nowMs: number): number {
  return lowerBound(t, partition, nowMs - t.retention_time * 3_600_000);
}

export function byteSize(m: StoredMessage): number {
  return Buffer.byteLength(m.value, 'utf8') + Buffer.byteLength(m.key, 'utf8');
}

/** Appends a copy of a message to its partition (5.4.2); returns the new offset. */
export function appendResend(
  inst: MqsInstanceRec,
  t: MqsTopicRec,
  partition: number,
  offset: number,
  nowMs: number,
): number {
  const m = messageAt(t, partition, offset) as StoredMessage;
  const end = endOffset(t, partition);
  const last = end > 0 ? timeAt(t, partition, end - 1) : 0;
  const copy: StoredMessage = {
    key: m.key,
    value: m.value,
    tag: m.tag,
    app_id: m.app_id,
    message_id: m.message_id,
    timestamp: Math.max(nowMs, last),
    resent_from: { partition, message_offset: offset },
  };
  (t.appended[partition] ??= []).push(copy);
  inst.resends.push({
    topic: t.name,
    partition,
    message_offset: offset,
    new_offset: end,
    at: copy.timestamp,
  });
  return end;
}

/** Whether `appId` may publish to the topic (its policy is `pub` or `all`). */
export function canPublish(t: MqsTopicRec, appId: string): boolean {
  return t.policies.some(
    (p) => p.app_id === appId && (p.access_policy === 'pub' || p.access_policy === 'all'),
  );
}

export function usedPartitions(inst: MqsInstanceRec): number {
  let n = 0;
  for (const t of inst.topics.values()) n += t.partition;
  return n;
}

export function emptyStream(nowMs: number): StreamSpec {
  return { profile: 'none', count: 0, stepMs: 60_000, anchorMs: nowMs, seed: 0, producers: [] };
}

/** MQS part of a `--state` file: instances with their topics, policies, streams and resent messages. */
export interface PersistedMqs {
  [instanceId: string]: Omit<MqsInstanceRec, 'topics' | 'extraApps'> & {
    topics: MqsTopicRec[];
    extraApps: Array<[string, string]>;
  };
}

export function serializeMqs(state: EmulatorState): PersistedMqs {
  const out: PersistedMqs = {};
  for (const [id, rec] of mqsOf(state)) {
    out[id] = { ...rec, topics: [...rec.topics.values()], extraApps: [...rec.extraApps] };
  }
  return out;
}

export function restoreMqs(state: EmulatorState, saved: PersistedMqs | undefined): void {
  const m = mqsOf(state);
  for (const [id, rec] of Object.entries(saved ?? {})) {
    m.set(id, {
      ...rec,
      topics: new Map(rec.topics.map((t) => [t.name, t])),
      extraApps: new Map(rec.extraApps),
    });
  }
}
