// The listed-keys walk for the 4.3.8 API debug console: every key its footer and `?` help list
// (`viewKeys(…, 'debug')`) is handled by the console, in its form, answer or history view, pressed
// through the app's real key router (a key nothing consumed is reported by `onUnhandled`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listKey } from '../../src/app/data.ts';
import { viewKeys } from '../../src/app/view-keys.ts';
import { KEYMAP, type Command } from '../../src/keys/keymap.ts';
import type { KeyEvent } from '../../src/keys/keys.ts';
import { createKeyRouter } from '../../src/keys/router.tsx';
import { selectTop } from '../../src/store/index.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness } from './harness.tsx';
import { until } from '../helpers/until.ts';

function eventOf(id: string): KeyEvent {
  return {
    id,
    input: id.length === 1 ? id : '',
    ctrl: id.startsWith('ctrl+'),
    meta: false,
    shift: id.startsWith('shift+'),
  };
}

// q exits the app (test/app/run.test.tsx); Ctrl-E hands the terminal to $EDITOR (test/debug).
const SKIPPED: readonly Command[] = ['quit', 'debugEditor'];

test('every key listed in the API debug console is handled there', async () => {
  const unhandled: string[] = [];
  const router = createKeyRouter(undefined, { onUnhandled: (k) => void unhandled.push(k.id) });
  const h = await startHarness({ rootScreen: 'apis', router });
  try {
    const rows = () => {
      const s = h.store.getState();
      return (s.resources.apis?.[listKey(s.instanceId, {})]?.data ?? []) as Array<{
        id: string;
        backend_type?: string;
        auth_type?: string;
        req_uri?: string;
      }>;
    };
    await until('apis loaded', () => rows().length > 0);
    const api = rows().find(
      (a) => a.backend_type === 'MOCK' && a.auth_type === 'NONE' && !String(a.req_uri).includes('{'),
    );
    assert.ok(api, 'a MOCK API without path parameters or app auth');
    const press = async (id: string) => {
      router.dispatch([eventOf(id)]);
      await settle();
    };
    const enter = async (view: 'form' | 'answer' | 'history') => {
      const { actions } = h.store.getState();
      while (h.store.getState().modals.length > 0) actions.popModal();
      actions.jump('apis');
      actions.updateList({ selectedId: api.id });
      await settle();
      await press('d');
      await until('the console', () => selectTop(h.store.getState()).view === 'debug');
      await waitForFrame(h.ui, (f) => f.includes('method'));
      if (view === 'form') return;
      await press('ctrl+x');
      await until('an answer', () => {
        const d = h.stores.debug.getState();
        return !d.sending && (d.answer !== null || d.error !== null);
      });
      await settle();
      if (view === 'history') await press('ctrl+o');
    };
    const problems: string[] = [];
    const listed = viewKeys(undefined, 'debug', h.stores.gate).commands;
    assert.ok(listed.includes('debugSend') && listed.includes('debugCompare'));
    for (const cmd of listed) {
      if (SKIPPED.includes(cmd)) continue;
      const key = KEYMAP[cmd].keys[0] ?? '';
      let handled = false;
      for (const view of ['form', 'answer', 'history'] as const) {
        await enter(view);
        unhandled.length = 0;
        await press(key);
        await h.store.whenIdle();
        await settle();
        if (unhandled.length === 0) {
          handled = true;
          break;
        }
      }
      if (!handled) problems.push(`debug: ${cmd} (${key}) not handled in the form, answer or history`);
    }
    assert.deepEqual(problems, []);
  } finally {
    await h.close();
  }
});
