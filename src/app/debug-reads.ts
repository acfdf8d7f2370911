// What the 4.3.8 debug console reads besides the call itself, through the dashboard store: the apps
// screen's list (the app picker) and the API detail's Authorized apps tab (the picker's order and
// labels). Same slices as those views: opening the console after them asks the service nothing again.
// Cached since the last refresh: the picker only offers keys; the call itself says if one is refused.
import { apiAppsRequest, appsRequest } from '../../screens/actions/data.ts';
import { appChoicesOf, authorizationsOf, type DebugStoreDeps } from '../store/debug.ts';
import { readThrough } from '../store/read.ts';
import type { DashboardStore } from '../store/store.ts';

export function debugReadsVia(dash: DashboardStore): Pick<DebugStoreDeps, 'listApps' | 'listAuthorizations'> {
  return {
    listApps: async (instanceId) =>
      appChoicesOf(await readThrough(dash, appsRequest(instanceId), { cached: true })),
    listAuthorizations: async (instanceId, apiId) =>
      authorizationsOf(await readThrough(dash, apiAppsRequest(instanceId, apiId), { cached: true })),
  };
}
