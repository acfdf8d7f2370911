// `:messages` on a topic (5.4.1): the window (params.window: `15m`, `2h`, an absolute range, or
// `p0@237`) is resolved when the list is fetched, so a refresh moves a relative window to now. The list
// pages through the window newest first (at most MAX_ROWS); the detail is the message viewer, and its
// Value tab reads the whole value by partition + offset (huge messages come without it in a window).
import type { MqsMessage, MqsMessageQuery } from '../src/api/types/mqs.ts';
import { DASH, fields, str } from './format.ts';
import { DEFAULT_WINDOW, parseSearch, searchQuery } from './mqs-window.ts';
import { previewValue, renderValue, valueKind } from './mqs-value.ts';
import { accessOf, explainNotEnabled } from './topics.ts';
import { definePart, defineResource, type FetchContext } from './types.ts';

/** Rows a window shows at most; the status line says when the window holds more. */
export const MAX_ROWS = 1000;
const PAGE = 100;

/** A message row with its producing app's name (from the topic's access policy, when it has one). */
export interface MessageRow extends MqsMessage {
  app_name?: string;
}

export function messageId(m: Pick<MqsMessage, 'partition' | 'message_offset'>): string {
  return `${m.partition}@${m.message_offset}`;
}

function utcTime(ms: number | undefined): string {
  if (ms === undefined) return DASH;
  return new Date(ms).toISOString().replace('T', ' ').replace(/Z$/, 'Z');
}

async function appNames(ctx: FetchContext, topic: string): Promise<Map<string, string>> {
  try {
    const a = await accessOf(ctx, topic);
    return new Map(a.policies.map((p) => [p.user_name ?? '', p.app_name ?? '']));
  } catch {
    // names are a nicety: without them the list shows app ids
    return new Map();
  }
}

export async function listMessages(ctx: FetchContext, nowMs: number = Date.now()): Promise<MessageRow[]> {
  const topic = ctx.params['topic'];
  if (!topic) {
    // reached through the palette: messages belong to a topic, which :topics chooses
    ctx.warn?.(['no topic chosen: open :topics and press Enter on one (w searches its messages)']);
    return [];
  }
  const search = parseSearch(ctx.params['window'] ?? DEFAULT_WINDOW, nowMs);
  const mqs = ctx.client.instance(ctx.instanceId as string).mqs;
  const names = appNames(ctx, topic);
  const out: MqsMessage[] = [];
  try {
    for (let offset = 0; offset < MAX_ROWS; offset += PAGE) {
      const q: MqsMessageQuery = searchQuery(topic, search, { offset, limit: PAGE });
      const page = await mqs.messages.query(q, { signal: ctx.signal });
      if (page.warnings) ctx.warn?.(page.warnings);
      out.push(...page.messages);
      if (search.kind === 'offset' || page.messages.length < PAGE || out.length >= page.total) {
        if (page.total > out.length && search.kind === 'window') {
          ctx.warn?.([
            `the window holds ${page.total} messages; showing the newest ${out.length}: narrow it with w`,
          ]);
        }
        break;
      }
      // the rows so far while the next page loads (app names follow with the whole list)
      ctx.onPage?.(out.slice(), { loaded: out.length, total: Math.min(page.total, MAX_ROWS) });
    }
  } catch (e) {
    return explainNotEnabled(e, ctx.instanceId as string);
  }
  const byId = await names;
  return out.map((m) => ({
    ...m,
    ...(m.app_id && byId.get(m.app_id) ? { app_name: byId.get(m.app_id) } : {}),
  }));
}

function appLabel(r: MessageRow): string {
  if (r.app_name) return r.app_name;
  if (r.app_id) return r.app_id.slice(0, 8);
  return DASH;
}

export const messagesScreen = defineResource<MessageRow>({
  id: 'messages',
  title: 'Messages',
  aliases: ['msgs', 'message'],
  instanceScoped: true,
  columns: [
    {
      id: 'partition',
      title: 'P',
      width: 3,
      align: 'right',
      get: (r) => String(r.partition),
      sortValue: (r) => r.partition,
    },
    {
      id: 'offset',
      title: 'OFFSET',
      width: 8,
      align: 'right',
      get: (r) => String(r.message_offset),
      sortValue: (r) => r.message_offset,
    },
    {
      id: 'time',
      title: 'TIME (UTC)',
      width: 24,
      get: (r) => utcTime(r.timestamp),
      sortValue: (r) => r.timestamp ?? 0,
    },
    { id: 'key', title: 'KEY', minWidth: 8, maxWidth: 24, get: (r) => str(r.key) },
    { id: 'tag', title: 'TAG', minWidth: 5, maxWidth: 12, get: (r) => str(r.tag) },
    {
      id: 'size',
      title: 'SIZE',
      width: 8,
      align: 'right',
      get: (r) => `${r.size ?? '?'}${r.huge_message ? '!' : ''}`,
      sortValue: (r) => r.size ?? 0,
    },
    { id: 'app', title: 'APP', minWidth: 8, maxWidth: 18, get: appLabel },
    { id: 'value', title: 'VALUE', minWidth: 10, get: (r) => previewValue(r.value, r.huge_message) },
  ],
  idOf: messageId,
  nameOf: (r) => `p${r.partition}@${r.message_offset}`,
  list: (ctx) => listMessages(ctx),
  scopeLabel: (p) => {
    const w = p['window'] ?? DEFAULT_WINDOW;
    if (!p['topic']) return 'no topic chosen (:topics, Enter)';
    return `topic ${p['topic']} · ${/^\d+\s*[smhd]$/i.test(w.trim()) ? `last ${w}` : w}`;
  },
  summary: (r) => [
    {
      title: 'Message',
      blocks: [
        fields(
          ['topic', r.topic],
          ['partition', r.partition],
          ['offset', r.message_offset],
          ['time', utcTime(r.timestamp)],
          ['key', r.key],
          ['tag', r.tag],
          [
            'size',
            r.size === undefined ? undefined : `${r.size} bytes${r.huge_message ? ' (huge message)' : ''}`,
          ],
          ['app', r.app_name ? `${r.app_name} (${r.app_id})` : r.app_id],
          ['message id', r.message_id],
          ['value', valueKind(r.value)],
        ),
      ],
    },
    {
      title: 'Value',
      blocks: [
        {
          kind: 'text',
          text: renderValue(r.value, { huge: r.huge_message === true, size: r.size }).join('\n'),
        },
      ],
    },
  ],
  parts: [
    definePart<MessageRow, MqsMessage | null>({
      id: 'value',
      title: 'Whole value',
      fetch: async (ctx, r) => {
        const page = await ctx.client
          .instance(ctx.instanceId as string)
          .mqs.messages.query(
            { topic: r.topic, partition: r.partition, message_offset: r.message_offset },
            { signal: ctx.signal },
          );
        return page.messages[0] ?? null;
      },
      render: (m) => [
        {
          title: 'Whole value (read by partition and offset)',
          blocks: [
            {
              kind: 'text',
              text: m
                ? renderValue(m.value, { huge: m.huge_message === true, size: m.size }).join('\n')
                : 'the message is gone (older than the retention time)',
            },
          ],
        },
      ],
    }),
  ],
});
