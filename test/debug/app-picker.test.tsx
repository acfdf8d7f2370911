// Debug console app picker (issue 11 point 7): the apps authorized for the API in the chosen stage come
// first, marked "authorized in RELEASE"; the others follow, marked "not authorized". Real HTTP to the
// emulator: the authorization is made with 4.18.1 and the picker reads it back with 4.18.6.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { render, cleanup } from 'ink-testing-library';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { createRomaClient, type RomaClient } from '../../src/api/client.ts';
import { akskProvider } from '../../src/auth/providers.ts';
import { KeyRouterProvider } from '../../src/keys/router.tsx';
import { createDebugStore, debugCallerFrom } from '../../src/store/debug.ts';
import { debugReadsVia } from '../../src/app/debug-reads.ts';
import { createDashboardStore } from '../../src/store/store.ts';
import type { DebugApiDefinition } from '../../src/debug/types.ts';
import { DebugScreen } from '../../screens/debug/DebugScreen.tsx';
import { settle, waitForFrame } from '../helpers/ink.ts';

const DOWN = '\x1b[B';
const RIGHT = '\x1b[C';

let emu: EmulatorHandle;
let client: RomaClient;
let inst: string;

before(async () => {
  emu = await startEmulator({ seed: 'demo' });
  client = createRomaClient({
    endpoint: emu.endpoint,
    projectId: emu.projectId,
    auth: akskProvider({ ak: emu.ak, sk: emu.sk }),
  });
  inst = emu.instances[0]!;
});
after(() => emu.close());
afterEach(() => cleanup());

test('the authorized app comes first and is marked; the others are marked not authorized', async () => {
  const c = client.instance(inst);
  const envs = await c.envs.listAll({});
  const release = envs.find((e) => e.name === 'RELEASE');
  assert.ok(release);
  const apis = await c.apis.listAll({});
  const target = apis.find(
    (a) => a.auth_type === 'APP' && (a.run_env_name ?? '').split('|').includes('RELEASE'),
  );
  assert.ok(target, 'an APP API published in RELEASE');
  // A known start: no authorization of this API, then one app authorized in RELEASE over HTTP.
  const db = emu.state.stores.get(inst)!;
  for (const [id, a] of db.data.appAuths) if (a.api_id === target.id) db.data.appAuths.delete(id);
  const apps = (await c.apps.listAll({})).filter((a) => a.app_key && a.app_secret);
  assert.ok(apps.length >= 3);
  const chosen = apps.at(-1)!; // last in list order: only the ordering can bring it first
  await c.appAuths.authorize({ env_id: release.id, app_ids: [chosen.id], api_ids: [target.id] });

  const store = createDebugStore({
    call: debugCallerFrom(client),
    ...debugReadsVia(createDashboardStore(client)),
  });
  const api = (await c.apis.get(target.id)) as DebugApiDefinition;
  await store.getState().actions.open(inst, { ...api, run_env_name: 'RELEASE' }, { mode: 'CONSUMER' });
  await store.whenIdle();
  const r = render(
    <KeyRouterProvider>
      <DebugScreen store={store} width={140} height={40} />
    </KeyRouterProvider>,
  );
  await settle();
  await waitForFrame(r, (f) => /stage\s+RELEASE/.test(f));
  for (let i = 0; i < 30 && !/app\s+◂/.test(r.lastFrame() ?? ''); i++) {
    r.stdin.write(DOWN);
    await settle();
  }
  await waitForFrame(r, (f) => /app\s+◂/.test(f));
  r.stdin.write(RIGHT);
  const first = await waitForFrame(r, (f) => /app\s+◂ .+ ▸/.test(f) && f.includes(chosen.name));
  assert.match(first, new RegExp(`${chosen.name} · authorized in RELEASE`));
  assert.equal(store.getState().form?.appKey, chosen.app_key);
  r.stdin.write(RIGHT);
  const second = await waitForFrame(r, (f) => /not authorized in RELEASE/.test(f));
  assert.doesNotMatch(second, new RegExp(`${chosen.name} ·`));
});
