// The commands one view handles, derived from the same bindings its key handlers use: the footer
// (`only`), the `?` help and the README key table all come from here, so a listed key always works.
import type { ResourceDescriptor, SessionGate } from '../../screens/types.ts';
import { KEYMAP, type Command, type KeyScope } from '../keys/keymap.ts';
import { bindCapabilities, hasMarkableActions, type Unavailable, type ViewKind } from './actions.ts';
import { CURSOR_STEPS } from '../ui/list-cursor.ts';

export const GLOBAL_COMMANDS: readonly Command[] = [
  'quit',
  'help',
  'palette',
  'back',
  'refresh',
  'autoRefresh',
  'dismissError',
  'lastView',
];

// the list cursor's steps are the navigation commands
const NAVIGATION: readonly Command[] = CURSOR_STEPS;

/**
 * What a list view always handles (marks only where they mean something, see viewKeys). No `reveal`:
 * no list column shows a secret, so `x` there had nothing visible to do (issue 11); the detail and the
 * JSON view of a row reveal.
 */
export const LIST_COMMANDS: readonly Command[] = [
  ...NAVIGATION,
  'enter',
  'describe',
  'filter',
  'sortNext',
  'sortReverse',
  'json',
  'copyId',
  'mark',
  'markAll',
];

export const DETAIL_COMMANDS: readonly Command[] = [
  ...NAVIGATION,
  'nextTab',
  'prevTab',
  'json',
  'copyId',
  'reveal',
];

export const DEBUG_COMMANDS: readonly Command[] = (Object.keys(KEYMAP) as Command[]).filter((c) =>
  (KEYMAP[c].scopes as readonly KeyScope[]).includes('debug'),
);

/** Dialogs and text fields open from any view (confirmations, `/`, `:`): their keys are always listed. */
const REACHABLE_SCOPES: readonly KeyScope[] = ['modal', 'input'];

export type ViewName = ViewKind | 'debug' | 'xray';

/** The x-ray of an API (screens/xray): a tree walked like a list, Enter opens a node's resource. */
export const XRAY_COMMANDS: readonly Command[] = [...NAVIGATION, 'enter'];

export interface ViewKeys {
  /** Every command bound in the view (global ones included). */
  commands: Command[];
  /** Capabilities of the resource that this session does not bind, with the reason. */
  unavailable: Unavailable[];
  /** Descriptions of the bound capabilities for this resource (`D` → "Delete API group"). */
  titles: Partial<Record<Command, string>>;
  /** Footer labels of this view that differ from the key map's (`u` → "revoke" on apps). */
  labels: Partial<Record<Command, string>>;
}

/**
 * `tab`: the detail's tab; a `selectable` part (rows of its tables are a list) also binds Enter.
 */
export function viewKeys(
  d: ResourceDescriptor | undefined,
  view: ViewName,
  session: SessionGate,
  tab = 0,
): ViewKeys {
  if (view === 'debug')
    return { commands: [...GLOBAL_COMMANDS, ...DEBUG_COMMANDS], unavailable: [], titles: {}, labels: {} };
  if (view === 'xray')
    return { commands: [...GLOBAL_COMMANDS, ...XRAY_COMMANDS], unavailable: [], titles: {}, labels: {} };
  const b = bindCapabilities(d, view, session);
  const base = (view === 'list' ? LIST_COMMANDS : DETAIL_COMMANDS).filter(
    (c) =>
      (c !== 'reveal' || d?.hasSecret === true) &&
      ((c !== 'mark' && c !== 'markAll') || hasMarkableActions(b)),
  );
  const titles: Partial<Record<Command, string>> = {};
  for (const c of [...b.bound, ...b.unavailable]) titles[c.command] = c.title;
  const labels: Partial<Record<Command, string>> = {};
  for (const c of b.bound) if (c.hint) labels[c.command] = c.hint;
  const rows: Command[] = view === 'detail' && tab > 0 && d?.parts?.[tab - 1]?.selectable ? ['enter'] : [];
  return {
    commands: [...GLOBAL_COMMANDS, ...base, ...rows, ...b.bound.map((c) => c.command)],
    unavailable: b.unavailable,
    titles,
    labels,
  };
}

/** Commands listed in `?` for the view: its own, plus dialog and text-field keys. */
export function helpCommands(keys: ViewKeys): Command[] {
  const reachable = (Object.keys(KEYMAP) as Command[]).filter((c) =>
    (KEYMAP[c].scopes as readonly KeyScope[]).some((s) => REACHABLE_SCOPES.includes(s)),
  );
  return [...keys.commands, ...reachable];
}

const READ_WRITE: SessionGate = { readOnly: false, readOnlyReason: '' };

/**
 * The README's key reference: every command bound in at least one view of a read-write session; an
 * action names the screens that bind it. A command bound nowhere is left out.
 */
export function referenceHelpOptions(resources: readonly ResourceDescriptor[]): {
  only: Command[];
  titles: Partial<Record<Command, string>>;
} {
  const bound = new Set<Command>(viewKeys(undefined, 'debug', READ_WRITE).commands);
  const where = new Map<Command, string[]>();
  for (const d of resources) {
    for (const view of ['list', 'detail'] as const) {
      for (const c of viewKeys(d, view, READ_WRITE).commands) {
        bound.add(c);
        if (!(KEYMAP[c].scopes as readonly KeyScope[]).includes('actions')) continue;
        const list = where.get(c) ?? [];
        if (!list.includes(d.id)) list.push(d.id);
        where.set(c, list);
      }
    }
  }
  const titles: Partial<Record<Command, string>> = {};
  for (const [c, ids] of where) titles[c] = `${KEYMAP[c].description} (${ids.map((i) => `:${i}`).join(' ')})`;
  return { only: helpCommands({ commands: [...bound], unavailable: [], titles: {}, labels: {} }), titles };
}
