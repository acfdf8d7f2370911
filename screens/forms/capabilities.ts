// The `create` (n) and `edit` (e) capability slots of a descriptor, filled from a form spec: the same
// modal as the form actions of index.tsx (blank form, Ctrl-O copies the selected row; edit pre-filled).
import type { AnyFormSpec } from '../../src/forms/types.ts';
import type { ActionContext, CreateContext, FormCapability } from '../types.ts';
import { openForm } from './open.ts';

export function formCapabilities<T>(spec: AnyFormSpec): {
  create: FormCapability<CreateContext<T>>;
  edit?: FormCapability<ActionContext<T>>;
} {
  const create: FormCapability<CreateContext<T>> = {
    title: `New ${spec.noun}`,
    open: ({ store, item, params }) =>
      openForm(store, {
        spec,
        mode: 'create',
        ...(item !== undefined ? { copyFrom: item } : {}),
        params: { ...params, ...(item !== undefined && spec.contextOf ? spec.contextOf(item) : {}) },
      }),
  };
  if (!spec.update) return { create };
  return {
    create,
    edit: {
      title: `Edit the ${spec.noun}`,
      open: ({ store, item }) =>
        openForm(store, { spec, mode: 'edit', item, params: { ...store.getState().stack.at(-1)?.params } }),
    },
  };
}
