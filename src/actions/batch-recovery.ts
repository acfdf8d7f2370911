// A batch call that failed as a whole (a 5xx, or an answer that could not be read) says nothing per item,
// and the service may have applied some of it. Each item is re-read (readback.ts: nothing is written)
// and classed done / not done / unknown; the action for the items not done is offered as a retry, which
// the user confirms like any other action (issue 11 point 6). Never retried by itself.
import type { ReadBackPort } from './port.ts';
import type { ActionError, ApiRef, EnvRef, ItemResult, MutationAction } from './types.ts';

export interface Recovery {
  items: ItemResult[];
  /** The same action for the items re-read as not done; null when none is left (or none is known). */
  retry: MutationAction | null;
}

/** Whether a failure of the whole call may hide a partial application: a 5xx or an unknown outcome. */
export function wholeFailureOpen(error: ActionError): boolean {
  return error.outcome === 'unknown' || (error.status ?? 0) >= 500;
}

type BatchAction = Extract<MutationAction, { kind: 'batch-publish' | 'batch-offline' }>;

async function publishedIn(port: ReadBackPort, api: ApiRef, env: EnvRef): Promise<boolean | null> {
  try {
    return (await port.publications(api.id)).some((p) => p.env.id === env.id);
  } catch {
    return null;
  }
}

/** Batch publish / take offline: the API is done when it is (not) published in the environment now. */
export async function recoverBatchPublish(
  port: ReadBackPort,
  action: BatchAction,
  error: ActionError,
): Promise<Recovery> {
  const online = action.kind === 'batch-publish';
  const states = await Promise.all(action.apis.map((a) => publishedIn(port, a, action.env)));
  const rest: ApiRef[] = [];
  const items = action.apis.map((a, i): ItemResult => {
    const published = states[i];
    if (published === null || published === undefined)
      return {
        label: `${a.name} in ${action.env.name}`,
        id: a.id,
        ok: false,
        unknown: true,
        errorCode: 'UNKNOWN',
        errorMsg: 'could not be re-read: refresh (r) before doing anything else to it',
      };
    if (published === online)
      return {
        label: `${a.name} in ${action.env.name}`,
        id: a.id,
        ok: true,
        detail: `re-read: ${online ? 'published' : 'offline'} (applied despite ${error.code})`,
      };
    rest.push(a);
    return {
      label: `${a.name} in ${action.env.name}`,
      id: a.id,
      ok: false,
      errorCode: error.code,
      errorMsg: `re-read: ${online ? 'not published' : 'still published'} — not applied`,
    };
  });
  return { items, retry: rest.length > 0 ? { ...action, apis: rest } : null };
}
