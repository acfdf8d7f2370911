// MQS messages (5.4) of the emulator: time windows and offsets over the partition logs, and resend.
import {
  appendResend,
  canPublish,
  endOffset,
  firstRetained,
  lowerBound,
  messageAt,
  timeAt,
} from '../mqs-state.ts';
import { ok, type InstanceCtx, type RouteResult } from './common.ts';
import {
  err,
  MESSAGE_LIMIT_MAX,
  instanceOf,
  topicOf,
  need,
  intParam,
  bodyObject,
  reqStr,
  messageWire,
} from './mqs-common.ts';

// ---- 5.4 messages ----

function timeParam(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name);
  if (v === null || v === '') return undefined;
  if (!/^\d{1,15}$/.test(v)) throw err.invalid(name);
  return Number(v);
}

/**
 * 5.4.1. With start_time and end_time: the messages of every partition whose time is in [start, end],
 * newest first unless asc=true, paged by offset/limit (default 10, at most 100); huge messages come without
 * their value. Otherwise partition + message_offset: that one message with its whole value.
 */
export function queryMessages(ctx: InstanceCtx): RouteResult {
  const inst = instanceOf(ctx);
  const q = ctx.query;
  const topicName = q.get('topic');
  if (!topicName) throw err.invalid('topic');
  const t = topicOf(inst, topicName);
  need(t, 'read');
  const start = timeParam(q, 'start_time');
  const end = timeParam(q, 'end_time');
  const asc = q.get('asc');
  if (asc !== null && asc !== '' && asc !== 'true' && asc !== 'false') throw err.invalid('asc');
  const limit = intParam(q, 'limit') ?? 10;
  if (limit < 1 || limit > MESSAGE_LIMIT_MAX) throw err.invalid('limit');
  const offset = intParam(q, 'offset') ?? 0;

  if (start !== undefined || end !== undefined) {
    if (start === undefined) throw err.invalid('start_time');
    if (end === undefined || end < start) throw err.invalid('end_time');
    const ranges = Array.from({ length: t.partition }, (_, p) => ({
      p,
      lo: Math.max(firstRetained(t, p, ctx.nowMs), lowerBound(t, p, start)),
      hi: lowerBound(t, p, end + 1),
    }));
    const total = ranges.reduce((n, r) => n + Math.max(0, r.hi - r.lo), 0);
    // k-way merge over the partitions, from the old end (asc) or the new end (default)
    const ascending = asc === 'true';
    const cursor = ranges.map((r) => (ascending ? r.lo : r.hi - 1));
    const out: Array<Record<string, unknown>> = [];
    for (let taken = 0; taken < offset + limit; taken++) {
      let best = -1;
      let bestTime = 0;
      ranges.forEach((r, i) => {
        const c = cursor[i] as number;
        if (c < r.lo || c >= r.hi) return;
        const tm = timeAt(t, r.p, c);
        if (best < 0 || (ascending ? tm < bestTime : tm > bestTime)) {
          best = i;
          bestTime = tm;
        }
      });
      if (best < 0) break;
      const c = cursor[best] as number;
      if (taken >= offset) out.push(messageWire(t, best, c, true));
      cursor[best] = ascending ? c + 1 : c - 1;
    }
    return ok({ messages: out, total, size: out.length });
  }

  const partition = intParam(q, 'partition');
  const msgOffset = intParam(q, 'message_offset');
  if (partition === undefined) throw err.invalid('partition');
  if (msgOffset === undefined) throw err.invalid('message_offset');
  if (partition >= t.partition) throw err.partition();
  const gone = msgOffset < firstRetained(t, partition, ctx.nowMs) || msgOffset >= endOffset(t, partition);
  if (gone) return ok({ messages: [], total: 0, size: 0 });
  const m = messageWire(t, partition, msgOffset, true);
  const full = messageAt(t, partition, msgOffset);
  return ok({ messages: [{ ...m, value: full?.value ?? '' }], total: 1, size: 1 });
}

/** 5.4.2: appends a copy of the message to its partition; its producing app must still be allowed to publish. */
export function resendMessage(ctx: InstanceCtx): RouteResult {
  const inst = instanceOf(ctx);
  if (ctx.query.get('action_id') !== 'resend') throw err.invalid('action_id');
  const b = bodyObject(ctx);
  const t = topicOf(inst, reqStr(b, 'topic'));
  need(t, 'read');
  const partition = b.partition;
  if (typeof partition !== 'number' || !Number.isInteger(partition)) throw err.badKey('partition');
  const offset = b.message_offset;
  if (typeof offset !== 'number' || !Number.isInteger(offset)) throw err.badKey('message_offset');
  if (partition < 0 || partition >= t.partition) throw err.partition();
  if (offset < firstRetained(t, partition, ctx.nowMs) || offset >= endOffset(t, partition))
    throw err.invalid('message_offset');
  const m = messageAt(t, partition, offset);
  // a message produced through an integration app is resent as that app, which must still hold pub/all;
  // one produced outside any app (empty app_id) is resent by the tenant
  if (!m || (m.app_id !== '' && !canPublish(t, m.app_id))) throw err.forbidden();
  appendResend(inst, t, partition, offset, ctx.nowMs);
  return ok({ topic: t.name, partition, message_offset: offset });
}
