// Helpers shared by the throttle, signature-key and ACL binding routes: publications are what gets bound (C7).
import type { ApiDef, Publication } from '../model.ts';
import type { InstanceStore } from '../state.ts';
import {
  ApiError,
  exactFilter,
  filterIter,
  noContent,
  notFound,
  ok,
  page,
  reqStringArray,
  requireQuery,
  textFilter,
  type RouteResult,
} from './common.ts';
import { apiOutline, requireApi, requirePublication } from './views.ts';

export interface PubWithApi {
  pub: Publication;
  api: ApiDef;
}

/** Every publication with its API, in publication order. */
export function* publishedApis(store: InstanceStore): Iterable<PubWithApi> {
  for (const pub of store.data.publications.values()) {
    const api = store.data.apis.get(pub.api_id);
    if (api) yield { pub, api };
  }
}

/** Filters common to the bound/unbound API lists: env_id, group_id, api_id exact; api_name substring. */
export function pubFilter(q: URLSearchParams): (x: PubWithApi) => boolean {
  const exact = exactFilter(q);
  const text = textFilter(q);
  return ({ pub, api }) =>
    exact('env_id', pub.env_id) &&
    exact('group_id', api.group_id) &&
    exact('api_id', api.id) &&
    text('api_name', api.name);
}

/** Validates `publish_ids` and resolves each to its publication (404 APIG.3015 for an unknown one). */
export function requirePublications(store: InstanceStore, b: Record<string, unknown>): Publication[] {
  const ids = reqStringArray(b, 'publish_ids');
  return ids.map((id) => requirePublication(store, id));
}

export function alreadyBound(what: string): ApiError {
  return new ApiError(400, 'APIG.3309', `The operation has already been performed: ${what}`);
}

/** Parses `?action=delete` batch bodies: `{ <key>: string[] }`. */
export function batchDeleteIds(
  q: URLSearchParams,
  b: Record<string, unknown>,
  key: string,
  altKey?: string,
): string[] {
  if (q.get('action') !== 'delete') {
    throw new ApiError(400, 'APIG.2011', 'Invalid parameter value: parameter action should be "delete"');
  }
  const raw = b[key] ?? (altKey ? b[altKey] : undefined);
  return reqStringArray({ [key]: raw }, key);
}

/** The 404 a binding family answers for an unknown binding id (also its batch `failure` entries). */
export interface MissingBinding {
  code: string;
  message: string;
}

/** DELETE of one binding (4.8.2, 4.11.2, 4.13.2). */
export function unbindOne(bindings: Map<string, unknown>, id: string, missing: MissingBinding): RouteResult {
  if (!bindings.delete(id)) throw notFound(missing.code, missing.message);
  return noContent();
}

/** `PUT ?action=delete` (4.8.6, 4.13.3): removes the known ids; each unknown one is a `failure` entry. */
export function unbindMany(
  bindings: Map<string, unknown>,
  ids: string[],
  missing: MissingBinding,
): RouteResult {
  let success = 0;
  const failure: unknown[] = [];
  for (const id of ids) {
    if (bindings.delete(id)) success++;
    else
      failure.push({
        bind_id: id,
        error_code: missing.code,
        error_msg: missing.message,
        api_id: '',
        api_name: '',
      });
  }
  return ok({ success_count: success, failure });
}

/**
 * The API lists of one policy (4.8.3, 4.8.4, 4.11.4, 4.13.5): published APIs that `keep` selects and the
 * query's filters let through, each shown as its outline plus the family's own fields (`extra`).
 */
export function publishedApiPage(
  store: InstanceStore,
  query: URLSearchParams,
  keep: (x: PubWithApi) => boolean,
  extra: (x: PubWithApi) => Record<string, unknown> = () => ({}),
): RouteResult {
  const f = pubFilter(query);
  const items = filterIter(publishedApis(store), (x) => keep(x) && f(x));
  return page(items, query, 'apis', (x) => ({ ...apiOutline(store, x.api, x.pub), ...extra(x) }));
}

/**
 * The policies bound to one API (4.8.5, 4.11.3, 4.13.6): the bindings on the publications of the API named by
 * `api_id` (required; 404 when unknown) in the environment `env_id` asks for, in publication then binding order.
 */
export function bindingsOfApi<B extends { publish_id: string }>(
  store: InstanceStore,
  query: URLSearchParams,
  bindings: Map<string, B>,
): Array<{ pub: Publication; binding: B }> {
  const api = requireApi(store, requireQuery(query, 'api_id'));
  const exact = exactFilter(query);
  const out: Array<{ pub: Publication; binding: B }> = [];
  for (const pub of store.publicationsOfApi(api.id)) {
    if (!exact('env_id', pub.env_id)) continue;
    for (const binding of bindings.values())
      if (binding.publish_id === pub.publish_id) out.push({ pub, binding });
  }
  return out;
}
