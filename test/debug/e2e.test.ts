// The debug console's store driven through the real client against the emulator over loopback HTTP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { createRomaClient, type RomaClient } from '../../src/api/client.ts';
import { akskProvider } from '../../src/auth/providers.ts';
import type { ApiSummary } from '../../src/api/types/apis.ts';
import { createDebugStore, debugCallerFrom, type DebugStore } from '../../src/store/debug.ts';
import { debugReadsVia } from '../../src/app/debug-reads.ts';
import { createDashboardStore } from '../../src/store/store.ts';
import { parseRawResponse, headerValue } from '../../src/debug/raw.ts';
import type { DebugApiDefinition } from '../../src/debug/types.ts';

let emu: EmulatorHandle;
let client: RomaClient;
let inst: string;
let apis: ApiSummary[];
let historyFile: string;

before(async () => {
  emu = await startEmulator({ seed: 'demo' });
  client = createRomaClient({
    endpoint: emu.endpoint,
    projectId: emu.projectId,
    auth: akskProvider({ ak: emu.ak, sk: emu.sk }),
  });
  inst = emu.instances[0]!;
  apis = await client.instance(inst).apis.listAll({});
  historyFile = join(await mkdtemp(join(tmpdir(), 'rd-debug-e2e-')), 'roma-dash', 'debug-history.json');
});
after(() => emu.close());

function newStore(): DebugStore {
  return createDebugStore({
    call: debugCallerFrom(client),
    listApps: debugReadsVia(createDashboardStore(client)).listApps,
    historyFile,
  });
}

/** The detail (4.3.5) of the first API matching `pred`, as the console gets it from the APIs screen. */
async function pick(pred: (a: ApiSummary) => boolean): Promise<DebugApiDefinition> {
  const a = apis.find(pred);
  assert.ok(a, 'the demo seed has an API of this kind');
  return (await client.instance(inst).apis.get(a.id)) as DebugApiDefinition;
}
const published = (a: ApiSummary) => (a.run_env_name ?? '').split('|').includes('RELEASE');

async function sendAndWait(store: DebugStore): Promise<void> {
  assert.equal(await store.getState().actions.send(), true, JSON.stringify(store.getState().errors));
  await store.whenIdle();
}

function answerOf(store: DebugStore) {
  const s = store.getState();
  assert.equal(s.error, null, `debug call failed: ${JSON.stringify(s.error)}`);
  assert.ok(s.answer);
  return { ...parseRawResponse(s.answer.response), answer: s.answer };
}

test('MOCK API in DEVELOPER mode answers its mock content', async () => {
  const api = await pick((a) => a.backend_type === 'MOCK' && a.auth_type === 'NONE' && !published(a));
  const store = newStore();
  await store.getState().actions.open(inst, api);
  assert.equal(store.getState().form?.mode, 'DEVELOPER');
  await sendAndWait(store);
  const r = answerOf(store);
  assert.equal(r.status, 200);
  assert.ok(r.body.length > 0);
  assert.ok(headerValue(r.headers, 'X-Request-Id'));
  assert.equal(typeof r.answer.latency, 'number');
});

test('HTTP API: path params, query, headers and body arrive at the echo backend (DEVELOPER)', async () => {
  const api = await pick(
    (a) =>
      a.backend_type === 'HTTP' &&
      a.auth_type === 'NONE' &&
      /\{/.test(a.req_uri ?? '') &&
      a.req_method === 'GET',
  );
  const store = newStore();
  const { actions } = store.getState();
  await actions.open(inst, api, { mode: 'DEVELOPER' });
  const form = store.getState().form!;
  assert.ok(form.pathParams[0]?.value, 'path param pre-filled from the sample value');
  actions.setRow('pathParams', 0, { value: 'id with space' });
  const limitRow = form.query.findIndex((q) => q.name === 'limit');
  actions.setRow('query', limitRow, { value: '7' });
  const tenantRow = form.headers.findIndex((h) => h.name === 'X-Tenant-Id');
  actions.setRow('headers', tenantRow, { value: 'tenant-42' });
  actions.setField('body', '{"hello":"world"}');
  await sendAndWait(store);
  const r = answerOf(store);
  assert.equal(r.status, 200);
  const echo = JSON.parse(r.body) as {
    path: string;
    query: Record<string, string[]>;
    headers: Record<string, string>;
    body: string;
  };
  assert.match(echo.path, /\/id%20with%20space$/);
  assert.deepEqual(echo.query.limit, ['7']);
  assert.equal(echo.headers['x-tenant-id'], 'tenant-42');
  assert.equal(echo.body, '{"hello":"world"}');
});

test('FUNCTION API in CONSUMER mode on its published environment', async () => {
  const api = await pick((a) => a.backend_type === 'FUNCTION' && a.auth_type === 'NONE' && published(a));
  const store = newStore();
  await store.getState().actions.open(inst, api);
  const form = store.getState().form!;
  assert.equal(form.mode, 'CONSUMER');
  assert.equal(form.stage, 'RELEASE');
  form.pathParams.forEach((_, i) => store.getState().actions.setRow('pathParams', i, { value: 'x1' }));
  await sendAndWait(store);
  const r = answerOf(store);
  assert.equal(r.status, 200);
  assert.match(store.getState().answer!.log, /RELEASE|CONSUMER|function/i);
});

test('APP-auth API in CONSUMER mode: the authorized app passes, a wrong secret is refused by the gateway', async () => {
  const api = await pick(
    (a) => a.auth_type === 'APP' && a.backend_type === 'MOCK' && published(a) && /\{/.test(a.req_uri ?? ''),
  );
  const store = newStore();
  const { actions } = store.getState();
  await actions.open(inst, api);
  assert.ok(store.getState().apps.length > 0, 'the app picker is filled');
  // Without an app the form does not send: APP auth in CONSUMER mode needs a key and secret.
  assert.equal(await actions.send(), false);
  assert.match(store.getState().errors.appKey ?? '', /app key is required/);
  let ok: string | undefined;
  for (const app of store.getState().apps) {
    actions.pickApp(app);
    await sendAndWait(store);
    if (parseRawResponse(store.getState().answer!.response).status === 200) {
      ok = app.app_key;
      break;
    }
  }
  assert.ok(ok, 'some demo app is authorized for this API in RELEASE');
  actions.setField('appSecret', 'definitely-wrong');
  await sendAndWait(store);
  const r = answerOf(store);
  assert.equal(r.status, 401);
  assert.match(r.body, /APIG\.0303/);
  // The history file holds neither secret.
  const text = await readFile(historyFile, 'utf8');
  assert.doesNotMatch(text, /definitely-wrong/);
  for (const app of store.getState().apps) assert.ok(!text.includes(app.app_secret));
});

test('failing backend: the gateway answer carries the backend 500; an unreachable one is a 502', async () => {
  const api = await pick(
    (a) =>
      a.backend_type === 'HTTP' &&
      a.auth_type === 'NONE' &&
      !/\{/.test(a.req_uri ?? '') &&
      a.req_method === 'GET',
  );
  const def = emu.state.stores.get(inst)!.data.apis.get(api.id)!;
  const original = { ...def.backend_api! };
  try {
    def.backend_api!.req_uri = '/fail';
    const store = newStore();
    await store.getState().actions.open(inst, api, { mode: 'DEVELOPER' });
    await sendAndWait(store);
    assert.equal(answerOf(store).status, 500);
    def.backend_api!.url_domain = '127.0.0.1:1';
    await sendAndWait(store);
    assert.equal(answerOf(store).status, 502);
  } finally {
    Object.assign(def.backend_api!, original);
  }
});

test('a debug call that outlives the client timeout is a TIMEOUT error with a hint; the form is kept', async () => {
  const api = await pick(
    (a) =>
      a.backend_type === 'HTTP' &&
      a.auth_type === 'NONE' &&
      !/\{/.test(a.req_uri ?? '') &&
      a.req_method === 'GET',
  );
  const def = emu.state.stores.get(inst)!.data.apis.get(api.id)!;
  const original = { ...def.backend_api! };
  const impatient = createRomaClient({
    endpoint: emu.endpoint,
    projectId: emu.projectId,
    auth: akskProvider({ ak: emu.ak, sk: emu.sk }),
    timeoutMs: 200,
    retry: { limit: 1, baseMs: 1 },
  });
  try {
    def.backend_api!.req_uri = '/slow'; // the echo backend answers after 1 s by default
    const store = createDebugStore({ call: debugCallerFrom(impatient) });
    await store.getState().actions.open(inst, api, { mode: 'DEVELOPER' });
    store.getState().actions.setField('body', 'keep me');
    await sendAndWait(store);
    const err = store.getState().error;
    assert.equal(err?.code, 'TIMEOUT', JSON.stringify(err));
    assert.match(err?.hint ?? '', /\S/);
    assert.equal(store.getState().form?.body, 'keep me');
  } finally {
    Object.assign(def.backend_api!, original);
  }
});

test('errors of the debug call itself: 404 unknown API, CONSUMER on an unpublished API; the form is kept', async () => {
  const api = await pick((a) => a.backend_type === 'MOCK' && a.auth_type === 'NONE' && !published(a));
  const store = newStore();
  const { actions } = store.getState();
  await actions.open(inst, { ...api, id: 'ffffffffffffffffffffffffffffffff' }, { mode: 'DEVELOPER' });
  actions.setField('body', 'typed by hand');
  await sendAndWait(store);
  const err = store.getState().error;
  assert.equal(err?.status, 404);
  assert.equal(err?.code, 'APIG.3002');
  assert.match(err?.hint ?? '', /refresh/i);
  assert.equal(store.getState().form?.body, 'typed by hand');

  await actions.open(inst, api, { mode: 'CONSUMER', stage: 'RELEASE' });
  await sendAndWait(store);
  // Not published: either the management API refuses, or the gateway answers 404 inside the debug answer.
  const s = store.getState();
  const status = s.error?.status ?? parseRawResponse(s.answer?.response ?? '').status;
  assert.ok(status === 404 || status === 400, `got ${JSON.stringify(s.error ?? s.answer)}`);
});

test('history: re-run the last call and edit an earlier one', async () => {
  const api = await pick(
    (a) =>
      a.backend_type === 'HTTP' &&
      a.auth_type === 'NONE' &&
      /\{/.test(a.req_uri ?? '') &&
      a.req_method === 'GET',
  );
  const store = newStore();
  const { actions } = store.getState();
  await actions.open(inst, api, { mode: 'DEVELOPER' });
  actions.setRow('pathParams', 0, { value: 'first' });
  await sendAndWait(store);
  actions.setRow('pathParams', 0, { value: 'second' });
  await sendAndWait(store);
  const before = store.getState().history.length;
  assert.equal(await actions.rerunLast(), true);
  await store.whenIdle();
  const h = store.getState().history;
  assert.equal(h.length, before + 1);
  assert.match(h[0]!.request.path, /second$/);
  // Reopening reads the persisted history.
  const again = newStore();
  await again.getState().actions.open(inst, api, { mode: 'DEVELOPER' });
  const older = again.getState().history.find((e) => e.request.path.endsWith('/first'));
  assert.ok(older);
  again.getState().actions.editFromHistory(older.id);
  assert.equal(again.getState().form?.pathParams[0]?.value, 'first');
});
