// Read-only through the whole shell: on a set of screens, in the list and the detail view's first tab,
// every key a writable session binds there (its capabilities: the only way a key reaches a mutation)
// sends no write; on the first screen of the set, every action key of the key map is pressed too.
// Keys bound only on other detail tabs are left to the tests of those tabs (listed-keys-rows). The screens
// are split over three test files (readonly-keys*.test.tsx).
import assert from 'node:assert/strict';
import { RESOURCES } from '../../screens/registry.ts';
import { listKey } from '../../src/app/data.ts';
import { KEYMAP, type Command } from '../../src/keys/keymap.ts';
import { decideSession } from '../../src/app/session.ts';
import { viewKeys } from '../../src/app/view-keys.ts';
import { selectTop } from '../../src/store/index.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness } from './harness.tsx';
import { until } from '../helpers/until.ts';
import { openList, press, rowsOf } from './probes.ts';

/** Walks the screens whose registry index `pick` accepts; then checks the status line and that nothing was written. */
export async function readOnlyWalk(pick: (index: number) => boolean): Promise<void> {
  const ro = await startHarness({ rootScreen: 'apis', readOnly: true });
  try {
    await until('apis loaded', () => rowsOf(ro, 'apis').length > 0);
    await waitForFrame(ro.ui, (f) => /READ-ONLY/i.test(f));
    const isAction = (c: Command) => (KEYMAP[c].scopes as readonly string[]).includes('actions');
    const keyOf = (c: Command) => KEYMAP[c].keys[0] ?? '';
    const everyActionKey = (Object.keys(KEYMAP) as Command[]).filter(isAction).map(keyOf);
    const writable = decideSession({ readOnly: false }, { readOnly: false });
    let first = true;
    for (const [index, d] of RESOURCES.entries()) {
      if (d.id === 'instances' || !pick(index)) continue;
      ro.store.getState().actions.jump(d.id);
      await until(`${d.id} loaded`, () => {
        const s = ro.store.getState();
        const sl = s.resources[d.id]?.[listKey(s.instanceId, {})];
        return sl !== undefined && !sl.loading;
      });
      await settle();
      for (const view of ['list', 'detail'] as const) {
        if (view === 'detail') await press(ro, 'i');
        const bound = viewKeys(d, view, writable).commands.filter(isAction).map(keyOf);
        const keys = (first ? everyActionKey : bound).filter((k) => k.length === 1);
        for (const k of keys) {
          await press(ro, ' ');
          await press(ro, k);
          // whatever opened (versions, debug console, x-ray) is closed again
          for (
            let i = 0;
            i < 3 &&
            (ro.store.getState().modals.length > 0 ||
              ['debug', 'xray'].includes(selectTop(ro.store.getState()).view));
            i++
          )
            await press(ro, '\x1b');
        }
      }
      first = false;
    }
    // the status line says why instead of opening a flow
    await openList(ro, 'apis');
    // the footer offers no change (read-only), yet the key explains itself
    const listFrame = await waitForFrame(ro.ui, (f) => f.includes('<y> json'));
    assert.doesNotMatch(listFrame, /<p> publish|<o> offline|<b> bind/);
    await press(ro, 'p');
    await waitForFrame(ro.ui, (f) => f.includes('read-only: publish disabled'));
    await ro.store.whenIdle();
    assert.deepEqual(
      {
        POST: ro.emu.stats.byMethod.POST ?? 0,
        PUT: ro.emu.stats.byMethod.PUT ?? 0,
        DELETE: ro.emu.stats.byMethod.DELETE ?? 0,
      },
      { POST: 0, PUT: 0, DELETE: 0 },
    );
  } finally {
    await ro.close();
  }
}
