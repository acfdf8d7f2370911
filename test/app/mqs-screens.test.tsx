// :mqs, :topics and :messages through the whole shell (App + stores + real client) against the emulator:
// keys → dialog → confirmation → emulator state → refreshed view; hostile message values stay inert.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { messageAt, mqsOf, type MqsInstanceRec } from '../../src/emulator/mqs-state.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { until } from '../helpers/until.ts';
import { press, rowsOf, typeText, writesTo } from './probes.ts';

/** Esc until the view under the current one shows (a first Esc may only clear the status line). */
async function back(h: Harness) {
  const depth = h.store.getState().stack.length;
  await until('back', () => {
    if (h.store.getState().stack.length < depth || depth === 1) return true;
    h.ui.stdin.write('\x1b');
    return false;
  });
  await settle();
}

async function auditLines(h: Harness, pattern: RegExp): Promise<Array<Record<string, unknown>>> {
  let text = '';
  await until(`audit ${pattern}`, () => {
    void readFile(h.auditPath, 'utf8').then(
      (t) => (text = t),
      () => undefined,
    );
    return pattern.test(text);
  });
  return text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

let h: Harness;
let mqs: MqsInstanceRec;
let dir: string;
before(async () => {
  h = await startHarness({ rootScreen: 'topics' });
  mqs = mqsOf(h.emu.state).get(h.emu.instances[0] as string) as MqsInstanceRec;
  dir = mkdtempSync(join(tmpdir(), 'rd-mqs-'));
  await until('topics loaded', () => rowsOf(h, 'topics').length > 0);
});
after(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

test(':topics lists the demo topics with partitions, permissions and app counts', async () => {
  const f = await waitForFrame(h.ui, (f) => /order-events\s+3\s+3\s+72h\s+radm\s+\S+\s+4 /.test(f));
  assert.match(f, /order-events\s+3\s+3\s+72h\s+radm/);
  assert.match(f, /audit-log\s+1\s+3\s+720h\s+ra--/);
});

test('Enter opens the messages of the last hour; w searches 15m; the viewer pretty-prints JSON', async () => {
  h.store.getState().actions.updateList({ selectedId: 'order-events' });
  await settle();
  await press(h, '\r');
  await until('messages', () => rowsOf(h, 'messages', { topic: 'order-events', window: '1h' }).length > 0);
  const hour = rowsOf<{ timestamp: number }>(h, 'messages', { topic: 'order-events', window: '1h' });
  await press(h, 'w');
  await waitForFrame(h.ui, (f) => f.includes('Search messages of order-events'));
  await press(h, '\x15'); // ctrl+u clears the line
  await typeText(h, '15m');
  await press(h, '\r');
  await until('15m window', () => rowsOf(h, 'messages', { topic: 'order-events', window: '15m' }).length > 0);
  const rows = rowsOf<{ timestamp: number; key: string; partition: number; message_offset: number }>(
    h,
    'messages',
    {
      topic: 'order-events',
      window: '15m',
    },
  );
  assert.ok(rows.length < hour.length, 'a narrower window, fewer messages');
  // the new window replaces the one searched before: one messages view on the stack, not two
  assert.deepEqual(
    h.store.getState().stack.map((e) => e.screen),
    ['topics', 'messages'],
  );
  assert.ok(rows.every((r) => r.timestamp >= Date.now() - 15 * 60_000 - 5_000));
  await waitForFrame(h.ui, (f) => f.includes('last 15m') && f.includes(rows[0]?.key ?? '?'));
  await press(h, '\r');
  const viewer = await waitForFrame(h.ui, (f) => f.includes('"order_id":'));
  assert.match(viewer, /JSON/);
  assert.match(viewer, /^\s*"status": "/m, 'pretty-printed, one field per line');
  await press(h, '\x1b');
});

test('a bad window is explained in the dialog and nothing is searched', async () => {
  await press(h, 'w');
  await waitForFrame(h.ui, (f) => f.includes('Search messages of'));
  await press(h, '\x15');
  await typeText(h, 'yesterday');
  await press(h, '\r');
  await waitForFrame(h.ui, (f) => f.includes('use 15m, 2h, 3d'));
  await press(h, '\x1b');
  await waitForFrame(h.ui, (f) => !f.includes('Search messages of'));
});

test('w on messages opened at the root (palette, resume) replaces them: still one view', async () => {
  h.store.getState().actions.jump('messages', { topic: 'order-events', window: '1h' });
  await until('1h', () => rowsOf(h, 'messages', { topic: 'order-events', window: '1h' }).length > 0);
  await press(h, 'w');
  await waitForFrame(h.ui, (f) => f.includes('Search messages of order-events'));
  await press(h, '\x15');
  await typeText(h, '2h');
  await press(h, '\r');
  await until('2h', () => rowsOf(h, 'messages', { topic: 'order-events', window: '2h' }).length > 0);
  const stack = h.store.getState().stack;
  assert.deepEqual(
    stack.map((e) => [e.screen, e.params['window']]),
    [['messages', '2h']],
  );
});

test('hostile message values are shown inert: escaped JSON, control pictures, hex for binary', async () => {
  h.store.getState().actions.jump('messages', { topic: 'partner-inbox', window: '1d' });
  await until('inbox', () => rowsOf(h, 'messages', { topic: 'partner-inbox', window: '1d' }).length > 0);
  const list = await waitForFrame(h.ui, (f) => f.includes('partner-inbox'), { raw: true });
  assert.doesNotMatch(
    list,
    /\u001b\]|\u001b\[2J|\u202e/i,
    'no escape sequence or BiDi override reaches the terminal',
  );
  const rows = rowsOf<{ value: string; partition: number; message_offset: number; huge_message: boolean }>(
    h,
    'messages',
    {
      topic: 'partner-inbox',
      window: '1d',
    },
  );
  const plainText = rows.find(
    (r) => !r.huge_message && /[\u0000-\u001f\u007f-\u009f]/.test(r.value) && !r.value.startsWith('{'),
  );
  assert.ok(plainText, 'a hostile non-JSON value');
  h.store.getState().actions.updateList({ selectedId: `${plainText.partition}@${plainText.message_offset}` });
  await settle();
  await press(h, '\r');
  const viewer = await waitForFrame(h.ui, (f) => f.includes('not text') || f.includes('text'), { raw: true });
  assert.doesNotMatch(viewer, /\u001b|\u0007|\u009b/, 'nothing the terminal would interpret');
  assert.match(viewer, /not text: \d+ bytes, shown as hex/);
  await back(h);
  const huge = rows.find((r) => r.huge_message)!;
  assert.ok(huge);
  h.store.getState().actions.updateList({ selectedId: `${huge.partition}@${huge.message_offset}` });
  await settle();
  await press(h, '\r');
  await waitForFrame(h.ui, (f) => f.includes('huge message'));
  await press(h, '\x1b');
});

test('resend from the list: confirmation names the message, the copy is in the partition, audited', async () => {
  h.store.getState().actions.jump('messages', { topic: 'billing-invoices', window: '2h' });
  await until('billing', () => rowsOf(h, 'messages', { topic: 'billing-invoices', window: '2h' }).length > 0);
  const rows = rowsOf<{ key: string; partition: number; message_offset: number }>(h, 'messages', {
    topic: 'billing-invoices',
    window: '2h',
  });
  const target = rows[rows.length - 1]!;
  h.store.getState().actions.updateList({ selectedId: `${target.partition}@${target.message_offset}` });
  await settle();
  const before = mqs.resends.length;
  await press(h, 'M');
  const confirm = await waitForFrame(
    h.ui,
    (f) => f.includes('Resend messages') && f.includes('type y to confirm'),
  );
  assert.match(confirm, new RegExp(`billing-invoices p${target.partition}@${target.message_offset}`));
  assert.match(confirm, /a second time/);
  assert.equal(mqs.resends.length, before, 'nothing sent before y');
  await press(h, 'y');
  await until('resent', () => mqs.resends.length === before + 1);
  const rec = mqs.resends.at(-1)!;
  assert.deepEqual(
    [rec.topic, rec.partition, rec.message_offset],
    ['billing-invoices', target.partition, target.message_offset],
  );
  await waitForFrame(h.ui, (f) => f.includes('Esc/Enter: close'));
  await press(h, '\r');
  // the refreshed window holds the copy: same key, at the new offset
  await until('copy listed', () =>
    rowsOf<{ partition: number; message_offset: number }>(h, 'messages', {
      topic: 'billing-invoices',
      window: '2h',
    }).some((r) => r.partition === rec.partition && r.message_offset === rec.new_offset),
  );
  const lines = await auditLines(h, /"resend-messages"/);
  const line = lines.find((l) => l.action === 'resend-messages')!;
  assert.equal(line.result, 'ok');
  assert.match(
    String(line.object),
    new RegExp(`billing-invoices/${target.partition}@${target.message_offset}`),
  );
});

test('resend of marked messages reports per message: a refused one does not stop the others', async () => {
  const apps = [...(h.emu.state.stores.get(h.emu.instances[0] as string)?.data.apps.values() ?? [])];
  const legacy = apps.find((a) => a.name === 'legacy_portal')!;
  h.store.getState().actions.jump('messages', { topic: 'order-events', window: '1d' });
  await until('orders', () => rowsOf(h, 'messages', { topic: 'order-events', window: '1d' }).length > 0);
  const rows = rowsOf<{ app_id: string; partition: number; message_offset: number }>(h, 'messages', {
    topic: 'order-events',
    window: '1d',
  });
  const bad = rows.find((r) => r.app_id === legacy.id)!;
  const good = rows.find((r) => r.app_id !== legacy.id && r.app_id !== '')!;
  assert.ok(bad && good);
  h.store.getState().actions.updateList({
    selectedId: `${good.partition}@${good.message_offset}`,
    marked: [`${bad.partition}@${bad.message_offset}`, `${good.partition}@${good.message_offset}`],
  });
  await settle();
  const before = mqs.resends.length;
  await press(h, 'M');
  await waitForFrame(h.ui, (f) => f.includes('2 messages of topic order-events'));
  await press(h, 'y');
  const done = await waitForFrame(h.ui, (f) => f.includes('Esc/Enter: close'));
  assert.match(done, /MQS\.00403003/);
  assert.equal(mqs.resends.length, before + 1, 'the allowed one was resent');
  await press(h, '\r');
  const lines = await auditLines(h, /"partial"/);
  assert.equal(lines.at(-1)?.result, 'partial');
});

test('grant then revoke an app on a topic through the access dialogs', async () => {
  h.store.getState().actions.jump('topics');
  await until('topics', () => rowsOf(h, 'topics').length > 0);
  h.store.getState().actions.updateList({ selectedId: 'billing-invoices' });
  await settle();
  const topic = mqs.topics.get('billing-invoices')!;
  const apps = [...(h.emu.state.stores.get(h.emu.instances[0] as string)?.data.apps.values() ?? [])];
  const idx = apps.findIndex((a) => !topic.policies.some((p) => p.app_id === a.id));
  const app = apps[idx]!;
  await press(h, 'a');
  await waitForFrame(h.ui, (f) => f.includes('which app?') && f.includes(app.name));
  await press(h, 'j', idx);
  await press(h, '\r');
  await waitForFrame(h.ui, (f) => f.includes(`Grant ${app.name} access`));
  await press(h, 'j', 2); // subscribe
  await press(h, '\r');
  await waitForFrame(
    h.ui,
    (f) => f.includes('Grant topic access') && f.includes(`App ${app.name} gets subscribe`),
  );
  await press(h, 'y');
  await until('granted', () => topic.policies.some((p) => p.app_id === app.id && p.access_policy === 'sub'));
  await waitForFrame(h.ui, (f) => f.includes('Esc/Enter: close'));
  await press(h, '\r');

  await press(h, 'K');
  await waitForFrame(h.ui, (f) => f.includes('Revoke access to billing-invoices') && f.includes(app.name));
  const revocable = topic.policies.filter((p) => !p.owner);
  await press(
    h,
    'j',
    revocable.findIndex((p) => p.app_id === app.id),
  );
  await press(h, '\r');
  await waitForFrame(h.ui, (f) => f.includes('Revoke topic access') && f.includes('type y to confirm'));
  await press(h, 'y');
  await until('revoked', () => !topic.policies.some((p) => p.app_id === app.id));
  await waitForFrame(h.ui, (f) => f.includes('Esc/Enter: close'));
  await press(h, '\r');
  const lines = await auditLines(h, /"revoke-topic-access"/);
  assert.ok(lines.some((l) => l.action === 'grant-topic-access' && l.result === 'ok'));
});

test('export the marked topics to a file, then import a renamed copy', async () => {
  const file = join(dir, 'topics.json');
  h.store.getState().actions.updateList({ selectedId: 'iot-telemetry', marked: ['iot-telemetry'] });
  await settle();
  await press(h, 'E');
  await waitForFrame(h.ui, (f) => f.includes('Export 1 topic(s) to a file'));
  await press(h, '\x15');
  await typeText(h, file);
  await press(h, '\r');
  await until('exported', () => existsSync(file));
  const text = readFileSync(file, 'utf8');
  assert.equal((JSON.parse(text) as { topics: Array<{ name: string }> }).topics[0]?.name, 'iot-telemetry');
  const copy = join(dir, 'copy.json');
  writeFileSync(copy, text.replace('"iot-telemetry"', '"iot-telemetry-dr"'));
  await press(h, 'I');
  await waitForFrame(h.ui, (f) => f.includes('Import topics (AddNew)'));
  await press(h, '\x15');
  await typeText(h, copy);
  await press(h, '\r');
  await waitForFrame(
    h.ui,
    (f) => f.includes('Import topics') && f.includes('iot-telemetry-dr') && /type y to confirm|Enter/.test(f),
  );
  await press(h, 'y');
  await until('imported', () => mqs.topics.has('iot-telemetry-dr'));
  await waitForFrame(h.ui, (f) => f.includes('Esc/Enter: close'));
  await press(h, '\r');
  await until('listed', () =>
    rowsOf<{ name: string }>(h, 'topics').some((t) => t.name === 'iot-telemetry-dr'),
  );
});

test('delete marked topics: confirmation names them, a topic without delete permission is reported', async () => {
  h.store
    .getState()
    .actions.updateList({ selectedId: 'audit-log', marked: ['audit-log', 'iot-telemetry-dr'] });
  await settle();
  await press(h, 'D');
  const confirm = await waitForFrame(
    h.ui,
    (f) => f.includes('Delete topics') && f.includes('type y to confirm'),
  );
  assert.match(confirm, /audit-log/);
  assert.match(confirm, /deleted for good/);
  await press(h, 'y');
  const done = await waitForFrame(h.ui, (f) => f.includes('Esc/Enter: close'));
  assert.match(done, /NOT_DELETED/);
  assert.ok(mqs.topics.has('audit-log'));
  assert.ok(!mqs.topics.has('iot-telemetry-dr'));
  await press(h, '\r');
});

test(':mqs shows the instance with its addresses; an instance without MQS is named', async () => {
  h.store.getState().actions.jump('mqs');
  await until('mqs', () => rowsOf(h, 'mqs').length > 0);
  await press(h, '\r');
  const f = await waitForFrame(h.ui, (f) => f.includes('Connection addresses') && f.includes(':9093'));
  assert.match(f, /SASL_SSL/);
  const inst = rowsOf<{ kafka_private_connect_address: string }>(h, 'mqs')[0]!;
  await press(h, 'Y');
  await waitForFrame(h.ui, (f) => f.includes('Copy a connection address') && f.includes('kafka (private)'));
  await press(h, '\r');
  await waitForFrame(h.ui, (f) => f.includes('copied the kafka (private) address'));
  const b64 = Buffer.from(inst.kafka_private_connect_address).toString('base64');
  assert.ok(
    h.raw.some((r) => r.includes(`]52;c;${b64}`)),
    'the address went to the clipboard (OSC 52)',
  );
  await back(h);
  h.store.getState().actions.setInstance(h.emu.instances[2] as string);
  h.store.getState().actions.jump('topics');
  await waitForFrame(h.ui, (f) => f.includes('message integration is not enabled'));
  h.store.getState().actions.setInstance(h.emu.instances[0] as string);
});

test('read-only: resend, grant and delete say they are disabled and send nothing', async () => {
  const ro = await startHarness({ rootScreen: 'topics', readOnly: true });
  try {
    await until('topics', () => rowsOf(ro, 'topics').length > 0);
    const writes = () => writesTo(ro);
    for (const [key, hint] of [
      ['a', 'grant'],
      ['K', 'revoke'],
      ['D', 'delete'],
      ['I', 'import'],
    ] as const) {
      await press(ro, key);
      await waitForFrame(ro.ui, (f) => f.includes(`read-only: ${hint} disabled`));
    }
    ro.store.getState().actions.jump('messages', { topic: 'order-events', window: '1h' });
    await until('messages', () => rowsOf(ro, 'messages', { topic: 'order-events', window: '1h' }).length > 0);
    await settle();
    await press(ro, 'M');
    await waitForFrame(ro.ui, (f) => f.includes('read-only: resend disabled'));
    await ro.store.whenIdle();
    assert.equal(writes(), 0);
  } finally {
    await ro.close();
  }
});

test('C copies a message value (OSC 52); a huge one is read by offset first', async () => {
  h.store.getState().actions.setInstance(h.emu.instances[0] as string);
  h.store.getState().actions.jump('messages', { topic: 'partner-inbox', window: '1d' });
  await until('inbox', () => rowsOf(h, 'messages', { topic: 'partner-inbox', window: '1d' }).length > 0);
  const rows = rowsOf<{ value: string; partition: number; message_offset: number; huge_message: boolean }>(
    h,
    'messages',
    { topic: 'partner-inbox', window: '1d' },
  );
  const huge = rows.find((r) => r.huge_message)!;
  h.store.getState().actions.updateList({ selectedId: `${huge.partition}@${huge.message_offset}` });
  await settle();
  const before = h.raw.length;
  await press(h, 'Y');
  await waitForFrame(h.ui, (f) =>
    f.includes(`copied the value of p${huge.partition}@${huge.message_offset}`),
  );
  const whole = mqs.topics.get('partner-inbox')!;
  const text = messageAt(whole, huge.partition, huge.message_offset)!;
  const b64 = Buffer.from(text.value, 'utf8').toString('base64');
  assert.ok(
    h.raw.slice(before).some((r) => r.includes(b64)),
    'the whole value went to the clipboard',
  );
});
