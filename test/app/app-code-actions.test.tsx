// An APP's App Codes (4.16.3–4.16.7) in the whole app over real HTTP: n in the APP's detail adds one
// (generated, or a typed value the reference allows), D deletes one picked from the list; confirmation
// naming the APP and the code, emulator state after y, nothing sent after n or Esc, audit lines.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { InstanceStore } from '../../src/emulator/state.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { auditedEntry, writesTo } from './probes.ts';

let h: Harness;
let db: InstanceStore;
before(async () => {
  h = await startHarness({ rootScreen: 'apps' });
  db = h.emu.state.stores.get(h.emu.instances[0] as string)!;
  await settle();
  await waitForFrame(h.ui, (f) => f.includes('Apps') && f.includes('mobile_app_ios'));
});
after(async () => {
  await h?.close();
});

async function type(keys: string, until: (f: string) => boolean) {
  for (const k of keys.match(/\x1b\[[A-D]|\x1b|\r|\t|./gs) ?? []) {
    h.ui.stdin.write(k);
    await settle();
  }
  return waitForFrame(h.ui, until);
}

test("n in an APP's detail adds a generated or a typed App Code; D deletes one; n/Esc send nothing", async () => {
  await type('/mobile_app_ios\r', (f) => f.includes('filter: mobile_app_ios'));
  await type('i', (f) => f.includes('[Overview]'));
  await type(']]', (f) => f.includes('App Codes ('));
  const app = [...db.data.apps.values()].find((a) => a.name === 'mobile_app_ios')!;
  const codes = () => [...db.data.appCodes.values()].filter((c) => c.app_id === app.id);
  const start = codes().length;
  const before = writesTo(h);

  // generated: n then Esc at the confirmation, then y
  let f = await type('n', (f) => f.includes('New App Code for mobile_app_ios'));
  f = await type('\r', (f) => f.includes('Add App Code'));
  assert.match(f, /mobile_app_ios/);
  await type('n', (f) => !f.includes('Add App Code'));
  await type('n', (f) => f.includes('New App Code for mobile_app_ios'));
  await type('\r', (f) => f.includes('Add App Code'));
  await type('\x1b', (f) => !f.includes('Add App Code'));
  assert.equal(writesTo(h), before, 'nothing sent after n or Esc');
  await type('n', (f) => f.includes('New App Code for mobile_app_ios'));
  await type('\r', (f) => f.includes('Add App Code'));
  f = await type('y', (f) => /Add App Code: done|Add App Code failed/.test(f));
  assert.match(f, /Add App Code: done/);
  assert.equal(codes().length, start + 1);
  const generated = codes().at(-1)!;
  assert.equal(f.includes(generated.app_code), false, 'the value is not shown in the result');
  await type('\x1b', (f) => !f.includes('Add App Code: done'));
  assert.equal((await auditedEntry(h, 'appCode.create')).result, 'ok');

  // typed: a value the reference refuses stays in the dialog, nothing sent; a valid one is created as typed
  const sent = writesTo(h);
  await type('n', (f) => f.includes('New App Code for mobile_app_ios'));
  await type('short\r', (f) => f.includes('64–180'));
  assert.equal(writesTo(h), sent, 'nothing sent for a refused value');
  const value = `/${'Ab+9='.repeat(13)}`;
  await type('\x15' + value + '\r', (f) => f.includes('Add App Code'));
  await type('y', (f) => /Add App Code: done/.test(f));
  assert.ok(codes().some((c) => c.app_code === value));
  await type('\x1b', (f) => !f.includes('Add App Code: done'));

  // delete the first code of the list: Esc at the confirmation sends nothing, y deletes it
  const victim = codes()[0]!;
  f = await type('D', (f) => f.includes('Delete an App Code of mobile_app_ios'));
  assert.match(f, new RegExp(victim.id));
  assert.equal(f.includes(victim.app_code), false, 'the pick list never shows a value');
  f = await type('\r', (f) => f.includes('Delete App Code'));
  assert.match(f, new RegExp(victim.id));
  assert.match(f, /mobile_app_ios/);
  const beforeDelete = writesTo(h);
  await type('\x1b', (f) => !f.includes('Delete App Code'));
  assert.equal(writesTo(h), beforeDelete, 'nothing sent after Esc');
  assert.ok(db.data.appCodes.has(victim.id));
  await type('D', (f) => f.includes('Delete an App Code of mobile_app_ios'));
  await type('\r', (f) => f.includes('Delete App Code'));
  f = await type('y', (f) => /Delete App Code: done|Delete App Code failed/.test(f));
  assert.match(f, /Delete App Code: done/);
  assert.equal(db.data.appCodes.has(victim.id), false);
  assert.equal(codes().length, start + 1);
  await type('\x1b', (f) => !f.includes('Delete App Code: done'));
  const line = await auditedEntry(h, 'appCode.delete');
  assert.equal(line.result, 'ok');
  assert.match(String(line.object), new RegExp(victim.id));
  await type('\x1b', (f) => !f.includes('[Overview]'));
  await type('\x1b', (f) => !f.includes('filter: mobile_app_ios'));
});

test("on the APP's Configurations tab n adds a configuration and D deletes one; nothing sent after n/Esc", async () => {
  await type('/mobile_app_ios\r', (f) => f.includes('filter: mobile_app_ios'));
  await type('i', (f) => f.includes('[Overview]'));
  await type(']]]]]', (f) => f.includes('Configurations ('));
  const app = [...db.data.apps.values()].find((a) => a.name === 'mobile_app_ios')!;
  const configs = () => [...db.data.appConfigs.values()].filter((c) => c.app_id === app.id);
  const start = configs().length;
  const before = writesTo(h);

  let f = await type('n', (f) => f.includes('New configuration of mobile_app_ios'));
  f = await type('\rapi_token\rT0ken-Value-42\rtoken for partners\r', (f) => f.includes('Add configuration'));
  assert.match(f, /mobile_app_ios/);
  assert.match(f, /api_token/);
  await type('n', (f) => !f.includes('Add configuration'));
  assert.equal(writesTo(h), before, 'nothing sent after n');
  assert.equal(configs().length, start);
  await type('n', (f) => f.includes('New configuration of mobile_app_ios'));
  await type('\x15password\rapi_token\rT0ken-Value-42\r\r', (f) => f.includes('Add configuration'));
  f = await type('y', (f) => /Add configuration: done|Add configuration failed/.test(f));
  assert.match(f, /Add configuration: done/);
  const made = configs().find((c) => c.config_name === 'api_token');
  assert.equal(made?.config_type, 'password');
  assert.equal(made?.config_value, 'T0ken-Value-42');
  await type('\x1b', (f) => !f.includes('Add configuration: done'));
  const created = await auditedEntry(h, 'appConfig.create');
  assert.equal(created.result, 'ok');
  assert.equal(
    JSON.stringify(created).includes('T0ken-Value-42'),
    false,
    'the audit never carries the value',
  );

  f = await type(
    'D',
    (f) => f.includes('Delete a configuration of mobile_app_ios') && f.includes('api_token'),
  );
  // the new configuration is the last row (the list keeps creation order)
  const down = 'j'.repeat(start);
  await type(down + '\r', (f) => f.includes('Delete configuration'));
  const beforeDelete = writesTo(h);
  await type('\x1b', (f) => !f.includes('Delete configuration'));
  assert.equal(writesTo(h), beforeDelete, 'nothing sent after Esc');
  await type('D', (f) => f.includes('Delete a configuration of mobile_app_ios'));
  f = await type(down + '\r', (f) => f.includes('Delete configuration'));
  assert.match(f, /api_token/);
  f = await type('y', (f) => /Delete configuration: done|Delete configuration failed/.test(f));
  assert.match(f, /Delete configuration: done/);
  assert.equal(
    configs().some((c) => c.config_name === 'api_token'),
    false,
  );
  assert.equal(configs().length, start);
  await type('\x1b', (f) => !f.includes('Delete configuration: done'));
  assert.equal((await auditedEntry(h, 'appConfig.delete')).result, 'ok');
});
