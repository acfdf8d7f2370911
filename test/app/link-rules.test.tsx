// :rules through the shell against the emulator: the rule's flow (source topic → MQS topic) and a
// rule test (6.5.4) whose result is shown, typed as a user would.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { listKey } from '../../src/app/data.ts';
import type { Rule } from '../../src/api/types/link.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';

let h: Harness;
const rows = (): Rule[] => {
  const s = h.store.getState();
  return (s.resources.rules?.[listKey(s.instanceId, {})]?.data ?? []) as Rule[];
};
async function press(keys: string) {
  h.ui.stdin.write(keys);
  await settle();
}

before(async () => {
  h = await startHarness({ rootScreen: 'rules' });
  const deadline = Date.now() + 15_000;
  while (rows().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
});
after(async () => {
  await h?.close();
});

test('the rule overview shows where data comes from and which MQS topic it goes to', async () => {
  const rule = rows().find((r) => r.name === 'meter_telemetry_to_mqs');
  assert.ok(rule);
  h.store.getState().actions.updateList({ selectedId: String(rule.rule_id) });
  await settle();
  await press('\r');
  const frame = await waitForFrame(h.ui, (f) => f.includes('Flow') && f.includes('T_meter_telemetry'));
  assert.match(frame, /out\/\+/);
  await press('\x1b');
  await waitForFrame(h.ui, (f) => f.includes('PARSING'));
});

test('T tests the rule on typed data and shows the result; no match says so', async () => {
  await press('T');
  await waitForFrame(h.ui, (f) => f.includes('Test rule meter_telemetry_to_mqs') && f.includes('"power":0'));
  await press('\r');
  await waitForFrame(h.ui, (f) => f.includes('no match'));
  await press('\x15'); // Ctrl-U
  for (const ch of '{"power":150,"voltage":231,"current":2}') await press(ch);
  await press('\r');
  const frame = await waitForFrame(h.ui, (f) => f.includes('Result: {'));
  assert.match(frame, /"voltage":231/);
  assert.match(frame, /"power":150/);
  await press('\x1b');
  await waitForFrame(h.ui, (f) => !f.includes('Test rule'));
});

test('T on data that is not JSON: the documented hint names the rule broken, never a raw {0}', async () => {
  await press('T');
  await waitForFrame(h.ui, (f) => f.includes('Test rule meter_telemetry_to_mqs'));
  await press('\x15'); // Ctrl-U
  for (const ch of 'not json') await press(ch);
  await press('\r');
  const frame = await waitForFrame(h.ui, (f) => f.includes('validation rules'));
  assert.doesNotMatch(frame, /\{\d+\}/);
  assert.match(frame, /validation rules: \[test_data/);
  await press('\x1b');
  await waitForFrame(h.ui, (f) => !f.includes('Test rule'));
});

test('T whose answer breaks on the way: a test changes nothing, so no "may or may not have been applied"', async () => {
  await press('T');
  await waitForFrame(h.ui, (f) => f.includes('Test rule meter_telemetry_to_mqs'));
  h.emu.setFaults('malformed=1');
  try {
    await press('\r');
    const frame = await waitForFrame(h.ui, (f) => /malformed|cut off|not valid JSON/i.test(f));
    assert.doesNotMatch(frame, /may or may not have been applied|outcome unknown/i);
  } finally {
    h.emu.setFaults(null);
  }
  await press('\x1b');
  await waitForFrame(h.ui, (f) => !f.includes('Test rule'));
});
