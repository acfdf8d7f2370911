// The API form through the shell against the emulator: edit pre-filled from 4.3.5, the backend block
// follows backend_type, the name is checked with 4.3.14 as the field is left, a modify changes the
// definition but not what RELEASE runs, the MOCK answer comes from $EDITOR.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { InstanceStore } from '../../src/emulator/state.ts';
import { selectTopModal } from '../../src/store/index.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { until } from '../helpers/until.ts';
import { press, rowsOf, typeText } from './probes.ts';

const CTRL_S = '\x13';
const CTRL_U = '\x15';
const CTRL_E = '\x05';
const DOWN = '\x1b[B';
const RIGHT = '\x1b[C';
const RELEASE = 'DEFAULT_ENVIRONMENT_RELEASE_ID';

const dbOf = (h: Harness): InstanceStore => h.emu.state.stores.get(h.emu.instances[0] ?? '') as InstanceStore;
const modalOpen = (h: Harness) => selectTopModal(h.store.getState()) !== null;

let h: Harness;
before(async () => {
  h = await startHarness({ rootScreen: 'apis' });
  await until('apis loaded', () => rowsOf(h, 'apis').length > 0);
  await settle();
});
after(async () => {
  await h?.close();
});

test('e on a published HTTP API: the backend path changes in the definition, RELEASE keeps running the old one', async () => {
  const db = dbOf(h);
  const api = [...db.data.apis.values()].find(
    (a) => a.backend_type === 'HTTP' && !a.backend_api?.vpc_channel_info && db.publicationOf(a.id, RELEASE),
  );
  assert.ok(api);
  const oldPath = api.backend_api!.req_uri;
  h.store.getState().actions.updateList({ selectedId: api.id });
  await settle();
  await press(h, 'e');
  await waitForFrame(h.ui, (f) => f.includes(`Edit API ${api.name}`) && f.includes('group id*'));
  // name, group, visibility, protocol, method, path, match, auth, CORS, remark, params…, backend…
  const slots = 10 + api.req_params.length * 5 + 1 + 5; // → backend path
  await press(h, DOWN, slots);
  await press(h, CTRL_U);
  await typeText(h, '/standby/path');
  await press(h, CTRL_S);
  const review = await waitForFrame(h.ui, (f) => f.includes('Review') && f.includes('touches: published in'));
  assert.match(review, new RegExp(`backend path\\s+${oldPath.replace(/[{}]/g, '\\$&')} → /standby/path`));
  assert.match(review, /RELEASE/);
  await press(h, 'y');
  await until('saved', () => db.data.apis.get(api.id)?.backend_api?.req_uri === '/standby/path');
  await until('closed', () => !modalOpen(h));
  const pub = db.publicationOf(api.id, RELEASE)!;
  assert.equal(
    db.data.versions.get(pub.version_id)?.snapshot.backend_api?.req_uri,
    oldPath,
    'RELEASE runs the snapshot',
  );
  assert.equal(db.data.apis.get(api.id)?.req_params.length, api.req_params.length);
});

test('n: a taken name is flagged as the field is left (4.3.14); a MOCK API gets its answer from $EDITOR', async () => {
  await until('no form open', () => !modalOpen(h));
  const db = dbOf(h);
  const sibling = [...db.data.apis.values()][0]!;
  h.store.getState().actions.updateList({ selectedId: sibling.id });
  await settle();
  h.env.editText = async (initial) => `${initial}{"standby":true}\n`;
  await press(h, 'n');
  await waitForFrame(h.ui, (f) => f.includes('New API'));
  await typeText(h, sibling.name);
  await press(h, DOWN);
  await waitForFrame(h.ui, (f) => f.includes('APIG.3202'));
  await press(h, '\x1b[A');
  await press(h, CTRL_U);
  await typeText(h, 'standby_health');
  await press(h, DOWN, 5); // group (pre-filled from the selected API), visibility, protocol, method, path
  await typeText(h, '/standby/health');
  await press(h, DOWN, 6); // match, auth, CORS, remark, params "add a row", backend
  await press(h, RIGHT); // HTTP → MOCK
  await waitForFrame(h.ui, (f) => f.includes('mock answer') && !f.includes('backend address'));
  await press(h, DOWN);
  await press(h, CTRL_E);
  await waitForFrame(h.ui, (f) => f.includes('{"standby":true}'));
  await press(h, CTRL_S);
  await waitForFrame(h.ui, (f) => f.includes('Review') && f.includes('standby_health'));
  await press(h, 'y');
  await until('created', () => [...db.data.apis.values()].some((a) => a.name === 'standby_health'));
  const a = [...db.data.apis.values()].find((x) => x.name === 'standby_health')!;
  assert.equal(a.group_id, sibling.group_id);
  assert.equal(a.backend_type, 'MOCK');
  assert.equal(a.mock_info?.result_content, '{"standby":true}');
});
