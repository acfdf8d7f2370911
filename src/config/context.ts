// What the dashboard receives from the CLI: the resolved configuration, a ready client and the flags
// the status bar shows (auth source, read-only, insecure in red, demo).
import type { RequestIdTap } from '../actions/client-port.ts';
import type { RomaClient } from '../api/client.ts';
import type { ResolvedConfig } from './resolve.ts';

export interface DashboardContext {
  config: ResolvedConfig;
  client: RomaClient;
  /** e.g. `profile prod`, `env HW_*`, `demo emulator`. */
  authSource: string;
  readOnly: boolean;
  insecure: boolean;
  demo: boolean;
  logFile?: string;
  /** Present with --demo: the emulator the client talks to, on a worker thread of this process. */
  emulator?: { close(): Promise<void>; onStop(listener: (why: string) => void): void };
  warnings: string[];
  /** Plugged into the client's onRequest: the request id of each write, for the audit log. */
  requestIds: RequestIdTap;
  /** The session's secret values (AK/SK/token/password), for redaction only; never rendered. */
  secrets(): string[];
}
