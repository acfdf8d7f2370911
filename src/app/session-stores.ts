// The session's stores: created once at start beside the dashboard store (runDashboard; a profile
// switch makes a new dashboard store, so a new session), never during render: the read-only gate,
// the debug console's store (4.3.8) and the mutations store of the current instance (a new one when
// the instance changes, made by the store subscription, not by a render).
import { createContext, createElement, useContext, type ReactNode } from 'react';
import { createAuditLog } from '../actions/audit.ts';
import { clientPort } from '../actions/client-port.ts';
import { defaultHistoryPath } from '../debug/history.ts';
import { createDebugStore, debugCallerFrom, type DebugStore } from '../store/debug.ts';
import { debugReadsVia } from './debug-reads.ts';
import { createMutationStore, type MutationStore } from '../store/mutations.ts';
import type { DashboardStore } from '../store/store.ts';
import type { AppEnv } from './env.tsx';
import type { SessionGate } from '../../screens/types.ts';
import { decideSession } from './session.ts';
import { wireAuditView } from './audit-wiring.ts';
import { installCapabilities } from './capabilities.ts';

export interface SessionStores {
  readonly dash: DashboardStore;
  /** Read-only, decided once (session.ts). */
  readonly gate: SessionGate;
  readonly debug: DebugStore;
  /** The mutations store of the current instance. */
  mutations(): MutationStore;
  /** Called when `mutations()` changes (another instance). */
  subscribe(listener: () => void): () => void;
  dispose(): void;
}

export function createSessionStores(dash: DashboardStore, env: AppEnv): SessionStores {
  installCapabilities();
  const gate = decideSession(env.header, dash.client);
  const historyFile = env.debugHistoryFile === undefined ? defaultHistoryPath() : env.debugHistoryFile;
  const debug = createDebugStore({
    call: debugCallerFrom(dash.client),
    ...debugReadsVia(dash),
    ...(historyFile ? { historyFile } : {}),
  });
  let instanceId = dash.getState().instanceId;
  let mutations = createShellMutations(dash, env, instanceId, gate);
  const listeners = new Set<() => void>();
  const unsubscribe = dash.subscribe((s) => {
    if (s.instanceId === instanceId) return;
    instanceId = s.instanceId;
    mutations = createShellMutations(dash, env, instanceId, gate);
    for (const l of listeners) l();
  });
  return {
    dash,
    gate,
    debug,
    mutations: () => mutations,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    dispose: unsubscribe,
  };
}

const SessionStoresContext = createContext<SessionStores | null>(null);

export function SessionStoresProvider({ stores, children }: { stores: SessionStores; children: ReactNode }) {
  return createElement(SessionStoresContext.Provider, { value: stores }, children);
}

export function useSessionStores(): SessionStores {
  const s = useContext(SessionStoresContext);
  if (!s) throw new Error('useSessionStores outside <SessionStoresProvider>');
  return s;
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
