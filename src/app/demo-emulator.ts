// Starts the --demo emulator on a worker thread (src/emulator/demo-worker.ts) and answers its facts
// and a close(). The worker's script is the build's dist/demo-worker.js, or the source under tsx.
import { Worker } from 'node:worker_threads';
import type { DemoEmulatorFacts } from '../emulator/demo-worker.ts';
import { within } from './within.ts';

declare const __ROMA_DASH_DEMO_WORKER__: string | undefined;

export interface DemoEmulator extends DemoEmulatorFacts {
  /** Ends the worker; after CLOSE_WAIT_MS it is terminated, whatever it was still doing. */
  close(): Promise<void>;
  /** Called when the worker ends without close(): an uncaught error in the emulator, with its message. */
  onStop(listener: (why: string) => void): void;
}

const CLOSE_WAIT_MS = 1000;
const DEMO_WORKER =
  typeof __ROMA_DASH_DEMO_WORKER__ === 'string' ? __ROMA_DASH_DEMO_WORKER__ : './emulator/demo-worker.ts';

// The launcher (dist/cli.js) starts the worker before the bundle is even read, when `--demo` is on
// its command line, and leaves the promise here for the CLI to claim: the worker then boots and
// seeds while main.js and the UI load.
const EARLY = Symbol.for('roma-dash.demo-emulator');
type Early = { [EARLY]?: Promise<DemoEmulator> };

/** Starts the worker now; `claimDemoEmulator` takes it over. */
export function startDemoEmulatorEarly(base: string): void {
  const p = startDemoEmulator(base);
  p.catch(() => undefined); // claimed and awaited by the CLI, which reports the failure
  (globalThis as Early)[EARLY] = p;
}

/** The emulator the launcher started, or a new one. */
export function claimDemoEmulator(base: string): Promise<DemoEmulator> {
  const g = globalThis as Early;
  const early = g[EARLY];
  delete g[EARLY];
  return early ?? startDemoEmulator(base);
}

/**
 * `base`: the URL the worker's path is relative to (the bundle's main.js, or src/cli.tsx);
 * `script`: another worker speaking the same protocol (tests).
 */
export function startDemoEmulator(base: string, script = DEMO_WORKER): Promise<DemoEmulator> {
  const worker = new Worker(new URL(script, base));
  let lastError: Error | undefined;
  let closing = false;
  const stopListeners: Array<(why: string) => void> = [];
  worker.on('error', (e) => (lastError = e));
  let ended = false;
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      ended = true;
      resolve();
      if (!closing)
        for (const l of stopListeners)
          l(lastError?.message ?? `the emulator thread ended (exit code ${code})`);
    }),
  );
  return new Promise((resolve, reject) => {
    void exited.then(() => reject(lastError ?? new Error('the demo emulator ended before it was ready')));
    worker.once('message', (m: DemoEmulatorFacts | { error: string }) => {
      if ('error' in m) return reject(new Error(`the demo emulator did not start: ${m.error}`));
      resolve({
        ...m,
        async close() {
          closing = true;
          worker.postMessage('close');
          await within(exited, CLOSE_WAIT_MS);
          if (!ended) await worker.terminate();
        },
        onStop(listener) {
          stopListeners.push(listener);
        },
      });
    });
  });
}
