// Starts the full-screen dashboard and guarantees the terminal is restored on every way out:
// q, Ctrl-C, SIGTERM/SIGHUP, and an uncaught error (printed after the restore). On Ctrl-C and the
// signals, a change in flight is audited (outcome unknown) and an open $EDITOR ended first; the exit
// status is then 128 + the signal number (130, 143, 129), as a shell reports it.
import { render, useInput } from 'ink';
import { watchFocus } from './auto-refresh.ts';
import { createSessionStore, prefetchFirstScreen } from './first-screen.ts';
import type { ReactNode } from 'react';
import type { RequestIdTap } from '../actions/client-port.ts';
import type { RomaClient } from '../api/client.ts';
import { createSessionStores, type SessionStores } from './session-stores.ts';
import { App } from './App.tsx';
import type { DashboardStore } from '../store/store.ts';
import type { AppEnv, HeaderInfo } from './env.tsx';
import { clipboardPolicyFromEnv } from './clipboard.ts';
import { createShutdown, SIGNAL_EXIT_CODE, type ExitSignal } from './shutdown.ts';
import './modals.tsx';
import { openResume, resumeKey, type ResumeStore } from './resume.ts';

/** What one profile gives the dashboard: a client and the header facts. */
export interface Session {
  client: RomaClient;
  header: HeaderInfo;
  instanceId?: string | null;
  /** The client's onRequest tap: request ids of writes, for the audit log. */
  requestIds?: RequestIdTap;
  /** Secret values of this session, redacted from the audit log; never rendered. */
  secrets?: () => readonly string[];
  /** Problems found while resolving it (a credential file readable by others): shown in the status line. */
  warnings?: readonly string[];
}

export interface RunOptions extends Session {
  /** --refresh SECONDS; off when absent. */
  autoRefreshMs?: number | null;
  /** Profiles `:ctx` can switch to; `open` resolves one into a new session (throws a RomaError). */
  profiles?: { names: readonly string[]; open(name: string): Promise<Session> };
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
  /** Where the last view and the palette history are kept (src/app/resume.ts); absent = memory only. */
  statePath?: string;
  /** The first session's store when the caller created it (and started its reads) before loading the UI. */
  store?: DashboardStore;
}

export async function runDashboard(opts: RunOptions): Promise<number> {
  const stdout = opts.stdout ?? process.stdout;
  const newStore = (s: Session): DashboardStore =>
    createSessionStore(s.client, s.instanceId ?? null, opts.autoRefreshMs ?? null);
  let store = opts.store ?? newStore(opts);
  if (!opts.store) void prefetchFirstScreen(store);
  // Printed on stderr before the alternate screen hides them: the status line says them again.
  const showWarnings = (s: Session, st: DashboardStore) => {
    if (s.warnings && s.warnings.length > 0)
      st.getState().actions.setStatus({ level: 'warning', text: s.warnings.join(' · ') });
  };
  showWarnings(opts, store);
  let generation = 0;
  let stores: SessionStores | undefined;
  const shutdown = createShutdown();
  let exitCode = 0;
  let resume: ResumeStore | undefined;
  const view = (session: Session) => {
    resume?.flush();
    const st = store;
    resume = openResume({
      ...(opts.statePath !== undefined ? { path: opts.statePath } : {}),
      key: resumeKey(session.header),
      ...(session.secrets ? { secrets: session.secrets } : {}),
      onProblem: (text) => st.getState().actions.setStatus({ level: 'warning', text }),
    });
    const env: AppEnv = {
      resume,
      shutdown,
      header: session.header,
      writeRaw: (s) => void stdout.write(s),
      defaultRefreshMs: opts.autoRefreshMs ?? 5000,
      tmux: Boolean(process.env.TMUX),
      clipboard: clipboardPolicyFromEnv(process.env),
      ...(session.requestIds ? { requestIds: session.requestIds } : {}),
      ...(session.secrets ? { secrets: session.secrets } : {}),
      ...(opts.profiles ? { profiles: { names: opts.profiles.names, switchTo } } : {}),
    };
    // the session's stores, once per session (start, profile switch), beside its dashboard store
    stores?.dispose();
    stores = createSessionStores(store, env);
    // a new key remounts the shell: no view of the old profile survives the switch
    return (
      <OnCtrlC onPress={() => onSignal('SIGINT')}>
        <App key={generation} store={store} env={env} stores={stores} />
      </OnCtrlC>
    );
  };
  // Profile switch: the app keeps running; the old store's requests are aborted.
  async function switchTo(name: string): Promise<void> {
    if (!opts.profiles) return;
    const session = await opts.profiles.open(name);
    const old = store;
    store = newStore(session);
    showWarnings(session, store);
    generation += 1;
    instance.rerender(view(session));
    old.dispose();
  }
  let failure: unknown;
  // focus reports (asked for while auto-refresh is on) go to the current store, not to the keys
  const unwatchFocus = watchFocus(opts.stdin ?? process.stdin, (f) => store.getState().actions.setFocused(f));
  const instance = render(view(opts), {
    stdout,
    ...(opts.stdin ? { stdin: opts.stdin } : {}),
    alternateScreen: true,
    incrementalRendering: true,
    // Ctrl-C is handled as SIGINT (OnCtrlC): the exit must wait for the audit of a change in flight.
    exitOnCtrlC: false,
    patchConsole: true,
    maxFps: 30,
  });
  const stop = (err?: unknown) => {
    if (err !== undefined && failure === undefined) failure = err;
    instance.unmount();
  };
  function onSignal(sig: ExitSignal): void {
    // an open editor has Ctrl-C (the terminal sent SIGINT to it as well): the dashboard stays
    if (sig === 'SIGINT' && shutdown.interruptOwned()) return;
    // a second signal while the first is being handled ends at once
    if (exitCode !== 0) return stop();
    exitCode = SIGNAL_EXIT_CODE[sig];
    void shutdown.run(sig).finally(() => stop());
  }
  const signalHandlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((sig) => {
    const h = () => onSignal(sig);
    process.on(sig, h);
    return () => void process.off(sig, h);
  });
  const onError = (err: unknown) => stop(err);
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  try {
    await instance.waitUntilExit();
  } catch (err) {
    failure ??= err;
  } finally {
    unwatchFocus();
    resume?.flush();
    store.dispose();
    for (const off of signalHandlers) off();
    process.off('uncaughtException', onError);
    process.off('unhandledRejection', onError);
  }
  if (failure !== undefined) {
    // After unmount the alternate screen is gone: the message lands on the normal screen.
    process.stderr.write(
      `roma-dash: ${failure instanceof Error ? (failure.stack ?? failure.message) : String(failure)}\n`,
    );
    return 1;
  }
  return exitCode;
}

/** Ctrl-C in raw mode arrives as a key, not as SIGINT: hand it to the same handler. */
function OnCtrlC({ onPress, children }: { onPress: () => void; children: ReactNode }) {
  useInput((input, key) => {
    if (key.ctrl && input === 'c') onPress();
  });
  return <>{children}</>;
}
