// Auto-refresh of a list re-reads the rows on screen, not the whole list: with 10,000 APIs a tick
// is one page request of a screenful instead of twenty of 500. The rows are found in the list as
// the server orders it (sorting and filtering happen here), and the pages that hold them are read
// with the descriptor's `listPage`. When the server's count changed, or a row is not where it was
// (something was added or removed), the whole list is reloaded: positions then mean nothing.
import { useEffect, useRef } from 'react';
import type { FetchContext, ResourceDescriptor } from '../../screens/types.ts';
import type { RomaClient } from '../api/client.ts';
import type { ResourceRequest } from '../store/slice.ts';
import { useActions, useStore } from '../store/react.tsx';
import { listKey } from './data.ts';

/** The largest window one request reads (the list call's page limit). */
export const MAX_WINDOW = 500;

/**
 * [offset, limit] windows covering the positions in `data` of the rows in `visible` (by identity),
 * each at most `maxSpan` wide. Empty when none of them is in `data`.
 */
export function windowsOf(
  data: readonly unknown[],
  visible: readonly unknown[],
  maxSpan = MAX_WINDOW,
): Array<[number, number]> {
  if (visible.length === 0) return [];
  const want = new Set(visible);
  const positions: number[] = [];
  for (let i = 0; i < data.length && positions.length < want.size; i++)
    if (want.has(data[i])) positions.push(i);
  const out: Array<[number, number]> = [];
  for (const p of positions) {
    const last = out[out.length - 1];
    if (last && p - last[0] < maxSpan) last[1] = p - last[0] + 1;
    else out.push([p, 1]);
  }
  return out;
}

/**
 * `data` with the rows of `windows` read again; null when the list changed shape (another count, a
 * row not at its place) and must be reloaded whole.
 */
export async function rereadWindows<T>(
  d: ResourceDescriptor<T>,
  ctx: FetchContext,
  data: readonly T[],
  windows: ReadonlyArray<[number, number]>,
): Promise<T[] | null> {
  if (!d.listPage) return null;
  const out = [...data];
  for (const [offset, limit] of windows) {
    const page = await d.listPage(ctx, offset, limit);
    if (page === null) return null;
    if (page.total !== data.length || page.items.length !== Math.min(limit, data.length - offset))
      return null;
    for (let i = 0; i < page.items.length; i++) {
      const old = data[offset + i];
      const row = page.items[i] as T;
      if (old === undefined || d.idOf(old) !== d.idOf(row)) return null;
      out[offset + i] = row;
    }
  }
  return out;
}

/** The request an auto-refresh tick makes for a list showing `visible` of `data`. */
export function visibleRefreshRequest(
  d: ResourceDescriptor,
  instanceId: string | null,
  params: Readonly<Record<string, string>>,
  data: readonly unknown[] | null,
  visible: readonly unknown[],
): ResourceRequest<unknown[], RomaClient> {
  return {
    family: d.id,
    key: listKey(instanceId, params),
    channel: 'list',
    fetch: async (client, signal, warn, partial) => {
      const onPage: FetchContext['onPage'] = (rows, progress) => partial(rows as unknown[], progress);
      const ctx: FetchContext = { client, instanceId, params, signal, warn, onPage };
      const windows = data && d.listPage ? windowsOf(data, visible) : [];
      const reread = data && windows.length > 0 ? await rereadWindows(d, ctx, data, windows) : null;
      return reread ?? d.list(ctx);
    },
  };
}

/** Follows auto-refresh ticks for a list view: each re-reads the rows on screen (see above). */
export function useVisibleRefresh(
  d: ResourceDescriptor,
  params: Readonly<Record<string, string>>,
  data: readonly unknown[] | null | undefined,
  visible: readonly unknown[],
  blocked: boolean,
): void {
  const instanceId = useStore((s) => s.instanceId);
  const autoTick = useStore((s) => s.autoTick);
  const actions = useActions();
  // The tick reads what is on screen when it fires, not what was when the effect was made.
  const shown = useRef({ data, visible });
  useEffect(() => {
    shown.current = { data, visible };
  });
  useEffect(() => {
    if (autoTick === 0 || blocked) return;
    const { data: now, visible: rows } = shown.current;
    void actions.load(visibleRefreshRequest(d, instanceId, params, now ?? null, rows));
    // only a tick starts a refresh
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [autoTick]);
}
