// The API object lists its publications as three parallel strings (run_env_id, run_env_name,
// publish_id); with several environments they are joined by a separator the reference lost (C7).
// Tolerant as a client: split on any character that cannot be part of an id or a name.
import type { PublicationRef } from './types.ts';

export interface ApiPublicationFields {
  id: string;
  name: string;
  run_env_id?: string;
  run_env_name?: string;
  publish_id?: string;
}

const SEP = /[^A-Za-z0-9_]+/;

function parts(s: string | undefined): string[] {
  return (s ?? '').split(SEP).filter((p) => p !== '');
}

export function publicationsOf(api: ApiPublicationFields): PublicationRef[] {
  const envIds = parts(api.run_env_id);
  const envNames = parts(api.run_env_name);
  const pubIds = parts(api.publish_id);
  const out: PublicationRef[] = [];
  envIds.forEach((envId, i) => {
    const publishId = pubIds[i];
    if (!publishId) return;
    out.push({
      publishId,
      api: { id: api.id, name: api.name },
      env: { id: envId, name: envNames[i] ?? envId },
    });
  });
  return out;
}

export function publicationIn(api: ApiPublicationFields, envId: string): PublicationRef | undefined {
  return publicationsOf(api).find((p) => p.env.id === envId);
}
