// Runs one confirmed action against the port, step by step, and turns every answer (including partial
// batch failures) into a MutationOutcome. Never retries: a failed step stops the action and is reported.
// The steps of each kind come from the mutation kinds table (mutation-kinds.ts).
import { describeAction } from './confirm.ts';
import { mutationKind, type Step } from './mutation-kinds.ts';
import { POLICY_KINDS } from './policy-kinds.ts';
import { toActionError } from './errors.ts';
import type { MutationPort } from './port.ts';
import { readBack } from './readback.ts';
import { wholeFailureOpen, type Recovery } from './batch-recovery.ts';
import { commandKeysLabel } from '../keys/keymap.ts';
import type { ActionError, ItemResult, MutationAction, MutationOutcome, StepProgress } from './types.ts';

export type ProgressListener = (steps: readonly StepProgress[]) => void;

export function planSteps(port: MutationPort, action: MutationAction): Step[] {
  return mutationKind(action).steps(port, action);
}

/**
 * Runs the steps in order; stops at the first step that throws (later steps are marked skipped). When
 * a step's answer could not be read (outcome unknown) the touched objects are re-read afterwards.
 */
export async function runAction(
  port: MutationPort,
  action: MutationAction,
  onProgress: ProgressListener = () => {},
): Promise<MutationOutcome> {
  const steps = planSteps(port, action);
  const progress: StepProgress[] = steps.map((s) => ({ label: s.label, status: 'pending' }));
  const items: ItemResult[] = [];
  const requestIds: string[] = [];
  let error: ActionError | undefined;
  onProgress([...progress]);
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (!step) continue;
    if (error) {
      progress[i] = { label: step.label, status: 'skipped' };
      continue;
    }
    progress[i] = { label: step.label, status: 'running' };
    onProgress([...progress]);
    try {
      const r = await step.run();
      items.push(...r.items);
      if (r.requestId) requestIds.push(r.requestId);
      const stepFailed = r.items.some((it) => !it.ok);
      progress[i] = { label: step.label, status: stepFailed ? 'failed' : 'ok' };
    } catch (err) {
      error = toActionError(err);
      if (error.requestId) requestIds.push(error.requestId);
      progress[i] = {
        label: step.label,
        status: error.outcome === 'unknown' ? 'unknown' : 'failed',
        errorCode: error.code,
        errorMsg: error.message,
      };
    }
    onProgress([...progress]);
  }
  if (error) onProgress([...progress]);
  const okCount = items.filter((i) => i.ok).length;
  const failCount = items.length - okCount;
  const kind = mutationKind(action);
  if (error && items.length === 0 && kind.recover && wholeFailureOpen(error)) {
    return recovered(action, error, await kind.recover(port.readBack, action, error), requestIds);
  }
  if (error?.outcome === 'unknown') {
    const reread = await readBack(port.readBack, action);
    const sent = progress.find((p) => p.status === 'unknown')?.label ?? 'the change';
    const done = okCount > 0 ? ` (${okCount} done before it)` : '';
    return {
      result: 'unknown',
      summary: `${describeAction(action).title}: outcome unknown — ${sent} was sent, but its answer could not be read (${error.code})${done}`,
      items,
      requestIds,
      // The client's hint says "re-read": here that is done, and the pane shows the result.
      error: {
        ...error,
        hint: 'It may or may not have been applied, and it was not repeated. "Re-read now" below is what the service holds; check it before changing anything again.',
      },
      reread,
    };
  }
  const result: MutationOutcome['result'] =
    error && okCount === 0 ? 'failed' : error || failCount > 0 ? (okCount > 0 ? 'partial' : 'failed') : 'ok';
  return {
    result,
    summary: summarize(action, result, okCount, failCount, error),
    items,
    requestIds,
    ...(error ? { error } : {}),
  };
}

/** A batch that failed as a whole, re-read per item (batch-recovery.ts): what is known, and the rest to retry. */
function recovered(
  action: MutationAction,
  error: ActionError,
  rec: Recovery,
  requestIds: string[],
): MutationOutcome {
  const done = rec.items.filter((i) => i.ok).length;
  const unknown = rec.items.filter((i) => i.unknown).length;
  const notDone = rec.items.length - done - unknown;
  const result: MutationOutcome['result'] =
    unknown > 0 ? 'unknown' : notDone === 0 ? 'ok' : done > 0 ? 'partial' : 'failed';
  const status = error.status !== undefined ? ` ${error.status}` : '';
  const retry = rec.retry
    ? ` ${commandKeysLabel('retryRest')} retries the ${notDone} not done, after a confirmation.`
    : '';
  return {
    result,
    summary: `${describeAction(action).title}: the call failed as a whole (${error.code}${status}); re-read per item: ${done} done, ${notDone} not done${unknown > 0 ? `, ${unknown} unknown` : ''}`,
    items: rec.items,
    requestIds,
    error: { ...error, hint: `Nothing was retried.${retry}` },
    ...(rec.retry ? { retry: rec.retry } : {}),
  };
}

function summarize(
  action: MutationAction,
  result: MutationOutcome['result'],
  okCount: number,
  failCount: number,
  error: ActionError | undefined,
): string {
  const title = describeAction(action).title;
  if (result === 'ok') return `${title}: done${okCount > 1 ? ` (${okCount} items)` : ''}`;
  if (result === 'failed')
    return `${title} failed: ${error ? `${error.code} ${error.message}` : `${failCount} failed`}`;
  const stopped = error ? `; stopped at ${error.code} ${error.message}` : '';
  const gap =
    action.kind === 'replace'
      ? `; API ${action.target.api.name} in ${action.target.env.name} is now without a ${POLICY_KINDS[action.policy.kind].noun} — bind one again`
      : '';
  return `${title}: ${okCount} done, ${failCount} failed${stopped}${gap}`;
}
