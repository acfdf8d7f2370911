import type { NavEntry } from './navigation.ts';
import { EMPTY_SLICE, type ResourceSlice } from './slice.ts';
import type { DashboardState } from './store.ts';

export const selectTop = (s: DashboardState): NavEntry => s.stack[s.stack.length - 1] as NavEntry;

export function selectSlice<T>(family: string, key: string): (s: DashboardState) => ResourceSlice<T> {
  return (s) => (s.resources[family]?.[key] ?? EMPTY_SLICE) as ResourceSlice<T>;
}

export const selectTopModal = (s: DashboardState) => s.modals[s.modals.length - 1] ?? null;
