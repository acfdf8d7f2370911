// When a read takes what the cache holds (`ensure`) and when it asks the service again (`load`): the
// rules every reader follows, the views' hooks (src/app/use-request.ts) and the reads outside a view
// (src/store/read.ts). Pure, so the rules are tested without React.

/**
 * - `show`: a view's data (a list, a detail part): the cache on first show, the service again once a
 *   refresh (`r`, a change made by an action) came, or an auto-refresh tick the reader follows.
 * - `cached`: a picker whose choice the service checks anyway: the cache since the last refresh.
 * - `fresh`: a read that decides a change (who is bound, what is authorized): the service every time.
 */
export type Freshness = 'show' | 'cached' | 'fresh';

export interface ReadMoment {
  /** The store's refresh tick: 0 until the first refresh. */
  refreshTick: number;
  /** An auto-refresh tick came since the reader last read (only for readers that follow them). */
  autoTicked: boolean;
}

export function readKind(freshness: Freshness, at: ReadMoment): 'ensure' | 'load' {
  if (freshness === 'cached') return 'ensure';
  if (freshness === 'fresh') return 'load';
  return at.refreshTick === 0 && !at.autoTicked ? 'ensure' : 'load';
}
