// UX polish through the whole shell against the emulator: the API Overview summary (published
// versions, policies per environment, app count), compact timestamps, the instance first in the
// breadcrumbs, the help overlay's footer, the `:ctx` placeholder.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ago, fmtTime } from '../../screens/format.ts';
import { listKey } from '../../src/app/data.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';

let h: Harness;
before(async () => {
  h = await startHarness({ rootScreen: 'apis' });
  await waitForFrame(h.ui, (f) => /\d+ items/.test(f), { timeoutMs: 8000 });
});
after(async () => h?.close());

const flat = (f: string) => f.replace(/\s+/g, ' ');

test('timestamps: one compact format, relative age for lists', () => {
  assert.equal(fmtTime('2024-03-10T07:00:00.000Z'), '2024-03-10 07:00:00Z');
  assert.equal(fmtTime('not a time'), 'not a time');
  const now = Date.parse('2024-03-13T07:00:00.000Z');
  assert.equal(ago('2024-03-10T07:00:00.000Z', now), '3d ago');
  assert.equal(ago('2024-03-13T06:59:15.000Z', now), '45s ago');
  assert.equal(ago('2024-03-13T04:00:00.000Z', now), '3h ago');
});

test('API Overview: method/path, auth, backend, published envs with version and time, policies, apps', async () => {
  const db = h.emu.state.stores.get(h.emu.instances[0] ?? '');
  assert.ok(db);
  const pubs = [...db.data.publications.values()];
  const withThrottle = [...db.data.throttleBindings.values()]
    .map((b) => pubs.find((p) => p.publish_id === b.publish_id))
    .find((p) => p !== undefined);
  assert.ok(withThrottle, 'a published API with a throttle bound');
  const api = db.data.apis.get(withThrottle.api_id);
  assert.ok(api);
  const env = db.data.envs.get(withThrottle.env_id);
  const binding = [...db.data.throttleBindings.values()].find(
    (b) => b.publish_id === withThrottle.publish_id,
  );
  const throttle = binding ? db.data.throttles.get(binding.strategy_id) : undefined;
  assert.ok(env && throttle);
  h.store.getState().actions.updateList({ selectedId: api.id });
  await settle();
  h.ui.stdin.write('\r');
  const frame = flat(
    await waitForFrame(
      h.ui,
      (f) => f.includes('[Overview]') && !f.includes('loading…') && f.includes(`throttle ${throttle.name}`),
      { timeoutMs: 8000 },
    ),
  );
  assert.match(frame, new RegExp(`request ${api.req_method} ${api.req_uri.replace(/[{}]/g, '.')}`));
  assert.match(frame, /auth \w+/);
  assert.match(frame, /backend \w+/);
  assert.match(frame, /authorized apps \d+/);
  assert.match(
    frame,
    new RegExp(`${env.name} \\S+ \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}Z`),
    'version and time',
  );
  assert.doesNotMatch(frame, /\d{2}:\d{2}:\d{2}\.\d{3}Z/, 'no raw ISO timestamps');
  // breadcrumbs: the instance first
  const inst = h.store.getState().resources.instances?.[listKey(null, {})]?.data as
    Array<{ id: string; name: string }> | undefined;
  const instName = inst?.find((i) => i.id === h.emu.instances[0])?.name ?? h.emu.instances[0] ?? '';
  const crumbLine = (h.ui.lastFrame() ?? '').split('\n')[1] ?? '';
  assert.ok(crumbLine.startsWith(instName.slice(0, 8)), `breadcrumbs start with the instance: ${crumbLine}`);
  h.ui.stdin.write('\x1b');
  await settle();
});

test('help overlay footer says how to close it; :ctx says what it expects', async () => {
  h.ui.stdin.write('?');
  const help = await waitForFrame(h.ui, (f) => f.includes('close help'));
  assert.doesNotMatch(help.split('\n').at(-1) ?? '', /yes|<n> no/);
  h.ui.stdin.write('\x1b');
  await waitForFrame(h.ui, (f) => !f.includes('close help'));
  h.ui.stdin.write(':');
  await settle();
  h.ui.stdin.write('ctx');
  await settle();
  h.ui.stdin.write('\r');
  const ctx = await waitForFrame(h.ui, (f) => f.includes('Switch context'));
  assert.match(ctx, /instance name/);
  assert.doesNotMatch(ctx, /resource \(Tab completes\)/);
  h.ui.stdin.write('\x1b');
  await settle();
});
