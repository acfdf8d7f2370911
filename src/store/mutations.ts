// The mutations store: propose → (refuse | confirm) → run step by step → outcome, with an optimistic
// overlay that is rolled back on failure, an audit line per attempt, and a refresh after success.
// Never retries. Mounted next to the dashboard store (see createMutationStore / ARCHITECTURE.md).
import { createStore, type StoreApi } from 'zustand/vanilla';
import { describeAction, actionSubject, type Confirmation } from '../actions/confirm.ts';
import { refusalError } from '../actions/errors.ts';
import { runAction } from '../actions/execute.ts';
import type { AuditSink } from '../actions/audit.ts';
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
  actions: MutationActions;
}

export interface ProposeOptions {
  /** Keys to flip while the action runs; cleared after success (the refresh shows the truth) or failure. */
  optimistic?: Record<string, boolean>;
}

export interface MutationActions {
  /** Asks for confirmation of an action; in read-only mode it is refused at once and nothing is sent. */
  propose(action: MutationAction, opts?: ProposeOptions): void;
  /** A client-side precondition failed: show why (and maybe the alternative); audited as "refused". */
  refuse(refusal: Refusal, action?: MutationAction): void;
  /** Runs the proposed action (after the user confirmed). Resolves with the outcome. */
  confirm(): Promise<MutationOutcome | null>;
  /** Proposes the refusal's alternative (e.g. replace = unbind then bind) for confirmation. */
  acceptAlternative(): void;
  cancel(): void;
  /** Clears a finished outcome or refusal. */
  dismiss(): void;
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

  // Audit lines are written one after another, in the order of the attempts.
  const audit = (...args: Parameters<typeof writeAudit>): Promise<void> =>
    (auditChain = auditChain.then(() => writeAudit(...args)));

  const writeAudit = async (
    action: MutationAction,
    result: 'ok' | 'partial' | 'failed' | 'refused',
    o?: {
      outcome?: MutationOutcome;
      refusal?: Refusal;
    },
  ): Promise<void> => {
    if (!deps.audit) return;
    const { object, env } = actionSubject(action);
    const err = o?.outcome?.error ?? (o?.refusal ? refusalError(o.refusal) : undefined);
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
        action: action.kind === 'call' ? action.call.op : action.kind,
        object,
        env,
        result,
        requestIds: o?.outcome?.requestIds ?? [],
        ...(err ? { errorCode: err.code, errorMsg: err.message } : {}),
        ...(failures && failures.length > 0 ? { failures } : {}),
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
    actions: {
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
          await audit(action, outcome.result, { outcome });
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
    },
  }));

  return Object.assign(store, {
    whenSettled: async () => {
      await running;
      await auditChain;
    },
  });
}
