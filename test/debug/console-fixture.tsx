// The 4.3.8 debug console on its own (ink-testing-library), its store talking to the demo emulator
// over loopback, opened on `get_cart`: the setup the console's screen tests share.
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { createRomaClient, type RomaClient } from '../../src/api/client.ts';
import { akskProvider } from '../../src/auth/providers.ts';
import { KeyRouterProvider } from '../../src/keys/router.tsx';
import { createDebugStore, debugCallerFrom, type DebugStore } from '../../src/store/debug.ts';
import { debugReadsVia } from '../../src/app/debug-reads.ts';
import { createDashboardStore } from '../../src/store/store.ts';
import type { DebugApiDefinition } from '../../src/debug/types.ts';
import { DebugScreen } from '../../screens/debug/DebugScreen.tsx';
import { settle, waitForFrame } from '../helpers/ink.ts';

export const KEY = {
  down: '\x1b[B',
  tab: '\t',
  send: '\x18',
  clear: '\x15',
  addRow: '\x0e',
  rerun: '\x12',
  history: '\x0f',
  enter: '\r',
};

export interface ConsoleFixture {
  emu: EmulatorHandle;
  client: RomaClient;
  inst: string;
  /** `get_cart` of the demo seed, as 4.3.5 answers it. */
  api: DebugApiDefinition;
}

export async function startConsoleFixture(): Promise<ConsoleFixture> {
  const emu = await startEmulator({ seed: 'demo' });
  const client = createRomaClient({
    endpoint: emu.endpoint,
    projectId: emu.projectId,
    auth: akskProvider({ ak: emu.ak, sk: emu.sk }),
  });
  const inst = emu.instances[0]!;
  const list = await client.instance(inst).apis.listAll({});
  const cart = list.find((a) => a.name === 'get_cart');
  assert.ok(cart);
  const api = (await client.instance(inst).apis.get(cart.id)) as DebugApiDefinition;
  return { emu, client, inst, api };
}

export interface MountedConsole {
  r: ReturnType<typeof render>;
  store: DebugStore;
  /** What the console copied (its `copy`), in order. */
  copies: string[];
  /** Temp directory holding the history file; files are saved relative to it. */
  dir: string;
}

/** The console opened on the API (DEVELOPER mode unless `open` opens it otherwise). */
export async function mountConsole(
  fx: ConsoleFixture,
  opts: { width?: number; open?: (store: DebugStore) => Promise<void> } = {},
): Promise<MountedConsole> {
  const dir = await mkdtemp(join(tmpdir(), 'rd-debug-screen-'));
  const store = createDebugStore({
    call: debugCallerFrom(fx.client),
    listApps: debugReadsVia(createDashboardStore(fx.client)).listApps,
    historyFile: join(dir, 'debug-history.json'),
  });
  await (opts.open
    ? opts.open(store)
    : store.getState().actions.open(fx.inst, fx.api, { mode: 'DEVELOPER' }));
  const copies: string[] = [];
  const r = render(
    <KeyRouterProvider>
      <DebugScreen
        store={store}
        width={opts.width ?? 140}
        height={40}
        copy={(t) => copies.push(t)}
        cwd={dir}
      />
    </KeyRouterProvider>,
  );
  await settle();
  return { r, store, copies, dir };
}

/** Types `keys` and waits for the frame `until` accepts. */
export async function press(
  r: ReturnType<typeof render>,
  keys: string,
  until: (f: string) => boolean,
): Promise<string> {
  r.stdin.write(keys);
  return waitForFrame(r, until);
}
