// listAll: page 1 first (it tells the total), then the remaining pages concurrently with a bound.
// `onPage` hands out the rows received so far (the first page at once), so a list can draw them
// while the rest loads; a later page that fails keeps them reported and rejects with its error.
// Cancellation via AbortSignal: a superseded request stops fetching and rejects with kind 'aborted'.
// The server's `total` is only a hint: a short or empty page ends the walk, so a wrong or absurd total
// (1e300, a count that shrank meanwhile) can neither allocate nor loop without end. A server that caps
// the page below the size asked for is followed at its own step (tolerant as a client).
import { RomaError } from './errors.ts';
import type { ListAllOptions, Page } from './types/common.ts';

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_CONCURRENCY = 4;
/** A server that ignores `offset` would hand out full pages for ever: stop there (a million rows at 500). */
export const MAX_PAGES = 2000;

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
  const step = Math.min(limit, served(first));
  const total = first.total;
  if (step === 0 || !(total > step)) return first.items;
  // Pages by index (page 0 is `first`); `end` moves down to the first short page seen.
  const pages = new Map<number, T[]>();
  let end = Math.min(MAX_PAGES, Math.ceil(total / step));
  // The rows of pages 0..shown-1 (no gap): what `onPage` hands out while the rest loads.
  const prefix = [...first.items];
  let shown = 1;
  const report = () => opts.onPage?.(prefix.slice(), { loaded: prefix.length, total });
  report();
  let next = 1;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (failure === undefined && next < end) {
      const i = next++;
      checkAborted();
      let page: Page<T>;
      try {
        page = await fetchPage(i * step, limit, signal);
      } catch (e) {
        failure ??= { error: e }; // the other workers start no further page, and finish theirs
        return;
      }
      warn(page);
      pages.set(i, page.items);
      if (served(page) < step) end = Math.min(end, i + 1);
      if (i === shown && i < end - 1) {
        for (let items = pages.get(shown); items !== undefined && shown < end; items = pages.get(shown)) {
          for (const it of items) prefix.push(it);
          shown++;
        }
        if (shown < end) report();
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  checkAborted();
  // A later page failed: the rows before it were reported (onPage), the error says what failed.
  if (failure !== undefined) throw failure.error;
  for (let i = shown; i < end; i++) for (const it of pages.get(i) ?? []) prefix.push(it);
  return prefix;
}

/** Records the server put on the page: its `size`, as records dropped by validation still took a place. */
function served(page: Page<unknown>): number {
  return Number.isFinite(page.size) ? Math.max(page.size, page.items.length) : page.items.length;
}
