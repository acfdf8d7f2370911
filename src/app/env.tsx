// What the shell knows about where it runs: header facts, how to write raw escape sequences (OSC 52).
import { createContext, useContext, type ReactNode } from 'react';

export interface HeaderInfo {
  profile?: string;
  /** Region name or endpoint URL. */
  where: string;
  projectId: string;
  authSource?: string;
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
  /** Environment for OSC 52 tmux wrapping. */
  tmux: boolean;
  /** Profiles of the config file for `:ctx` (absent in --demo: only instances switch there). */
  profiles?: ProfileSwitcher;
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

/** OSC 52 "set clipboard"; inside tmux wrapped in a DCS passthrough so it reaches the outer terminal. */
export function osc52(text: string, tmux: boolean): string {
  const seq = `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;
  return tmux ? `\x1bPtmux;${seq.replaceAll('\x1b', '\x1b\x1b')}\x1b\\` : seq;
}
