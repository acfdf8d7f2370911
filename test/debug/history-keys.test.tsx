// Debug console history (issue 11 point 7): j/k move in the history, and the "Mark two answers" notice
// does not stay on screen once the comparison opens.
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
  await store.getState().actions.open(inst, api, { mode: 'DEVELOPER' });
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

test('history moves with j/k; the stale "mark two answers" notice is gone in the compare view', async () => {
  const { r, store } = await mount();
  await waitForFrame(r, (f) => f.includes('{cart_id}'));
  await press(r, KEY.down + KEY.down + KEY.down + KEY.clear + 'one', (f) =>
    f.includes('path /v1/order/carts/one'),
  );
  await press(r, KEY.send, (f) => f.includes('HTTP/1.1 200 OK'));
  await store.whenIdle();
  await press(r, '\x14', (f) => /› \{cart_id\}/.test(f));
  await press(r, KEY.clear + 'two', (f) => f.includes('path /v1/order/carts/two'));
  await press(r, KEY.send, (f) => f.includes('/echo/order/carts/two'));
  await store.whenIdle();
  await press(r, KEY.history, (f) => f.includes('DEVELOPER GET /v1/order/carts/two'));
  await press(r, '=', (f) => f.includes('Mark two answers with m first'));
  await press(r, 'm', (f) => (f.match(/● /g) ?? []).length === 1);
  await press(r, 'j', (f) => /^.*carts\/one.*$/m.test(f));
  const marked = await press(r, 'm', (f) => (f.match(/● /g) ?? []).length === 2);
  assert.equal((marked.match(/● /g) ?? []).length, 2, 'j moved to the second entry');
  await press(r, 'k', (f) => f.length > 0);
  const cmp = await press(r, '=', (f) => f.includes('Older call'));
  assert.doesNotMatch(cmp, /Mark two answers/);
});
