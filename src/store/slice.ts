import type { RomaError } from '../api/errors.ts';
import type { ListProgress } from '../api/types/common.ts';

/** What the store knows about one fetched resource (a list, a detail, a series). */
export interface ResourceSlice<T = unknown> {
  data: T | null;
  loading: boolean;
  error: RomaError | null;
  /** Epoch ms of the last successful fetch. */
  fetchedAt: number | null;
  /** A refresh failed and `data` is the last good copy. */
  stale: boolean;
  /** Records the client repaired or dropped in the last successful fetch (non-fatal). */
  warnings?: readonly string[];
  /**
   * Set while `data` holds only the first rows of a paged list (the first `loaded` of about `total`):
   * the rest is loading, or, with `error`, failed to load. Absent once the list is whole.
   */
  progress?: ListProgress;
}

export const EMPTY_SLICE: ResourceSlice<never> = Object.freeze({
  data: null,
  loading: false,
  error: null,
  fetchedAt: null,
  stale: false,
});

/**
 * One request for data. `family` names the resource family (the slice), `key` is the instance id
 * plus whatever parameters make the result distinct (e.g. `inst-1|group=abc`).
 */
export interface ResourceRequest<T, C> {
  family: string;
  key: string;
  /**
   * Requests on the same channel supersede each other: starting a new key aborts the previous one.
   * Typically one channel per view ("detail", "pulse"), so moving on aborts what is no longer shown.
   */
  channel?: string;
  /**
   * `warn` collects the client's per-record repairs; they land in the slice's `warnings`. `partial`
   * shows the first rows of a paged list while the rest loads (see ResourceSlice.progress).
   */
  fetch: (
    client: C,
    signal: AbortSignal,
    warn: (warnings: readonly string[]) => void,
    partial: (data: T, progress: ListProgress) => void,
  ) => Promise<T>;
}
