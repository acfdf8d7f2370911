// How the screens' data is requested: one family and key per list and per detail part. The action
// flows and the debug console read the same data through `sharedListRequest` / `sharedPartRequest`:
// the same slice (one cache, one fetch), but without the screens' channel, so a flow's read never
// aborts the list or detail part on screen (src/store/inflight.ts: one load per channel).
import type { DetailPart, FetchContext, LazyCell, ResourceDescriptor } from '../../screens/types.ts';
import type { RomaClient } from '../api/client.ts';
import type { ResourceRequest } from '../store/slice.ts';

export function listKey(instanceId: string | null, params: Readonly<Record<string, string>>): string {
  const p = Object.keys(params)
    .filter((k) => k !== 'groupName')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
  return `${instanceId ?? '-'}|${p}`;
}

export function listRequest(
  d: ResourceDescriptor,
  instanceId: string | null,
  params: Readonly<Record<string, string>>,
): ResourceRequest<unknown[], RomaClient> {
  return {
    family: d.id,
    key: listKey(instanceId, params),
    channel: 'list',
    fetch: (client, signal, warn, partial) =>
      d.list({
        client,
        instanceId,
        params,
        signal,
        warn,
        // listAll hands out a fresh array each time
        onPage: (rows, progress) => partial(rows as unknown[], progress),
      } satisfies FetchContext),
  };
}

export function partRequest(
  d: ResourceDescriptor,
  part: DetailPart<unknown, unknown>,
  instanceId: string | null,
  item: unknown,
): ResourceRequest<unknown, RomaClient> {
  return {
    family: `${d.id}.${part.id}`,
    key: `${instanceId ?? '-'}|${d.idOf(item)}`,
    channel: `detail.${part.id}`,
    fetch: (client, signal, warn) => part.fetch({ client, instanceId, params: {}, signal, warn }, item),
  };
}

/** One lazily fetched cell of a row (deduplicated by the store; no channel: visible rows load side by side). */
export function lazyCellRequest(
  d: ResourceDescriptor,
  lazy: LazyCell<unknown>,
  instanceId: string | null,
  row: unknown,
): ResourceRequest<string | number, RomaClient> {
  return {
    family: lazy.family,
    key: `${instanceId ?? '-'}|${d.idOf(row)}`,
    fetch: (client, signal) => lazy.fetch({ client, instanceId, params: {}, signal }, row),
  };
}

/** A screen's list as another reader (a flow, the debug console) asks for it: same slice, no channel. */
export function sharedListRequest<T>(
  d: ResourceDescriptor,
  instanceId: string | null,
  params: Readonly<Record<string, string>> = {},
): ResourceRequest<T[], RomaClient> {
  const { channel: _list, ...req } = listRequest(d, instanceId, params);
  return req as ResourceRequest<T[], RomaClient>;
}

/** One detail part of an item as another reader asks for it: same slice as the detail tab, no channel. */
export function sharedPartRequest<D>(
  d: ResourceDescriptor,
  partId: string,
  instanceId: string | null,
  item: unknown,
): ResourceRequest<D, RomaClient> {
  const part = (d.parts ?? []).find((p) => p.id === partId);
  if (!part) throw new Error(`${d.id} has no detail part ${partId}`);
  const { channel: _detail, ...req } = partRequest(d, part, instanceId, item);
  return req as ResourceRequest<D, RomaClient>;
}
