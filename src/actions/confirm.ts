// Confirmation texts: each names the object, the environment and the effect. Destructive actions
// (anything that stops serving, removes protection or access) require typing `y`. The texts are the
// mutation kinds table's (mutation-kinds.ts).
import { mutationKind } from './mutation-kinds.ts';
import type { MutationAction } from './types.ts';

export { pluralNoun } from './mutation-kinds.ts';

export interface Confirmation {
  title: string;
  /** One sentence: object, environment, effect. "API pay-callback stops serving in RELEASE". */
  effect: string;
  /** Extra lines: items of a batch, the steps of a replace. */
  details: string[];
  destructive: boolean;
}

export function isDestructive(action: MutationAction): boolean {
  const d = mutationKind(action).destructive;
  return typeof d === 'function' ? d(action) : d;
}

export function describeAction(action: MutationAction): Confirmation {
  return { ...mutationKind(action).describe(action), destructive: isDestructive(action) };
}

/** Short one-line object/environment description for the audit log and status line. */
export function actionSubject(action: MutationAction): { object: string; env: string } {
  return mutationKind(action).subject(action);
}
