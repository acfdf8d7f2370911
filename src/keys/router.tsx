// Priority key routing on top of ONE Ink useInput: modal > input > list > global. Within a layer
// the most recently registered handler goes first (a dialog opened later sits on top). A handler
// returns true to consume the key; otherwise the key goes on to the next handler.
//
// Bursts: all keys of a chunk are applied, in order. Only the first is dispatched immediately; the
// rest follow one per macrotask, after React has committed the previous key's updates, so a key
// that opens a palette sends the following keys to the palette's input rather than to the list
// beneath it. Handlers must therefore use functional state updates (or store actions that read
// current state) — never a value captured at render time — so consecutive keys compose.
import { useInput, usePaste } from 'ink';
import { createContext, useContext, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { commandsForKey, type Command, type KeyScope } from './keymap.ts';
import { splitKeys, type KeyEvent } from './keys.ts';

export type KeyLayer = 'modal' | 'input' | 'list' | 'global';

const LAYER_RANK: Record<KeyLayer, number> = { modal: 0, input: 1, list: 2, global: 3 };

/** Return true to consume the key. */
export type KeyHandler = (key: KeyEvent) => boolean | void;
/** Return true to consume the pasted text. */
export type PasteHandler = (text: string) => boolean | void;

interface Registration {
  layer: KeyLayer;
  seq: number;
  handler: { current: KeyHandler };
  paste: { current: PasteHandler | undefined };
}

export interface KeyRouter {
  register(r: Omit<Registration, 'seq'>): () => void;
  /** Feeds keys as if typed (used by the Ink adapter; handy for tests). */
  dispatch(keys: readonly KeyEvent[]): void;
  dispatchPaste(text: string): void;
  /** Keys received but not yet dispatched (a burst being applied). */
  pending(): number;
}

/** The router without React: a handler stack and a burst queue. */
export interface KeyRouterOptions {
  /** Called with a key that no handler consumed (tests: a listed key must be handled). */
  onUnhandled?: (key: KeyEvent) => void;
}

export function createKeyRouter(
  schedule: (fn: () => void) => () => void = defaultSchedule,
  opts: KeyRouterOptions = {},
): KeyRouter {
  const regs: Registration[] = [];
  // Pastes share the queue with keys so a paste never overtakes keys typed before it.
  const queue: Array<KeyEvent | { paste: string }> = [];
  let seq = 0;
  let cancelScheduled: (() => void) | undefined;

  const ordered = (): Registration[] =>
    [...regs].sort((a, b) => LAYER_RANK[a.layer] - LAYER_RANK[b.layer] || b.seq - a.seq);

  const deliver = (key: KeyEvent): void => {
    for (const r of ordered()) {
      if (r.handler.current(key) === true) return;
    }
    opts.onUnhandled?.(key);
  };

  const deliverPaste = (text: string): void => {
    for (const r of ordered()) {
      const h = r.paste.current;
      if (h !== undefined && h(text) === true) return;
    }
  };

  const drain = (): void => {
    cancelScheduled = undefined;
    const item = queue.shift();
    if (item === undefined) return;
    if ('paste' in item) deliverPaste(item.paste);
    else deliver(item);
    // Even with an empty queue, keep the gate closed until the next turn: keys of the same chunk
    // that Ink emits as separate events must also wait for this key's render.
    cancelScheduled = schedule(drain);
  };

  return {
    register(r) {
      const reg: Registration = { ...r, seq: seq++ };
      regs.push(reg);
      return () => {
        const i = regs.indexOf(reg);
        if (i >= 0) regs.splice(i, 1);
      };
    },
    dispatch(keys) {
      queue.push(...keys);
      if (cancelScheduled === undefined) drain();
    },
    dispatchPaste(text) {
      queue.push({ paste: text });
      if (cancelScheduled === undefined) drain();
    },
    pending: () => queue.length,
  };
}

function defaultSchedule(fn: () => void): () => void {
  const t = setImmediate(fn);
  return () => clearImmediate(t);
}

/** Holds the next burst step until a commit releases it (see KeyRouterProvider). */
class CommitGate {
  private waiting: (() => void) | undefined;

  hold(fn: () => void, requestCommit: () => void): () => void {
    this.waiting = fn;
    requestCommit();
    return () => {
      if (this.waiting === fn) this.waiting = undefined;
    };
  }

  /** Called from a layout effect; returns its cleanup. */
  release(): (() => void) | undefined {
    const fn = this.waiting;
    if (fn === undefined) return undefined;
    this.waiting = undefined;
    const t = setImmediate(fn);
    return () => clearImmediate(t);
  }
}

const RouterContext = createContext<KeyRouter | null>(null);

/** Owns the single Ink `useInput` (and `usePaste`) of the app. */
export function KeyRouterProvider({ children, router }: { children?: ReactNode; router?: KeyRouter }) {
  // The next key of a burst waits for a React commit: scheduling bumps `tick`, and the layout
  // effect below (which runs in the commit that also applies the previous key's updates, since
  // they were queued in the same batch) releases it. Waiting on a timer alone is not enough:
  // under CPU load the next key could run against handlers from before the previous key.
  const [tick, setTick] = useState(0);
  const [gate] = useState(() => new CommitGate());
  const value = useMemo(
    () => router ?? createKeyRouter((fn) => gate.hold(fn, () => setTick((t) => t + 1))),
    [router, gate],
  );
  useLayoutEffect(() => gate.release(), [tick, gate]);
  useInput((input, key) => value.dispatch(splitKeys(input, key)));
  usePaste((text) => value.dispatchPaste(text));
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useKeyRouter(): KeyRouter {
  const r = useContext(RouterContext);
  if (r === null) throw new Error('useKeyRouter: no <KeyRouterProvider> above this component');
  return r;
}

export interface KeyHandlerOptions {
  /** When false the handler is not registered (default true). */
  active?: boolean;
  onPaste?: PasteHandler;
}

/**
 * Registers `handler` on `layer` while mounted and active. The latest handler function is always
 * used (no re-registration per render), so it may close over props freely.
 */
export function useKeyHandler(layer: KeyLayer, handler: KeyHandler, opts: KeyHandlerOptions = {}): void {
  const router = useKeyRouter();
  const handlerRef = useRef(handler);
  const pasteRef = useRef(opts.onPaste);
  useLayoutEffect(() => {
    handlerRef.current = handler;
    pasteRef.current = opts.onPaste;
  });
  const active = opts.active ?? true;
  // Layout effect: registration must be in place when the commit that mounted us finishes, so
  // the next key of a burst already reaches this handler.
  useLayoutEffect(() => {
    if (!active) return;
    return router.register({ layer, handler: handlerRef, paste: pasteRef });
  }, [router, layer, active]);
}

export type CommandHandlers = Partial<Record<Command, (key: KeyEvent) => boolean | void>>;

/**
 * Key-map driven handlers: a key bound (in `scopes`) to a command that has a handler runs it
 * and is consumed, unless the handler returns false. Keys bound to nothing here fall through.
 */
export function useCommands(
  layer: KeyLayer,
  scopes: readonly KeyScope[],
  handlers: CommandHandlers,
  opts: KeyHandlerOptions = {},
): void {
  useKeyHandler(layer, (key) => dispatchCommand(key, scopes, handlers), opts);
}

/** Runs the first command of `handlers` bound to `key`; true when it consumed the key. */
export function dispatchCommand(
  key: KeyEvent,
  scopes: readonly KeyScope[],
  handlers: CommandHandlers,
): boolean {
  for (const cmd of commandsForKey(key.id, scopes)) {
    const h = handlers[cmd];
    if (h !== undefined) return h(key) !== false;
  }
  return false;
}
