// The reads of issue 14's dialogs that no screen makes, as dashboard-store requests (the dialogs
// never call the client). Reads a screen makes use the screen's request (src/app/screen-requests.ts).
import type { RomaClient } from '../../src/api/client.ts';
import { readThrough } from '../../src/store/read.ts';
import type { ResourceRequest } from '../../src/store/slice.ts';
import type { DashboardStore } from '../../src/store/store.ts';

/**
 * A read no screen makes (an export file, the apps a quota may still bind), through the dashboard
 * store (fresh), so the flows never call the client themselves. Reads a screen makes use the
 * screen's request instead (src/app/screen-requests.ts).
 */
export function fetchVia<T>(
  store: DashboardStore,
  family: string,
  key: string,
  fetch: (client: RomaClient, signal: AbortSignal) => Promise<T>,
): Promise<T> {
  return readThrough(store, { family, key, channel: 'actions', fetch });
}

/** A group's APIs as an OpenAPI document (4.19.2), for the export dialog to write to a file. */
export function groupExportRequest(
  instanceId: string,
  groupId: string,
  envId: string | undefined,
  format: 'json' | 'yaml',
): ResourceRequest<string, RomaClient> {
  return {
    family: 'gm.export',
    key: `${instanceId}|${groupId}|${envId ?? ''}|${format}`,
    fetch: (client, signal) =>
      client
        .instance(instanceId)
        .openapi.exportApis(
          { group_id: groupId, ...(envId ? { env_id: envId } : {}), define: 'all', type: format },
          { signal },
        ),
  };
}
