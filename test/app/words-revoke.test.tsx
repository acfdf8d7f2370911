// Words (issue 11 point 8): `u` on the apps list revokes authorizations, and its footer says so.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { listKey } from '../../src/app/data.ts';
import { waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { until } from '../helpers/until.ts';

const count = (h: Harness, screen: string): number => {
  const s = h.store.getState();
  return ((s.resources[screen]?.[listKey(s.instanceId, {})]?.data ?? []) as unknown[]).length;
};

let h: Harness;
before(async () => {
  h = await startHarness({ rootScreen: 'apps' });
  await until('apps loaded', () => count(h, 'apps') > 0);
});
after(async () => {
  await h?.close();
});

test('the apps list footer offers <u> revoke, not unbind', async () => {
  const frame = await waitForFrame(h.ui, (f) => f.includes('<u>'));
  const footer = frame.split('\n').slice(-2).join('\n');
  assert.match(footer, /<u> revoke/);
  assert.doesNotMatch(footer, /<u> unbind/);
});
