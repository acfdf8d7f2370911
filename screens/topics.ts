// `:topics` — the message-integration topics of the current instance (5.2.1): partitions, replicas,
// retention, the tenant's permissions and which apps may publish/subscribe (5.3.2, per visible row).
// Enter opens the topic's messages (last hour); the detail shows the access policy per app.
import { isMqsNotEnabled } from '../src/api/mqs/not-enabled.ts';
import { RomaError } from '../src/api/errors.ts';
import type { MqsTopic, MqsTopicAccess } from '../src/api/types/mqs.ts';
import { accessWords } from '../src/actions/mqs.ts';
import { countColumn, fields, str, table } from './format.ts';
import { mqsViews, preloadViews } from './family-views.ts';
import { DEFAULT_WINDOW } from './mqs-window.ts';
import { definePart, defineResource, type FetchContext } from './types.ts';

export const TOPIC_ACCESS_COUNT = 'topics.accessCount';

/** Short form of a topic's permissions for this tenant: r(ead) a(ccess) d(elete) m(odify). */
export function permLetters(p: readonly string[] | undefined): string {
  const has = (x: string) => (p ?? []).includes(x);
  return `${has('read') ? 'r' : '-'}${has('access') ? 'a' : '-'}${has('delete') ? 'd' : '-'}${has('modify') ? 'm' : '-'}`;
}

/** The service's "instance does not exist" for an instance without MQS, said plainly. */
export function explainNotEnabled(e: unknown, instanceId: string): never {
  if (isMqsNotEnabled(e)) {
    const r = e as RomaError;
    throw new RomaError({
      kind: 'http',
      method: r.method,
      path: r.path,
      status: r.status,
      errorCode: r.errorCode,
      errorMsg: `message integration is not enabled on instance ${instanceId}`,
      hint: 'This instance has no MQS (5.1.2 answers 404 MQS.00404022): pick another one with :ctx, or see :mqs.',
      ...(r.requestId ? { requestId: r.requestId } : {}),
    });
  }
  throw e;
}

export async function listTopics(ctx: FetchContext): Promise<MqsTopic[]> {
  const id = ctx.instanceId as string;
  try {
    const mqs = await preloadViews(mqsViews, ctx.client.instance(id).mqs());
    const page = await mqs.topics.list({}, { signal: ctx.signal });
    if (page.warnings) ctx.warn?.(page.warnings);
    return page.topics;
  } catch (e) {
    return explainNotEnabled(e, id);
  }
}

export async function accessOf(ctx: FetchContext, topic: string): Promise<MqsTopicAccess> {
  const mqs = await ctx.client.instance(ctx.instanceId as string).mqs();
  return mqs.topics.access(topic, {}, { signal: ctx.signal, ...(ctx.warn ? { onWarnings: ctx.warn } : {}) });
}

export const topicsScreen = defineResource<MqsTopic>({
  id: 'topics',
  title: 'Topics',
  aliases: ['topic', 'mqs-topics'],
  instanceScoped: true,
  columns: [
    { id: 'name', title: 'NAME', minWidth: 16, get: (r) => r.name },
    countColumn('partitions', 'PARTS', 5, (r) => r.partition),
    countColumn('replicas', 'REPL', 4, (r) => r.replication),
    countColumn(
      'retention',
      'RETAIN',
      6,
      (r) => r.retention_time,
      (v) => (v === undefined ? '—' : `${v}h`),
    ),
    { id: 'perm', title: 'PERM', width: 4, get: (r) => permLetters(r.permissions) },
    { id: 'owner', title: 'OWNER APP', minWidth: 12, maxWidth: 24, get: (r) => str(r.app_name) },
    {
      id: 'apps',
      title: 'APPS',
      width: 4,
      align: 'right',
      get: () => '…',
      lazy: {
        family: TOPIC_ACCESS_COUNT,
        fetch: async (ctx, r) => (await accessOf(ctx, r.name)).total,
      },
    },
    { id: 'description', title: 'DESCRIPTION', minWidth: 10, get: (r) => str(r.description) },
  ],
  idOf: (r) => r.name,
  nameOf: (r) => r.name,
  list: listTopics,
  enter: (r) => ({
    screen: 'messages',
    params: { topic: r.name, window: DEFAULT_WINDOW },
    label: `${r.name} messages`,
  }),
  summary: (r) => [
    {
      title: 'Topic',
      blocks: [
        fields(
          ['name', r.name],
          ['partitions', r.partition],
          ['replicas', r.replication],
          ['retention', r.retention_time === undefined ? undefined : `${r.retention_time} hours`],
          ['sync replication', r.sync_replication],
          ['sync flush', r.sync_message_flush],
          ['owner app', r.app_name ? `${r.app_name} (${r.app_id ?? '?'})` : r.app_id],
          ['permissions', r.permissions],
          ['description', r.description],
          ['sensitive words', r.sensitive_word],
        ),
      ],
    },
  ],
  overviewParts: ['access'],
  parts: [
    definePart<MqsTopic, MqsTopicAccess>({
      id: 'access',
      title: 'Access',
      fetch: (ctx, r) => accessOf(ctx, r.name),
      render: (a) => [
        {
          title: `Access policy per app (${a.total})`,
          blocks: [
            table(
              ['APP', 'ACCESS', 'OWNER', 'TAGS', 'APP ID'],
              a.policies.map((p) => [
                p.app_name,
                accessWords(p.access_policy ?? ''),
                p.owner ? 'owner' : '',
                p.tag,
                p.user_name,
              ]),
              'no app may publish or subscribe',
            ),
          ],
        },
      ],
    }),
  ],
});
