// A frozen instance says so instead of "nothing here"; instance states are coloured by meaning.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statusTone } from '../../screens/instances.ts';
import { plain, waitForFrame } from '../helpers/ink.ts';
import { startHarness } from './harness.tsx';

test('RUNNING is green, FROZEN and failures red, the rest on their way', () => {
  assert.equal(statusTone('RUNNING'), 'success');
  assert.equal(statusTone('FROZEN'), 'danger');
  assert.equal(statusTone('CREATE_FAILED'), 'danger');
  assert.equal(statusTone('CREATING'), 'warning');
  assert.equal(statusTone(undefined), undefined);
});

test('the lists of a frozen instance say it is frozen', async () => {
  const h = await startHarness({ rootScreen: 'apis' });
  try {
    await waitForFrame(h.ui, (f) => /\d+ items/.test(f));
    const frozen = [...h.emu.state.instances.values()].find((i) => i.status === 'FROZEN');
    assert.ok(frozen);
    h.store.getState().actions.setInstance(frozen.id);
    const f = await waitForFrame(h.ui, (f) => f.includes('instance is FROZEN'));
    assert.match(plain(f), /nothing here — the instance is FROZEN, not RUNNING/);
  } finally {
    await h.close();
  }
});
