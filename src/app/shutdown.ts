// What has to happen between a signal (Ctrl-C, SIGTERM, SIGHUP) and the exit: a change in flight is
// audited as `unknown`, an open $EDITOR is ended and its temp directory removed. runDashboard creates
// one and hands it to the app (AppEnv.shutdown); parts register their tasks, runDashboard runs them.

export type ExitSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

/** 128 + the signal number, as a shell reports a process ended by that signal. */
export const SIGNAL_EXIT_CODE: Record<ExitSignal, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

export interface HoldOptions {
  /**
   * While this is held, Ctrl-C belongs to it (an editor in the foreground gets the terminal's SIGINT
   * too, and uses Ctrl-C itself), so SIGINT does not end the dashboard — as git does around $EDITOR.
   */
  ownsInterrupt?: boolean;
}

export interface Shutdown {
  /** Aborted once a signal arrived: work that can end itself (an editor) listens to it. */
  readonly signal: AbortSignal;
  /** Runs `task` when a signal arrives, before the exit; returns the function that unregisters it. */
  onSignal(task: (sig: ExitSignal) => Promise<void> | void): () => void;
  /** The exit waits for `work` to settle (after aborting `signal`). */
  hold(work: Promise<unknown>, opts?: HoldOptions): void;
  /** Whether SIGINT should be left to something that owns it now (see HoldOptions). */
  interruptOwned(): boolean;
  /** Aborts `signal`, runs the tasks and waits for them and for everything held. Runs once. */
  run(sig: ExitSignal): Promise<void>;
}

export function createShutdown(): Shutdown {
  const abort = new AbortController();
  const tasks = new Set<(sig: ExitSignal) => Promise<void> | void>();
  const held = new Map<Promise<unknown>, HoldOptions>();
  let running: Promise<void> | undefined;
  return {
    signal: abort.signal,
    onSignal(task) {
      tasks.add(task);
      return () => void tasks.delete(task);
    },
    hold(work, opts = {}) {
      const settled = work.then(
        () => undefined,
        () => undefined,
      );
      held.set(settled, opts);
      void settled.then(() => held.delete(settled));
    },
    interruptOwned: () => [...held.values()].some((o) => o.ownsInterrupt === true),
    run(sig) {
      running ??= (async () => {
        abort.abort(new Error(`${sig}: the dashboard is exiting`));
        await Promise.allSettled([...tasks].map(async (t) => t(sig)));
        await Promise.allSettled([...held.keys()]);
      })();
      return running;
    },
  };
}
