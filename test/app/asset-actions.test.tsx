// :assets import (I) and delete (D) in the whole app over real HTTP: key → dialog → confirmation naming the
// application and the effect → emulator state after y; nothing sent after n or Esc; audit lines.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { writeZip } from '../../src/emulator/zip.ts';
import type { InstanceStore } from '../../src/emulator/state.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { auditedEntry, writesTo } from './probes.ts';

let h: Harness;
let db: InstanceStore;
let dir: string;
before(async () => {
  h = await startHarness({ rootScreen: 'assets' });
  db = h.emu.state.stores.get(h.emu.instances[0] as string)!;
  dir = mkdtempSync(join(tmpdir(), 'rd-assets-'));
  await settle();
  await waitForFrame(
    h.ui,
    (f) => f.includes('Assets by integration application') && f.includes('partner_hub'),
  );
});
after(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function type(keys: string, until: (f: string) => boolean) {
  for (const k of keys.match(/\x1b\[[A-D]|\x1b|\r|\t|./gs) ?? []) {
    h.ui.stdin.write(k);
    await settle();
  }
  return waitForFrame(h.ui, until);
}
const jobs = (type: string) => [...db.data.assetJobs.values()].filter((j) => j.type === type);

test('D on :assets names the application and the effect; n and Esc send nothing; y deletes its assets', async () => {
  await type('/iot\r', (f) => f.includes('filter: iot'));
  const app = [...db.data.romaApps.values()].find((a) => a.name === 'iot_integration')!;
  const owned = () => [...db.data.ldApis.values()].filter((b) => b.roma_app_id === app.id).length;
  assert.ok(owned() > 0, 'the seed gives iot_integration a custom backend');
  const before = writesTo(h);

  let f = await type('D', (f) => f.includes('Delete assets'));
  assert.match(f, /iot_integration/);
  assert.match(f, /custom backend/);
  await type('n', (f) => !f.includes('Delete assets'));
  await type('D', (f) => f.includes('Delete assets'));
  await type('\x1b', (f) => !f.includes('Delete assets'));
  assert.equal(writesTo(h), before, 'nothing sent after n or Esc');
  assert.equal(jobs('deleteAsset').length, 0);

  await type('D', (f) => f.includes('Delete assets'));
  f = await type('y', (f) => /Delete assets: done|Delete assets failed/.test(f));
  assert.match(f, /Delete assets: done/);
  assert.equal(owned(), 0);
  assert.ok(db.data.romaApps.has(app.id), 'the application itself stays');
  assert.equal(jobs('deleteAsset')[0]?.status, 'Success');
  await type('\x1b', (f) => !f.includes('Delete assets: done'));
  const line = await auditedEntry(h, 'assets.delete');
  assert.equal(line.result, 'ok');
  assert.match(String(line.object), /iot_integration/);
  await type('\x1b', (f) => !f.includes('filter: iot'));
});

test('I on :assets: a missing file is refused in the dialog; n sends nothing; y runs the import job', async () => {
  await type('/partner\r', (f) => f.includes('filter: partner'));
  const before = writesTo(h);
  const missing = join(dir, 'missing.zip');
  let f = await type('I', (f) => f.includes('Import an asset package'));
  assert.match(f, /partner_hub/, 'the application is prefilled');
  f = await type(missing + '\r\r', (f) => f.includes('does not exist'));
  const notZip = join(dir, 'notes.txt');
  writeFileSync(notZip, 'not a package');
  await type('\x1b[A\x15' + notZip + '\r\r', (f) => f.includes('is not a zip package'));
  await type('\x1b', (f) => !f.includes('Import an asset package'));
  assert.equal(writesTo(h), before, 'nothing sent for a missing or wrong file');

  const pkg = join(dir, 'partner.zip');
  writeFileSync(pkg, writeZip([{ name: 'manifest.json', data: Buffer.from('{"format":"roma-assets/1"}') }]));
  await type('I', (f) => f.includes('Import an asset package'));
  f = await type(pkg + '\r\r', (f) => f.includes('Import assets'));
  assert.match(f, /partner_hub/);
  await type('n', (f) => !f.includes('Import assets'));
  assert.equal(writesTo(h), before, 'nothing sent after n');
  assert.equal(jobs('importAsset').length, 0);

  await type('I', (f) => f.includes('Import an asset package'));
  await type(pkg + '\r\r', (f) => f.includes('Import assets'));
  f = await type('y', (f) => /Import assets: done|Import assets failed/.test(f));
  assert.match(f, /Import assets: done/);
  const job = jobs('importAsset')[0];
  assert.equal(job?.status, 'Success');
  const partner = [...db.data.romaApps.values()].find((a) => a.name === 'partner_hub')!;
  assert.deepEqual(job?.app_ids, [partner.id]);
  await type('\x1b', (f) => !f.includes('Import assets: done'));
  assert.equal((await auditedEntry(h, 'assets.import')).result, 'ok');
  await type('\x1b', (f) => !f.includes('filter: partner'));
});
