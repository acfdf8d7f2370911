// A change whose answer arrives garbled (the emulator's `garble` fault: the change is applied, then its
// 2xx answer is cut) is an unknown outcome, not a failure: the panel says so without suggesting a retry,
// re-reads the object and shows what is true now, the lists are refreshed, and the audit line says
// `unknown` with what was re-read. Nothing is sent twice.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from 'ink-testing-library';
import { KeyRouterProvider } from '../../src/keys/router.tsx';
import type { MutationStore } from '../../src/store/mutations.ts';
import { MutationProvider } from '../../screens/actions/context.tsx';
import { MutationPanel } from '../../screens/actions/MutationPanel.tsx';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { envRef, freePublications, startRig, unpublishedIn, type Rig } from './harness.ts';

let rig: Rig;
before(async () => {
  rig = await startRig();
});
after(async () => {
  await rig.em.close();
});

/** The frame's text without the box and line wrapping. */
function flat(frame: string): string {
  return frame.replace(/[│╭╮╰╯─]/g, ' ').replace(/\s+/g, ' ');
}

function mount(store: MutationStore) {
  return render(
    <KeyRouterProvider>
      <MutationProvider store={store}>
        <MutationPanel width={100} />
      </MutationProvider>
    </KeyRouterProvider>,
  );
}

function versionsOf(apiId: string, envId: string): number {
  return [...rig.db.data.versions.values()].filter((v) => v.api_id === apiId && v.env_id === envId).length;
}

test('publish answered with a garbled 2xx: outcome unknown, re-read shows it published, applied once', async () => {
  const env = envRef(rig.db, 'TEST');
  const [api] = unpublishedIn(rig.db, env.id, 1);
  assert.ok(api);
  const r = mount(rig.mutations);
  try {
    await settle();
    const before = {
      writes: rig.writes(),
      versions: versionsOf(api.id, env.id),
      audit: (await rig.auditLines()).length,
    };
    rig.em.setFaults('garble=1');
    rig.mutations.getState().actions.propose({ kind: 'publish', api, env });
    await waitForFrame(r, (f) => f.includes('Publish API'));
    r.stdin.write('y');
    const frame = flat(
      await waitForFrame(r, (f) => /outcome unknown/i.test(flat(f)) && /Esc\/Enter: close/.test(f)),
    );
    await rig.mutations.whenSettled();
    rig.em.setFaults(null);

    // the emulator: applied exactly once, sent exactly once
    assert.equal(rig.writes() - before.writes, 1, 'one write, never resent');
    assert.equal(versionsOf(api.id, env.id) - before.versions, 1, 'one new version');
    const pub = rig.db.publicationOf(api.id, env.id);
    assert.ok(pub, 'the publish happened');

    // the panel: unknown, no retry, what is true now
    assert.doesNotMatch(frame, /\bfailed\b/i);
    assert.doesNotMatch(frame, /retry|try again/i);
    assert.match(frame, /may or may not have been applied/);
    assert.match(frame, new RegExp(`${api.name} is published in TEST`));
    assert.ok(frame.includes(pub.publish_id), `the re-read publish id is shown:\n${frame}`);

    const outcome = rig.mutations.getState().outcome;
    assert.equal(outcome?.result, 'unknown');
    assert.deepEqual(rig.changed.at(-1), { kind: 'publish', api, env }, 'the lists are refreshed');

    // the audit line
    const lines = await rig.auditLines();
    assert.equal(lines.length - before.audit, 1);
    const line = lines.at(-1) ?? {};
    assert.equal(line.result, 'unknown');
    assert.equal(line.action, 'publish');
    assert.equal(line.errorCode, 'malformed-json');
    assert.ok(Array.isArray(line.reread), 'what was re-read is in the audit line');
    assert.match(String((line.reread as string[])[0]), new RegExp(`${api.name} is published in TEST`));
  } finally {
    rig.em.setFaults(null);
    rig.mutations.getState().actions.dismiss();
    r.unmount();
  }
});

test('unbind answered by a reset after it was applied: outcome unknown, re-read shows it unbound', async () => {
  const env = envRef(rig.db, 'RELEASE');
  const [target] = freePublications(rig.db, env.id, 'signBindings', 1);
  assert.ok(target);
  const sign = [...rig.db.data.signs.values()][0];
  assert.ok(sign);
  const policy = { kind: 'sign' as const, id: sign.id, name: sign.name };
  rig.mutations.getState().actions.propose({ kind: 'bind', policy, targets: [target] });
  const bound = await rig.mutations.getState().actions.confirm();
  rig.mutations.getState().actions.dismiss();
  assert.equal(bound?.result, 'ok');
  const binding = [...rig.db.data.signBindings.values()].find((b) => b.publish_id === target.publishId);
  assert.ok(binding);

  const before = rig.writes();
  rig.em.setFaults('garble=1');
  try {
    rig.mutations.getState().actions.propose({
      kind: 'unbind',
      bindings: [{ bindingId: binding.id, policy, api: target.api, env: target.env }],
    });
    const outcome = await rig.mutations.getState().actions.confirm();
    await rig.mutations.whenSettled();
    assert.equal(outcome?.result, 'unknown');
    assert.equal(rig.writes() - before, 1, 'one write, never resent');
    assert.equal(rig.db.data.signBindings.get(binding.id), undefined, 'the unbind happened');
    assert.match(outcome?.summary ?? '', /outcome unknown/i);
    assert.match(
      (outcome?.reread ?? []).join('\n'),
      new RegExp(`${target.api.name} in RELEASE is not bound to ${sign.name}`),
    );
    assert.equal(outcome?.error?.code, 'reset');
    assert.doesNotMatch(outcome?.error?.hint ?? '', /retry|try again/i);
    const line = (await rig.auditLines()).at(-1) ?? {};
    assert.equal(line.result, 'unknown');
  } finally {
    rig.em.setFaults(null);
    rig.mutations.getState().actions.dismiss();
  }
});
