// Focus positions of a form: one per simple field, one per cell of a list field plus its "add a row"
// position. Kept apart so the store and the view agree on what the cursor points at.
import { rowsOf, visibleFields } from './engine.ts';
import type { ColumnField, Field, FormSpec, FormValues } from './types.ts';

export type Slot =
  | { kind: 'field'; field: Field }
  | { kind: 'cell'; field: Field & { kind: 'rows' }; row: number; column: ColumnField }
  | { kind: 'addRow'; field: Field & { kind: 'rows' } };

export function slotsOf(spec: Pick<FormSpec, 'fields'>, values: FormValues): Slot[] {
  const out: Slot[] = [];
  for (const f of visibleFields(spec, values)) {
    if (f.kind !== 'rows') {
      out.push({ kind: 'field', field: f });
      continue;
    }
    rowsOf(values[f.key]).forEach((_, row) => {
      for (const column of f.columns) out.push({ kind: 'cell', field: f, row, column });
    });
    out.push({ kind: 'addRow', field: f });
  }
  return out;
}

/** The first slot of a field (where an error on it puts the cursor). */
export function slotOfField(slots: readonly Slot[], key: string): number {
  const i = slots.findIndex((s) => s.field.key === key);
  return i < 0 ? 0 : i;
}
