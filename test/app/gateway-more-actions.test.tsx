// Issue 14's actions in the whole app over real HTTP: key → dialog → confirmation naming object and
// effect → emulator state → audit line; exports and imports through real files.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { operationsOf, parseOpenApiText } from '../../src/api/openapi-doc.ts';
import { readZip } from '../../src/emulator/zip.ts';
import type { InstanceStore } from '../../src/emulator/state.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { auditedEntry } from './probes.ts';

let h: Harness;
let db: InstanceStore;
let dir: string;
before(async () => {
  h = await startHarness({ rootScreen: 'groups' });
  db = h.emu.state.stores.get(h.emu.instances[0] as string)!;
  dir = mkdtempSync(join(tmpdir(), 'rd-gm-'));
  await settle();
  await waitForFrame(h.ui, (f) => /\d+ items/.test(f));
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
const goto = (name: string, until: (f: string) => boolean) => type(`:${name}\r`, until);
/** The audit line of `action`, once it is written (the audit write follows the result on screen). */

test('D on a certificate: destructive confirmation names it and the effect; y deletes it; audited', async () => {
  await goto('certificates', (f) => f.includes('Certificates') && f.includes('cert_pay'));
  const f = await type('D', (f) => f.includes('Delete certificate'));
  assert.match(f, /HTTPS calls to pay\.example\.com fail/);
  await type('y', (f) => /Delete certificate: done/.test(f));
  assert.equal(
    [...db.data.certificates.values()].some((c) => c.name === 'cert_pay'),
    false,
  );
  await type('\x1b', (f) => !f.includes('Delete certificate: done'));
  const line = await auditedEntry(h, 'certificate.delete');
  assert.equal(line.result, 'ok');
  assert.match(String(line.object), /cert_pay/);
});

test('X resets an integration application secret after confirmation; the secret never shows in the result', async () => {
  await goto(
    'integration-apps',
    (f) => f.includes('Integration applications') && f.includes('iot_integration'),
  );
  await type('/iot\r', (f) => f.includes('filter: iot'));
  const app = [...db.data.romaApps.values()].find((a) => a.name === 'iot_integration')!;
  const old = app.secret;
  let f = await type('X', (f) => f.includes('Reset application secret'));
  assert.match(f, /iot_integration/);
  f = await type('y', (f) => /Reset application secret: done/.test(f));
  assert.notEqual(app.secret, old);
  assert.equal(f.includes(app.secret), false);
  await type('\x1b', (f) => !f.includes('Reset application secret: done'));
  await type('\x1b', (f) => !f.includes('filter: iot'));
});

test('T tests a custom backend; P/U deploy and undeploy it', async () => {
  await goto('backends', (f) => f.includes('Custom backends') && f.includes('sum_numbers'));
  await type('/sum_n\r', (f) => f.includes('filter: sum_n'));
  const api = [...db.data.ldApis.values()].find((a) => a.name === 'sum_numbers')!;
  // T asks the parameter values (defaults filled in); Enter through them keeps the defaults
  await type('T', (f) => f.includes('Test sum_numbers'));
  let f = await type('\r\r', (f) => f.includes('Test custom backend'));
  assert.match(f, /a=2, b=40/);
  f = await type('y', (f) => /Test custom backend: done/.test(f));
  assert.match(f, /"sum":42/);
  await type('\x1b', (f) => !f.includes('Test custom backend: done'));
  // P asks for a frontend API's group: left empty, the backend only is deployed
  await type('P', (f) => f.includes('Deploy sum_numbers'));
  await type('\r\r\r\r\r', (f) => f.includes('Deploy custom backend'));
  await type('y', (f) => /Deploy custom backend: done/.test(f));
  assert.equal(api.status, 4);
  await type('\x1b', (f) => !f.includes('Deploy custom backend: done'));
  await type('U', (f) => f.includes('Undeploy custom backend'));
  await type('y', (f) => /Undeploy custom backend: done/.test(f));
  assert.equal(api.status, 3);
  await type('\x1b', (f) => !f.includes('Undeploy custom backend: done'));
  await type('\x1b', (f) => !f.includes('filter: sum_n'));
});

test('b binds apps to a client quota (Space marks), u unbinds one', async () => {
  await goto('quotas', (f) => f.includes('Client quotas') && f.includes('batch_minute'));
  await type('/batch\r', (f) => f.includes('filter: batch'));
  const q = [...db.data.appQuotas.values()].find((x) => x.name === 'batch_minute')!;
  await type('b', (f) => f.includes('Bind apps to batch_minute'));
  await type(' ', (f) => f.includes('◆'));
  await type('\r', (f) => f.includes('Bind apps to client quota'));
  await type('y', (f) => /Bind apps to client quota: done/.test(f));
  const bound = [...db.data.appQuotaBindings.values()].filter((b) => b.app_quota_id === q.id);
  assert.equal(bound.length, 1);
  await type('\x1b', (f) => !f.includes(': done'));
  await type('u', (f) => f.includes('Unbind an app from batch_minute'));
  await type('\r', (f) => f.includes('Unbind app from client quota'));
  await type('y', (f) => /Unbind app from client quota: done/.test(f));
  assert.equal([...db.data.appQuotaBindings.values()].filter((b) => b.app_quota_id === q.id).length, 0);
  await type('\x1b', (f) => !f.includes(': done'));
  await type('\x1b', (f) => !f.includes('filter: batch'));
});

test('E exports a group to a file, never over an existing one without asking; I imports it back with a preview', async () => {
  await goto('groups', (f) => f.includes('API groups') && f.includes('order_center'));
  await type('/order_center\r', (f) => f.includes('filter: order_center'));
  const target = join(dir, 'orders.json');
  await type('E', (f) => f.includes('Export order_center as OpenAPI'));
  await type('\r', (f) => f.includes('file:'));
  await type('\x15' + target + '\r', (f) => f.includes('written to'));
  await type('\r', (f) => !f.includes('Export order_center'));
  const first = readFileSync(target, 'utf8');
  const ops = operationsOf(parseOpenApiText(first).doc);
  assert.ok(ops.length > 0);
  assert.equal(statSync(target).mode & 0o777, 0o600, 'created private, as every file the dashboard saves');
  // A second export to the same path asks first; n keeps the file.
  writeFileSync(target, 'keep me');
  await type('E', (f) => f.includes('Export order_center as OpenAPI'));
  await type('\r', (f) => f.includes('file:'));
  await type('\x15' + target + '\r', (f) => f.includes('exists. Overwrite it?'));
  await type('n', (f) => f.includes('file:'));
  await type('\x1b', (f) => !f.includes('Export order_center'));
  assert.equal(readFileSync(target, 'utf8'), 'keep me');
  writeFileSync(target, first);
  // Import the same file: the preview shows every API as kept (merge), then overwritten (m).
  await type('I', (f) => f.includes('Import OpenAPI into order_center'));
  let f = await type('\x15' + target + '\r', (f) => f.includes('mode merge'));
  assert.match(f, /conflict\s+\S+\s+\//);
  f = await type('m', (f) => f.includes('mode override'));
  assert.match(f, /update\s+\S+\s+\//);
  await type('\r', (f) => f.includes('Import OpenAPI'));
  f = await type('y', (f) => /Import OpenAPI: done/.test(f));
  await type('\x1b', (f) => !f.includes('Import OpenAPI: done'));
  await type('\x1b', (f) => !f.includes('filter: order_center'));
  assert.equal((await auditedEntry(h, 'openapi.import')).result, 'ok');
});

test('E on :assets exports an application package to a zip file', async () => {
  await goto('assets', (f) => f.includes('Assets by integration application') && f.includes('partner_hub'));
  await type('/partner\r', (f) => f.includes('filter: partner'));
  const target = join(dir, 'partner.zip');
  await type('E', (f) => f.includes('Export the assets of partner_hub'));
  await type('\x15' + target + '\r', (f) => f.includes('Export assets'));
  await type('y', (f) => /Export assets: done/.test(f));
  const names = readZip(readFileSync(target)).map((e) => e.name);
  assert.ok(names.includes('apps/partner_hub.json'));
  await type('\x1b', (f) => !f.includes('Export assets: done'));
  await type('\x1b', (f) => !f.includes('filter: partner'));
});

test('t toggles an instance feature after confirmation', async () => {
  await goto('features', (f) => f.includes('Instance features') && f.includes('green_tunnel'));
  await type('/green\r', (f) => f.includes('filter: green'));
  const feat = [...db.data.features.values()].find((x) => x.name === 'green_tunnel')!;
  assert.equal(feat.enable, false);
  await type('t', (f) => f.includes('Enable instance feature'));
  await type('y', (f) => /Enable instance feature: done/.test(f));
  assert.equal(feat.enable, true);
  await type('\x1b', (f) => !f.includes(': done'));
  await type('\x1b', (f) => !f.includes('filter: green'));
});

test('n on :domains binds a domain to the row\u2019s group; D unbinds it', async () => {
  await goto('domains', (f) => f.includes('Custom domains') && f.includes('partners.example.com'));
  await type('/partners\r', (f) => f.includes('filter: partners'));
  await type('n', (f) => f.includes('Bind a domain to group'));
  await type('new.partners.example.com\r', (f) => f.includes('minimum TLS'));
  await type('\r', (f) => f.includes('Bind domain'));
  await type('y', (f) => /Bind domain: done/.test(f));
  const g = [...db.data.groups.values()].find((x) =>
    x.url_domains.some((d) => d.domain === 'new.partners.example.com'),
  );
  assert.ok(g);
  await type('\x1b', (f) => !f.includes('Bind domain: done'));
  await type('\x1b', (f) => !f.includes('filter: partners'));
  await type('/new.partners\r', (f) => f.includes('filter: new.partners') && f.includes('1 of 1'));
  const f = await type('D', (f) => f.includes('Unbind domain'));
  assert.match(f, /calls through new\.partners\.example\.com stop/);
  await type('y', (f) => /Unbind domain: done/.test(f));
  assert.equal(
    g.url_domains.some((d) => d.domain === 'new.partners.example.com'),
    false,
  );
  await type('\x1b', (f) => !f.includes('Unbind domain: done'));
  await type('\x1b', (f) => !f.includes('filter: new.partners'));
});

test('dictionaries: n creates a child of the listed parent, D deletes it; a system dictionary is refused', async () => {
  await goto('dictionaries', (f) => f.includes('Dictionaries') && f.includes('ORDER_STATUS'));
  await type('/ORDER_STATUS\r', (f) => f.includes('filter: ORDER_STATUS'));
  await type('\r', (f) => f.includes('in Order status') && f.includes('ORDER_PAID'));
  await type('n', (f) => f.includes('New dictionary in ORDER_STATUS'));
  await type('Refunded\rORDER_REFUNDED\r\r', (f) => f.includes('Create dictionary'));
  await type('y', (f) => /Create dictionary: done/.test(f));
  const made = [...db.data.dictionaries.values()].find((d) => d.code === 'ORDER_REFUNDED');
  assert.equal(made?.parent_code, 'ORDER_STATUS');
  await type('\x1b', (f) => !f.includes(': done'));
  await type('/REFUNDED\r', (f) => f.includes('filter: REFUNDED') && f.includes('1 of 1'));
  await type('D', (f) => f.includes('Delete dictionary'));
  await type('y', (f) => /Delete dictionary: done/.test(f));
  assert.equal(
    [...db.data.dictionaries.values()].some((d) => d.code === 'ORDER_REFUNDED'),
    false,
  );
  await type('\x1b', (f) => !f.includes(': done'));
  await type('\x1b', (f) => !f.includes('filter: REFUNDED'));
  await type('\x1b', (f) => !f.includes('in Order status'));
  await type('\x1b', (f) => !f.includes('filter: ORDER_STATUS'));
  await type('/COUNTRY\r', (f) => f.includes('filter: COUNTRY') && f.includes('1 of 1'));
  await type('D', (f) => f.includes('refused: it is a system dictionary'));
  const f = await type('y', (f) => /ROMA\.00013014/.test(f));
  assert.match(f, /Delete dictionary failed/);
  await type('\x1b', (f) => !f.includes('Delete dictionary failed'));
  await type('\x1b', (f) => !f.includes('filter: COUNTRY'));
});

test('quotas: n creates one from a form (bad input stays in the form), D deletes it', async () => {
  await goto('quotas', (f) => f.includes('Client quotas') && f.includes('partner_hourly'));
  await type('n', (f) => f.includes('New client quota'));
  await type('burst_quota\r50\r\x15WEEK\r\r', (f) => f.includes('per is SECOND'));
  await type('\x1b[A\x15MINUTE\r\r', (f) => f.includes('Create client quota'));
  await type('y', (f) => /Create client quota: done/.test(f));
  const q = [...db.data.appQuotas.values()].find((x) => x.name === 'burst_quota');
  assert.equal(q?.time_unit, 'MINUTE');
  await type('\x1b', (f) => !f.includes(': done'));
  await type('/burst\r', (f) => f.includes('filter: burst') && f.includes('1 of 1'));
  await type('D', (f) => f.includes('Delete client quota'));
  await type('y', (f) => /Delete client quota: done/.test(f));
  assert.equal(db.data.appQuotas.has(q!.id), false);
  await type('\x1b', (f) => !f.includes(': done'));
  await type('\x1b', (f) => !f.includes('filter: burst'));
});

test('integration apps: n creates one; D on an application that owns resources is refused by the service', async () => {
  await goto(
    'integration-apps',
    (f) => f.includes('Integration applications') && f.includes('order_platform'),
  );
  await type('n', (f) => f.includes('New integration application'));
  await type('ops tools\rmade in a test\r', (f) => f.includes('Create integration application'));
  await type('y', (f) => /Create integration application: done/.test(f));
  assert.ok([...db.data.romaApps.values()].some((a) => a.name === 'ops tools'));
  await type('\x1b', (f) => !f.includes(': done'));
  await type('/order_platform\r', (f) => f.includes('filter: order_platform') && f.includes('1 of 1'));
  await type('D', (f) => f.includes('Delete integration application'));
  const f = await type('y', (f) => /ROMA\.4001033/.test(f));
  assert.match(f, /contains resources/);
  await type('\x1b', (f) => !f.includes('ROMA.4001033'));
  await type('\x1b', (f) => !f.includes('filter: order_platform'));
});
