// Read-only is decided here, once per dashboard (a profile switch makes a new one): the header's flag
// (--read-only or a read-only profile) or the client's own guard. Every other part asks this gate.
import { createContext, createElement, useContext, type ReactNode } from 'react';
import type { SessionGate } from '../../screens/types.ts';

export const READ_ONLY_REASON =
  'read-only session (--read-only or a read-only profile): nothing that changes the gateway is sent';

export function decideSession(header: { readOnly?: boolean }, client: { readOnly: boolean }): SessionGate {
  const readOnly = header.readOnly === true || client.readOnly;
  return { readOnly, readOnlyReason: readOnly ? READ_ONLY_REASON : '' };
}

const SessionContext = createContext<SessionGate | null>(null);

export function SessionProvider({ gate, children }: { gate: SessionGate; children: ReactNode }) {
  return createElement(SessionContext.Provider, { value: gate }, children);
}

export function useSession(): SessionGate {
  const g = useContext(SessionContext);
  if (!g) throw new Error('useSession outside <SessionProvider>');
  return g;
}
