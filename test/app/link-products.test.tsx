// :products through the shell against the emulator: device counts, Enter lists the product's devices,
// export to a CSV file (E) and import from one (I) with confirmation, the product secret reset (X) with
// confirmation, audit line (without the secret) and the new secret masked until x.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { listKey } from '../../src/app/data.ts';
import type { Product } from '../../src/api/types/link.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';

let h: Harness;
let dir: string;
const rows = (): Product[] => {
  const s = h.store.getState();
  return (s.resources.products?.[listKey(s.instanceId, {})]?.data ?? []) as Product[];
};
async function press(keys: string) {
  h.ui.stdin.write(keys);
  await settle();
}
async function type(text: string) {
  for (const ch of text) await press(ch);
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rd-products-'));
  h = await startHarness({ rootScreen: 'products' });
  const deadline = Date.now() + 15_000;
  while (rows().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
});
after(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the product list counts devices per row; Enter lists only that product’s devices', async () => {
  const meter = rows().find((p) => p.name === 'SmartMeter_S3') as Product;
  const link = h.emu.state.link?.get(h.emu.instances[0] as string);
  const count = [...(link?.devices.values() ?? [])].filter((d) => d.product_id === meter.id).length;
  await waitForFrame(h.ui, (f) => new RegExp(`SmartMeter_S3.*\\b${count}\\b`).test(f));
  h.store.getState().actions.updateList({ selectedId: String(meter.id) });
  await settle();
  await press('\r');
  const frame = await waitForFrame(
    h.ui,
    (f) => f.includes('product: SmartMeter_S3') && f.includes(`${count} items`),
  );
  assert.doesNotMatch(frame, /TempSensor_T1/);
  await press('\x1b');
  await waitForFrame(h.ui, (f) => f.includes('MANUFACTURER'));
});

test('E exports the product to a CSV file; I imports an edited copy after confirmation', async () => {
  const path = join(dir, 'meter.csv');
  await press('E');
  await waitForFrame(h.ui, (f) => f.includes('Export product SmartMeter_S3 to a CSV file'));
  await press('\x15');
  await type(path);
  await press('\r');
  await waitForFrame(h.ui, (f) => f.includes('Saved') && f.includes('bytes'));
  const csv = readFileSync(path, 'utf8');
  assert.match(csv, /^name,app_id,/);
  assert.match(csv, /SmartMeter_S3/);
  await press('\x1b');

  const copy = join(dir, 'copy.csv');
  writeFileSync(copy, csv.replace('SmartMeter_S3', 'SmartMeter_S4').replace('S3-1P', 'S4-1P'));
  await press('I');
  await waitForFrame(h.ui, (f) => f.includes('Import products from a CSV file'));
  await type(copy);
  await press('\r');
  await waitForFrame(h.ui, (f) => f.includes('Import products from copy.csv'));
  const link = h.emu.state.link?.get(h.emu.instances[0] as string);
  assert.ok(
    ![...(link?.products.values() ?? [])].some((p) => p.name === 'SmartMeter_S4'),
    'nothing sent before y',
  );
  await press('y');
  await waitForFrame(h.ui, (f) => f.includes('1 product imported'));
  assert.ok([...(link?.products.values() ?? [])].some((p) => p.name === 'SmartMeter_S4'));
  await press('\r');
});

test('I works with no row under the cursor (a list filtered to nothing); its confirmation names no row', async () => {
  const csv = readFileSync(join(dir, 'meter.csv'), 'utf8');
  const copy = join(dir, 'empty-list.csv');
  writeFileSync(copy, csv.replace('SmartMeter_S3', 'SmartMeter_S5').replace('S3-1P', 'S5-1P'));
  h.store.getState().actions.updateList({ filter: 'no-such-product-zzz' });
  await waitForFrame(h.ui, (f) => f.includes('no match for'));
  await press('I');
  await waitForFrame(h.ui, (f) => f.includes('Import products from a CSV file'));
  await type(copy);
  await press('\r');
  const confirm = await waitForFrame(h.ui, (f) => f.includes('Import products from empty-list.csv'));
  assert.doesNotMatch(confirm, /row under the cursor|marked rows?/, 'an import acts on no row');
  await press('y');
  await waitForFrame(h.ui, (f) => f.includes('1 product imported'));
  await press('\r');
  h.store.getState().actions.updateList({ filter: '' });
  await settle();
});

test('X resets the product secret after a confirmation naming it; the new secret is masked until x, never audited', async () => {
  const meter = rows().find((p) => p.name === 'SmartMeter_S3') as Product;
  const link = h.emu.state.link?.get(h.emu.instances[0] as string);
  const stored = () => [...(link?.products.values() ?? [])].find((p) => p.id === meter.id)?.auth.password;
  const old = stored() as string;
  await waitForFrame(h.ui, (f) => f.includes('MANUFACTURER') && !f.includes('Esc/Enter: close'));
  await h.store.whenIdle();
  h.store.getState().actions.updateList({ selectedId: String(meter.id) });
  await settle();
  await press('i');
  await waitForFrame(h.ui, (f) => f.includes('serial') && f.includes('SmartMeter_S3'));
  for (let i = 0; i < 3; i++) await press('\t');
  const before = await waitForFrame(h.ui, (f) => f.includes('one secret per product type'));
  assert.ok(!before.includes(old), 'the secret is masked');

  await press('X');
  const confirm = await waitForFrame(h.ui, (f) => f.includes('Reset the secret of product SmartMeter_S3'));
  assert.match(confirm, /replaces the old one/);
  assert.equal(stored(), old, 'nothing sent before y');
  await press('y');
  const deadline = Date.now() + 15_000;
  while (stored() === old && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  const fresh = stored() as string;
  assert.notEqual(fresh, old);
  const outcome = await waitForFrame(h.ui, (f) => f.includes('Esc/Enter: close'));
  assert.ok(!outcome.includes(fresh), 'the outcome does not show the secret');
  await press('\r');
  await h.store.whenIdle();
  const masked = await waitForFrame(
    h.ui,
    (f) => f.includes('one secret per product type') && !f.includes('Esc/Enter: close'),
  );
  assert.ok(!masked.includes(fresh), 'the new secret is masked');
  await press('x');
  await waitForFrame(h.ui, (f) => f.includes(fresh));
  await press('x');

  let audit = '';
  while (!audit.includes('link.reset-product-auth') && Date.now() < deadline + 15_000) {
    audit = await readFile(h.auditPath, 'utf8').catch(() => '');
    await new Promise((r) => setTimeout(r, 5));
  }
  assert.match(audit, /"link\.reset-product-auth"/);
  assert.match(audit, new RegExp(`product:SmartMeter_S3\\(${meter.id}\\) authentication`));
  assert.ok(!audit.includes(fresh) && !audit.includes(old), 'no secret in the audit log');
  await press('\x1b');
});
