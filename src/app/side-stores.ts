// The stores mounted beside the dashboard store, one set per dashboard (a profile switch makes a new
// dashboard store, so a new set): the mutations store (issue 5) and the debug console's store (issue 6).
import { createAuditLog } from '../actions/audit.ts';
import { clientPort } from '../actions/client-port.ts';
import { defaultHistoryPath } from '../debug/history.ts';
import { appListerFrom, createDebugStore, debugCallerFrom, type DebugStore } from '../store/debug.ts';
import { createMutationStore, type MutationStore } from '../store/mutations.ts';
import type { DashboardStore } from '../store/store.ts';
import type { AppEnv } from './env.tsx';
import type { SessionGate } from '../../screens/types.ts';
import { decideSession } from './session.ts';
import { wireAuditView } from './audit-wiring.ts';

const debugStores = new WeakMap<DashboardStore, DebugStore>();

/** The debug store of this dashboard (created on first use). */
export function debugStoreOf(dash: DashboardStore, env?: Pick<AppEnv, 'debugHistoryFile'>): DebugStore {
  let d = debugStores.get(dash);
  if (!d) {
    const historyFile = env?.debugHistoryFile === undefined ? defaultHistoryPath() : env.debugHistoryFile;
    d = createDebugStore({
      call: debugCallerFrom(dash.client),
      listApps: appListerFrom(dash.client),
      ...(historyFile ? { historyFile } : {}),
    });
    debugStores.set(dash, d);
  }
  return d;
}

/**
 * Audit identity: the profile ("demo" with --demo, "-" when the credentials came from no profile, as
 * `instance` says "-" for none) and the principal (masked AK id / IAM user), never a secret.
 */
export function auditIdentity(env: Pick<AppEnv, 'header'>, instanceId: string | null) {
  const h = env.header;
  return {
    who: h.principal ?? h.authSource ?? 'unknown',
    profile: h.profile ?? (h.demo ? 'demo' : '-'),
    instance: instanceId ?? '-',
  };
}

/** A mutations store for the current instance; after a change every visible view reloads. */
export function createShellMutations(
  dash: DashboardStore,
  env: AppEnv,
  instanceId: string | null,
  session: SessionGate = decideSession(env.header, dash.client),
): MutationStore {
  wireAuditView(dash, env);
  return createMutationStore({
    port: clientPort(
      dash.client.instance(instanceId ?? ''),
      env.requestIds,
      dash.client.link(instanceId ?? ''),
    ),
    readOnly: session.readOnly,
    identity: auditIdentity(env, instanceId),
    audit: createAuditLog({
      ...(env.auditPath ? { path: env.auditPath } : {}),
      ...(env.secrets ? { secrets: env.secrets } : {}),
    }),
    onChanged: () => dash.getState().actions.refreshAll(),
    onAuditError: (e) => dash.getState().actions.showError(e, 'audit log'),
  });
}
