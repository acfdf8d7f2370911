// The flows wired to the dashboard store, over the real client and emulator: keys → confirmation →
// emulator state → the list refreshes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from 'ink-testing-library';
import { KeyRouterProvider } from '../../src/keys/router.tsx';
import { StoreProvider, createDashboardStore, type DashboardStore } from '../../src/store/index.ts';
import { createMutationStore, type MutationStore } from '../../src/store/mutations.ts';
import { clientPort } from '../../src/actions/client-port.ts';
import { MutationProvider } from '../../screens/actions/context.tsx';
import { MutationPanel } from '../../screens/actions/MutationPanel.tsx';
import { VersionsView } from '../../screens/actions/VersionsView.tsx';
import { ApiBindingsView } from '../../screens/actions/ApiBindingsView.tsx';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { RELEASE, startRig, type Rig } from './harness.ts';

let rig: Rig;
let dash: DashboardStore;
let muts: MutationStore;
before(async () => {
  rig = await startRig();
  dash = createDashboardStore(rig.client, { instanceId: rig.instanceId });
  muts = createMutationStore({
    port: clientPort(rig.client.instance(rig.instanceId)),
    readOnly: false,
    identity: { who: 't', profile: 'p', instance: rig.instanceId },
    onChanged: () => dash.getState().actions.refreshAll(),
  });
});
after(async () => {
  dash.dispose();
  await rig.em.close();
});

function mount(view: React.ReactNode) {
  return render(
    <KeyRouterProvider>
      <StoreProvider store={dash}>
        <MutationProvider store={muts}>
          {view}
          <MutationPanel width={100} />
        </MutationProvider>
      </StoreProvider>
    </KeyRouterProvider>,
  );
}

test('versions: Enter on an older version → confirm with y → rolled back in the emulator, list refreshed', async () => {
  const pub = [...rig.db.data.publications.values()].find(
    (p) =>
      p.env_id === RELEASE.id &&
      [...rig.db.data.versions.values()].filter((v) => v.api_id === p.api_id && v.env_id === RELEASE.id)
        .length >= 2,
  );
  assert.ok(pub);
  const api = { id: pub.api_id, name: rig.db.data.apis.get(pub.api_id)?.name ?? '' };
  const before = pub.version_id; // the emulator mutates its record in place
  const r = mount(<VersionsView api={api} env={RELEASE} onClose={() => {}} />);
  try {
    await waitForFrame(r, (f) => f.includes('● in effect'));
    await settle();
    // cursor starts on the first row; move to a version that is not in effect
    const rows = [...rig.db.data.versions.values()].filter(
      (v) => v.api_id === api.id && v.env_id === RELEASE.id,
    );
    const frame = r.lastFrame() ?? '';
    const firstInEffect = frame.indexOf('● in effect') < frame.indexOf('○');
    if (firstInEffect) {
      r.stdin.write('j');
      await settle();
    }
    r.stdin.write('\r');
    await waitForFrame(r, (f) => f.includes('Switch API version'));
    await settle();
    r.stdin.write('y');
    await waitForFrame(r, (f) => f.includes('Switch API version: done'));
    await muts.whenSettled();
    const now = rig.db.publicationOf(api.id, RELEASE.id)?.version_id;
    assert.notEqual(now, before, 'another version is in effect');
    assert.ok(rows.some((v) => v.version_id === now));
    assert.ok(dash.getState().refreshTick > 0, 'refresh requested after success');
    await dash.whenIdle();
    await settle();
    r.stdin.write('\x1b');
    await waitForFrame(r, (f) => !f.includes('Switch API version: done'));
  } finally {
    r.unmount();
  }
});

test('bindings on an API: b t Enter on a taken throttle slot is refused before sending, with replace offered', async () => {
  const binding = [...rig.db.data.throttleBindings.values()].find(
    (b) => rig.db.data.publications.get(b.publish_id)?.env_id === RELEASE.id,
  );
  assert.ok(binding);
  const p = rig.db.data.publications.get(binding.publish_id);
  assert.ok(p);
  const api = { id: p.api_id, name: rig.db.data.apis.get(p.api_id)?.name ?? '' };
  const r = mount(<ApiBindingsView api={api} env={RELEASE} onClose={() => {}} />);
  try {
    await waitForFrame(r, (f) => f.includes('throttle'));
    await settle();
    const writes = rig.writes();
    r.stdin.write('b');
    await waitForFrame(r, (f) => f.includes('Bind which kind?'));
    await settle();
    r.stdin.write('t');
    await waitForFrame(r, (f) => f.includes('Pick the throttle'));
    // pick a policy other than the bound one
    const names = [...rig.db.data.throttles.values()].map((t) => t.id);
    const idx = names.findIndex((id) => id !== binding.strategy_id);
    await waitForFrame(r, (f) => !f.includes('loading…'));
    await settle();
    for (let i = 0; i < idx; i++) {
      r.stdin.write('j');
      await settle();
    }
    r.stdin.write('\r');
    const f = await waitForFrame(r, (x) => x.includes('THROTTLE_TAKEN'));
    assert.match(f.replace(/[│\s]+/g, ' '), /one throttling policy per API per environment/);
    assert.equal(rig.writes(), writes, 'nothing sent');
    await settle();
    r.stdin.write('\x1b');
    await waitForFrame(r, (x) => !x.includes('THROTTLE_TAKEN'));
  } finally {
    r.unmount();
  }
});
