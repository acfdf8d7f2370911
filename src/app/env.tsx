// What the shell knows about where it runs: header facts, how to write raw escape sequences (OSC 52).
import type { RequestIdTap } from '../actions/client-port.ts';
import type { ResumeStore } from './resume.ts';
import type { ClipboardPolicy } from './clipboard.ts';
import type { Shutdown } from './shutdown.ts';
import { createContext, useContext, type ReactNode } from 'react';

export interface HeaderInfo {
  profile?: string;
  /** Region name or endpoint URL. */
  where: string;
  projectId: string;
  authSource?: string;
  /** Who acts, for the audit log (`principalOf`, src/app/identity.ts): AK id masked or IAM user. */
  principal?: string;
  demo?: boolean;
  readOnly?: boolean;
  insecure?: boolean;
}

export interface AppEnv {
  header: HeaderInfo;
  /** Writes bytes straight to the terminal (OSC 52 copy). */
  writeRaw: (s: string) => void;
  /** Period `R` turns auto-refresh on with, when no --refresh was given. */
  defaultRefreshMs: number;
  /** Inside tmux: copies go to tmux's buffer (src/app/clipboard.ts). */
  tmux: boolean;
  /** Hands text to tmux's paste buffer (tests inject a fake); default runs `tmux load-buffer -w -`. */
  tmuxLoadBuffer?: (text: string) => boolean;
  /** What is known about the terminal's clipboard (src/app/clipboard.ts); absent: OSC 52 assumed. */
  clipboard?: ClipboardPolicy;
  /** Audit log of mutations; default `$XDG_STATE_HOME/roma-dash/audit.log`. */
  auditPath?: string;
  /** The tap on the client's onRequest: each write's X-Request-Id goes into its audit line. */
  requestIds?: RequestIdTap;
  /** The session's secret values (AK/SK/token/password): redacted from the audit log, never shown. */
  secrets?: () => readonly string[];
  /** Debug-console history file; default `defaultHistoryPath()`; null keeps it in memory. */
  debugHistoryFile?: string | null;
  /** Edits a text in $EDITOR (tests inject one); default: the real editor, the terminal suspended. */
  editText?: (initial: string) => Promise<string>;
  /** Profiles of the config file for `:ctx` (absent in --demo: only instances switch there). */
  profiles?: ProfileSwitcher;
  /** A successful action's result closes by itself after this many ms (default 4000; null: only on a key). */
  resultCloseMs?: number | null;
  /** What runDashboard does on a signal before exiting (audit a change in flight, end $EDITOR). */
  shutdown?: Shutdown;
  /** The saved view and palette history of this profile (src/app/resume.ts); default: memory only. */
  resume?: ResumeStore;
}

export interface ProfileSwitcher {
  names: readonly string[];
  /** Re-resolves the config for `name`, builds a new client and store; rejects with a RomaError. */
  switchTo(name: string): Promise<void>;
}

const EnvContext = createContext<AppEnv | null>(null);

export function AppEnvProvider({ env, children }: { env: AppEnv; children: ReactNode }) {
  return <EnvContext.Provider value={env}>{children}</EnvContext.Provider>;
}

export function useAppEnv(): AppEnv {
  const e = useContext(EnvContext);
  if (!e) throw new Error('useAppEnv outside <AppEnvProvider>');
  return e;
}

export { copyToClipboard } from './clipboard.ts';
