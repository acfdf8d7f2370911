// What screen tests read back from a mounted dashboard (test/app/harness.tsx): a list's rows in the
// store, how many writes the emulator has seen, and the audit log's entry for an action.
import { existsSync, readFileSync } from 'node:fs';
import { listKey } from '../../src/app/data.ts';
import type { Harness } from './harness.tsx';

/** The rows of a list in the store (the current instance, these list parameters). */
export function rowsOf<T = unknown>(h: Harness, family: string, params: Record<string, string> = {}): T[] {
  const s = h.store.getState();
  return (s.resources[family]?.[listKey(s.instanceId, params)]?.data ?? []) as T[];
}

/** POST, PUT and DELETE requests the emulator has answered so far. */
export function writesTo(h: Harness): number {
  const m = h.emu.stats.byMethod;
  return (m.POST ?? 0) + (m.PUT ?? 0) + (m.DELETE ?? 0);
}

/** The newest audit-log entry for `action`, waited for (the log is appended after the answer). */
export async function auditedEntry(h: Harness, action: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 400; i++) {
    const lines = existsSync(h.auditPath) ? readFileSync(h.auditPath, 'utf8').split('\n') : [];
    for (const l of lines.reverse()) {
      try {
        const o = JSON.parse(l) as Record<string, unknown>;
        if (o.action === action) return o;
      } catch {
        // a line being written
      }
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no audit line for ${action}`);
}
