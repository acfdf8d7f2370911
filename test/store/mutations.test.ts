// The mutations store's own guarantees (the flows over HTTP are in test/actions/).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MutationPort } from '../../src/actions/port.ts';
import { createMutationStore } from '../../src/store/mutations.ts';

const api = { id: 'a1', name: 'pay-callback' };
const env = { id: 'e1', name: 'RELEASE' };
const identity = { who: 'tester', profile: 'demo', instance: 'i1' };
const port = { publish: async () => ({ data: { publish_id: 'p1' } }) } as unknown as MutationPort;

test('a throwing refresh hook neither rejects confirm() nor leaves the panel running', async () => {
  const store = createMutationStore({
    port,
    readOnly: false,
    identity,
    onChanged: () => {
      throw new Error('refresh hook failed');
    },
  });
  store.getState().actions.propose({ kind: 'publish', api, env });
  const outcome = await store.getState().actions.confirm();
  assert.equal(outcome?.result, 'ok');
  assert.equal(store.getState().phase, 'done');
});
