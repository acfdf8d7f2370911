// One open form (create or edit of one resource): its values, cursor, errors and phase. The only writer
// of a form; the view (screens/forms/FormView.tsx) sends it keys. Submitting sends the spec's call
// through the typed client, maps a server 400 naming a parameter onto that field, and writes the audit line.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AuditSink } from '../actions/audit.ts';
import { isRomaError, type RomaError } from '../api/errors.ts';
import {
  checkField,
  completeValues,
  diffValues,
  fieldOfServerError,
  rowsOf,
  textOf,
  validateForm,
  visibleFields,
  type Change,
} from '../forms/engine.ts';
import { slotOfField, slotsOf, type Slot } from '../forms/slots.ts';
import type {
  FieldErrors,
  FieldValue,
  FormContext,
  FormMode,
  AnyFormSpec,
  FormValues,
  Row,
  Saved,
} from '../forms/types.ts';

export type FormPhase = 'loading' | 'edit' | 'review' | 'sending' | 'done';

export interface FormState {
  spec: AnyFormSpec;
  mode: FormMode;
  /** The edited item (edit) or the copied one (create from a copy). */
  item: unknown;
  initial: FormValues;
  values: FormValues;
  focus: number;
  errors: FieldErrors;
  phase: FormPhase;
  /** A refusal that names no field of the form (shown above the review). */
  serverError: RomaError | null;
  /** Secrets shown in clear. */
  revealed: boolean;
  /** "bound to 12 APIs in RELEASE" (edit review), once loaded. */
  touches: string | undefined;
  saved: Saved | null;
  actions: FormActions;
}

export interface FormActions {
  type(text: string): void;
  backspace(): void;
  clear(): void;
  move(delta: number): void;
  /** Next/previous choice, or toggles a boolean. */
  cycle(delta: number): void;
  addRow(): void;
  removeRow(): void;
  setValue(key: string, value: FieldValue): void;
  /** Replaces every value (a new item filled from a copy). */
  fill(values: FormValues): void;
  toggleReveal(): void;
  /** Checks every field; moves to the review when all pass, else to the first error. */
  review(): boolean;
  back(): void;
  submit(): Promise<boolean>;
}

export interface FormStoreOptions {
  spec: AnyFormSpec;
  mode: FormMode;
  item?: unknown;
  /** Start from these values (a copy) instead of the item's or the blank ones. */
  values?: FormValues;
  ctx: FormContext;
  /** Field the cursor starts on (the limit, for the 429-storm shortcut). */
  focusField?: string;
  readOnly: boolean;
  audit?: AuditSink;
  identity: { who: string; profile: string; instance: string };
  /** Request id of the last write (X-Request-Id), for the audit line. */
  takeRequestId?: () => string | undefined;
  onSaved?: (saved: Saved) => void;
}

export type FormStore = StoreApi<FormState> & { whenSettled(): Promise<void> };

export function createFormStore(o: FormStoreOptions): FormStore {
  const raw =
    o.values ?? (o.mode === 'edit' || o.item !== undefined ? o.spec.fromItem(o.item) : o.spec.blank(o.ctx));
  const initial = completeValues(o.spec, o.mode === 'edit' ? o.spec.fromItem(o.item) : o.spec.blank(o.ctx));
  const values = completeValues(o.spec, raw);
  let pending: Promise<unknown> = Promise.resolve();

  const store = createStore<FormState>()((set, get) => {
    const slot = (): Slot | undefined => slotsOf(get().spec, get().values)[get().focus];
    const fixed = (s: Slot | undefined) => !s || (get().mode === 'edit' && s.field.fixedOnEdit === true);

    /** Replaces the focused text; a cell of a list field is written into its row. */
    const writeText = (f: (old: string) => string) => {
      const s = slot();
      if (fixed(s) || !s || s.kind === 'addRow') return;
      if (s.kind === 'cell') {
        const rows = rowsOf(get().values[s.field.key]).map((r, i) =>
          i === s.row ? { ...r, [s.column.key]: f(r[s.column.key] ?? '') } : r,
        );
        setValue(s.field.key, rows);
        return;
      }
      if (s.field.kind === 'boolean' || s.field.kind === 'choice') return;
      setValue(s.field.key, f(textOf(get().values[s.field.key])));
    };

    const setValue = (key: string, value: FieldValue) => {
      const values = { ...get().values, [key]: value };
      const field = get().spec.fields.find((x) => x.key === key);
      // Editing a field clears its error once the value passes; the other errors stay until re-checked.
      const errors = { ...get().errors };
      if (field && !checkField(field, value)) delete errors[key];
      const max = slotsOf(get().spec, values).length - 1;
      set({ values, errors, focus: Math.min(get().focus, Math.max(0, max)) });
    };

    /** 4.2.6 / 4.3.14 as you type: leaving the name field asks the gateway whether the name is free. */
    const checkName = (key: string) => {
      const nc = get().spec.nameCheck;
      const value = textOf(get().values[key]).trim();
      if (!nc || nc.field !== key || value === '' || value === textOf(get().initial[key]).trim()) return;
      const field = get().spec.fields.find((f) => f.key === key);
      if (field && checkField(field, value)) return;
      pending = nc.check(o.ctx, value, get().values).then(
        (taken) => {
          if (textOf(get().values[key]).trim() !== value) return;
          const errors = { ...get().errors };
          if (taken) errors[key] = taken;
          else delete errors[key];
          set({ errors });
        },
        () => undefined,
      );
    };

    return {
      spec: o.spec,
      mode: o.mode,
      item: o.item,
      initial,
      values,
      focus: o.focusField ? slotOfField(slotsOf(o.spec, values), o.focusField) : 0,
      errors: {},
      phase: o.mode === 'edit' && o.spec.load ? 'loading' : 'edit',
      serverError: null,
      revealed: false,
      touches: undefined,
      saved: null,
      actions: {
        type(text) {
          // An integer field takes digits (and a leading minus) only.
          const s = slot();
          const kind = s?.kind === 'cell' ? s.column.kind : s?.field.kind;
          if (kind === 'integer' && !/^[0-9-]+$/.test(text)) return;
          writeText((old) => old + text);
        },
        backspace: () => writeText((old) => [...old].slice(0, -1).join('')),
        clear: () => writeText(() => ''),
        move(delta) {
          const n = slotsOf(get().spec, get().values).length;
          const left = slot();
          if (n > 0) set({ focus: (get().focus + delta + n) % n });
          if (left?.kind === 'field') checkName(left.field.key);
        },
        cycle(delta) {
          const s = slot();
          if (fixed(s) || !s) return;
          if (s.kind === 'cell' && s.column.kind === 'choice') {
            const choices = s.column.choices;
            writeText((old) => {
              const i = choices.findIndex((c) => c.value === old);
              return choices[(i + delta + choices.length) % choices.length]?.value ?? old;
            });
          } else if (s.kind === 'field' && s.field.kind === 'choice') {
            const choices = s.field.choices;
            const i = choices.findIndex((c) => c.value === textOf(get().values[s.field.key]));
            setValue(s.field.key, choices[(i + delta + choices.length) % choices.length]?.value ?? '');
          } else if (s.kind === 'field' && s.field.kind === 'boolean') {
            setValue(s.field.key, get().values[s.field.key] !== true);
          }
        },
        addRow() {
          const s = slot();
          if (fixed(s) || !s || s.field.kind !== 'rows') return;
          const f = s.field;
          const empty: Row = Object.fromEntries(
            f.columns.map((c) => [c.key, c.kind === 'choice' ? (c.choices[0]?.value ?? '') : '']),
          );
          const rows = [...rowsOf(get().values[f.key]), empty];
          setValue(f.key, rows);
          const slots = slotsOf(get().spec, get().values);
          const first = slots.findIndex(
            (x) => x.kind === 'cell' && x.field.key === f.key && x.row === rows.length - 1,
          );
          if (first >= 0) set({ focus: first });
        },
        removeRow() {
          const s = slot();
          if (fixed(s) || !s || s.kind !== 'cell') return;
          setValue(
            s.field.key,
            rowsOf(get().values[s.field.key]).filter((_, i) => i !== s.row),
          );
        },
        setValue,
        fill: (values) => set({ values: completeValues(get().spec, values), errors: {}, focus: 0 }),
        toggleReveal: () => set({ revealed: !get().revealed }),
        review() {
          const { spec, values, mode } = get();
          const errors: Record<string, string> = { ...validateForm(spec, values, mode) };
          // A name the gateway said is taken (checked as the field was left) stays an error.
          const nc = spec.nameCheck;
          const taken = nc ? get().errors[nc.field] : undefined;
          if (nc && taken?.startsWith('APIG.')) errors[nc.field] ??= taken;
          const keys = Object.keys(errors);
          if (keys.length > 0) {
            const slots = slotsOf(spec, values);
            const firstKey = slots.find((s) => keys.includes(s.field.key))?.field.key ?? keys[0] ?? '';
            set({ errors, focus: slotOfField(slots, firstKey), phase: 'edit' });
            return false;
          }
          set({ errors: {}, phase: 'review', serverError: null });
          if (mode === 'edit' && spec.touches && get().touches === undefined) {
            pending = spec
              .touches(o.ctx, get().item)
              .then((touches) => set({ touches }))
              .catch(() => undefined);
          }
          return true;
        },
        back: () => set({ phase: 'edit', serverError: null }),
        async submit() {
          if (get().phase !== 'review') return false;
          if (o.readOnly) return false;
          const { spec, values, mode } = get();
          const name = spec.nameOf(values);
          const action = `${mode} ${spec.noun}`;
          set({ phase: 'sending', serverError: null });
          const run = (async () => {
            try {
              const body = spec.body(values, mode, get().item);
              o.takeRequestId?.();
              const saved =
                mode === 'edit' && spec.update
                  ? await spec.update(o.ctx, get().item, body)
                  : await spec.create(o.ctx, body);
              const requestId = o.takeRequestId?.();
              await audit(action, saved.name || name, 'ok', requestId);
              set({ phase: 'done', saved });
              o.onSaved?.(saved);
              return true;
            } catch (e) {
              const requestId = o.takeRequestId?.();
              const err = isRomaError(e) ? e : null;
              await audit(action, name, 'failed', requestId, err);
              const field = err?.status === 400 ? serverErrorField(spec, err, values) : null;
              if (err && field) {
                const slots = slotsOf(spec, get().values);
                set({
                  phase: 'edit',
                  errors: {
                    ...get().errors,
                    [field]: `${err.errorCode ?? 'refused'}: ${err.errorMsg ?? ''}`,
                  },
                  focus: slotOfField(slots, field),
                });
              } else {
                set({ phase: 'review', serverError: err ?? null });
                if (!err) throw e;
              }
              return false;
            }
          })();
          pending = run;
          return run;
        },
      },
    };
  });

  async function audit(
    action: string,
    object: string,
    result: 'ok' | 'failed',
    requestId: string | undefined,
    err?: RomaError | null,
  ): Promise<void> {
    if (!o.audit) return;
    await o
      .audit({
        ...o.identity,
        action,
        object,
        env: '-',
        result,
        requestIds: requestId ? [requestId] : [],
        ...(err?.errorCode ? { errorCode: err.errorCode } : {}),
        ...(err?.errorMsg ? { errorMsg: err.errorMsg } : {}),
      })
      .catch(() => undefined);
  }

  // Edit of a resource whose list row is partial: the form fills once the full definition is read.
  if (o.mode === 'edit' && o.spec.load) {
    const load = o.spec.load;
    pending = load(o.ctx, o.item).then(
      (full) => {
        const values = completeValues(o.spec, o.spec.fromItem(full));
        store.setState({ item: full, initial: values, values, phase: 'edit' });
      },
      (e: unknown) => store.setState({ phase: 'edit', serverError: isRomaError(e) ? e : null }),
    );
  }

  return Object.assign(store, {
    async whenSettled() {
      await pending.catch(() => undefined);
    },
  });
}

/** The review's changes (only changed fields, old → new). */
export function changesOf(s: Pick<FormState, 'spec' | 'initial' | 'values'>): Change[] {
  return diffValues(s.spec, s.initial, s.values);
}

/** The shown field a 400 refusal names: the spec's own reading of the code first, then `parameterName:`. */
function serverErrorField(spec: AnyFormSpec, err: RomaError, values: FormValues): string | null {
  const own = spec.fieldOfError?.(err.errorCode, err.errorMsg);
  if (own && visibleFields(spec, values).some((f) => f.key === own)) return own;
  return fieldOfServerError(spec, err.errorMsg, values);
}
