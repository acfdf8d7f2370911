// Debug console stage (issue 11 point 7): in CONSUMER mode the stage is chosen among the environments the
// API is published in (←/→), never typed — `RELEASEX` cannot be entered.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render, cleanup } from 'ink-testing-library';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { createRomaClient, type RomaClient } from '../../src/api/client.ts';
import { akskProvider } from '../../src/auth/providers.ts';
import { KeyRouterProvider } from '../../src/keys/router.tsx';
import { appListerFrom, createDebugStore, debugCallerFrom, type DebugStore } from '../../src/store/debug.ts';
import type { DebugApiDefinition } from '../../src/debug/types.ts';
import { DebugScreen } from '../../screens/debug/DebugScreen.tsx';
import { settle, waitForFrame } from '../helpers/ink.ts';

const KEY = {
  down: '\x1b[B',
  tab: '\t',
  send: '\x18',
  clear: '\x15',
  addRow: '\x0e',
  rerun: '\x12',
  history: '\x0f',
  enter: '\r',
};

let emu: EmulatorHandle;
let client: RomaClient;
let inst: string;
let api: DebugApiDefinition;

before(async () => {
  emu = await startEmulator({ seed: 'demo' });
  client = createRomaClient({
    endpoint: emu.endpoint,
    projectId: emu.projectId,
    auth: akskProvider({ ak: emu.ak, sk: emu.sk }),
  });
  inst = emu.instances[0]!;
  const list = await client.instance(inst).apis.listAll({});
  const cart = list.find((a) => a.name === 'get_cart');
  assert.ok(cart);
  api = (await client.instance(inst).apis.get(cart.id)) as DebugApiDefinition;
});
after(() => emu.close());
afterEach(() => cleanup());

async function mount(): Promise<{ r: ReturnType<typeof render>; store: DebugStore; copies: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'rd-debug-screen-'));
  const store = createDebugStore({
    call: debugCallerFrom(client),
    listApps: appListerFrom(client),
    historyFile: join(dir, 'debug-history.json'),
  });
  await store.getState().actions.open(inst, { ...api, run_env_name: 'RELEASE|TEST' }, { mode: 'CONSUMER' });
  const copies: string[] = [];
  const r = render(
    <KeyRouterProvider>
      <DebugScreen store={store} width={140} height={40} copy={(t) => copies.push(t)} cwd={dir} />
    </KeyRouterProvider>,
  );
  await settle();
  return { r, store, copies };
}

async function press(
  r: ReturnType<typeof render>,
  keys: string,
  until: (f: string) => boolean,
): Promise<string> {
  r.stdin.write(keys);
  return waitForFrame(r, until);
}

test('the stage is a choice among the published environments, not free text', async () => {
  const { r, store } = await mount();
  await waitForFrame(r, (f) => /stage\s+RELEASE/.test(f));
  await press(r, KEY.down, (f) => /stage\s+◂ RELEASE ▸/.test(f));
  await press(r, 'X', (f) => f.length > 0);
  await settle();
  assert.equal(store.getState().form?.stage, 'RELEASE', 'typing does not edit the stage');
  await press(r, '\x1b[C', (f) => /stage\s+◂ TEST ▸/.test(f));
  assert.equal(store.getState().form?.stage, 'TEST');
  await press(r, '\x1b[C', (f) => /stage\s+◂ RELEASE ▸/.test(f));
});
