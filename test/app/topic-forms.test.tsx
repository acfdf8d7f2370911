// `n` and `e` on :topics through the whole shell (keys → form store → MQS client → HTTP → emulator):
// create (5.2.2) and modify (5.2.3) change the emulator's topics; the 5.2.2 rules stop a send inline;
// a refusal naming a parameter lands on its field; Esc sends nothing; `e` needs the modify permission.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { listKey } from '../../src/app/data.ts';
import { appsOf, mqsOf, type MqsInstanceRec } from '../../src/emulator/mqs-state.ts';
import { selectTopModal } from '../../src/store/index.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { until } from '../helpers/until.ts';
import { press, typeText, writesTo } from './probes.ts';

const CTRL_U = '\x15';
const CTRL_S = '\x13';
const ESC = '\x1b';
const DOWN = '\x1b[B';

const modalOpen = (h: Harness) => selectTopModal(h.store.getState()) !== null;
function topicRows(h: Harness): Array<{ name: string; retention_time?: number }> {
  const s = h.store.getState();
  return (s.resources['topics']?.[listKey(s.instanceId, {})]?.data ?? []) as Array<{
    name: string;
    retention_time?: number;
  }>;
}
async function select(h: Harness, name: string) {
  await until('no form open', () => !modalOpen(h));
  h.store.getState().actions.updateList({ selectedId: name });
  await settle();
}
async function lastAudit(h: Harness): Promise<Record<string, unknown> | undefined> {
  const text = await readFile(h.auditPath, 'utf8');
  return text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .pop();
}

let h: Harness;
let mqs: MqsInstanceRec;
let appId: string;
before(async () => {
  h = await startHarness({ rootScreen: 'topics' });
  const instanceId = h.emu.instances[0] as string;
  mqs = mqsOf(h.emu.state).get(instanceId) as MqsInstanceRec;
  appId = [...appsOf(h.emu.state, instanceId).keys()][0] as string;
  await until('topics loaded', () => topicRows(h).length > 0);
  await waitForFrame(h.ui, (f) => f.includes('order-events'));
});
after(async () => {
  await h?.close();
});

test('n creates a topic; an unknown app refused by the service lands on the app field', async () => {
  const before = writesTo(h);
  await press(h, 'n');
  await waitForFrame(h.ui, (f) => f.includes('New topic'));
  await typeText(h, 'refund-events');
  await press(h, DOWN);
  await typeText(h, 'no-such-app'); // the client cannot know the apps; the service refuses it
  await press(h, DOWN);
  await press(h, ' '); // permission all → pub
  await press(h, DOWN);
  await press(h, CTRL_U);
  await typeText(h, '6'); // partitions
  await press(h, DOWN, 2);
  await press(h, CTRL_U);
  await typeText(h, '24'); // retention hours
  await press(h, DOWN);
  await press(h, ' '); // sync replication on
  await press(h, CTRL_S);
  const review = await waitForFrame(h.ui, (f) => f.includes('Review') && f.includes('refund-events'));
  assert.match(review, /retention/);
  assert.equal(writesTo(h), before, 'nothing sent before y');
  await press(h, 'y');
  const refused = await waitForFrame(h.ui, (f) => f.includes('MQS.00400800') && f.includes('New topic'));
  assert.match(refused, /owner app id.*\n.*✗ MQS\.00400800: Invalid app_id/);
  assert.equal(writesTo(h), before + 1);
  assert.equal(mqs.topics.has('refund-events'), false);
  // the cursor is on the app field: fix it and send again
  await press(h, CTRL_U);
  await typeText(h, appId);
  await press(h, CTRL_S);
  await waitForFrame(h.ui, (f) => f.includes('Review'));
  await press(h, 'y');
  await until('created', () => mqs.topics.has('refund-events'));
  const t = mqs.topics.get('refund-events')!;
  assert.equal(t.partition, 6);
  assert.equal(t.replication, 3);
  assert.equal(t.retention_time, 24);
  assert.equal(t.sync_replication, true);
  assert.equal(t.sync_message_flush, false);
  assert.equal(t.app_id, appId);
  assert.equal(t.policies[0]?.access_policy, 'pub');
  assert.equal(writesTo(h), before + 2);
  await until('form closed', () => !modalOpen(h));
  await waitForFrame(h.ui, (f) => f.includes('Created topic refund-events'));
  await until('list refreshed', () => topicRows(h).some((r) => r.name === 'refund-events'));
  const line = await lastAudit(h);
  assert.equal(line?.action, 'create topic');
  assert.equal(line?.object, 'refund-events');
  assert.equal(line?.result, 'ok');
});

test('the 5.2.2 rules are shown on their fields before anything is sent; Esc closes, nothing sent', async () => {
  const snapshot = JSON.stringify([...mqs.topics.keys()]);
  const before = writesTo(h);
  await press(h, 'n');
  await waitForFrame(h.ui, (f) => f.includes('New topic'));
  await typeText(h, '9x'); // starts with a digit, too short
  await press(h, DOWN, 3);
  await press(h, CTRL_U);
  await typeText(h, '51'); // partitions 1-50
  await press(h, DOWN);
  await press(h, CTRL_U);
  await typeText(h, '4'); // replicas 1-3
  await press(h, DOWN);
  await press(h, CTRL_U);
  await typeText(h, '721'); // retention 1-720 h
  await press(h, CTRL_S);
  const frame = await waitForFrame(
    h.ui,
    (f) => f.includes('starts with a letter') && f.includes('at most 720') && f.includes('at most 50'),
  );
  assert.match(frame, /at most 3/);
  assert.match(frame, /owner app id.*\n.*✗ required/);
  assert.doesNotMatch(frame, /Review/);
  await press(h, ESC);
  await until('form closed', () => !modalOpen(h));
  await settle();
  assert.equal(writesTo(h), before, 'nothing sent');
  assert.equal(JSON.stringify([...mqs.topics.keys()]), snapshot);
});

test('e modifies a topic: pre-filled with its owner policy, only the 5.2.3 fields change', async () => {
  const t = mqs.topics.get('order-events')!;
  const was = { partition: t.partition, replication: t.replication, retention: t.retention_time };
  await select(h, 'order-events');
  const before = writesTo(h);
  await press(h, 'e');
  await waitForFrame(
    h.ui,
    (f) => f.includes('Edit topic order-events') && f.includes(String(was.retention)) && f.includes(t.app_id),
  );
  await press(h, CTRL_U); // the name is fixed: nothing happens
  await press(h, DOWN, 5); // → retention
  await press(h, CTRL_U);
  await typeText(h, '48');
  await press(h, DOWN, 4); // sync replication, sync flush, tags → description
  await press(h, CTRL_U);
  await typeText(h, 'orders v2');
  await press(h, CTRL_S);
  const review = await waitForFrame(h.ui, (f) => f.includes('Review') && f.includes('orders v2'));
  assert.match(review, new RegExp(`retention\\s+${was.retention} h → 48 h`));
  assert.doesNotMatch(review, /partitions|replicas/, 'unchanged fields are not listed');
  assert.equal(writesTo(h), before, 'nothing sent before y');
  await press(h, 'y');
  await until('modified', () => mqs.topics.get('order-events')?.retention_time === 48);
  const after = mqs.topics.get('order-events')!;
  assert.equal(after.description, 'orders v2');
  assert.equal(after.partition, was.partition);
  assert.equal(after.replication, was.replication);
  assert.equal(writesTo(h), before + 1, 'one PUT');
  await until('form closed', () => !modalOpen(h));
  await until('list refreshed', () =>
    topicRows(h).some((r) => r.name === 'order-events' && r.retention_time === 48),
  );
  const line = await lastAudit(h);
  assert.equal(line?.action, 'edit topic');
  assert.equal(line?.object, 'order-events');
});

test('Esc in the edit form sends nothing; e on a topic without modify explains itself', async () => {
  const snapshot = JSON.stringify(mqs.topics.get('iot-telemetry'));
  await select(h, 'iot-telemetry');
  const before = writesTo(h);
  await press(h, 'e');
  // the owner app's permission comes from 5.3.2 (iot-telemetry: publish only, tags raw || json), not the blank default
  const form = await waitForFrame(h.ui, (f) => f.includes('Edit topic iot-telemetry') && f.includes('(pub)'));
  assert.match(form, /permission.*publish \(pub\)/);
  assert.match(form, /tags\s+raw \|\| json/);
  await press(h, DOWN, 5);
  await typeText(h, '9');
  await press(h, ESC);
  await until('form closed', () => !modalOpen(h));
  await select(h, 'audit-log');
  await press(h, 'e');
  await waitForFrame(h.ui, (f) => f.includes('no modify permission'));
  assert.equal(modalOpen(h), false);
  await settle();
  assert.equal(writesTo(h), before);
  assert.equal(JSON.stringify(mqs.topics.get('iot-telemetry')), snapshot);
});
