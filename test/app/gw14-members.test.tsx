// `m` on an integration application (3.1.9–3.1.11) in the whole app over real HTTP: one picker with the
// members (to remove) and the candidates (to add), a confirmation naming who joins and who leaves
// (destructive when someone leaves), the emulator's member list, the audit line.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { InstanceStore } from '../../src/emulator/state.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { auditedEntry } from './probes.ts';

let h: Harness;
let db: InstanceStore;
before(async () => {
  h = await startHarness({ rootScreen: 'integration-apps' });
  db = h.emu.state.stores.get(h.emu.instances[0] as string)!;
  await settle();
  await waitForFrame(h.ui, (f) => f.includes('partner_hub'));
});
after(() => h?.close());

async function type(keys: string, until: (f: string) => boolean) {
  for (const k of keys.match(/\x1b\[[A-D]|\x1b|\r|\t|./gs) ?? []) {
    h.ui.stdin.write(k);
    await settle();
  }
  return waitForFrame(h.ui, until);
}

const userId = (name: string) => [...db.data.romaUsers.values()].find((u) => u.name === name)!.id;

test('m: remove one member and add one candidate in one confirmed change', async () => {
  const app = [...db.data.romaApps.values()].find((a) => a.name === 'partner_hub')!;
  assert.deepEqual(app.members, [userId('ops_admin'), userId('li.wei')]);
  await type('/partner\r', (f) => f.includes('filter: partner'));
  let f = await type('m', (f) => f.includes('Members of partner_hub (2)'));
  // members first (to remove), then the candidates that are not members; a disabled user is no candidate
  assert.match(f, /remove {2}ops_admin/);
  assert.match(f, /add {5}demo_user/);
  assert.equal(f.includes('former_contractor'), false);
  await type(' ', (f) => f.includes('◆'));
  // the cursor moved to li.wei; one more down is the first candidate
  await type('j ', (f) => (f.match(/◆/g) ?? []).length === 2);
  f = await type('\r', (f) => f.includes('Change application members'));
  assert.match(f, /demo_user join partner_hub/);
  assert.match(f, /ops_admin leave partner_hub/);
  f = await type('y', (f) => /Change application members: done/.test(f));
  assert.deepEqual(app.members, [userId('li.wei'), userId('demo_user')]);
  const line = await auditedEntry(h, 'integrationApp.members');
  assert.equal(line.result, 'ok');
  assert.match(String(line.object), /\+demo_user -ops_admin/);
  await type('\x1b', (f) => !f.includes(': done'));
});

test('m then Enter on a candidate adds it without a destructive confirmation; Members tab shows it', async () => {
  const app = [...db.data.romaApps.values()].find((a) => a.name === 'partner_hub')!;
  await type('m', (f) => f.includes('Members of partner_hub (2)'));
  // rows: remove li.wei, remove demo_user, add ops_admin, add anna.schmidt, add integration_bot
  const f = await type('jjj\r', (f) => f.includes('Add application members'));
  assert.match(f, /anna\.schmidt join partner_hub/);
  await type('y', (f) => /Add application members: done/.test(f));
  assert.equal(app.members.includes(userId('anna.schmidt')), true);
  assert.equal(app.members.length, 3);
  await type('\x1b', (f) => !f.includes(': done'));
  await type('\r', (f) => f.includes('Integration application') && f.includes('Members'));
  await type(']]', (f) => f.includes('Members (3)') && f.includes('anna.schmidt'));
});
