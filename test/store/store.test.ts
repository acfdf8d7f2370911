// Store semantics with hand-driven fetchers (no HTTP here: the fetcher is just a function the
// test resolves). The same store against the emulator over real HTTP is in store-http.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RomaClient } from '../../src/api/client.ts';
import { RomaError } from '../../src/api/errors.ts';
import { createDashboardStore, selectSlice, selectTop } from '../../src/store/index.ts';
import { deferred } from '../helpers/deferred.ts';

const client = {} as RomaClient;

test('load writes data, fetchedAt and clears loading; inFlight counts and whenIdle resolves', async () => {
  const store = createDashboardStore(client, { now: () => 1234 });
  const d = deferred<string[]>();
  const p = store.getState().actions.load({ family: 'apis', key: 'i1', fetch: () => d.promise });
  assert.equal(store.getState().inFlight, 1);
  assert.equal(selectSlice('apis', 'i1')(store.getState()).loading, true);
  d.resolve(['a']);
  await p;
  await store.whenIdle();
  const s = selectSlice<string[]>('apis', 'i1')(store.getState());
  assert.deepEqual(s.data, ['a']);
  assert.equal(s.loading, false);
  assert.equal(s.fetchedAt, 1234);
  assert.equal(store.getState().inFlight, 0);
});

test('the same request is never in flight twice', async () => {
  const store = createDashboardStore(client);
  let calls = 0;
  const d = deferred<number>();
  const req = { family: 'apis', key: 'i1', fetch: () => (calls++, d.promise) };
  const a = store.getState().actions.load(req);
  const b = store.getState().actions.load(req);
  const c = store.getState().actions.ensure(req);
  assert.equal(calls, 1);
  d.resolve(1);
  await Promise.all([a, b, c]);
  assert.equal(calls, 1);
});

test('a superseded request on the same channel is aborted and never overwrites newer data', async () => {
  const store = createDashboardStore(client);
  const first = deferred<string>();
  let firstSignal: AbortSignal | undefined;
  const { load } = store.getState().actions;
  const p1 = load({
    family: 'detail',
    key: 'A',
    channel: 'detail',
    fetch: (_c, signal) => ((firstSignal = signal), first.promise),
  });
  const p2 = load({ family: 'detail', key: 'B', channel: 'detail', fetch: async () => 'b' });
  assert.equal(firstSignal?.aborted, true);
  first.resolve('late a');
  await Promise.all([p1, p2]);
  await store.whenIdle();
  assert.equal(selectSlice('detail', 'A')(store.getState()).data, null);
  assert.equal(selectSlice('detail', 'A')(store.getState()).loading, false);
  assert.equal(selectSlice('detail', 'B')(store.getState()).data, 'b');
});

test('a failed refresh keeps the last good data, marked stale with the error', async () => {
  const store = createDashboardStore(client);
  const { load } = store.getState().actions;
  await load({ family: 'apis', key: 'i1', fetch: async () => ['good'] });
  const err = new RomaError({ kind: 'http', method: 'GET', path: '/x', status: 500, errorCode: 'APIG.9999' });
  await load({
    family: 'apis',
    key: 'i1',
    fetch: async () => {
      throw err;
    },
  });
  const s = selectSlice<string[]>('apis', 'i1')(store.getState());
  assert.deepEqual(s.data, ['good']);
  assert.equal(s.stale, true);
  assert.equal(s.error?.errorCode, 'APIG.9999');
  // a later success clears both
  await load({ family: 'apis', key: 'i1', fetch: async () => ['new'] });
  const s2 = selectSlice<string[]>('apis', 'i1')(store.getState());
  assert.equal(s2.stale, false);
  assert.equal(s2.error, null);
});

test('a non-client failure still becomes a RomaError with a hint', async () => {
  const store = createDashboardStore(client);
  await store.getState().actions.load({
    family: 'x',
    key: 'k',
    fetch: async () => {
      throw new TypeError('boom');
    },
  });
  const s = selectSlice('x', 'k')(store.getState());
  assert.ok(s.error instanceof RomaError);
  assert.match(s.error.message, /boom/);
  assert.ok(s.error.hint.length > 0);
  assert.equal(s.stale, false);
});

test('navigation: Back restores the previous list state', () => {
  const store = createDashboardStore(client, { rootScreen: 'groups' });
  const a = store.getState().actions;
  a.updateList({ selectedId: 'g2', selectedIndex: 1, scroll: 0, filter: 'ord' });
  a.push('apis', 'list', { params: { groupId: 'g2' }, label: 'orders' });
  assert.equal(selectTop(store.getState()).screen, 'apis');
  assert.equal(selectTop(store.getState()).list.filter, '');
  a.updateList({ selectedIndex: 5 });
  assert.equal(a.back(), true);
  const top = selectTop(store.getState());
  assert.equal(top.screen, 'groups');
  assert.equal(top.list.selectedId, 'g2');
  assert.equal(top.list.filter, 'ord');
  assert.equal(a.back(), false, 'the root is not popped');
});

test('modals stack and pop; status and reveal toggle', () => {
  const store = createDashboardStore(client);
  const a = store.getState().actions;
  a.pushModal({ kind: 'help' });
  a.pushModal({ kind: 'json', props: { value: 1 } });
  assert.equal(store.getState().modals.length, 2);
  a.popModal();
  assert.equal(store.getState().modals[0]?.kind, 'help');
  a.showError(new RomaError({ kind: 'refused', method: 'GET', path: '/v2' }));
  assert.equal(store.getState().status?.level, 'error');
  assert.equal(store.getState().status?.code, 'refused');
  assert.match(store.getState().status?.hint ?? '', /refused/i);
  a.toggleReveal('s1');
  assert.equal(store.getState().revealed.s1, true);
  a.toggleReveal('s1');
  assert.equal(store.getState().revealed.s1, undefined);
});

test('coming back to an item whose aborted request has not settled yet loads it again', async () => {
  const store = createDashboardStore(client);
  const { ensure } = store.getState().actions;
  const stuck = deferred<string>();
  let calls = 0;
  const reqA = {
    family: 'detail',
    key: 'A',
    channel: 'detail',
    fetch: () => (calls++ === 0 ? stuck.promise : Promise.resolve('A data')),
  };
  void ensure(reqA);
  // Move to B: A is aborted, but its fetch has not settled (slice A still says loading).
  const pB = ensure({ family: 'detail', key: 'B', channel: 'detail', fetch: async () => 'B data' });
  const pA = ensure(reqA); // back to A before the aborted fetch settled
  stuck.reject(new Error('aborted'));
  await Promise.all([pA, pB]);
  await store.whenIdle();
  assert.equal(calls, 2);
  assert.equal(selectSlice<string>('detail', 'A')(store.getState()).data, 'A data');
  assert.equal(selectSlice<string>('detail', 'A')(store.getState()).loading, false);
});

test('a load after refreshAll does not reuse a request started before it (pre-change data never lands)', async () => {
  const store = createDashboardStore(client, { now: () => 7 });
  const { load, refreshAll } = store.getState().actions;
  const before = deferred<string>();
  let signalBefore: AbortSignal | undefined;
  const p1 = load({ family: 'bindings', key: 'i1', fetch: (_c, s) => ((signalBefore = s), before.promise) });
  // A mutation finishes and asks for a refresh while the older load is still running.
  refreshAll();
  const p2 = load({ family: 'bindings', key: 'i1', fetch: async () => 'after' });
  assert.equal(signalBefore?.aborted, true);
  await p2;
  before.resolve('before');
  await p1;
  await store.whenIdle();
  assert.equal(selectSlice<string>('bindings', 'i1')(store.getState()).data, 'after');
  // Within one refresh generation identical loads still share one request.
  let calls = 0;
  const d = deferred<string>();
  const req = { family: 'bindings', key: 'i1', fetch: () => (calls++, d.promise) };
  const a = load(req);
  const b = load(req);
  d.resolve('x');
  await Promise.all([a, b]);
  assert.equal(calls, 1);
});
