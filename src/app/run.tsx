// Starts the full-screen dashboard and guarantees the terminal is restored on every way out:
// q, Ctrl-C, SIGTERM/SIGHUP, and an uncaught error (printed after the restore).
import { render } from 'ink';
import type { RomaClient } from '../api/client.ts';
import { createDashboardStore } from '../store/store.ts';
import { App } from './App.tsx';
import type { HeaderInfo } from './env.tsx';
import './modals.tsx';

export interface RunOptions {
  client: RomaClient;
  header: HeaderInfo;
  instanceId?: string | null;
  /** --refresh SECONDS; off when absent. */
  autoRefreshMs?: number | null;
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
}

export async function runDashboard(opts: RunOptions): Promise<number> {
  const stdout = opts.stdout ?? process.stdout;
  const store = createDashboardStore(opts.client, {
    instanceId: opts.instanceId ?? null,
    rootScreen: opts.instanceId ? 'apis' : 'instances',
    autoRefreshMs: opts.autoRefreshMs ?? null,
  });
  let failure: unknown;
  const instance = render(
    <App
      store={store}
      env={{
        header: opts.header,
        writeRaw: (s) => void stdout.write(s),
        defaultRefreshMs: opts.autoRefreshMs ?? 5000,
        tmux: Boolean(process.env.TMUX),
      }}
    />,
    {
      stdout,
      ...(opts.stdin ? { stdin: opts.stdin } : {}),
      alternateScreen: true,
      incrementalRendering: true,
      exitOnCtrlC: true,
      patchConsole: true,
      maxFps: 30,
    },
  );
  const stop = (err?: unknown) => {
    if (err !== undefined && failure === undefined) failure = err;
    instance.unmount();
  };
  const onSignal = () => stop();
  const onError = (err: unknown) => stop(err);
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  try {
    await instance.waitUntilExit();
  } catch (err) {
    failure ??= err;
  } finally {
    store.dispose();
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
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
  return 0;
}
