// Names of the objects a mutation touches, for its audit line: `object` often carries only ids (a
// batch, a binding), and the audit view shows names as well as ids. Pure: walks the action.
import type { MutationAction } from './types.ts';

/** Every `{ id, name }` pair in the action (APIs, environments, policies, apps, items), id → name. */
export function namesOf(action: MutationAction): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (v: unknown, depth: number): void => {
    if (depth > 6 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v.slice(0, 500)) walk(x, depth + 1);
      return;
    }
    const r = v as Record<string, unknown>;
    if (typeof r.id === 'string' && typeof r.name === 'string' && r.id !== '' && r.name !== r.id)
      out[r.id] = r.name;
    for (const x of Object.values(r)) walk(x, depth + 1);
  };
  walk(action, 0);
  return out;
}
