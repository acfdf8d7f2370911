// `:apis <text>` opens the list already filtered.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { selectTop } from '../../src/store/index.ts';
import { plain, settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness } from './harness.tsx';

test(':apis refund opens the APIs list filtered by "refund"', async () => {
  const h = await startHarness({ rootScreen: 'groups' });
  try {
    await settle();
    await waitForFrame(h.ui, (f) => /\d+ items/.test(f));
    for (const k of [':', ...'apis refund', '\r']) h.ui.stdin.write(k);
    const f = await waitForFrame(h.ui, (f) => f.includes('filter: refund') && f.includes('list_refunds'));
    assert.doesNotMatch(plain(f), /list_orders/);
    assert.equal(selectTop(h.store.getState()).screen, 'apis');
    assert.equal(selectTop(h.store.getState()).list.filter, 'refund');
  } finally {
    await h.close();
  }
});
