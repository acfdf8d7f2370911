// Tells the `:audit` view which log the shell writes and how to name the ids of older lines: the
// names in the lists this dashboard has loaded.
import { auditLogPath } from '../actions/audit.ts';
import { setAuditSource } from '../actions/audit-source.ts';
import type { DashboardStore } from '../store/store.ts';
import type { AppEnv } from './env.tsx';

/** id → name of every row with string `id` and `name` in the loaded lists of this dashboard. */
export function loadedNames(dash: DashboardStore): Map<string, string> {
  const out = new Map<string, string>();
  for (const slices of Object.values(dash.getState().resources)) {
    for (const slice of Object.values(slices ?? {})) {
      const data = (slice as { data?: unknown } | undefined)?.data;
      if (!Array.isArray(data)) continue;
      for (const row of data as unknown[]) {
        if (row === null || typeof row !== 'object') continue;
        const { id, name } = row as { id?: unknown; name?: unknown };
        if (typeof id === 'string' && typeof name === 'string' && id !== '' && name !== '') out.set(id, name);
      }
    }
  }
  return out;
}

export function wireAuditView(dash: DashboardStore, env: Pick<AppEnv, 'auditPath' | 'secrets'>): void {
  setAuditSource(dash.client, {
    path: env.auditPath ?? auditLogPath(),
    knownNames: () => loadedNames(dash),
    ...(env.secrets ? { secrets: env.secrets } : {}),
  });
}
