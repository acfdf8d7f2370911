// Capabilities as key handlers. A descriptor declares what its resource can do (create, edit, remove,
// actions); this module turns that into the commands bound in one view for one session. The footer,
// the `?` help and the handlers all come from the same `bindCapabilities` answer, so a key that is
// shown always does something, and a key bound to nothing is never shown.
//
// Read-only (k9s `ClearDanger`): dangerous capabilities are not bound; they are listed as unavailable
// with the reason, and their key only explains that reason on the status line.
import { actionsOf } from '../../screens/registry.ts';
import type {
  ActionContext,
  ActionSpec,
  CreateContext,
  ResourceDescriptor,
  SessionGate,
} from '../../screens/types.ts';
import { KEYMAP, type Command } from '../keys/keymap.ts';
import type { CommandHandlers } from '../keys/router.tsx';
import type { DebugStore } from '../store/debug.ts';
import type { MutationStore } from '../store/mutations.ts';
import type { DashboardStore } from '../store/store.ts';
import { removeRunner } from './remove.ts';
import { aimMutations } from './marks-after-batch.ts';

export type ViewKind = 'list' | 'detail';

/** One capability as the shell binds it. */
export interface Capability {
  command: Command;
  title: string;
  dangerous: boolean;
  /** Runs without a selected row (create on an empty list). */
  needsRow: boolean;
  available?: (row: unknown, session: SessionGate) => true | string;
  /** Footer label of this view, when not the key map's. */
  hint?: string;
  run: (ctx: CreateContext<unknown>) => void | Promise<void>;
}

export interface Unavailable {
  command: Command;
  title: string;
  reason: string;
}

export interface ViewBindings {
  bound: Capability[];
  unavailable: Unavailable[];
}

const isCommand = (c: string): c is Command => c in KEYMAP;

export function isDangerous(a: Pick<ActionSpec<unknown>, 'dangerous' | 'mutating'>): boolean {
  return a.dangerous ?? a.mutating ?? false;
}

/** Create, edit and open-items act on one item (or none): alone they do not make a list's rows markable. */
const SINGLE_ITEM: ReadonlySet<string> = new Set(['create', 'edit', 'openItems', 'usedBy']);

/** Whether the list offers marks (Space/`*`): some bound capability works on the marked rows. */
export function hasMarkableActions(b: ViewBindings): boolean {
  return b.bound.some((c) => !SINGLE_ITEM.has(c.command));
}

function fromSpec(a: ActionSpec<unknown>): Capability | undefined {
  if (!isCommand(a.command)) return undefined;
  return {
    command: a.command,
    title: a.title,
    dangerous: isDangerous(a),
    // creating or importing needs no selected row (an empty list is where one starts)
    needsRow: a.command !== 'create' && a.rowless !== true,
    ...(a.available ? { available: a.available } : {}),
    ...(a.hint ? { hint: a.hint } : {}),
    run: (ctx) => a.run(ctx as ActionContext<unknown>),
  };
}

/** Every capability the descriptor declares for `view`, before the session is asked. */
export function capabilitiesOf(d: ResourceDescriptor, view: ViewKind): Capability[] {
  const out: Capability[] = [];
  if (d.create && view === 'list') {
    const create = d.create;
    out.push({
      command: 'create',
      title: create.title,
      dangerous: true,
      needsRow: false,
      run: (c) => create.open(c),
    });
  }
  if (d.edit) {
    const edit = d.edit;
    out.push({
      command: 'edit',
      title: edit.title,
      dangerous: true,
      needsRow: true,
      run: (c) => edit.open(c as ActionContext<unknown>),
    });
  }
  if (d.remove && view === 'list') out.push(removeRunner(d, d.remove));
  for (const a of actionsOf(d)) {
    if (a.views && !a.views.includes(view)) continue;
    const c = fromSpec(a);
    if (c && !out.some((x) => x.command === c.command)) out.push(c);
  }
  return out;
}

/** What is bound in this view for this session, and what is not (with the reason, for `?`). */
export function bindCapabilities(
  d: ResourceDescriptor | undefined,
  view: ViewKind,
  session: SessionGate,
): ViewBindings {
  const bound: Capability[] = [];
  const unavailable: Unavailable[] = [];
  for (const c of d ? capabilitiesOf(d, view) : []) {
    if (c.dangerous && session.readOnly)
      unavailable.push({ command: c.command, title: c.title, reason: session.readOnlyReason });
    else bound.push(c);
  }
  return { bound, unavailable };
}

export interface ActionTarget {
  store: DashboardStore;
  mutations?: MutationStore;
  session: SessionGate;
  /** The session's debug console store (`d`). */
  debug?: DebugStore;
  params: Readonly<Record<string, string>>;
  /** The selected item now (read at key time, not render time). */
  item(): unknown;
  marked(): unknown[];
}

/** Handlers of the bound capabilities, and an explanation for the unavailable ones. */
export function actionHandlers(b: ViewBindings, t: ActionTarget): CommandHandlers {
  const handlers: CommandHandlers = {};
  for (const u of b.unavailable) {
    handlers[u.command] = () => {
      // said once, in words, short enough for 80 columns (the reason is in `?`)
      t.store.getState().actions.setStatus({
        level: 'warning',
        text: `read-only: ${KEYMAP[u.command].hint ?? u.command} disabled · nothing that changes the gateway is sent`,
      });
    };
  }
  for (const c of b.bound) {
    handlers[c.command] = () => {
      const { actions, instanceId } = t.store.getState();
      const item = t.item();
      if (item === undefined && c.needsRow) return;
      const why = item === undefined ? true : (c.available?.(item, t.session) ?? true);
      if (why !== true) {
        actions.setStatus({ level: 'error', code: 'unavailable', text: `${c.title}: ${why}` });
        return;
      }
      actions.setStatus(null);
      const marked = t.marked();
      if (t.mutations) aimMutations(t.mutations, t.store, c.needsRow ? marked.length : null);
      const ctx: CreateContext<unknown> = {
        store: t.store,
        item,
        instanceId,
        marked,
        params: t.params,
        session: t.session,
        ...(t.mutations ? { mutations: t.mutations } : {}),
        ...(t.debug ? { debug: t.debug } : {}),
      };
      try {
        const r = c.run(ctx);
        if (r instanceof Promise) r.catch((e: unknown) => actions.showError(e, c.title));
      } catch (e) {
        actions.showError(e, c.title);
      }
    };
  }
  return handlers;
}
