// Marks and mutations (issue 11 point 6): a capability run on the marked rows clears those marks once
// its mutation succeeded as a whole (a failed or partial batch keeps them, for a retry), and every
// confirmation says whether it acts on the marked rows or on the cursor row.
import type { DashboardStore } from '../store/index.ts';
import type { MutationStore } from '../store/mutations.ts';

const watching = new WeakMap<MutationStore, () => void>();

/** The words of a confirmation's scope line. */
export function scopeText(marked: number): string {
  return marked > 0
    ? `Acts on the ${marked} marked ${marked === 1 ? 'row' : 'rows'} of the list`
    : 'Acts on the row under the cursor';
}

/**
 * A capability of the top view is about to run with `marked` rows: the next mutation it proposes
 * shows the scope, and clears the marks of that view if it succeeds. A later capability replaces
 * the watch (a cancelled flow leaves nothing behind that an unrelated action would trigger).
 * `marked` null: the capability acts on no row (create, an import), so no scope line and no marks.
 */
export function aimMutations(mutations: MutationStore, store: DashboardStore, marked: number | null): void {
  watching.get(mutations)?.();
  mutations.getState().actions.aim(marked === null ? null : scopeText(marked));
  const seq = store.getState().stack.at(-1)?.seq;
  if (marked === null || marked === 0 || seq === undefined) return;
  const stop = (): void => {
    unsubscribe();
    watching.delete(mutations);
  };
  const unsubscribe = mutations.subscribe((s, prev) => {
    if (s.phase !== 'done' || prev.phase === 'done' || !s.outcome) return;
    stop();
    if (s.outcome.result !== 'ok') return;
    store.setState((st) => ({
      stack: st.stack.map((e) => (e.seq === seq ? { ...e, list: { ...e.list, marked: [] } } : e)),
    }));
  });
  watching.set(mutations, stop);
}

/** The scope line of a dialog that picks among its own rows (bindings, authorizations). */
export function dialogScope(marked: number): string {
  return marked > 0
    ? `Acts on the ${marked} marked ${marked === 1 ? 'row' : 'rows'} of this dialog`
    : 'Acts on the row under the cursor of this dialog';
}
