// Builds a descriptor's `remove` capability from its client family's `remove(id)` (and batch delete
// where the reference has one), with the confirmation's effect sentence.
import type { InstanceClient } from '../src/api/client.ts';
import { pluralNoun } from '../src/actions/confirm.ts';
import type { BatchRemoveResult, RemoveCapability, RemoveContext } from './types.ts';

export interface RemovableSpec<T> {
  /** Singular noun: "API group". */
  noun: string;
  name: (row: T) => string;
  id: (row: T) => string;
  /** What happens besides the deletion, e.g. "with its environment variables". */
  effect: (subject: string, count: number) => string;
  /** The family holding the row; the row is passed for nested resources (a special setting's policy). */
  family: (c: InstanceClient, row: T) => { remove(id: string): Promise<void> };
  batch?: (c: InstanceClient, ids: string[]) => Promise<BatchRemoveResult>;
}

const on = (ctx: RemoveContext): InstanceClient => ctx.client.instance(ctx.instanceId);

export function removable<T>(spec: RemovableSpec<T>): RemoveCapability<T> {
  const batch = spec.batch;
  return {
    noun: spec.noun,
    describe: (rows) =>
      spec.effect(
        rows.length === 1 && rows[0] !== undefined
          ? `${spec.noun} ${spec.name(rows[0])}`
          : `${rows.length} ${pluralNoun(spec.noun)}`,
        rows.length,
      ),
    single: (ctx, row) => spec.family(on(ctx), row).remove(spec.id(row)),
    ...(batch
      ? { batch: (ctx: RemoveContext, rows: readonly T[]) => batch(on(ctx), rows.map(spec.id)) }
      : {}),
  };
}

/** `{ success_count, failure: [{ <idKey>, error_code, error_msg }] }` → the shell's batch result. */
export function batchFailures(
  failure: ReadonlyArray<Record<string, unknown>>,
  idKey: string,
): BatchRemoveResult {
  return {
    failures: failure.map((f) => ({
      id: typeof f[idKey] === 'string' ? f[idKey] : '',
      code: typeof f.error_code === 'string' ? f.error_code : 'UNKNOWN',
      message: typeof f.error_msg === 'string' ? f.error_msg : '',
    })),
  };
}
