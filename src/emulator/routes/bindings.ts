// Helpers shared by the throttle, signature-key and ACL binding routes: publications are what gets bound (C7).
import type { ApiDef, Publication } from '../model.ts';
import type { InstanceStore } from '../state.ts';
import { ApiError, exactFilter, reqStringArray, textFilter } from './common.ts';
import { requirePublication } from './views.ts';

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
