// Wire types shared by every resource family (APIC-CORE.md C2, C3).

/** Real servers send more fields than the reference lists; they are kept, never dropped. */
export interface Extra {
  [field: string]: unknown;
}

/** Every paged list accepts offset/limit (C2: offset default 0, limit default 20, max 500). */
export interface PageQuery {
  offset?: number;
  limit?: number;
}

/** A page as the client hands it out: the items plus the server's counts (C3 envelope). */
export interface Page<T> {
  items: T[];
  total: number;
  size: number;
  offset: number;
  /**
   * Records of this page that came with a field of the wrong type: repaired (string fields shown as
   * JSON text, other bad fields removed) or dropped. Absent when every record was well-formed.
   */
  warnings?: string[];
}

/** Query parameter values the client can put on the wire; undefined values are left off. */
export type QueryValue = string | number | boolean | undefined | ReadonlyArray<string>;
export type QueryParams = Record<string, QueryValue>;

export interface CallOptions {
  signal?: AbortSignal;
  /** Single-object reads: repairs of wrong-typed fields (validateSingle), one line each. */
  onWarnings?: (warnings: string[]) => void;
}

export interface ListAllOptions extends CallOptions {
  /** Pages fetched at once after page 1; default 4. */
  concurrency?: number;
  /** Page size; default (and server max) 500. */
  pageSize?: number;
  /** Called with each page's {@link Page.warnings} (listAll returns only the items). */
  onWarnings?: (warnings: string[]) => void;
  /**
   * Called while pages arrive, before listAll resolves: the rows of the pages received so far that
   * follow each other from the first (a fresh array each time), and how many the server announced.
   * Not called when the first page is the whole list.
   */
  onPage?: (rows: readonly unknown[], progress: ListProgress) => void;
}

/** How far a paged list has loaded: its first `loaded` rows of about `total` (the server's count). */
export interface ListProgress {
  loaded: number;
  total: number;
}

/** Per-item failure in the batch answers of 4.8.6, 4.12.4, 4.13.3. */
export interface BindingBatchFailure extends Extra {
  bind_id?: string;
  error_code?: string;
  error_msg?: string;
  api_id?: string;
  api_name?: string;
}

/** `{success_count, failure}` answer of the batch unbind/delete calls (4.8.6, 4.13.3). */
export interface BatchDeleteResult extends Extra {
  success_count: number;
  failure: BindingBatchFailure[];
}

/** Common shape of the "published API" rows in binding lists (4.8.3/4.8.4/4.11.4/4.13.5/4.18.4). */
export interface PublishedApiRow extends Extra {
  id: string;
  name?: string;
  auth_type?: string;
  run_env_name?: string;
  run_env_id?: string;
  group_name?: string;
  group_id?: string;
  publish_id?: string;
  remark?: string;
  req_uri?: string;
  type?: number;
}
