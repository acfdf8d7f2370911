// APP authorization from both sides.
// On an app: its authorized APIs (4.18.3), `u` revokes the marked/selected ones (4.18.2); `A` picks an
// environment, then the APIs not yet authorized there (4.18.4) to mark and authorize (4.18.1).
// On an API (in one environment): the apps and whether each is authorized (4.18.6); `A`/Enter
// authorizes the marked/selected apps, `u` revokes. Pairs already authorized are refused up front.
import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import { checkAuthorize, checkNonEmpty } from '../../src/actions/preconditions.ts';
import type { ApiRef, AppRef, AuthRef, EnvRef } from '../../src/actions/types.ts';
import type { MutationStore } from '../../src/store/mutations.ts';
import { commandsForKey, keyIs } from '../../src/keys/keymap.ts';
import { useKeyHandler } from '../../src/keys/router.tsx';
import { useStore } from '../../src/store/index.ts';
import { sanitizeText } from '../../src/ui/sanitize.ts';
import { useTheme } from '../../src/ui/theme.ts';
import { dialogScope } from '../../src/app/marks-after-batch.ts';
import { useMutationStore, useMutations } from './context.tsx';
import {
  appApisRequest,
  apiAppsRequest,
  appAuthRows,
  appsRequest,
  appUnboundApisRequest,
  authRefs,
  envRefs,
  envsRequest,
} from './data.ts';
import { PickList, pick, usePickCursor, type PickCursor } from './PickList.tsx';
import { useResource } from './useResource.ts';
import { ENV_SWITCH_HINT, type EnvChoice } from './env-switch.ts';
import { ChoicePicker, DialogFrame, useEnvDialog, type ApiDialogProps } from './flow-frame.tsx';

/** Global keys that pass through the flows' dialogs: r refreshes, ? helps. */
export function passesThrough(id: string): boolean {
  const cmds = commandsForKey(id, ['global']);
  return cmds.includes('refresh') || cmds.includes('help');
}

export function AppApisView({ app, onClose }: { app: AppRef; onClose: () => void }) {
  const instanceId = useStore((s) => s.instanceId) ?? '';
  // read again on open: revoking acts on these authorization ids
  const slice = useResource(appApisRequest(instanceId, app), { select: authRefs(app) });
  const mutations = useMutationStore();
  const busy = useMutations((s) => s.phase !== 'idle');
  const theme = useTheme().tokens;
  const auths = slice.data ?? [];
  const nav = usePickCursor(auths.map((a) => a.authId));
  const [authorizing, setAuthorizing] = useState<'env' | EnvRef | null>(null);

  useKeyHandler(
    'modal',
    (key) => {
      if (authorizing) return false; // the picker below has the keys
      if (passesThrough(key.id)) return false;
      if (keyIs('back', key.id)) onClose();
      else if (nav.onPickKey(key.id, { marks: true })) return true;
      else if (keyIs('authorize', key.id)) setAuthorizing('env');
      else if (keyIs('unbind', key.id))
        proposeRevoke(
          mutations,
          pick(auths, (a) => a.authId, nav),
          nav,
          'authorized API',
        );
      return true;
    },
    { active: !busy },
  );

  return (
    <DialogFrame title={<>APIs app {sanitizeText(app.name)} is authorized for</>} error={slice.error}>
      <PickList
        rows={auths.map((a) => ({ id: a.authId, text: `${a.api.name.padEnd(24)} ${a.env.name}` }))}
        nav={nav}
        empty={slice.loading ? 'loading…' : 'Authorized for no API.'}
      />
      {authorizing === 'env' ? (
        <EnvPicker instanceId={instanceId} onPick={setAuthorizing} onCancel={() => setAuthorizing(null)} />
      ) : authorizing ? (
        <UnboundApisPicker
          instanceId={instanceId}
          app={app}
          env={authorizing}
          existing={auths.map((a) => ({ appId: app.id, apiId: a.api.id, envId: a.env.id }))}
          onDone={() => setAuthorizing(null)}
        />
      ) : (
        <Text color={theme.muted}>
          A: authorize for APIs · Space: mark · u: revoke marked/selected · Esc: close
        </Text>
      )}
    </DialogFrame>
  );
}

function EnvPicker({
  instanceId,
  onPick,
  onCancel,
}: {
  instanceId: string;
  onPick: (e: EnvRef) => void;
  onCancel: () => void;
}) {
  const slice = useResource(envsRequest(instanceId), { select: envRefs, cached: true });
  return (
    <ChoicePicker
      heading="In which environment? (Enter · Esc)"
      items={(slice.data ?? []).map((e) => ({ label: e.name, value: e }))}
      source={slice}
      empty="No environment."
      width={50}
      onPick={onPick}
      onCancel={onCancel}
    />
  );
}

function UnboundApisPicker({
  instanceId,
  app,
  env,
  existing,
  onDone,
}: {
  instanceId: string;
  app: AppRef;
  env: EnvRef;
  existing: Array<{ appId: string; apiId: string; envId: string }>;
  onDone: () => void;
}) {
  const slice = useResource(appUnboundApisRequest(instanceId, app.id, env.id));
  const mutations = useMutationStore();
  const theme = useTheme().tokens;
  const apis = slice.data ?? [];
  const nav = usePickCursor(apis.map((a) => a.id));
  useKeyHandler('modal', (key) => {
    if (passesThrough(key.id)) return false;
    if (keyIs('back', key.id)) onDone();
    else if (nav.onPickKey(key.id, { marks: true })) return true;
    else if (keyIs('submit', key.id) || keyIs('authorize', key.id)) {
      proposeAuthorize(
        mutations,
        [app],
        pick(apis, (a) => a.id, nav),
        env,
        existing.filter((e) => e.envId === env.id),
        dialogScope(nav.marked.size),
      );
      onDone();
    }
    return true;
  });
  return (
    <Box flexDirection="column">
      <Text color={theme.accent}>
        Not yet authorized in {sanitizeText(env.name)} · Space: mark · Enter: authorize · Esc
      </Text>
      <PickList
        rows={apis.map((a) => ({ id: a.id, text: a.name }))}
        nav={nav}
        empty={slice.loading ? 'loading…' : `No published API left to authorize in ${env.name}.`}
      />
    </Box>
  );
}

export function proposeAuthorize(
  mutations: ReturnType<typeof useMutationStore>,
  apps: AppRef[],
  apis: ApiRef[],
  env: EnvRef,
  existing: Array<{ appId: string; apiId: string }>,
  scope?: string,
): void {
  const { actions } = mutations.getState();
  const empty = checkNonEmpty(apps.length * apis.length, apps.length === 0 ? 'app' : 'API');
  if (empty) return actions.refuse(empty);
  const pairs = apps.flatMap((app) => apis.map((api) => ({ app, api })));
  const { fresh, refused } = checkAuthorize(pairs, existing, env);
  const first = refused[0];
  if (fresh.length === 0 && first) return actions.refuse(first, { kind: 'authorize', apps, apis, env });
  const freshApps = apps.filter((a) => fresh.some((p) => p.app.id === a.id));
  const freshApis = apis.filter((a) => fresh.some((p) => p.api.id === a.id));
  actions.propose({ kind: 'authorize', apps: freshApps, apis: freshApis, env }, scope ? { scope } : {});
}

/** Proposes revoking the picked authorizations (refused when there is none), then clears the marks. */
function proposeRevoke(mutations: MutationStore, auths: AuthRef[], nav: PickCursor, what: string): void {
  const empty = checkNonEmpty(auths.length, what);
  if (empty) mutations.getState().actions.refuse(empty);
  else
    mutations.getState().actions.propose({ kind: 'revoke', auths }, { scope: dialogScope(nav.marked.size) });
  nav.dispatch({ type: 'clearMarks' });
}

/**
 * Keys of the dialogs that authorize apps for one API or the marked APIs in one environment: marks,
 * the environment switch (marks are per environment), `A`/Enter authorizes the marked/selected apps,
 * `u` revokes their authorizations where the dialog has them (`revoke`).
 */
export function useAuthorizeKeys<R extends { app: AppRef }>(o: {
  apps: readonly R[];
  apis: readonly ApiRef[];
  env: EnvRef;
  existing: Array<{ appId: string; apiId: string }>;
  choice: EnvChoice;
  nav: PickCursor;
  mutations: MutationStore;
  busy: boolean;
  onClose: () => void;
  revoke?: (picked: R[]) => AuthRef[];
}): void {
  const { nav, mutations } = o;
  useKeyHandler(
    'modal',
    (key) => {
      if (passesThrough(key.id)) return false;
      if (keyIs('back', key.id)) o.onClose();
      else if (o.choice.onKey(key.id)) nav.dispatch({ type: 'clearMarks' });
      else if (nav.onPickKey(key.id, { marks: true })) return true;
      else if (keyIs('submit', key.id) || keyIs('authorize', key.id)) {
        const picked = pick(o.apps, (r) => r.app.id, nav);
        proposeAuthorize(
          mutations,
          picked.map((r) => r.app),
          [...o.apis],
          o.env,
          o.existing,
          dialogScope(nav.marked.size),
        );
        nav.dispatch({ type: 'clearMarks' });
      } else if (o.revoke && keyIs('unbind', key.id))
        proposeRevoke(mutations, o.revoke(pick(o.apps, (r) => r.app.id, nav)), nav, 'authorized app');
      return true;
    },
    { active: !o.busy },
  );
}

export function ApiAppsView(props: ApiDialogProps) {
  const { api, onClose } = props;
  const { instanceId, choice, env, mutations, busy, theme } = useEnvDialog(props);
  // the apps (names only: cached) and the API's authorizations, read again on open (they decide
  // what is authorized or revoked); every environment at once, so Tab asks nothing
  const apps = useResource(appsRequest(instanceId), { cached: true });
  const auths = useResource(apiAppsRequest(instanceId, api.id));
  const data = useMemo(
    () => (apps.data && auths.data ? appAuthRows(apps.data, auths.data, env) : null),
    // env is identified by its id
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [apps.data, auths.data, env.id],
  );
  const slice = { data, loading: apps.loading || auths.loading, error: apps.error ?? auths.error };
  const rows = slice.data ?? [];
  const nav = usePickCursor(rows.map((r) => r.app.id));

  useAuthorizeKeys({
    apps: rows,
    apis: [api],
    env,
    existing: rows.flatMap((r) => (r.authId ? [{ appId: r.app.id, apiId: api.id }] : [])),
    choice,
    nav,
    mutations,
    busy,
    onClose,
    revoke: (picked) => picked.flatMap((r) => (r.authId ? [{ authId: r.authId, app: r.app, api, env }] : [])),
  });

  return (
    <DialogFrame
      title={
        <>
          Apps authorized for {sanitizeText(api.name)} in {sanitizeText(env.name)}
          {choice.position}
        </>
      }
      error={slice.error}
      source={apps}
    >
      <PickList
        rows={rows.map((r) => ({ id: r.app.id, text: `${r.authId ? '✓' : '·'} ${r.app.name}` }))}
        nav={nav}
        empty={slice.loading ? 'loading…' : 'No app in this instance.'}
      />
      <Text color={theme.muted}>
        ✓ authorized · Space: mark · A/Enter: authorize marked/selected · u: revoke
        {choice.choices.length > 1 ? ` · ${ENV_SWITCH_HINT}` : ''} · Esc: close
      </Text>
    </DialogFrame>
  );
}
