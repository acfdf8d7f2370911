// listAll: page 1 first (it tells the total), then the remaining pages concurrently with a bound.
// Cancellation via AbortSignal: a superseded request stops fetching and rejects with kind 'aborted'.
import { RomaError } from './errors.ts';
import type { ListAllOptions, Page } from './types/common.ts';

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_CONCURRENCY = 4;

export type PageFetcher<T> = (offset: number, limit: number, signal?: AbortSignal) => Promise<Page<T>>;

export async function listAll<T>(
  fetchPage: PageFetcher<T>,
  opts: ListAllOptions & { label?: string } = {},
): Promise<T[]> {
  const limit = Math.min(MAX_PAGE_SIZE, Math.max(1, opts.pageSize ?? MAX_PAGE_SIZE));
  const concurrency = Math.max(1, opts.concurrency ?? DEFAULT_CONCURRENCY);
  const { signal } = opts;
  const checkAborted = () => {
    if (signal?.aborted)
      throw new RomaError({ kind: 'aborted', method: 'GET', path: opts.label ?? 'listAll' });
  };
  checkAborted();
  const warn = (page: Page<T>) => {
    if (page.warnings && page.warnings.length > 0) opts.onWarnings?.(page.warnings);
  };
  const first = await fetchPage(0, limit, signal);
  checkAborted();
  warn(first);
  if (first.items.length === 0 || first.total <= first.items.length) return first.items;
  const offsets: number[] = [];
  for (let off = limit; off < first.total; off += limit) offsets.push(off);
  const pages: T[][] = new Array<T[]>(offsets.length);
  let next = 0;
  const worker = async () => {
    while (next < offsets.length) {
      const i = next++;
      checkAborted();
      const off = offsets[i] as number;
      const page = await fetchPage(off, limit, signal);
      warn(page);
      pages[i] = page.items;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, offsets.length) }, worker));
  checkAborted();
  const out = [...first.items];
  for (const p of pages) out.push(...p);
  return out;
}
