// The debug console's store: form, in-flight call, last answer, error, history. A vanilla zustand
// store of its own (mounted beside the dashboard store), so the console works and tests alone.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RomaClient } from '../api/client.ts';
import type { App, AppAuth } from '../api/types/apps.ts';
import { buildDebugBody, formFromRequest } from '../debug/build.ts';
import { toDebugError } from '../debug/errors.ts';
import { formFromApi, type DebugForm, type FormFromApiOptions, type ParamRow } from '../debug/form.ts';
import type { DebugAuthorization } from '../debug/app-picker.ts';
import { appendHistory, entriesFor, loadHistory, makeEntry, type HistoryEntry } from '../debug/history.ts';
import { restoreSecrets } from '../debug/secrets.ts';
import { validateForm, type FormErrors } from '../debug/validate.ts';
import type {
  DebugAnswerWire,
  DebugApiDefinition,
  DebugAppChoice,
  DebugCallError,
  DebugRequestBody,
} from '../debug/types.ts';

/** Performs the 4.3.8 call. `debugCallerFrom(client)` adapts the RomaClient. */
export type DebugCaller = (
  instanceId: string,
  apiId: string,
  body: DebugRequestBody,
  signal: AbortSignal,
) => Promise<DebugAnswerWire>;

/** Lists the apps the picker offers (with their key and secret). */
export type DebugAppLister = (instanceId: string, signal: AbortSignal) => Promise<DebugAppChoice[]>;

/** Lists the APP authorizations of an API (4.18.6): the picker shows the authorized apps first. */
export type DebugAuthorizationLister = (
  instanceId: string,
  apiId: string,
  signal: AbortSignal,
) => Promise<DebugAuthorization[]>;

export interface DebugStoreDeps {
  call: DebugCaller;
  listApps?: DebugAppLister;
  listAuthorizations?: DebugAuthorizationLister;
  /** History file; `undefined` keeps history in memory only (tests, read-only setups). */
  historyFile?: string;
  now?: () => Date;
}

export type RowKind = 'pathParams' | 'query' | 'headers';

export interface DebugState {
  instanceId: string | null;
  api: DebugApiDefinition | null;
  form: DebugForm | null;
  /** Shown after a send attempt; cleared field by field as the user fixes them. */
  errors: FormErrors;
  sending: boolean;
  /** The request of the answer/error shown (secrets in memory only, never persisted). */
  sent: DebugRequestBody | null;
  answer: DebugAnswerWire | null;
  error: DebugCallError | null;
  history: HistoryEntry[];
  apps: DebugAppChoice[];
  appsError: DebugCallError | null;
  /** The API's APP authorizations; null while unknown (not loaded, or the list failed). */
  authorizations: DebugAuthorization[] | null;
  actions: DebugActions;
}

export interface DebugActions {
  open(instanceId: string, api: DebugApiDefinition, opts?: FormFromApiOptions): Promise<void>;
  close(): void;
  setField<K extends keyof DebugForm>(key: K, value: DebugForm[K]): void;
  setRow(kind: RowKind, index: number, patch: Partial<ParamRow>): void;
  addRow(kind: Exclude<RowKind, 'pathParams'>): void;
  removeRow(kind: Exclude<RowKind, 'pathParams'>, index: number): void;
  pickApp(app: DebugAppChoice): void;
  loadApps(): Promise<void>;
  /** Validate and send; returns false when validation stopped it (errors are in `errors`). */
  send(): Promise<boolean>;
  /** Send the newest history entry again, with the current secrets. */
  rerunLast(): Promise<boolean>;
  /** Put a history entry back into the form to edit and resend. */
  editFromHistory(entryId: string): void;
  cancel(): void;
}

export interface DebugStore extends StoreApi<DebugState> {
  whenIdle(): Promise<void>;
}

function normaliseAnswer(a: Partial<DebugAnswerWire>): DebugAnswerWire {
  return { request: a.request ?? '', response: a.response ?? '', latency: a.latency ?? '', log: a.log ?? '' };
}

const ROW_ERROR_PREFIX: Record<RowKind, string> = { pathParams: 'path', query: 'query', headers: 'header' };

export function createDebugStore(deps: DebugStoreDeps): DebugStore {
  const now = deps.now ?? (() => new Date());
  let controller: AbortController | null = null;
  // The app list of the console's instance: aborted on close or a newer load, so it never lands late.
  let appsController: AbortController | null = null;
  let running: Promise<unknown> = Promise.resolve();
  const track = <T>(p: Promise<T>): Promise<T> => {
    running = Promise.allSettled([running, p]);
    return p;
  };

  const store = createStore<DebugState>()((set, get) => {
    const patchForm = (fn: (f: DebugForm) => DebugForm): void =>
      set((s) => (s.form ? { form: fn(s.form) } : {}));
    const keptForms = new Map<string, DebugForm>();
    const keepForm = (): void => {
      const { instanceId, api, form } = get();
      if (instanceId && api && form) keptForms.set(`${instanceId}|${api.id}`, form);
    };

    async function sendBody(body: DebugRequestBody): Promise<void> {
      const { instanceId, api } = get();
      if (!instanceId || !api) return;
      controller?.abort();
      const ctl = new AbortController();
      controller = ctl;
      set({ sending: true, error: null, sent: body });
      let answer: DebugAnswerWire | undefined;
      let error: DebugCallError | undefined;
      try {
        answer = normaliseAnswer(await deps.call(instanceId, api.id, body, ctl.signal));
      } catch (e) {
        error = toDebugError(e);
      }
      if (controller !== ctl) return; // superseded by a newer send or cancel
      controller = null;
      // The form is untouched either way: a failed call keeps everything typed.
      set({ sending: false, answer: answer ?? get().answer, error: error ?? null });
      const entry = makeEntry({
        instanceId,
        apiId: api.id,
        apiName: api.name,
        request: body,
        at: now(),
        ...(answer ? { answer } : {}),
        ...(error ? { error } : {}),
      });
      set((s) => ({ history: [entry, ...s.history] }));
      if (deps.historyFile) {
        try {
          const h = await appendHistory(deps.historyFile, entry);
          if (get().api?.id === api.id) set({ history: entriesFor(h, instanceId, api.id) });
        } catch {
          // History is a convenience; an unwritable state dir must not break debugging.
        }
      }
    }

    return {
      instanceId: null,
      api: null,
      form: null,
      errors: {},
      sending: false,
      sent: null,
      answer: null,
      error: null,
      history: [],
      apps: [],
      appsError: null,
      authorizations: null,
      actions: {
        async open(instanceId, api, opts) {
          controller?.abort();
          controller = null;
          keepForm();
          // Leaving the console keeps the form per API for the session (issue 11 point 7): reopening
          // the same API brings back its app and header values; explicit options start afresh.
          const kept = opts ? undefined : keptForms.get(`${instanceId}|${api.id}`);
          set({
            instanceId,
            api,
            form: kept ?? formFromApi(api, opts),
            errors: {},
            sending: false,
            sent: null,
            answer: null,
            error: null,
            history: [],
            authorizations: null,
          });
          const loads: Promise<unknown>[] = [];
          if (deps.historyFile) {
            const file = deps.historyFile;
            loads.push(
              loadHistory(file).then((h) => {
                if (get().api?.id === api.id) set({ history: entriesFor(h, instanceId, api.id) });
              }),
            );
          }
          if ((api.auth_type ?? '').toUpperCase() === 'APP') loads.push(get().actions.loadApps());
          await track(Promise.all(loads));
        },
        close() {
          keepForm();
          controller?.abort();
          controller = null;
          appsController?.abort();
          appsController = null;
          set({ api: null, form: null, sending: false, errors: {} });
        },
        setField(key, value) {
          patchForm((f) => ({ ...f, [key]: value }));
          set((s) => {
            if (!(key in s.errors)) return {};
            const errors = { ...s.errors };
            delete errors[key];
            return { errors };
          });
        },
        setRow(kind, index, patch) {
          patchForm((f) => ({ ...f, [kind]: f[kind].map((r, i) => (i === index ? { ...r, ...patch } : r)) }));
          // like setField: an edited row's message goes (validate.ts keys rows `path.N`, `query.N`, `header.N`)
          const key = `${ROW_ERROR_PREFIX[kind]}.${index}`;
          set((s) => {
            if (!(key in s.errors)) return {};
            const errors = { ...s.errors };
            delete errors[key];
            return { errors };
          });
        },
        addRow(kind) {
          patchForm((f) => ({ ...f, [kind]: [...f[kind], { name: '', value: '', required: false }] }));
        },
        removeRow(kind, index) {
          patchForm((f) => ({ ...f, [kind]: f[kind].filter((r, i) => i !== index || r.required) }));
        },
        pickApp(app) {
          patchForm((f) => ({ ...f, appKey: app.app_key, appSecret: app.app_secret }));
          set((s) => {
            const errors = { ...s.errors };
            delete errors.appKey;
            delete errors.appSecret;
            return { errors };
          });
        },
        async loadApps() {
          const { instanceId } = get();
          if (!deps.listApps || !instanceId) return;
          appsController?.abort();
          const mine = new AbortController();
          appsController = mine;
          const apiId = get().api?.id;
          const auths =
            deps.listAuthorizations && apiId
              ? track(deps.listAuthorizations(instanceId, apiId, mine.signal)).then(
                  (authorizations) => {
                    if (!mine.signal.aborted) set({ authorizations });
                  },
                  // unknown authorizations only lose the marks: the picker still works
                  () => undefined,
                )
              : Promise.resolve();
          try {
            const apps = await track(deps.listApps(instanceId, mine.signal));
            if (!mine.signal.aborted) set({ apps, appsError: null });
          } catch (e) {
            if (!mine.signal.aborted) set({ appsError: toDebugError(e) });
          }
          await auths;
        },
        async send() {
          const { form } = get();
          if (!form) return false;
          const errors = validateForm(form);
          set({ errors });
          if (Object.keys(errors).length > 0) return false;
          await track(sendBody(buildDebugBody(form)));
          return true;
        },
        async rerunLast() {
          const last = get().history[0];
          const { form } = get();
          if (!last || !form) return false;
          // History holds no secrets: re-attach the ones typed in the form now.
          const body = restoreSecrets(last.request, form);
          await track(sendBody(body));
          return true;
        },
        editFromHistory(entryId) {
          const entry = get().history.find((e) => e.id === entryId);
          if (!entry) return;
          patchForm((f) => formFromRequest(f, entry.request));
          set({ errors: {}, answer: entry.answer ?? null, error: entry.error ?? null, sent: entry.request });
        },
        cancel() {
          controller?.abort();
          controller = null;
          set({ sending: false });
        },
      },
    };
  });

  return Object.assign(store, {
    async whenIdle() {
      // Loop: an awaited call may start another (e.g. open → loadApps).
      for (;;) {
        const r = running;
        await r;
        if (r === running) return;
      }
    },
  });
}

/** The 4.3.8 call through the typed client. */
export function debugCallerFrom(client: RomaClient): DebugCaller {
  return async (instanceId, apiId, body, signal) =>
    normaliseAnswer(await client.instance(instanceId).apis.debug(apiId, body, { signal }));
}

// The listers read through the dashboard store (src/app/debug-reads.ts: the apps screen's list and
// the API detail's Authorized apps tab); these turn those rows into what the picker needs.

/** The API's APP authorizations (4.18.6), by app id and environment name. */
export function authorizationsOf(auths: readonly AppAuth[]): DebugAuthorization[] {
  return auths.flatMap((a) => (a.app_id && a.env_name ? [{ appId: a.app_id, envName: a.env_name }] : []));
}

/** Apps for the picker (4.16.1); apps without a key or secret cannot sign and are left out. */
export function appChoicesOf(apps: readonly App[]): DebugAppChoice[] {
  return apps.flatMap((a) =>
    a.app_key && a.app_secret
      ? [{ id: a.id, name: a.name, app_key: a.app_key, app_secret: a.app_secret }]
      : [],
  );
}
