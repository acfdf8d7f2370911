// Plugging the forms into the shell: `n` (create: blank, Ctrl-O fills a copy of the selected item) and
// `e` (edit, pre-filled) on every resource with a form spec, opened as one modal kind. Until the
// descriptors carry `create`/`edit` slots these are registered as resource actions (mutating: never
// bound in read-only mode). After a save: status line, audit line, every visible view reloads.
import { useState } from 'react';
import { createAuditLog } from '../../src/actions/audit.ts';
import type { ModalProps } from '../../src/app/modals.tsx';
import { registerModal } from '../../src/app/modals.tsx';
import { useAppEnv } from '../../src/app/env.tsx';
import { auditIdentity } from '../../src/app/session-stores.ts';
import type { AnyFormSpec, FieldValue } from '../../src/forms/types.ts';
import { createFormStore, type FormStore } from '../../src/store/forms.ts';
import { useActions, useDashboardStore } from '../../src/store/index.ts';
import { registerActions, registerResource, resourceById } from '../registry.ts';
import { FORM_MODAL, openForm, type OpenFormOptions } from './open.ts';
import type { ResourceAction } from '../types.ts';
import { apiForm } from './apis.ts';
import { authorizerForm, vpcChannelForm } from './channels.ts';
import { openItemsAction, specialsScreen, variablesScreen } from './children.ts';
import { envForm, envVariableForm, groupForm } from './core.ts';
import { FormView } from './FormView.tsx';
import { aclForm, signForm, throttleForm, throttleSpecialForm } from './policies.ts';
import { editBoundThrottleAction } from './throttle-shortcut.ts';
import { linkViews, mqsViews } from '../family-views.ts';
import type { FamilyModule } from '../../src/app/lazy-modal.tsx';
import type { DashboardStore } from '../../src/store/store.ts';

/** The form of each resource (by descriptor id). */
export const FORM_SPECS: Readonly<Record<string, AnyFormSpec>> = {
  throttles: throttleForm,
  acls: aclForm,
  signs: signForm,
  groups: groupForm,
  envs: envForm,
  vpcs: vpcChannelForm,
  authorizers: authorizerForm,
  apis: apiForm,
  variables: envVariableForm,
  specials: throttleSpecialForm,
};

function FormModal({ props, width, height }: ModalProps) {
  const o = props as unknown as OpenFormOptions;
  const dash = useDashboardStore();
  const actions = useActions();
  const env = useAppEnv();
  const [store] = useState<FormStore>(() => {
    const instanceId = dash.getState().instanceId;
    return createFormStore({
      spec: o.spec as AnyFormSpec,
      mode: o.mode,
      ...(o.item !== undefined ? { item: o.item } : {}),
      ctx: { client: dash.client.instance(instanceId ?? ''), params: o.params ?? {} },
      ...(o.focusField ? { focusField: o.focusField } : {}),
      readOnly: env.header.readOnly === true || dash.client.readOnly,
      identity: auditIdentity(env, instanceId),
      audit: createAuditLog({
        ...(env.auditPath ? { path: env.auditPath } : {}),
        ...(env.secrets ? { secrets: env.secrets } : {}),
      }),
      ...(env.requestIds ? { takeRequestId: () => env.requestIds?.take() } : {}),
      onSaved: (saved) => {
        actions.popModal();
        actions.setStatus({
          level: 'info',
          text: `${o.mode === 'edit' ? 'Saved' : 'Created'} ${o.spec.noun} ${saved.name}`,
        });
        actions.refreshAll();
      },
    });
  });
  const name = o.item !== undefined ? o.spec.nameOf(o.spec.fromItem(o.item as never)) : '';
  const title = o.mode === 'edit' ? `Edit ${o.spec.noun} ${name}` : `New ${o.spec.noun}`;
  const copy = o.copyFrom;
  return (
    <FormView
      store={store}
      width={width}
      height={height}
      title={title}
      onClose={() => actions.popModal()}
      {...(env.editText ? { editLongText: env.editText } : {})}
      {...(copy !== undefined
        ? { onCopy: () => store.getState().actions.fill(copyValues(o.spec, copy)) }
        : {})}
    />
  );
}

/** A copy's values: the item's, its name made distinct so the create is not refused as a duplicate. */
export function copyValues(spec: AnyFormSpec, item: unknown): Record<string, FieldValue> {
  if (spec.copyOf) return { ...spec.copyOf(item as never) };
  const v = { ...spec.fromItem(item as never) };
  const nameKey = spec.fields.find((f) => f.kind === 'text' && /name$/.test(f.key) && !f.fixedOnEdit)?.key;
  if (nameKey && typeof v[nameKey] === 'string' && v[nameKey] !== '')
    v[nameKey] = `${v[nameKey] as string}_copy`;
  return v;
}

/** `n` and `e` of a resource with a form. */
export function formActions(spec: AnyFormSpec): ReadonlyArray<ResourceAction<unknown>> {
  return formActionsOf({ noun: spec.noun, editable: spec.update !== undefined }, () => spec);
}

/**
 * `n` and `e` of a form whose spec is in a family's chunk (the device and topic forms): the keys and
 * titles are known at start; the spec is read when the key is pressed (at once once the family's
 * views have loaded, which its list starts).
 */
function familyFormActions<M>(
  shape: { noun: string; editable: boolean },
  views: FamilyModule<M>,
  pick: (m: M) => AnyFormSpec,
): ReadonlyArray<ResourceAction<unknown>> {
  return formActionsOf(shape, () => {
    const loaded = views.current();
    return loaded !== undefined ? pick(loaded) : views.load().then(pick);
  });
}

function formActionsOf(
  shape: { noun: string; editable: boolean },
  specOf: () => AnyFormSpec | Promise<AnyFormSpec>,
): ReadonlyArray<ResourceAction<unknown>> {
  const withSpec = (store: DashboardStore, open: (spec: AnyFormSpec) => void): void => {
    const s = specOf();
    if (!(s instanceof Promise)) return open(s);
    s.then(open, (e: unknown) => store.getState().actions.showError(e, `open the ${shape.noun} form`));
  };
  const actions: ResourceAction<unknown>[] = [
    {
      command: 'create',
      title: `New ${shape.noun}`,
      mutating: true,
      run: ({ store, item }) => {
        // the view the key was pressed in: the form's code may arrive after the user has moved on
        const params = store.getState().stack.at(-1)?.params;
        withSpec(store, (spec) =>
          openForm(store, {
            spec,
            mode: 'create',
            copyFrom: item,
            params: { ...params, ...(item !== undefined && spec.contextOf ? spec.contextOf(item) : {}) },
          }),
        );
      },
    },
  ];
  if (shape.editable) {
    actions.push({
      command: 'edit',
      title: `Edit the ${shape.noun}`,
      mutating: true,
      run: ({ store, item }) => {
        const params = { ...store.getState().stack.at(-1)?.params };
        withSpec(store, (spec) => openForm(store, { spec, mode: 'edit', item, params }));
      },
    });
  }
  return actions;
}

let registered = false;
/** Registers the form modal and `n`/`e` on the resources that have a form (idempotent). */
export function registerFormModals(): void {
  if (registered) return;
  registered = true;
  registerModal(FORM_MODAL, FormModal);
  for (const d of [variablesScreen, specialsScreen]) if (!resourceById(d.id)) registerResource(d);
  registerActions('groups', [openItemsAction('variables', (g) => ({ groupId: g.id, groupName: g.name }))]);
  registerActions('throttles', [
    openItemsAction('specials', (t) => ({ throttleId: t.id, throttleName: t.name })),
  ]);
  for (const [resourceId, spec] of Object.entries(FORM_SPECS)) registerActions(resourceId, formActions(spec));
  registerActions('apis', [editBoundThrottleAction() as ResourceAction<unknown>]);
  registerActions(
    'devices',
    familyFormActions({ noun: 'device', editable: true }, linkViews, (m) => m.deviceForm),
  );
  registerActions('topics', topicFormActions());
}

/** `n`/`e` on :topics; `e` only where the tenant holds `modify` on the topic (5.2.1 `permissions`). */
function topicFormActions(): ReadonlyArray<ResourceAction<unknown>> {
  return familyFormActions({ noun: 'topic', editable: true }, mqsViews, (m) => m.topicForm).map((a) =>
    a.command !== 'edit'
      ? a
      : {
          ...a,
          available: (row: unknown) =>
            ((row as { permissions?: string[] }).permissions ?? []).includes('modify') ||
            'no modify permission on this topic (PERM without m)',
        },
  );
}
