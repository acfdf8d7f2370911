// Opening a form: one modal kind, its props the spec, mode and item (kept apart from index.tsx so the
// actions that open forms do not import the modal registration).
import type { AnyFormSpec, FormMode } from '../../src/forms/types.ts';
import type { DashboardStore } from '../../src/store/store.ts';

export const FORM_MODAL = 'forms.edit';

export interface OpenFormOptions {
  spec: AnyFormSpec;
  mode: FormMode;
  item?: unknown;
  /** `n` with a row selected: the row Ctrl-O copies from. */
  copyFrom?: unknown;
  params?: Readonly<Record<string, string>>;
  focusField?: string;
}

export function openForm(store: DashboardStore, o: OpenFormOptions): void {
  store.getState().actions.pushModal({ kind: FORM_MODAL, props: { ...o } });
}
