// The --demo emulator on a worker thread of the CLI's own process: its code loads and its data is
// seeded on the second core while the main thread loads the UI (start-up, issue 18). It is the same
// emulator over real HTTP on loopback; the main thread sees only its address and credentials.
// Protocol: posts DemoEmulatorFacts once listening (or { error }); on any message, closes and ends
// the thread, whatever is still running in it (an executed debug call's backend request).
import module from 'node:module';
import { parentPort } from 'node:worker_threads';

// As the launcher does on the main thread: V8's code cache on disk for what this thread compiles,
// turned on before the emulator's code is imported.
module.enableCompileCache?.();
const { startEmulator } = await import('./index.ts');

/** What the main thread needs of the demo emulator: where it listens and how to sign for it. */
export interface DemoEmulatorFacts {
  endpoint: string;
  projectId: string;
  ak: string;
  sk: string;
  instances: string[];
}

const port = parentPort;
if (port) {
  try {
    const emu = await startEmulator({ seed: 'demo' });
    const facts: DemoEmulatorFacts = {
      endpoint: emu.endpoint,
      projectId: emu.projectId,
      ak: emu.ak,
      sk: emu.sk,
      instances: emu.instances,
    };
    port.once('message', () => {
      // process.exit in a worker ends this thread only
      void emu.close().finally(() => process.exit(0));
    });
    port.postMessage(facts);
  } catch (e) {
    port.postMessage({ error: e instanceof Error ? e.message : String(e) });
    port.close();
  }
}
