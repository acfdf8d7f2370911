// The options a descriptor's `list` hands to a client's listAll, so every paged list streams alike.
import type { ListAllOptions } from '../src/api/types/common.ts';
import type { FetchContext } from './types.ts';

/**
 * Cancellation, the client's per-record repairs, and the first rows while the rest loads
 * (FetchContext.onPage): `client.….listAll(query, listOptions(ctx))`.
 */
export function listOptions(ctx: FetchContext): ListAllOptions {
  return {
    signal: ctx.signal,
    ...(ctx.warn ? { onWarnings: ctx.warn } : {}),
    ...(ctx.onPage ? { onPage: ctx.onPage } : {}),
  };
}
