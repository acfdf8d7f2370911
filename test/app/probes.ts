// How screen tests drive and read back a mounted dashboard (test/app/harness.tsx): keys in, a list
// opened; a list's rows in the store, how many writes the emulator has seen, an action's audit entry.
import { existsSync, readFileSync } from 'node:fs';
import { listKey } from '../../src/app/data.ts';
import type { Harness } from './harness.tsx';
import { settle } from '../helpers/ink.ts';
import { until } from '../helpers/until.ts';

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

/** Writes keys to the app's stdin, one commit each (the router applies one key per commit). */
export async function press(h: Harness, keys: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) {
    h.ui.stdin.write(keys);
    await settle();
  }
}

/** Types text one character per commit. */
export async function typeText(h: Harness, text: string): Promise<void> {
  for (const ch of text) await press(h, ch);
}

/** Jumps to a list and waits for its rows. */
export async function openList(h: Harness, screen: string): Promise<void> {
  h.store.getState().actions.jump(screen);
  await until(`${screen} loaded`, () => rowsOf(h, screen).length > 0);
  await settle();
}
