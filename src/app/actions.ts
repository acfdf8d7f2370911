// Resource actions as key handlers: each action's command (a key-map command of the `actions` scope)
// runs it on the selected item (and the marked rows). In read-only mode a mutating action never opens
// its flow: the status line says it is disabled.
import { actionsOf } from '../../screens/registry.ts';
import type { ResourceDescriptor } from '../../screens/types.ts';
import { KEYMAP, type Command } from '../keys/keymap.ts';
import type { CommandHandlers } from '../keys/router.tsx';
import type { DashboardStore } from '../store/store.ts';

export interface ActionTarget {
  store: DashboardStore;
  readOnly: boolean;
  /** The selected item now (read at key time, not render time). */
  item(): unknown;
  marked(): unknown[];
}

const isCommand = (c: string): c is Command => c in KEYMAP;

/**
 * The commands the descriptor's actions answer to (for the footer's `only`). In read-only mode the
 * mutating ones are left out: the footer offers only what can happen (their keys still explain why not).
 */
export function actionCommands(d: ResourceDescriptor | undefined, readOnly = false): Command[] {
  return d
    ? actionsOf(d)
        .filter((a) => !(readOnly && a.mutating))
        .map((a) => a.command)
        .filter(isCommand)
    : [];
}

/** Create, edit and open-items act on one item (or none): alone they do not make a list's rows markable. */
const SINGLE_ITEM = new Set(['create', 'edit', 'openItems']);

/** Whether the list offers marks (Space/`*`): some action of it works on the marked rows. */
export function hasMarkableActions(d: ResourceDescriptor | undefined, readOnly = false): boolean {
  return d ? actionCommands(d, readOnly).some((c) => !SINGLE_ITEM.has(c)) : false;
}

export function actionHandlers(d: ResourceDescriptor, t: ActionTarget): CommandHandlers {
  const handlers: CommandHandlers = {};
  for (const a of actionsOf(d)) {
    if (!isCommand(a.command)) continue;
    handlers[a.command] = () => {
      const { actions, instanceId } = t.store.getState();
      if (a.mutating && t.readOnly) {
        actions.setStatus({
          level: 'error',
          code: 'read-only',
          text: `read-only: ${KEYMAP[a.command as Command].hint ?? a.command} disabled`,
          hint: 'Started with --read-only (or a read-only profile): nothing is sent that changes the gateway.',
        });
        return;
      }
      const item = t.item();
      // Creating needs no selected row (an empty list is where one starts).
      if (item === undefined && a.command !== 'create') return;
      actions.setStatus(null);
      try {
        const r = a.run({ store: t.store, item, instanceId, marked: t.marked() });
        if (r instanceof Promise) r.catch((e: unknown) => actions.showError(e, a.title));
      } catch (e) {
        actions.showError(e, a.title);
      }
    };
  }
  return handlers;
}
