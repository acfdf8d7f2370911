// Message-integration mutations (section 5): resend messages, grant/revoke a topic's access for an app,
// delete topics, import topics. Their confirmation texts, audit subjects and steps; the generic runner
// (execute.ts) and store (mutations.ts) treat them like the gateway's actions.
import type { MqsClient } from '../api/mqs/client.ts';
import type { MqsDeleteResult, MqsPolicyWrite, MqsResend } from '../api/types/mqs.ts';
import type { Confirmation } from './confirm.ts';
import { toActionError } from './errors.ts';
import { isRomaError } from '../api/errors.ts';
import type { Sent } from './port.ts';
import type { AppRef, ItemResult } from './types.ts';

/** One message by its coordinates; `key` only names it in texts; `messageId` finds its resent copy. */
export interface MessageRef {
  topic: string;
  partition: number;
  offset: number;
  key: string;
  messageId?: string;
}

export type MqsAction =
  | { kind: 'resend-messages'; messages: MessageRef[] }
  /** `policies`: the topic's whole new list (5.3.1 replaces it), with the app's new access in it. */
  | { kind: 'grant-topic-access'; topic: string; app: AppRef; access: string; policies: MqsPolicyWrite[] }
  | { kind: 'revoke-topic-access'; topic: string; app: AppRef; policies: MqsPolicyWrite[] }
  | { kind: 'delete-topics'; topics: string[] }
  | { kind: 'import-topics'; file: string; text: string; mode: 'AddNew' | 'Merge'; names: string[] };

export type MqsKind = MqsAction['kind'];

const KINDS: ReadonlySet<string> = new Set<MqsKind>([
  'resend-messages',
  'grant-topic-access',
  'revoke-topic-access',
  'delete-topics',
  'import-topics',
]);

export function isMqsAction(a: { kind: string }): a is MqsAction {
  return KINDS.has(a.kind);
}

/** The calls the MQS steps need; `client-port.ts` adapts the MQS client to it. */
export interface MqsPort {
  resend(m: MqsResend): Promise<Sent<MqsResend>>;
  setAccess(topic: string, policies: MqsPolicyWrite[]): Promise<Sent<void>>;
  deleteTopics(names: string[]): Promise<Sent<MqsDeleteResult[]>>;
  importTopics(text: string, file: string, mode: 'AddNew' | 'Merge'): Promise<Sent<void>>;
}

/** `mqs`: the instance's MQS client, loaded on first use (`InstanceClient.mqs()`). */
export function mqsPort(
  mqs: () => Promise<MqsClient>,
  sent: <T>(p: Promise<T>) => Promise<Sent<T>>,
): MqsPort {
  return {
    resend: (m) => sent(mqs().then((c) => c.messages.resend(m))),
    setAccess: (topic, policies) => sent(mqs().then((c) => c.topics.setAccess([{ name: topic, policies }]))),
    deleteTopics: (names) => sent(mqs().then((c) => c.topics.removeMany(names))),
    importTopics: (text, file, mode) => sent(mqs().then((c) => c.topics.importFile(text, file, { mode }))),
  };
}

/** The reads that say what is true after an MQS change whose answer could not be read. */
export interface MqsReadPort {
  topicNames(): Promise<string[]>;
  /** The apps with access to a topic and what they may do. */
  access(topic: string): Promise<Array<{ appId: string; appName: string; access: string }>>;
  /** Offsets of the messages of a partition since `sinceMs` that carry `messageId` (a resent copy). */
  copiesSince(topic: string, partition: number, messageId: string, sinceMs: number): Promise<number[]>;
}

export function mqsReadPort(mqs: () => Promise<MqsClient>, now: () => number = Date.now): MqsReadPort {
  return {
    topicNames: async () => (await (await mqs()).topics.list()).topics.map((t) => t.name),
    access: async (topic) =>
      (await (await mqs()).topics.access(topic)).policies.map((p) => ({
        appId: p.user_name ?? '',
        appName: p.app_name ?? p.user_name ?? '',
        access: p.access_policy ?? '',
      })),
    async copiesSince(topic, partition, messageId, sinceMs) {
      const page = await (
        await mqs()
      ).messages.query({ topic, start_time: sinceMs, end_time: now(), limit: 100 });
      return page.messages
        .filter((m) => m.partition === partition && m.message_id === messageId)
        .map((m) => m.message_offset);
    },
  };
}

/** Minutes back a re-read looks for the copy of a resend whose answer was lost. */
const RESEND_LOOKBACK_MS = 10 * 60_000;

async function reread(what: string, read: () => Promise<string>): Promise<string> {
  try {
    return await read();
  } catch (err) {
    const e = toActionError(err);
    return `${what}: could not re-read (${e.code} ${e.message}); refresh with r`;
  }
}

/** One line per object the MQS action touched, saying what the service holds now. */
export async function mqsReadBack(
  port: MqsReadPort | undefined,
  a: MqsAction,
  now: () => number = Date.now,
): Promise<string[]> {
  if (!port) return ['message integration cannot be re-read on this connection; refresh with r'];
  switch (a.kind) {
    case 'resend-messages':
      return Promise.all(
        a.messages.map((m) =>
          reread(msgLabel(m), async () => {
            if (!m.messageId)
              return `${msgLabel(m)}: no message id to look for its copy; search the topic with w`;
            const found = (
              await port.copiesSince(m.topic, m.partition, m.messageId, now() - RESEND_LOOKBACK_MS)
            ).filter((o) => o !== m.offset);
            return found.length > 0
              ? `${msgLabel(m)}: a copy is at p${m.partition}@${found.join(', @')} (it was resent)`
              : `${msgLabel(m)}: no copy in the last 10 minutes (it was not resent)`;
          }),
        ),
      );
    case 'grant-topic-access':
    case 'revoke-topic-access':
      return [
        await reread(`${a.app.name} on ${a.topic}`, async () => {
          const p = (await port.access(a.topic)).find((x) => x.appId === a.app.id);
          return p
            ? `${a.app.name} has ${accessWords(p.access)} on ${a.topic}`
            : `${a.app.name} has no access to ${a.topic}`;
        }),
      ];
    case 'delete-topics':
    case 'import-topics': {
      const names = a.kind === 'delete-topics' ? a.topics : a.names;
      const line = await reread('topics', async () => {
        const have = new Set(await port.topicNames());
        return names.map((n) => `${n} ${have.has(n) ? 'exists' : 'does not exist'}`).join('; ');
      });
      return [line];
    }
  }
}

export const msgLabel = (m: MessageRef): string =>
  `${m.topic} p${m.partition}@${m.offset}${m.key ? ` (${m.key})` : ''}`;

const MAX_LISTED = 8;
function listed(names: string[]): string[] {
  const shown = names.slice(0, MAX_LISTED).map((n) => `• ${n}`);
  if (names.length > MAX_LISTED) shown.push(`… and ${names.length - MAX_LISTED} more`);
  return shown;
}
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export function describeMqs(a: MqsAction): Confirmation {
  switch (a.kind) {
    case 'resend-messages': {
      const topics = [...new Set(a.messages.map((m) => m.topic))].join(', ');
      return {
        title: 'Resend messages',
        effect: `${plural(a.messages.length, 'message')} of topic ${topics} ${a.messages.length === 1 ? 'is' : 'are'} published again: consumers receive ${a.messages.length === 1 ? 'it' : 'them'} a second time`,
        details: listed(a.messages.map(msgLabel)),
        destructive: true,
      };
    }
    case 'grant-topic-access':
      return {
        title: 'Grant topic access',
        effect: `App ${a.app.name} gets ${accessWords(a.access)} on topic ${a.topic}`,
        details: [],
        destructive: false,
      };
    case 'revoke-topic-access':
      return {
        title: 'Revoke topic access',
        effect: `App ${a.app.name} can no longer publish to or subscribe to topic ${a.topic}`,
        details: [],
        destructive: true,
      };
    case 'delete-topics':
      return {
        title: 'Delete topics',
        effect: `${plural(a.topics.length, 'topic')} and every message in them are deleted for good`,
        details: listed(a.topics),
        destructive: true,
      };
    case 'import-topics':
      return {
        title: 'Import topics',
        effect:
          a.mode === 'Merge'
            ? `${plural(a.names.length, 'topic')} from ${a.file} are created, or merged into the existing ones (their settings are overwritten)`
            : `${plural(a.names.length, 'topic')} from ${a.file} are created (refused if any exists)`,
        details: listed(a.names),
        destructive: a.mode === 'Merge',
      };
  }
}

export function accessWords(access: string): string {
  return access === 'all'
    ? 'publish + subscribe'
    : access === 'pub'
      ? 'publish'
      : access === 'sub'
        ? 'subscribe'
        : access;
}

export function mqsSubject(a: MqsAction): { object: string; env: string } {
  switch (a.kind) {
    case 'resend-messages':
      return {
        object: `messages:${a.messages.map((m) => `${m.topic}/${m.partition}@${m.offset}`).join(',')}`,
        env: 'mqs',
      };
    case 'grant-topic-access':
      return { object: `topic:${a.topic} app:${a.app.name}(${a.app.id}) access:${a.access}`, env: 'mqs' };
    case 'revoke-topic-access':
      return { object: `topic:${a.topic} app:${a.app.name}(${a.app.id})`, env: 'mqs' };
    case 'delete-topics':
      return { object: `topics:${a.topics.join(',')}`, env: 'mqs' };
    case 'import-topics':
      return { object: `import:${a.file} mode:${a.mode} topics:${a.names.join(',')}`, env: 'mqs' };
  }
}

export interface MqsStep {
  label: string;
  run: () => Promise<{ items: ItemResult[]; requestId?: string }>;
}

const withId = <T>(s: Sent<T>, items: ItemResult[]) =>
  s.requestId ? { items, requestId: s.requestId } : { items };

/** Steps of an MQS action. Each resend is its own step and reports its own result: one refusal does not stop the rest. */
export function mqsSteps(port: MqsPort | undefined, a: MqsAction): MqsStep[] {
  const need = (): MqsPort => {
    if (!port) throw new Error('message integration is not available on this connection');
    return port;
  };
  switch (a.kind) {
    case 'resend-messages':
      return a.messages.map((m) => ({
        label: `resend ${msgLabel(m)}`,
        async run() {
          const id = `${m.topic}/${m.partition}@${m.offset}`;
          try {
            const s = await need().resend({
              topic: m.topic,
              partition: m.partition,
              message_offset: m.offset,
            });
            return withId(s, [{ label: msgLabel(m), id, ok: true, detail: 'published again' }]);
          } catch (e) {
            // an answer that could not be read may hide a resend that happened: stop and re-read, never "failed"
            if (isRomaError(e) && e.outcome === 'unknown') throw e;
            const err = toActionError(e);
            return {
              items: [{ label: msgLabel(m), id, ok: false, errorCode: err.code, errorMsg: err.message }],
              ...(err.requestId ? { requestId: err.requestId } : {}),
            };
          }
        },
      }));
    case 'grant-topic-access':
    case 'revoke-topic-access':
      return [
        {
          label: `${a.kind === 'grant-topic-access' ? 'grant' : 'revoke'} ${a.app.name} on ${a.topic}`,
          async run() {
            const s = await need().setAccess(a.topic, a.policies);
            return withId(s, [{ label: `${a.app.name} on ${a.topic}`, id: a.app.id, ok: true }]);
          },
        },
      ];
    case 'delete-topics':
      return [
        {
          label: `delete ${plural(a.topics.length, 'topic')}`,
          async run() {
            const s = await need().deleteTopics(a.topics);
            const byName = new Map(s.data.map((r) => [r.id, r.success]));
            const items = a.topics.map((t): ItemResult =>
              byName.get(t) === true
                ? { label: t, id: t, ok: true }
                : {
                    label: t,
                    id: t,
                    ok: false,
                    errorCode: 'NOT_DELETED',
                    errorMsg: byName.has(t)
                      ? 'The service did not delete this topic (no delete permission, or it no longer exists)'
                      : 'The service answered without this topic',
                  },
            );
            return withId(s, items);
          },
        },
      ];
    case 'import-topics':
      return [
        {
          label: `import ${a.file}`,
          async run() {
            const s = await need().importTopics(a.text, a.file, a.mode);
            return withId(
              s,
              a.names.map((n) => ({ label: n, id: n, ok: true })),
            );
          },
        },
      ];
  }
}
