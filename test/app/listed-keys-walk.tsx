// The walk behind listed-keys-*.test.tsx. Every key a view lists (footer and `?` help come from `viewKeys`) has a handler in that view: the walk
// visits every registered resource's list and detail view (and the API debug console), presses each
// listed key through the app's real key router, and fails on a key no handler consumed. A capability
// key (the `actions` scope: n, e, D, p, b, …) must also visibly do something (a dialog, a view, a status).
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { actionsOf, RESOURCES } from '../../screens/registry.ts';
import { listKey } from '../../src/app/data.ts';
import { decideSession } from '../../src/app/session.ts';
import { helpCommands, viewKeys, type ViewName } from '../../src/app/view-keys.ts';
import { KEYMAP, type Command } from '../../src/keys/keymap.ts';
import type { KeyEvent } from '../../src/keys/keys.ts';
import { createKeyRouter } from '../../src/keys/router.tsx';
import { settle } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { until } from '../helpers/until.ts';

function eventOf(id: string): KeyEvent {
  const ctrl = id.startsWith('ctrl+');
  const shift = id.startsWith('shift+');
  return { id, input: id.length === 1 ? id : '', ctrl, meta: false, shift };
}

function rowsOf(h: Harness, d: (typeof RESOURCES)[number]): unknown[] {
  const s = h.store.getState();
  return (s.resources[d.id]?.[listKey(s.instanceId, {})]?.data ?? []) as unknown[];
}

/** A snapshot of what a key can change: the dialogs, the view stack, the status line, reveals. */
function snapshot(h: Harness): string {
  const s = h.store.getState();
  return JSON.stringify({
    frame: h.ui.lastFrame(),
    modals: s.modals.length,
    stack: s.stack.map((e) => [e.seq, e.view, e.list, e.tab]),
    status: s.status,
    revealed: s.revealed,
  });
}

export async function walkViews(resources: ReadonlyArray<(typeof RESOURCES)[number]>): Promise<void> {
  const unhandled: string[] = [];
  const router = createKeyRouter(undefined, { onUnhandled: (k) => void unhandled.push(k.id) });
  const h = await startHarness({ rootScreen: 'apis', router });
  // the audit view lists the log: give it a line to act on
  await writeFile(
    h.auditPath,
    JSON.stringify({
      ts: new Date().toISOString(),
      who: 'walk',
      profile: 'demo',
      instance: '-',
      action: 'publish',
      object: 'api:walk(1)',
      env: 'RELEASE',
      result: 'ok',
      requestIds: [],
    }) + '\n',
  );
  const session = decideSession(h.env.header, h.store.client);
  const instanceId = h.store.getState().instanceId;
  const problems: string[] = [];
  let last = '';
  try {
    const open = async (d: (typeof RESOURCES)[number], view: ViewName) => {
      const { actions } = h.store.getState();
      actions.setAutoRefresh(null);
      actions.setStatus(null);
      while (h.store.getState().modals.length > 0) actions.popModal();
      actions.jump(d.id);
      await until(`${d.id} ${view} loaded (after ${last})`, () => rowsOf(h, d).length > 0);
      const first = rowsOf(h, d)[0];
      if (view === 'detail') actions.push(d.id, 'detail', { itemId: d.idOf(first), label: d.nameOf(first) });
      if (view === 'debug') actions.push(d.id, 'debug', { itemId: d.idOf(first), label: d.nameOf(first) });
      if (view === 'xray') actions.push(d.id, 'xray', { itemId: d.idOf(first), label: d.nameOf(first) });
      await settle();
      // the instance list's Enter changes the instance: keep the one the walk uses
      if (h.store.getState().instanceId !== instanceId) actions.setInstance(instanceId);
    };
    const closeFlow = async () => {
      // a confirmation or outcome of the mutations panel, or a flow's modal
      for (let i = 0; i < 2; i++) {
        router.dispatch([eventOf('escape')]);
        await settle();
      }
      await h.store.whenIdle();
    };
    // Global and navigation keys have one handler whatever the resource: they are pressed in the
    // first list and detail view; elsewhere the keys that depend on the resource (its capabilities,
    // marks, reveal) are pressed.
    const perResource = (c: Command) =>
      (KEYMAP[c].scopes as readonly string[]).includes('actions') || c === 'mark' || c === 'markAll';
    const seen = new Set<string>();
    for (const d of resources) {
      // a list that needs parameters (a group's variables) or has no rows has no row to act on here
      h.store.getState().actions.jump(d.id);
      const settled = () => {
        const st = h.store.getState();
        const sl = st.resources[d.id]?.[listKey(st.instanceId, {})];
        // an answer, not just "not loading": a load aborted earlier (superseded on the list channel)
        // leaves an empty slice that is not loading, and the resource would be skipped as empty
        return sl !== undefined && !sl.loading && (sl.data != null || sl.error != null);
      };
      await until(`${d.id} settled`, settled).catch(() => undefined);
      if (rowsOf(h, d).length === 0) continue;
      // the x-ray (`Z`, issue 17) is a view of its own wherever a resource offers it
      const xray = actionsOf(d).some((a) => a.command === 'xray');
      for (const view of ['list', 'detail', ...(xray ? (['xray'] as const) : [])] as const) {
        const keys = viewKeys(d, view, session);
        // the help lists the view's own commands plus dialog and text-field keys (reached from it)
        assert.ok(keys.commands.every((c) => helpCommands(keys).includes(c)));
        let dirty = true;
        for (const cmd of keys.commands) {
          if (cmd === 'quit') continue; // exits the app (test/app/run.test.tsx)
          if (!perResource(cmd) && seen.has(`${view} ${cmd}`)) continue;
          seen.add(`${view} ${cmd}`);
          if (dirty) await open(d, view);
          last = `${d.id} ${view} ${cmd}`;
          const before = snapshot(h);
          unhandled.length = 0;
          router.dispatch([eventOf(KEYMAP[cmd].keys[0] ?? '')]);
          await settle();
          await h.store.whenIdle();
          await settle();
          const changed = snapshot(h) !== before;
          if (unhandled.length > 0)
            problems.push(`${d.id} ${view}: ${cmd} (${KEYMAP[cmd].keys[0]}) not handled`);
          else if ((KEYMAP[cmd].scopes as readonly string[]).includes('actions') && !changed)
            problems.push(`${d.id} ${view}: ${cmd} (${KEYMAP[cmd].keys[0]}) did nothing`);
          if (
            (KEYMAP[cmd].scopes as readonly string[]).includes('actions') ||
            cmd === 'help' ||
            cmd === 'palette'
          )
            await closeFlow();
          dirty = changed;
        }
      }
    }
    assert.deepEqual(problems, []);
  } finally {
    await h.close();
  }
}

/** A view the resource walk does not reach: a parameterised list or a detail at another tab. */
export interface ExtraView {
  name: string;
  d: (typeof RESOURCES)[number];
  view: 'list' | 'detail';
  tab?: number;
  /** Shows the view (from anywhere) and waits until it is loaded. */
  open: (h: Harness) => Promise<void>;
  /** The listed keys to press (default all): those the walk of the resource does not already cover. */
  keys?: (cmd: Command) => boolean;
}

/** The same check as walkViews over views that `views(h)` describes (issue 17: lookups, selectable tabs). */
export async function walkExtraViews(views: (h: Harness) => Promise<ExtraView[]>): Promise<void> {
  const unhandled: string[] = [];
  const router = createKeyRouter(undefined, { onUnhandled: (k) => void unhandled.push(k.id) });
  const h = await startHarness({ rootScreen: 'apis', router });
  const session = decideSession(h.env.header, h.store.client);
  const problems: string[] = [];
  try {
    for (const v of await views(h)) {
      const keys = viewKeys(v.d, v.view, session, v.tab);
      assert.ok(keys.commands.every((c) => helpCommands(keys).includes(c)));
      let dirty = true;
      for (const cmd of keys.commands) {
        if (cmd === 'quit' || (v.keys && !v.keys(cmd))) continue;
        if (dirty) {
          const { actions } = h.store.getState();
          actions.setAutoRefresh(null);
          actions.setStatus(null);
          while (h.store.getState().modals.length > 0) actions.popModal();
          await v.open(h);
          await settle();
        }
        const before = snapshot(h);
        unhandled.length = 0;
        router.dispatch([eventOf(KEYMAP[cmd].keys[0] ?? '')]);
        await settle();
        await h.store.whenIdle();
        await settle();
        const changed = snapshot(h) !== before;
        const isAction = (KEYMAP[cmd].scopes as readonly string[]).includes('actions');
        if (unhandled.length > 0) problems.push(`${v.name}: ${cmd} (${KEYMAP[cmd].keys[0]}) not handled`);
        else if (isAction && !changed)
          problems.push(`${v.name}: ${cmd} (${KEYMAP[cmd].keys[0]}) did nothing`);
        if (isAction || cmd === 'help' || cmd === 'palette')
          for (let i = 0; i < 2; i++) {
            router.dispatch([eventOf('escape')]);
            await settle();
          }
        await h.store.whenIdle();
        dirty = changed;
      }
    }
    assert.deepEqual(problems, []);
  } finally {
    await h.close();
  }
}
