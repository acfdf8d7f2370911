// Where the audit view reads from: the log the shell's mutations store writes (env.auditPath or the
// default), and the dashboard store whose loaded lists name the ids of older lines. Keyed by the
// dashboard's client, the one thing a descriptor's fetch receives.
import type { RomaClient } from '../api/client.ts';
import { auditLogPath } from './audit.ts';

export interface AuditSource {
  path: string;
  /** Names of ids in the lists loaded so far (id → name); empty when not known. */
  knownNames?: () => ReadonlyMap<string, string>;
  /** The session's secret values, scrubbed again on reading. */
  secrets?: () => readonly string[];
}

const sources = new WeakMap<RomaClient, AuditSource>();

export function setAuditSource(client: RomaClient, source: AuditSource): void {
  sources.set(client, source);
}

export function auditSourceOf(client: RomaClient): AuditSource {
  return sources.get(client) ?? { path: auditLogPath() };
}
