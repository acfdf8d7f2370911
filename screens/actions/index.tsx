// Plugging the action flows into the shell: modal kinds for the one modal mechanism, and the
// actions of the APIs, policies (throttles, signature keys, ACLs) and apps, registered with the
// resource registry (registerActions) so the shell's key handlers, footer and read-only guard see them.
import type { ModalProps } from '../../src/app/modals.tsx';
import { registerModalTable } from '../../src/app/modals.tsx';
import type { ComponentType } from 'react';
import type { EnvDialogProps } from './flow-frame.tsx';
import { useActions } from '../../src/store/index.ts';
import type { ApiSummary } from '../../src/api/types/apis.ts';
import type { App } from '../../src/api/types/apps.ts';
import { registerActions } from '../registry.ts';
import type { DashboardStore } from '../../src/store/store.ts';
import { readThrough } from '../../src/store/read.ts';
import { POLICY_KIND_LIST } from '../../src/actions/policy-kinds.ts';
import { publicationsOf } from '../../src/actions/publications.ts';
import type { ApiRef, AppRef, EnvRef, PolicyRef } from '../../src/actions/types.ts';
import type { ResourceAction } from '../types.ts';
import { ApiAppsView, AppApisView } from './AppAuthViews.tsx';
import { ApiAppsBatchView } from './ApiAppsBatchView.tsx';
import { ApiBindBatchView } from './ApiBindBatchView.tsx';
import { envRefs, envsRequest } from './data.ts';
import { PolicyBindingsView, type PolicyTab } from './PolicyBindingsView.tsx';
import { ApiBindingsView } from './ApiBindingsView.tsx';
import { PublishFlow } from './PublishFlow.tsx';
import { VersionsView } from './VersionsView.tsx';
import { registerMqsActions } from '../mqs-actions.tsx';
import { registerLinkActions } from './link.tsx';
import { registerGatewayMoreActions } from '../gateway-more/actions.ts';
import { registerUsedByActions } from '../used-by-actions.ts';

export const ACTION_MODALS = {
  publish: 'actions.publish',
  versions: 'actions.versions',
  apiBindings: 'actions.apiBindings',
  policyBindings: 'actions.policyBindings',
  appApis: 'actions.appApis',
  apiApps: 'actions.apiApps',
} as const;

function usePop(): () => void {
  const actions = useActions();
  return () => actions.popModal();
}

function PublishModal({ props, width }: ModalProps) {
  const pop = usePop();
  return (
    <PublishFlow
      mode={props.mode === 'offline' ? 'offline' : 'publish'}
      apis={(props.apis as ApiRef[] | undefined) ?? []}
      envs={(props.envs as EnvRef[] | undefined) ?? []}
      publishedIn={(props.publishedIn as Record<string, string[]> | undefined) ?? {}}
      onDone={pop}
      width={width}
    />
  );
}

/**
 * A dialog on an API in one environment, or on the marked APIs when there are some: both take the
 * environment and the environments to cycle through from the modal's props.
 */
function apiEnvModal(
  Single: ComponentType<EnvDialogProps & { api: ApiRef }>,
  Batch?: ComponentType<EnvDialogProps & { apis: readonly ApiRef[] }>,
) {
  return function ApiEnvModal({ props }: ModalProps) {
    const pop = usePop();
    const marked = props.apis as ApiRef[] | undefined;
    const common = {
      env: props.env as EnvRef,
      envs: (props.envs as EnvRef[] | undefined) ?? [],
      onClose: pop,
    };
    return Batch && marked && marked.length > 0 ? (
      <Batch apis={marked} {...common} />
    ) : (
      <Single api={props.api as ApiRef} {...common} />
    );
  };
}

const VersionsModal = apiEnvModal(VersionsView);
const ApiBindingsModal = apiEnvModal(ApiBindingsView, ApiBindBatchView);

function PolicyBindingsModal({ props }: ModalProps) {
  const pop = usePop();
  return (
    <PolicyBindingsView
      policy={props.policy as PolicyRef}
      initialTab={(props.tab as PolicyTab | undefined) ?? 'bound'}
      onClose={pop}
    />
  );
}

function AppApisModal({ props }: ModalProps) {
  const pop = usePop();
  return <AppApisView app={props.app as AppRef} onClose={pop} />;
}

const ApiAppsModal = apiEnvModal(ApiAppsView, ApiAppsBatchView);

/** Registers the action modal kinds and the resources' actions; installCapabilities calls it once at start. */
export function registerActionModals(): void {
  registerModalTable(ACTION_MODALS, {
    publish: PublishModal,
    versions: VersionsModal,
    apiBindings: ApiBindingsModal,
    policyBindings: PolicyBindingsModal,
    appApis: AppApisModal,
    apiApps: ApiAppsModal,
  });
  registerActions('apis', apiActions() as ReadonlyArray<ResourceAction<unknown>>);
  for (const k of POLICY_KIND_LIST)
    registerActions(
      k.resource,
      policyActions((row) => k.refOf(row)),
    );
  registerActions('apps', appActions() as ReadonlyArray<ResourceAction<unknown>>);
  registerMqsActions();
  registerLinkActions();
  registerGatewayMoreActions();
  registerUsedByActions();
}

/** The instance's environments: the environments screen's slice (fetched only if not cached since `r`). */
async function loadEnvs(store: DashboardStore, instanceId: string | null): Promise<EnvRef[]> {
  return envRefs(await readThrough(store, envsRequest(instanceId ?? ''), { cached: true }));
}

/**
 * Actions on an API row: publish/offline (the marked rows, else the selected one), versions,
 * bindings (b and u open the API's bindings), authorized apps (A). Versions, bindings and apps open
 * for the first environment the API is published in (RELEASE if so); Tab cycles among the
 * environments it is published in (all of them when none), and among all for authorizing apps.
 */
export function apiActions(): ReadonlyArray<ResourceAction<ApiSummary>> {
  const refOf = (a: ApiSummary): ApiRef => ({ id: a.id, name: a.name });
  const publishedIn = (rows: ApiSummary[]) =>
    Object.fromEntries(rows.map((a) => [a.id, publicationsOf(a).map((p) => p.env.id)]));
  const mainEnv = (a: ApiSummary, envs: EnvRef[]): EnvRef | undefined => {
    const pubs = publicationsOf(a).map((p) => p.env);
    return pubs.find((e) => e.name === 'RELEASE') ?? pubs[0] ?? envs[0];
  };
  const publishLike = (mode: 'publish' | 'offline'): ResourceAction<ApiSummary> => ({
    command: mode,
    title: mode === 'publish' ? 'Publish to an environment' : 'Take offline in an environment',
    mutating: true,
    async run({ store, item, instanceId, marked }) {
      const rows = marked.length > 0 ? marked : [item];
      const envs = await loadEnvs(store, instanceId);
      store.getState().actions.pushModal({
        kind: ACTION_MODALS.publish,
        props: { mode, apis: rows.map(refOf), envs, publishedIn: publishedIn(rows) },
      });
    },
  });
  /** The API's published environments in the instance's order (unknown ones last), else all. */
  const publishedEnvs = (a: ApiSummary, envs: EnvRef[]): EnvRef[] => {
    const pubs = publicationsOf(a).map((p) => p.env);
    if (pubs.length === 0) return envs;
    const known = envs.filter((e) => pubs.some((p) => p.id === e.id));
    return [...known, ...pubs.filter((p) => !known.some((e) => e.id === p.id))];
  };
  const inEnv = (
    command: string,
    title: string,
    kind: string,
    mutating: boolean,
    choices: 'published' | 'all',
  ): ResourceAction<ApiSummary> => ({
    command,
    title,
    mutating,
    async run({ store, item, instanceId, marked }) {
      const all = await loadEnvs(store, instanceId);
      const env = mainEnv(item, all);
      const envs = choices === 'all' ? all : publishedEnvs(item, all);
      // authorizing takes several api_ids (4.18.1), binding several publish_ids (4.8.1…): `A` and `b`
      // act on the marked APIs when there are some (then every environment is offered)
      const takesMarks = command === 'authorize' || command === 'bind';
      const batch = takesMarks && marked.length > 0 ? { apis: marked.map(refOf), envs: all } : {};
      if (env) store.getState().actions.pushModal({ kind, props: { api: refOf(item), env, envs, ...batch } });
    },
  });
  return [
    publishLike('publish'),
    publishLike('offline'),
    inEnv(
      'versions',
      'Versions (switch / rollback, offline by version)',
      ACTION_MODALS.versions,
      false,
      'published',
    ),
    inEnv('bind', 'Bindings (throttle, signature key, ACL)', ACTION_MODALS.apiBindings, true, 'published'),
    inEnv('unbind', 'Bindings (throttle, signature key, ACL)', ACTION_MODALS.apiBindings, true, 'published'),
    inEnv('authorize', 'Apps authorized to call the API', ACTION_MODALS.apiApps, true, 'all'),
  ];
}

/** `b`: the published APIs not bound to the policy (to bind); `u`: its bound APIs (to unbind). */
function policyActions(refOf: (row: unknown) => PolicyRef): ReadonlyArray<ResourceAction<unknown>> {
  const open =
    (tab: PolicyTab): ResourceAction<unknown>['run'] =>
    ({ store, item }) =>
      store
        .getState()
        .actions.pushModal({ kind: ACTION_MODALS.policyBindings, props: { policy: refOf(item), tab } });
  return [
    { command: 'bind', title: 'Bind to published APIs', mutating: true, run: open('candidates') },
    { command: 'unbind', title: 'Unbind from APIs', mutating: true, run: open('bound') },
  ];
}

/** `A` (and `u`): the APIs the app is authorized for, to authorize more or revoke. */
function appActions(): ReadonlyArray<ResourceAction<App>> {
  const run: ResourceAction<App>['run'] = ({ store, item }) =>
    store
      .getState()
      .actions.pushModal({ kind: ACTION_MODALS.appApis, props: { app: { id: item.id, name: item.name } } });
  return [
    { command: 'authorize', title: 'Authorize the app for APIs', mutating: true, run },
    { command: 'unbind', title: 'Revoke API authorizations', hint: 'revoke', mutating: true, run },
  ];
}
