import { createContext, useContext, type ReactNode } from 'react';
import { useStore as useZustandStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { DashboardState, DashboardStore } from './store.ts';

const StoreContext = createContext<DashboardStore | null>(null);

export function StoreProvider({ store, children }: { store: DashboardStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useDashboardStore(): DashboardStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useDashboardStore must be used inside <StoreProvider>');
  return store;
}

/** Subscribes to one selected value; the component re-renders only when it changes (Object.is). */
export function useStore<T>(selector: (s: DashboardState) => T): T {
  return useZustandStore(useDashboardStore(), selector);
}

/** Same, for selectors that build a new object/array each time (compared shallowly). */
export function useStoreShallow<T>(selector: (s: DashboardState) => T): T {
  return useZustandStore(useDashboardStore(), useShallow(selector));
}

export function useActions(): DashboardState['actions'] {
  return useZustandStore(useDashboardStore(), (s) => s.actions);
}
