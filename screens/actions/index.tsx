// Plugging the action flows into the shell: modal kinds for the one modal mechanism, and the
// ResourceAction lists the API screen spreads into its descriptor's `actions`.
import type { ModalProps } from '../../src/app/modals.tsx';
import { registerModal } from '../../src/app/modals.tsx';
import { useActions } from '../../src/store/index.ts';
import type { ApiSummary } from '../../src/api/types/apis.ts';
import { publicationsOf } from '../../src/actions/publications.ts';
import type { ApiRef, EnvRef } from '../../src/actions/types.ts';
import type { ResourceAction } from '../types.ts';
import { ApiBindingsView } from './ApiBindingsView.tsx';
import { PublishFlow } from './PublishFlow.tsx';
import { VersionsView } from './VersionsView.tsx';

export const ACTION_MODALS = {
  publish: 'actions.publish',
  versions: 'actions.versions',
  apiBindings: 'actions.apiBindings',
} as const;

function usePop(): () => void {
  const actions = useActions();
  return () => actions.popModal();
}

function PublishModal({ props }: ModalProps) {
  const pop = usePop();
  return (
    <PublishFlow
      mode={props.mode === 'offline' ? 'offline' : 'publish'}
      apis={(props.apis as ApiRef[] | undefined) ?? []}
      envs={(props.envs as EnvRef[] | undefined) ?? []}
      publishedIn={(props.publishedIn as Record<string, string[]> | undefined) ?? {}}
      onDone={pop}
    />
  );
}

function VersionsModal({ props }: ModalProps) {
  const pop = usePop();
  return <VersionsView api={props.api as ApiRef} env={props.env as EnvRef} onClose={pop} />;
}

function ApiBindingsModal({ props }: ModalProps) {
  const pop = usePop();
  return <ApiBindingsView api={props.api as ApiRef} env={props.env as EnvRef} onClose={pop} />;
}

let registered = false;
/** Registers the action modal kinds (idempotent); call once at start-up. */
export function registerActionModals(): void {
  if (registered) return;
  registered = true;
  registerModal(ACTION_MODALS.publish, PublishModal);
  registerModal(ACTION_MODALS.versions, VersionsModal);
  registerModal(ACTION_MODALS.apiBindings, ApiBindingsModal);
}

/**
 * Actions on an API row. `envs` are the instance's environments (the API screen has them loaded);
 * `marked` the marked rows for batch publish/offline (falls back to the selected row).
 * Versions and bindings open for the first environment the API is published in (RELEASE if so).
 */
export function apiActions(
  envs: () => EnvRef[],
  marked: () => ApiSummary[] = () => [],
): ReadonlyArray<ResourceAction<ApiSummary>> {
  const refOf = (a: ApiSummary): ApiRef => ({ id: a.id, name: a.name });
  const publishedIn = (rows: ApiSummary[]) =>
    Object.fromEntries(rows.map((a) => [a.id, publicationsOf(a).map((p) => p.env.id)]));
  const mainEnv = (a: ApiSummary): EnvRef | undefined => {
    const pubs = publicationsOf(a).map((p) => p.env);
    return pubs.find((e) => e.name === 'RELEASE') ?? pubs[0] ?? envs()[0];
  };
  const publishLike = (mode: 'publish' | 'offline'): ResourceAction<ApiSummary> => ({
    command: mode,
    title: mode === 'publish' ? 'Publish to an environment' : 'Take offline in an environment',
    mutating: true,
    run({ store, item }) {
      const rows = marked().length > 0 ? marked() : [item];
      store.getState().actions.pushModal({
        kind: ACTION_MODALS.publish,
        props: { mode, apis: rows.map(refOf), envs: envs(), publishedIn: publishedIn(rows) },
      });
    },
  });
  return [
    publishLike('publish'),
    publishLike('offline'),
    {
      command: 'versions',
      title: 'Versions (switch / rollback, offline by version)',
      mutating: false,
      run({ store, item }) {
        const env = mainEnv(item);
        if (env)
          store
            .getState()
            .actions.pushModal({ kind: ACTION_MODALS.versions, props: { api: refOf(item), env } });
      },
    },
    {
      command: 'bind',
      title: 'Bindings (throttle, signature key, ACL)',
      mutating: false,
      run({ store, item }) {
        const env = mainEnv(item);
        if (env)
          store
            .getState()
            .actions.pushModal({ kind: ACTION_MODALS.apiBindings, props: { api: refOf(item), env } });
      },
    },
  ];
}
