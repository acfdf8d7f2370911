// Custom backends through the shell against the emulator (4.19): n creates one from the form with its
// script from $EDITOR (Base64 on the wire), e edits the definition without touching the script and then
// the script, P deploys with a frontend API published in a group, T sends the values typed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { listKey } from '../../src/app/data.ts';
import type { LdApi } from '../../src/emulator/model-more.ts';
import type { InstanceStore } from '../../src/emulator/state.ts';
import { selectTopModal } from '../../src/store/index.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { until } from '../helpers/until.ts';

const CTRL_S = '\x13';
const CTRL_U = '\x15';
const CTRL_E = '\x05';
const DOWN = '\x1b[B';
const ESC = '\x1b';
const RELEASE = 'DEFAULT_ENVIRONMENT_RELEASE_ID';

async function press(keys: string, times = 1) {
  for (let i = 0; i < times; i++) {
    h.ui.stdin.write(keys);
    await settle();
  }
}
async function type(text: string) {
  for (const ch of text) await press(ch);
}
const modalOpen = () => selectTopModal(h.store.getState()) !== null;
const decode = (a: LdApi | undefined) => Buffer.from(a?.scripts[0]?.content ?? '', 'base64').toString('utf8');

let h: Harness;
let db: InstanceStore;
const byName = (name: string) => [...db.data.ldApis.values()].find((a) => a.name === name);
function select(name: string) {
  h.store.getState().actions.updateList({ selectedId: byName(name)!.id });
}

before(async () => {
  h = await startHarness({ rootScreen: 'backends' });
  db = h.emu.state.stores.get(h.emu.instances[0] as string)!;
  await until('backends loaded', () => {
    const s = h.store.getState();
    return ((s.resources['backends']?.[listKey(s.instanceId, {})]?.data as unknown[]) ?? []).length > 0;
  });
  await settle();
});
after(() => h?.close());

test("n: a new function backend from the form, its script from $EDITOR, in the selected row's application", async () => {
  const script = 'function execute(data) { return { twice: Number(data.n || 1) * 2 }; }\n';
  h.env.editText = async () => script;
  select('hello_function');
  await settle();
  await press('n');
  await waitForFrame(h.ui, (f) => f.includes('New custom backend') && f.includes('integration app*'));
  await type('twice_it');
  await press(DOWN, 3); // app id (from the row), method, → request path
  await type('/twice');
  await press(DOWN, 7); // version, content type, format, description, parameters, type → script
  await press(CTRL_E);
  await waitForFrame(h.ui, (f) => f.includes('twice: Number'));
  await press(CTRL_S);
  await waitForFrame(h.ui, (f) => f.includes('Review'));
  await press('y');
  await until('created', () => byName('twice_it') !== undefined);
  await until('closed', () => !modalOpen());
  const made = byName('twice_it')!;
  assert.equal(made.roma_app_id, byName('hello_function')!.roma_app_id);
  assert.equal(made.path, '/twice');
  assert.equal(made.type, 'function');
  assert.equal(decode(made), script.trimEnd()); // the form drops the newline editors add
  await waitForFrame(h.ui, (f) => f.includes('Created custom backend twice_it'));
});

test('n: the emulator refuses a duplicate name (APIG.3215) as the name field is left', async () => {
  select('hello_function');
  await settle();
  await press('n');
  await waitForFrame(h.ui, (f) => f.includes('New custom backend'));
  await type('sum_numbers');
  await press(DOWN);
  await waitForFrame(h.ui, (f) => f.includes('APIG.3215'));
  await press(ESC);
  await until('closed', () => !modalOpen());
});

test('e: a description change keeps the script; a script change replaces it', async () => {
  const before = byName('sum_numbers')!;
  const oldScript = decode(before);
  const scriptTime = before.scripts[0]?.created_time;
  select('sum_numbers');
  await settle();
  await press('e');
  await waitForFrame(h.ui, (f) => f.includes('Edit custom backend sum_numbers') && f.includes('/sum'));
  await press(DOWN, 7); // → description
  await press(CTRL_U);
  await type('adds a and b');
  await press(CTRL_S);
  const review = await waitForFrame(h.ui, (f) => f.includes('Review'));
  assert.match(review, /description/);
  await press('y');
  await until('saved', () => byName('sum_numbers')?.description === 'adds a and b');
  await until('closed', () => !modalOpen());
  assert.equal(decode(byName('sum_numbers')), oldScript);
  assert.equal(byName('sum_numbers')!.scripts[0]?.created_time, scriptTime);

  h.env.editText = async (initial) => initial.replace('a + b', 'a + b + 1');
  await press('e');
  await waitForFrame(h.ui, (f) => f.includes('Edit custom backend sum_numbers') && f.includes('/sum'));
  // name, app, method, path, version, content type, format, description, 2 parameter rows × 5 + add, type → script
  await press(DOWN, 8 + 2 * 5 + 1 + 1);
  await press(CTRL_E);
  await press(CTRL_S);
  await waitForFrame(h.ui, (f) => f.includes('Review'));
  await press('y');
  await until('script saved', () => decode(byName('sum_numbers')).includes('a + b + 1'));
  await until('closed', () => !modalOpen());
});

test('T sends the values typed; P deploys with a frontend API published in the group typed', async () => {
  select('sum_numbers');
  await settle();
  await press('T');
  await waitForFrame(h.ui, (f) => f.includes('Test sum_numbers') && f.includes('a (Parameters, required)'));
  await press(CTRL_U);
  await type('5\r');
  await press('\r');
  const confirm = await waitForFrame(h.ui, (f) => f.includes('Test custom backend'));
  assert.match(confirm, /a=5, b=40/);
  const done = await (async () => {
    await press('y');
    return waitForFrame(h.ui, (f) => /Test custom backend: done/.test(f));
  })();
  assert.match(done, /"sum":46/); // the script edited above adds 1
  await press(ESC);
  await waitForFrame(h.ui, (f) => !f.includes('Test custom backend: done'));

  const group = [...db.data.groups.values()][1]!;
  const apisBefore = db.data.apis.size;
  await press('P');
  await waitForFrame(h.ui, (f) => f.includes('Deploy sum_numbers'));
  await type(group.name);
  await press('\r');
  await press('\r'); // RELEASE
  await press(CTRL_U);
  await type('NONE\r');
  await press('\r'); // HTTPS
  await press('\r'); // no authorizer
  const c = await waitForFrame(h.ui, (f) => f.includes('Deploy custom backend with its frontend API'));
  assert.ok(c.includes(group.name) && c.includes('RELEASE: callers reach it at once'));
  await press('y');
  await waitForFrame(h.ui, (f) => /Deploy custom backend with its frontend API: done/.test(f));
  assert.equal(byName('sum_numbers')!.status, 4);
  assert.equal(db.data.apis.size, apisBefore + 1);
  const front = [...db.data.apis.values()].find((a) => a.group_id === group.id && a.req_uri === '/sum');
  assert.ok(front);
  assert.equal(front.auth_type, 'NONE');
  assert.ok(db.publicationOf(front.id, RELEASE), 'published in RELEASE');
  await press(ESC);
  await waitForFrame(h.ui, (f) => !f.includes(': done'));
  // the deployment history names the group, the environment and the frontend API
  await press('\r');
  await waitForFrame(h.ui, (f) => f.includes('Custom backend') && f.includes('Deployments'));
  await press(']]');
  await waitForFrame(
    h.ui,
    (f) =>
      f.includes('Deployments (1)') &&
      f.includes(group.name) &&
      f.includes('RELEASE') &&
      f.includes(front.name),
  );
  await press(ESC);
});
