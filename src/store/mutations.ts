// The mutations store: propose → (refuse | confirm) → run step by step → outcome, with an optimistic
// overlay that is rolled back on failure, an audit line per attempt, and a refresh after success.
// Never retries. Mounted next to the dashboard store (see createMutationStore / ARCHITECTURE.md).
import { createStore, type StoreApi } from 'zustand/vanilla';
import { describeAction, actionSubject, type Confirmation } from '../actions/confirm.ts';
import { refusalError } from '../actions/errors.ts';
import { runAction } from '../actions/execute.ts';
import type { AuditEntry, AuditSink } from '../actions/audit.ts';
import { namesOf } from '../actions/audit-names.ts';
import type { MutationPort } from '../actions/port.ts';
import { READ_ONLY_REFUSAL, type Refusal } from '../actions/preconditions.ts';
import type { MutationAction, MutationOutcome, StepProgress } from '../actions/types.ts';

export type MutationPhase = 'idle' | 'refused' | 'confirming' | 'running' | 'done';

export interface MutationState {
  readOnly: boolean;
  phase: MutationPhase;
  action: MutationAction | null;
  confirmation: Confirmation | null;
  refusal: Refusal | null;
  steps: readonly StepProgress[];
  outcome: MutationOutcome | null;
  /**
   * Optimistic values by key (e.g. `binding:<id>` → false while unbinding). Screens show
   * `optimistic[key] ?? real`; failure removes the keys (the rollback) and shows the error.
   */
  optimistic: Readonly<Record<string, boolean>>;
  /** What the confirmation acts on, in words: the marked rows or the cursor row (marks-after-batch.ts). */
  scope: string | null;
  actions: MutationActions;
}

export interface ProposeOptions {
  /** Keys to flip while the action runs; cleared after success (the refresh shows the truth) or failure. */
  optimistic?: Record<string, boolean>;
  /** Overrides the scope set by `aim` (a dialog acting on its own marked rows). */
  scope?: string;
}

export interface MutationActions {
  /** Asks for confirmation of an action; in read-only mode it is refused at once and nothing is sent. */
  propose(action: MutationAction, opts?: ProposeOptions): void;
  /** The scope line of the next confirmations (set when a capability runs). */
  aim(scope: string | null): void;
  /** A client-side precondition failed: show why (and maybe the alternative); audited as "refused". */
  refuse(refusal: Refusal, action?: MutationAction): void;
  /** Runs the proposed action (after the user confirmed). Resolves with the outcome. */
  confirm(): Promise<MutationOutcome | null>;
  /** Proposes the refusal's alternative (e.g. replace = unbind then bind) for confirmation. */
  acceptAlternative(): void;
  cancel(): void;
  /** Clears a finished outcome or refusal. */
  dismiss(): void;
  /**
   * The process is exiting (a signal) while a change runs: audit it now as `unknown` — its answer will
   * not be waited for, and the gateway may still apply it. Resolves once the line is written.
   */
  interrupt(reason: string): Promise<void>;
}

export interface MutationIdentity {
  who: string;
  profile: string;
  instance: string;
}

export interface MutationDeps {
  port: MutationPort;
  readOnly: boolean;
  identity: MutationIdentity;
  audit?: AuditSink;
  /** Called after an action changed something (ok or partial): refresh the affected lists. */
  onChanged?: (action: MutationAction, outcome: MutationOutcome) => void;
  /** Audit write failures land here (they never fail the action). */
  onAuditError?: (err: unknown) => void;
}

export interface MutationStore extends StoreApi<MutationState> {
  /** Resolves when no action is running (tests await this). */
  whenSettled(): Promise<void>;
}

export function createMutationStore(deps: MutationDeps): MutationStore {
  let running: Promise<unknown> = Promise.resolve();
  let auditChain: Promise<void> = Promise.resolve();
  let pendingOptimistic: Record<string, boolean> = {};
  let aimed: string | null = null;
  /** Set when the running change was audited by interrupt(): its own line is then not written. */
  let interrupted = false;

  // Audit lines are written one after another, in the order of the attempts.
  const audit = (...args: Parameters<typeof writeAudit>): Promise<void> =>
    (auditChain = auditChain.then(() => writeAudit(...args)));

  const writeAudit = async (
    action: MutationAction,
    result: AuditEntry['result'],
    o?: {
      outcome?: MutationOutcome;
      refusal?: Refusal;
      /** What ended the process while the change was in flight (e.g. "SIGTERM"). */
      interruptedBy?: string;
    },
  ): Promise<void> => {
    if (!deps.audit) return;
    const { object, env } = actionSubject(action);
    const err = o?.interruptedBy
      ? {
          code: 'INTERRUPTED',
          message: `${o.interruptedBy} while the change was in flight: it may or may not have been applied`,
        }
      : (o?.outcome?.error ?? (o?.refusal ? refusalError(o.refusal) : undefined));
    const failures = o?.outcome?.items
      .filter((i) => !i.ok)
      .map((i) => ({
        label: i.label,
        ...(i.errorCode ? { code: i.errorCode } : {}),
        ...(i.errorMsg ? { msg: i.errorMsg } : {}),
      }));
    try {
      await deps.audit({
        ...deps.identity,
        // LINK actions share one kind; the audit names the operation (`link.force-offline`).
        action:
          action.kind === 'link'
            ? `link.${action.op}`
            : action.kind === 'call'
              ? action.call.op
              : action.kind,
        object,
        env,
        result,
        requestIds: o?.outcome?.requestIds ?? [],
        ...(err ? { errorCode: err.code, errorMsg: err.message } : {}),
        ...(failures && failures.length > 0 ? { failures } : {}),
        ...(o?.outcome?.reread ? { reread: o.outcome.reread } : {}),
        ...auditNames(action),
      });
    } catch (e) {
      deps.onAuditError?.(e);
    }
  };

  const store = createStore<MutationState>()((set, get) => ({
    readOnly: deps.readOnly,
    phase: 'idle',
    action: null,
    confirmation: null,
    refusal: null,
    steps: [],
    outcome: null,
    optimistic: {},
    scope: null,
    actions: {
      aim(scope) {
        aimed = scope;
      },
      propose(action, opts) {
        if (get().phase === 'running') return;
        if (deps.readOnly) {
          set({
            phase: 'refused',
            action,
            confirmation: null,
            refusal: READ_ONLY_REFUSAL,
            outcome: null,
            steps: [],
          });
          void audit(action, 'refused', { refusal: READ_ONLY_REFUSAL });
          return;
        }
        pendingOptimistic = opts?.optimistic ?? {};
        set({
          phase: 'confirming',
          scope: opts?.scope ?? aimed,
          action,
          confirmation: describeAction(action),
          refusal: null,
          outcome: null,
          steps: [],
        });
      },
      refuse(refusal, action) {
        if (get().phase === 'running') return;
        set({
          phase: 'refused',
          action: action ?? null,
          confirmation: null,
          refusal,
          outcome: null,
          steps: [],
        });
        if (action) void audit(action, 'refused', { refusal });
      },
      acceptAlternative() {
        const alt = get().refusal?.alternative;
        if (alt) get().actions.propose(alt.action);
      },
      async confirm() {
        const { phase, action } = get();
        if (phase !== 'confirming' || !action) return null;
        if (deps.readOnly) {
          get().actions.propose(action);
          return null;
        }
        const optimistic = pendingOptimistic;
        pendingOptimistic = {};
        interrupted = false;
        set((s) => ({ phase: 'running', optimistic: { ...s.optimistic, ...optimistic } }));
        const rollback = (): void =>
          set((s) => {
            const next = { ...s.optimistic };
            for (const k of Object.keys(optimistic)) delete next[k];
            return { optimistic: next };
          });
        const work = (async () => {
          const outcome = await runAction(deps.port, action, (steps) => set({ steps }));
          rollback();
          set({ phase: 'done', outcome });
          if (!interrupted) await audit(action, outcome.result, { outcome });
          // unknown included: the change may have happened, so the lists must show what is true now
          if (outcome.result !== 'failed' || outcome.items.some((i) => i.ok)) {
            try {
              deps.onChanged?.(action, outcome);
            } catch {
              // A failing refresh hook must not turn a done mutation into a rejected confirm().
            }
          }
          return outcome;
        })();
        running = work.catch(() => undefined);
        return work;
      },
      cancel() {
        if (get().phase === 'running') return;
        pendingOptimistic = {};
        set({ phase: 'idle', action: null, confirmation: null, refusal: null, steps: [], outcome: null });
      },
      dismiss() {
        if (get().phase === 'running') return;
        set({ phase: 'idle', action: null, confirmation: null, refusal: null, steps: [], outcome: null });
      },
      async interrupt(reason) {
        const { phase, action } = get();
        if (phase !== 'running' || !action || interrupted) return auditChain;
        interrupted = true;
        return audit(action, 'unknown', { interruptedBy: reason });
      },
    },
  }));

  return Object.assign(store, {
    whenSettled: async () => {
      await running;
      await auditChain;
    },
  });
}

function auditNames(action: MutationAction): { names?: Record<string, string> } {
  const names = namesOf(action);
  return Object.keys(names).length > 0 ? { names } : {};
}
