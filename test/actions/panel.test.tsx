// Screen tests of the mutation panel over a real emulator: confirmation text, `y` required for
// destructive actions (Enter is not enough), per-item failures, errors with code and hint, refusals.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from 'ink-testing-library';
import { KeyRouterProvider } from '../../src/keys/router.tsx';
import type { MutationStore } from '../../src/store/mutations.ts';
import { MutationProvider } from '../../screens/actions/context.tsx';
import { MutationPanel } from '../../screens/actions/MutationPanel.tsx';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { envRef, startRig, unpublishedIn, type Rig } from './harness.ts';

let rig: Rig;
let ro: Rig;
before(async () => {
  rig = await startRig();
  ro = await startRig({ readOnly: true });
});
after(async () => {
  await rig.em.close();
  await ro.em.close();
});

/** The frame's text without the box and line wrapping: long lines wrap at the panel width. */
function flat(frame: string): string {
  return frame.replace(/[│╭╮╰╯─]/g, ' ').replace(/\s+/g, ' ');
}

function mount(store: MutationStore) {
  const r = render(
    <KeyRouterProvider>
      <MutationProvider store={store}>
        <MutationPanel width={100} />
      </MutationProvider>
    </KeyRouterProvider>,
  );
  return r;
}

test('destructive confirmation names object, env and effect; Enter does not confirm, y does', async () => {
  const env = envRef(rig.db, 'TEST');
  const pub = [...rig.db.data.publications.values()].find((p) => p.env_id === env.id);
  assert.ok(pub);
  const api = { id: pub.api_id, name: rig.db.data.apis.get(pub.api_id)?.name ?? '' };
  const r = mount(rig.mutations);
  try {
    await settle();
    rig.mutations.getState().actions.propose({ kind: 'offline', api, env });
    await waitForFrame(
      r,
      (f) => f.includes(`API ${api.name} stops serving in TEST`) && f.includes('Take API offline'),
    );
    const writes = rig.writes();
    r.stdin.write('\r');
    await waitForFrame(r, (f) => f.includes('type y'));
    await settle();
    assert.equal(rig.writes(), writes, 'Enter sent nothing');
    assert.equal(rig.mutations.getState().phase, 'confirming');
    r.stdin.write('y');
    const done = await waitForFrame(r, (f) => f.includes('Take API offline: done'));
    assert.match(done, /Esc\/Enter: close/);
    await rig.mutations.whenSettled();
    assert.equal(rig.db.publicationOf(api.id, env.id), undefined, 'offline in the emulator');
    r.stdin.write('\x1b');
    await waitForFrame(r, (f) => f.trim() === '');
    // undo, so other tests see the seed
    rig.mutations.getState().actions.propose({ kind: 'publish', api, env });
    await rig.mutations.getState().actions.confirm();
    rig.mutations.getState().actions.dismiss();
    assert.ok(rig.db.publicationOf(api.id, env.id));
  } finally {
    r.unmount();
  }
});

test('n cancels: nothing is sent', async () => {
  const env = envRef(rig.db, 'TEST');
  const [api] = unpublishedIn(rig.db, env.id, 1);
  assert.ok(api);
  const r = mount(rig.mutations);
  try {
    await settle();
    rig.mutations.getState().actions.propose({ kind: 'publish', api, env, remark: 'r1' });
    await waitForFrame(r, (f) => f.includes('Publish API') && f.includes('remark: r1'));
    const writes = rig.writes();
    r.stdin.write('n');
    await waitForFrame(r, (f) => f.trim() === '');
    assert.equal(rig.writes(), writes);
    assert.equal(rig.db.publicationOf(api.id, env.id), undefined);
  } finally {
    r.unmount();
  }
});

test('batch result lists each failure with its code and message', async () => {
  const env = envRef(rig.db, 'PRE');
  const apis = unpublishedIn(rig.db, env.id, 1);
  const ghost = { id: 'ffffffffffffffffffffffffffffffff', name: 'ghost-api' };
  const r = mount(rig.mutations);
  try {
    await settle();
    rig.mutations.getState().actions.propose({ kind: 'batch-publish', apis: [...apis, ghost], env });
    await waitForFrame(r, (f) => f.includes('2 APIs start serving in PRE'));
    await settle(); // handlers register in layout effects, after the frame is drawn
    r.stdin.write('y');
    const f = await waitForFrame(r, (x) => x.includes('1 done, 1 failed'));
    assert.match(flat(f), /✗ ghost-api — APIG\.\d{4} \S+/);
    assert.match(flat(f), /✓ .* · publish id [0-9a-f]{32}, version [0-9a-f]{32}/);
    r.stdin.write('\r');
    await waitForFrame(r, (x) => x.trim() === '');
    // undo
    rig.mutations.getState().actions.propose({ kind: 'batch-offline', apis, env });
    await rig.mutations.getState().actions.confirm();
    rig.mutations.getState().actions.dismiss();
    for (const a of apis) assert.equal(rig.db.publicationOf(a.id, env.id), undefined);
  } finally {
    r.unmount();
  }
});

test('a 5xx shows the documented code and a hint, and Esc leaves the screen usable', async () => {
  const env = envRef(rig.db, 'TEST');
  const [api] = unpublishedIn(rig.db, env.id, 1);
  assert.ok(api);
  const r = mount(rig.mutations);
  try {
    await settle();
    rig.em.setFaults('5xx=1');
    rig.mutations.getState().actions.propose({ kind: 'publish', api, env });
    await waitForFrame(r, (f) => f.includes('Publish API'));
    await settle(); // handlers register in layout effects, after the frame is drawn
    r.stdin.write('y');
    const f = await waitForFrame(r, (x) => x.includes('APIG.9999'));
    rig.em.setFaults(null);
    assert.match(f, /Publish API failed: APIG\.9999/);
    assert.match(f, /hint: \S+/);
    r.stdin.write('\x1b');
    await waitForFrame(r, (x) => x.trim() === '');
    assert.equal(rig.mutations.getState().phase, 'idle');
  } finally {
    rig.em.setFaults(null);
    r.unmount();
  }
});

test('read-only: the panel says so and nothing is sent', async () => {
  const env = envRef(ro.db, 'TEST');
  const [api] = unpublishedIn(ro.db, env.id, 1);
  assert.ok(api);
  const r = mount(ro.mutations);
  try {
    await settle();
    ro.mutations.getState().actions.propose({ kind: 'publish', api, env });
    const f = await waitForFrame(r, (x) => x.includes('READ_ONLY'));
    assert.match(f, /Read-only mode: mutations are disabled/);
    assert.match(f, /--read-only/);
    r.stdin.write('y');
    await settle();
    assert.equal(ro.writes(), 0);
  } finally {
    r.unmount();
  }
});

test('a refusal offers the alternative: r turns "second throttle" into a replace confirmation', async () => {
  const env = envRef(rig.db, 'TEST');
  const api = { id: 'a', name: 'pay-callback' };
  const t1 = { kind: 'throttle' as const, id: 't1', name: 'slow' };
  const t2 = { kind: 'throttle' as const, id: 't2', name: 'strict' };
  const { checkBindCandidate } = await import('../../src/actions/preconditions.ts');
  const refusal = checkBindCandidate(t2, {
    api,
    env,
    publishId: 'p',
    current: [{ bindingId: 'b', policy: t1, api, env }],
  });
  assert.ok(refusal);
  const r = mount(rig.mutations);
  try {
    await settle();
    rig.mutations.getState().actions.refuse(refusal);
    const f = await waitForFrame(r, (x) => x.includes('THROTTLE_TAKEN'));
    assert.match(flat(f), /one throttling policy per API per environment/);
    assert.match(flat(f), /r\/Enter: Replace slow with strict/);
    r.stdin.write('r');
    const c = await waitForFrame(r, (x) => x.includes('Replace throttling policy'));
    assert.match(flat(c), /1\. unbind slow · 2\. bind strict/);
    r.stdin.write('n');
    await waitForFrame(r, (x) => x.trim() === '');
  } finally {
    r.unmount();
  }
});
