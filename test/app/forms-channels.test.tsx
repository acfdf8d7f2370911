// VPC channel and custom authorizer forms through the shell against the emulator: members as rows
// (added ones show in the channel's member list, a removed row drains the member), fields that depend
// on others (type 2 only, HTTP check fields, LD backend id, identities for FRONTEND).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { InstanceStore } from '../../src/emulator/state.ts';
import { selectTopModal } from '../../src/store/index.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { until } from '../helpers/until.ts';
import { press, rowsOf, typeText } from './probes.ts';

const CTRL_N = '\x0e';
const CTRL_K = '\x0b';
const CTRL_S = '\x13';
const CTRL_U = '\x15';
const DOWN = '\x1b[B';
const UP = '\x1b[A';

const dbOf = (h: Harness): InstanceStore => h.emu.state.stores.get(h.emu.instances[0] ?? '') as InstanceStore;
async function openList(h: Harness, screen: string) {
  // a form saved by the previous step closes once its answer is in: keys before that would go to it
  await until('no form open', () => selectTopModal(h.store.getState()) === null);
  h.store.getState().actions.jump(screen);
  await until(`${screen} loaded`, () => rowsOf(h, screen).length > 0);
  await settle();
}
const modalOpen = (h: Harness) => selectTopModal(h.store.getState()) !== null;

let h: Harness;
before(async () => {
  h = await startHarness({ rootScreen: 'vpcs' });
  await until('vpcs loaded', () => rowsOf(h, 'vpcs').length > 0);
});
after(async () => {
  await h?.close();
});

test('e on a VPC channel: members are rows; one added, one removed; the member list follows', async () => {
  await openList(h, 'vpcs');
  const db = dbOf(h);
  // (vpc_order_backend's two members share the echo host: not a channel a form can save as is)
  const channel = [...db.data.vpcChannels.values()].find((c) => c.name === 'vpc_legacy_erp');
  assert.ok(channel);
  const members = () => [...db.data.vpcMembers.values()].filter((m) => m.vpc_channel_id === channel.id);
  const [first, second] = members();
  h.store.getState().actions.updateList({ selectedId: channel.id });
  await settle();
  await press(h, 'e');
  // the list row has no members: the form loads 4.15.4 first
  await waitForFrame(h.ui, (f) => f.includes(`Edit VPC channel ${channel.name}`) && f.includes(first!.host));
  // name, type, port, balancing, member type, then member 1 host
  await press(h, DOWN, 5);
  await press(h, CTRL_K); // drain the first member
  await waitForFrame(h.ui, (f) => !f.includes(first!.host));
  await press(h, DOWN, 2); // member 1 (was 2) host, weight → "add a row"
  await press(h, CTRL_N);
  await typeText(h, '10.9.9.9');
  await press(h, DOWN);
  await typeText(h, '7');
  await press(h, CTRL_S);
  const review = await waitForFrame(h.ui, (f) => f.includes('Review'));
  assert.match(review, /members .*→/);
  assert.doesNotMatch(review, /host port|balancing/, 'only changed fields');
  await press(h, 'y');
  await until('saved', () => !modalOpen(h));
  const hosts = members()
    .map((m) => m.host)
    .sort();
  assert.deepEqual(hosts, [second!.host, '10.9.9.9'].sort());
  const added = members().find((m) => m.host === '10.9.9.9');
  assert.equal(added?.weight, 7);
  const listed = await h.store.client
    .instance(h.emu.instances[0]!)
    .vpcChannels.members(channel.id)
    .listAll({});
  assert.ok(
    listed.some((m) => m.host === '10.9.9.9'),
    '4.15.7 lists the new member',
  );
});

test('n: a fast channel with an HTTP check; the check fields follow the protocol; timeout < interval', async () => {
  await openList(h, 'vpcs');
  const db = dbOf(h);
  await press(h, 'n');
  await waitForFrame(h.ui, (f) => f.includes('New VPC channel') && f.includes('health check'));
  assert.doesNotMatch(h.ui.lastFrame() ?? '', /check path/, 'TCP: no path');
  await typeText(h, 'standby_pool');
  await press(h, DOWN, 2);
  await typeText(h, '8080');
  await press(h, DOWN, 3); // balancing, member type, members "add a row"
  await press(h, CTRL_N);
  await typeText(h, '10.0.0.8');
  await press(h, DOWN, 3); // weight, add row, health check
  await press(h, '\x1b[C'); // TCP → HTTP
  await waitForFrame(h.ui, (f) => f.includes('check path') && f.includes('healthy codes'));
  await press(h, DOWN);
  await typeText(h, '/health');
  await press(h, DOWN);
  await typeText(h, '200-299');
  await press(h, DOWN, 5); // check port, healthy after, unhealthy after, check every, check timeout
  await press(h, CTRL_U);
  await typeText(h, '30');
  await press(h, CTRL_S);
  await waitForFrame(h.ui, (f) => f.includes('less than the check interval (10 s)'));
  await press(h, CTRL_U);
  await typeText(h, '4');
  await press(h, CTRL_S);
  await waitForFrame(h.ui, (f) => f.includes('Review'));
  await press(h, 'y');
  await until('created', () => [...db.data.vpcChannels.values()].some((c) => c.name === 'standby_pool'));
  const c = [...db.data.vpcChannels.values()].find((x) => x.name === 'standby_pool')!;
  assert.equal(c.port, 8080);
  assert.equal(c.vpc_health_config?.['protocol'], 'HTTP');
  assert.equal(c.vpc_health_config?.['http_code'], '200-299');
  assert.deepEqual(
    [...db.data.vpcMembers.values()].filter((m) => m.vpc_channel_id === c.id).map((m) => m.host),
    ['10.0.0.8'],
  );
});

test('n on authorizers: LD asks for the backend id; identities are rows; BACKEND hides them', async () => {
  await openList(h, 'authorizers');
  const db = dbOf(h);
  await press(h, 'n');
  await waitForFrame(h.ui, (f) => f.includes('New custom authorizer') && f.includes('identity sources'));
  await typeText(h, 'edge_jwt');
  await press(h, DOWN, 2);
  await press(h, '\x1b[C'); // FUNC → LD
  await waitForFrame(h.ui, (f) => f.includes('backend API id'));
  await press(h, '\x1b[D'); // back to FUNC
  await waitForFrame(h.ui, (f) => !f.includes('backend API id'));
  await press(h, DOWN);
  await typeText(h, 'urn:fss:demo:function:default:edge_jwt');
  await press(h, DOWN); // identities "add a row"
  await press(h, CTRL_N);
  await typeText(h, 'Authorization');
  await press(h, DOWN, 2);
  await typeText(h, '^Bearer .+$');
  await press(h, CTRL_S);
  await waitForFrame(h.ui, (f) => f.includes('Review') && f.includes('Authorization HEADER'));
  await press(h, 'y');
  await until('created', () => [...db.data.authorizers.values()].some((a) => a.name === 'edge_jwt'));
  const a = [...db.data.authorizers.values()].find((x) => x.name === 'edge_jwt')!;
  assert.deepEqual(a.identities, [{ name: 'Authorization', location: 'HEADER', validation: '^Bearer .+$' }]);
  // edit: BACKEND hides (and no longer sends) the identities
  h.store.getState().actions.updateList({ selectedId: a.id });
  await until('row listed', () => rowsOf<{ id: string }>(h, 'authorizers').some((r) => r.id === a.id));
  await settle();
  h.store.getState().actions.updateList({ selectedId: a.id });
  await settle();
  await press(h, 'e');
  await waitForFrame(h.ui, (f) => f.includes('Edit custom authorizer edge_jwt'));
  await press(h, DOWN);
  await press(h, '\x1b[C');
  await waitForFrame(h.ui, (f) => !f.includes('identity sources'));
  await press(h, CTRL_S);
  await waitForFrame(h.ui, (f) => f.includes('Review') && /type\s+FRONTEND → BACKEND/.test(f));
  await press(h, 'y');
  await until('saved', () => db.data.authorizers.get(a.id)?.type === 'BACKEND');
  assert.deepEqual(db.data.authorizers.get(a.id)?.identities, []);
  void UP;
});
