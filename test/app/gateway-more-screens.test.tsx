// Issue 14's screens against the demo emulator over real HTTP: palette names, columns, colours, masking.
import '../helpers/force-color.ts';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { plain, settle, waitForFrame } from '../helpers/ink.ts';
import { daysLeft, expiryTone } from '../../screens/gateway-more/domains.ts';
import { usageBar, usageTone } from '../../screens/gateway-more/instance-settings.ts';
import { startHarness, type Harness } from './harness.tsx';

let h: Harness;
before(async () => {
  h = await startHarness({ rootScreen: 'groups' });
  await settle();
  await waitForFrame(h.ui, (f) => /\d+ items/.test(f));
});
after(async () => h?.close());

async function type(keys: string, until: (f: string) => boolean, raw = false) {
  for (const k of keys.match(/\x1b\[[A-D]|\x1b|\r|./gs) ?? []) h.ui.stdin.write(k);
  return waitForFrame(h.ui, until, { raw });
}

const goto = (name: string, until: (f: string) => boolean) => type(`:${name}\r`, until);

test(':certificates lists the soonest expiry first; the expired one in the danger colour', async () => {
  const f = await goto('certificates', (f) => f.includes('Certificates') && /expired 3d ago/.test(f));
  const rows = f.split('\n').filter((l) => /\d+d\s*$|expired/.test(l));
  assert.match(rows[0] ?? '', /pay\.example\.com.*expired 3d ago/);
  assert.match(rows[1] ?? '', /api\.shop\.example\.com.*\b12d/);
});

test(':domains shows CNAME state, TLS and days left; the detail names the certificate', async () => {
  let f = await goto('domains', (f) => f.includes('Custom domains') && f.includes('partners.example.com'));
  assert.match(f, /partners\.example\.com\s+\S+\s+resolving/);
  assert.match(f, /iot\.example\.com\s+\S+\s+failed/);
  f = await type('/api.shop\r', (f) => f.includes('filter: api.shop'));
  f = await type('i', (f) => f.includes('common name'));
  assert.match(f, /days left\s+1[12]d/);
  await type('\x1b', (f) => f.includes('Custom domains'));
  await type('\x1b', (f) => !f.includes('filter: api.shop'));
});

test(':usage draws usage bars', async () => {
  const f = await goto('usage', (f) => f.includes('Quota usage') && f.includes('API_NUM_LIMIT'));
  assert.match(f, /APIGROUP_DOMAIN_NUM_LIMIT\s+2\s+5\s+█+░+ 40%/);
});

test(':backends shows states; the detail shows the decoded script', async () => {
  let f = await goto('backends', (f) => f.includes('Custom backends') && f.includes('hello_function'));
  assert.match(f, /hello_function\s+POST\s+\/hello\s+function\s+deployed/);
  assert.match(f, /draft_report\s+POST\s+\/reports\/draft\s+—\s+to develop/);
  f = await type('/hello\r', (f) => f.includes('filter: hello'));
  f = await type('i', (f) => f.includes('[Overview]'));
  f = await type('\t', (f) => f.includes('function execute(data)'));
  assert.match(f, /Hello/);
  await type('\x1b', (f) => f.includes('Custom backends'));
});

test(':integration-apps masks the secret until x', async () => {
  let f = await goto(
    'integration-apps',
    (f) => f.includes('Integration applications') && f.includes('order_platform'),
  );
  assert.match(f, /★\s+order_platform/);
  f = await type('/partner\r', (f) => f.includes('filter: partner'));
  f = await type('i', (f) => f.includes('(x reveals)'));
  const app = [...h.emu.state.stores.get(h.emu.instances[0] as string)!.data.romaApps.values()].find(
    (a) => a.name === 'partner_hub',
  )!;
  assert.equal(f.includes(app.secret), false);
  f = await type('x', (f) => f.includes(app.secret));
  await type('x', (f) => !f.includes(app.secret));
  await type('\x1b', (f) => f.includes('Integration applications'));
});

test(':dictionaries opens children with Enter', async () => {
  await goto('dictionaries', (f) => f.includes('Dictionaries') && f.includes('COUNTRY'));
  await type('/COUNTRY\r', (f) => f.includes('filter: COUNTRY'));
  const f = await type('\r', (f) => f.includes('in Country') && f.includes('Germany'));
  assert.match(f, /United States/);
});

test(':quotas, :features, :tags and :assets list their rows', async () => {
  let f = await goto('quotas', (f) => f.includes('Client quotas') && f.includes('mobile_daily'));
  assert.match(f, /partner_hourly\s+5,?000\s+1 h/);
  f = await goto('features', (f) => f.includes('Instance features') && f.includes('ratelimit'));
  assert.match(f, /green_tunnel\s+off/);
  f = await goto('tags', (f) => f.includes('API tags') && /\d+ items?/.test(f));
  f = await goto(
    'assets',
    (f) => f.includes('Assets by integration application') && f.includes('order_platform'),
  );
  assert.match(plain(f), /order_platform\s+3/);
});

test('an APP detail has App Codes (masked until x), access control, client quota and configurations', async () => {
  await goto('apps', (f) => f.includes('Apps') && f.includes('mobile_app_ios'));
  await type('/mobile_app_ios\r', (f) => f.includes('filter: mobile_app_ios'));
  await type('i', (f) => f.includes('[Overview]'));
  const store = h.emu.state.stores.get(h.emu.instances[0] as string)!;
  const app = [...store.data.apps.values()].find((a) => a.name === 'mobile_app_ios')!;
  const code = [...store.data.appCodes.values()].find((c) => c.app_id === app.id)!;
  let f = await type(']]', (f) => f.includes('App Codes ('));
  assert.equal(f.includes(code.app_code), false);
  f = await type('x', (f) => f.includes(code.app_code.slice(0, 20)));
  await type('x', (f) => !f.includes(code.app_code.slice(0, 20)));
  f = await type(']', (f) => f.includes('Access control'));
  f = await type(']', (f) => f.includes('Client quota') && f.includes('mobile_daily'));
  f = await type(']', (f) => f.includes('Configurations (3)'));
  assert.match(f, /region\s+variable\s+cn-north-4/);
  assert.equal(f.includes('S3cr3t-Passw0rd!'), false);
  await type('\x1b', (f) => !f.includes('[Overview]') && !f.includes('Configurations'));
  await type('\x1b', (f) => !f.includes('filter: mobile_app_ios'));
});

test(':api-versions lists the service versions (3.4)', async () => {
  const f = await goto('api-versions', (f) => f.includes('Service API versions') && f.includes('CURRENT'));
  assert.match(f, /v2\s+CURRENT/);
});

test('expiry and usage tones: warning under 30 days, danger once expired; usage at 75% / 90%', () => {
  const now = Date.UTC(2026, 0, 1);
  const at = (days: number) => new Date(now + days * 86_400_000).toISOString();
  assert.equal(expiryTone(daysLeft(at(-1), now)), 'danger');
  assert.equal(expiryTone(daysLeft(at(29), now)), 'warning');
  assert.equal(expiryTone(daysLeft(at(30), now)), 'success');
  assert.equal(expiryTone(daysLeft(undefined, now)), undefined);
  assert.equal(usageTone({ config_name: 'X', config_value: '10', used: 9 }), 'danger');
  assert.equal(usageTone({ config_name: 'X', config_value: '100', used: 75 }), 'warning');
  assert.equal(usageTone({ config_name: 'X', config_value: '100', used: 10 }), undefined);
  assert.equal(usageBar(5, '10', 4), '██░░ 50%');
  assert.equal(usageBar(5, 'on', 4), '—');
});
