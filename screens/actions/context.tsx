// React access to the mutations store (src/store/mutations.ts), mounted by the app shell.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { MutationState, MutationStore } from '../../src/store/mutations.ts';

const MutationContext = createContext<MutationStore | null>(null);

export function MutationProvider({ store, children }: { store: MutationStore; children: ReactNode }) {
  return <MutationContext.Provider value={store}>{children}</MutationContext.Provider>;
}

export function useMutationStore(): MutationStore {
  const store = useContext(MutationContext);
  if (!store) throw new Error('useMutationStore must be used inside <MutationProvider>');
  return store;
}

export function useMutations<T>(selector: (s: MutationState) => T): T {
  return useStore(useMutationStore(), selector);
}
