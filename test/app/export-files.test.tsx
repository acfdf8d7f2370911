// Files the dashboard writes from server data (a message's value, a topics export, a group's OpenAPI)
// may hold secrets: they are created with mode 600, like every other file it saves, and never replace
// an existing file without asking. Through the whole shell against the emulator.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { waitForFrame } from '../helpers/ink.ts';
import { until } from '../helpers/until.ts';
import { startHarness, type Harness } from './harness.tsx';
import { press, rowsOf, typeText } from './probes.ts';

let h: Harness;
let dir: string;
before(async () => {
  h = await startHarness({ rootScreen: 'topics' });
  dir = mkdtempSync(join(tmpdir(), 'rd-export-'));
});
after(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const CTRL_U = '\x15';
const modeOf = (p: string) => statSync(p).mode & 0o777;

test('W saves the selected message value to a new file of mode 600; an existing file is not replaced', async () => {
  h.store.getState().actions.jump('messages', { topic: 'order-events', window: '1d' });
  await until('messages', () => rowsOf(h, 'messages', { topic: 'order-events', window: '1d' }).length > 0);
  const target = join(dir, 'value.msg');
  await press(h, 'W');
  await waitForFrame(h.ui, (f) => f.includes('Save the message value to a file'));
  await press(h, CTRL_U);
  await typeText(h, target);
  await press(h, '\r');
  await until('value saved', () => existsSync(target) && !h.store.getState().modals.length);
  assert.ok(readFileSync(target).length > 0);
  assert.equal(modeOf(target), 0o600);

  writeFileSync(target, 'keep me');
  await press(h, 'W');
  await waitForFrame(h.ui, (f) => f.includes('Save the message value to a file'));
  await press(h, CTRL_U);
  await typeText(h, target);
  await press(h, '\r');
  await waitForFrame(h.ui, (f) => f.includes('exists'));
  await press(h, '\x1b');
  assert.equal(readFileSync(target, 'utf8'), 'keep me');
});

test('E on :topics exports the topics to a file of mode 600', async () => {
  h.store.getState().actions.jump('topics');
  await until('topics', () => rowsOf(h, 'topics').length > 0);
  const target = join(dir, 'topics.json');
  await press(h, 'E');
  await waitForFrame(h.ui, (f) => f.includes('topic(s) to a file'));
  await press(h, CTRL_U);
  await typeText(h, target);
  await press(h, '\r');
  await until('topics exported', () => existsSync(target) && !h.store.getState().modals.length);
  assert.ok(JSON.parse(readFileSync(target, 'utf8')));
  assert.equal(modeOf(target), 0o600);
});
