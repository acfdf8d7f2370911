import { Box, Text, useApp, useWindowSize } from 'ink';
import { createElement, memo, useEffect, useMemo, useSyncExternalStore, type ComponentType } from 'react';
import { MutationProvider, useMutations } from '../../screens/actions/context.tsx';
import { MutationPanel } from '../../screens/actions/MutationPanel.tsx';
import { resourceById } from '../../screens/registry.ts';
import { commandKeysLabel, keyLabel, type Command, type KeyScope } from '../keys/keymap.ts';
import type { MutationPhase } from '../store/mutations.ts';
import type { ModalSpec } from '../store/ui.ts';
import { countRender } from '../ui/render-count.ts';
import { KeyRouterProvider, useCommands, type KeyRouter } from '../keys/router.tsx';
import { StoreProvider, useActions, useDashboardStore, useStore, useStoreShallow } from '../store/react.tsx';
import type { DashboardStore } from '../store/store.ts';
import { selectTop, selectTopModal } from '../store/selectors.ts';
import { ThemeProvider, type Theme } from '../ui/theme.ts';
import { Breadcrumbs, Footer, Header, StatusLine } from './Chrome.tsx';
import { listKey } from './data.ts';
import { DetailView } from './DetailView.tsx';
import { AppEnvProvider, useAppEnv, type AppEnv } from './env.tsx';
import { ListView } from './ListView.tsx';
import { modalComponent, type ModalProps } from './modals.tsx';
import { SessionProvider, useSession } from './session.ts';
import { viewKeys } from './view-keys.ts';
import { DebugView } from './DebugView.tsx';
import { XrayView } from '../../screens/xray/XrayView.tsx';
import { useAutoRefresh } from './auto-refresh.ts';
import { SessionStoresProvider, type SessionStores } from './session-stores.ts';
import { openResume } from './resume.ts';
import { ResumeProvider, useResume, useResumeStore } from './resume-view.tsx';
import { instanceName } from './resume-point.ts';

const HELP_HINTS = [
  { keys: keyLabel('escape'), label: 'close help' },
  { keys: '?', label: 'close help' },
  { keys: 'q', label: 'close help' },
];

// An overlay's footer names only keys that work there: y/n/Enter belong to a confirmation; a picker
// or flow shows its own keys inside its box and here only how to leave it.
const CLOSE_HINTS = [{ keys: `${keyLabel('escape')}/${keyLabel('return')}`, label: 'close' }];
const PICKER_HINTS = [{ keys: keyLabel('escape'), label: 'back' }];

function overlayCommands(phase: MutationPhase, destructive: boolean): Command[] {
  if (phase !== 'confirming') return [];
  // Enter does not confirm a destructive action: do not offer it
  return destructive ? ['confirm', 'cancel'] : ['confirm', 'cancel', 'submit'];
}

function overlayHints(
  phase: MutationPhase,
  modalKind: string | undefined,
  confirmYes = false,
  canRetry = false,
): { hints?: ReadonlyArray<{ keys: string; label: string }>; labels?: Partial<Record<Command, string>> } {
  // Enter picks the dialog's highlighted choice: the footer says which one (issue 11)
  if (phase === 'confirming') return { labels: { submit: confirmYes ? 'yes' : 'no' } };
  if (phase === 'running') return { hints: [] };
  if (phase === 'done' && canRetry)
    return { hints: [{ keys: commandKeysLabel('retryRest'), label: 'retry rest' }, ...CLOSE_HINTS] };
  if (phase === 'done' || phase === 'refused') return { hints: CLOSE_HINTS };
  if (modalKind === 'help') return { hints: HELP_HINTS };
  if (modalKind === 'palette') return { hints: PALETTE_HINTS };
  return { hints: PICKER_HINTS };
}

/** How long a successful result stays on screen before it closes by itself (any key closes it sooner). */
const RESULT_CLOSE_MS = 4000;

const PALETTE_HINTS = [
  { keys: keyLabel('return'), label: 'go' },
  { keys: keyLabel('tab'), label: 'complete' },
  { keys: keyLabel('escape'), label: 'close' },
];

export interface AppProps {
  store: DashboardStore;
  env: AppEnv;
  theme?: Theme;
  router?: KeyRouter;
  /** Called when the user quits (q). */
  onQuit?: () => void;
  /** The session's stores, created once at start beside `store` (createSessionStores). */
  stores: SessionStores;
}

export function App({ store, env, theme, router, onQuit, stores }: AppProps) {
  // without a saved state (tests) the palette history lives for this mount
  const resume = useMemo(() => env.resume ?? openResume({ key: 'memory' }), [env.resume]);
  // Read-only is decided once per session (a profile switch brings a new store, client and session).
  const session = stores.gate;
  const own = useSyncExternalStore(stores.subscribe, stores.mutations);
  // On a signal, a change in flight is audited (outcome unknown) before the process exits.
  useEffect(
    () => env.shutdown?.onSignal((sig) => own.getState().actions.interrupt(sig)),
    [own, env.shutdown],
  );
  return (
    <StoreProvider store={store}>
      <SessionStoresProvider stores={stores}>
        <AppEnvProvider env={env}>
          <ResumeProvider resume={resume}>
            <SessionProvider gate={session}>
              <MutationProvider store={own}>
                <ThemeProvider {...(theme ? { theme } : {})}>
                  <KeyRouterProvider {...(router ? { router } : {})}>
                    <Shell {...(onQuit ? { onQuit } : {})} />
                  </KeyRouterProvider>
                </ThemeProvider>
              </MutationProvider>
            </SessionProvider>
          </ResumeProvider>
        </AppEnvProvider>
      </SessionStoresProvider>
    </StoreProvider>
  );
}

function Shell({ onQuit }: { onQuit?: () => void }) {
  countRender('Shell');
  const { exit } = useApp();
  const { columns, rows } = useWindowSize();
  const width = Math.max(20, columns || 80);
  const height = Math.max(8, rows || 24);
  const actions = useActions();
  const store = useDashboardStore();
  // What the shell itself shows of the current view, as primitives: a selection move, a scroll or a
  // mark changes the entry but none of these, so the shell (header, crumbs, status, footer) does not
  // re-render; TopView below is what follows the entry (issue 18).
  const top = useStoreShallow((s) => {
    const e = selectTop(s);
    return {
      screen: e.screen,
      view: e.view,
      tab: e.tab,
      filtering: e.list.filtering,
      // the key useList loads under (every list, instance-scoped or not, is keyed by the current instance)
      sliceKey: listKey(s.instanceId, e.params),
    };
  });
  const modal = useStore(selectTopModal);
  const autoMs = useStore((s) => s.autoRefreshMs);
  const env = useAppEnv();
  const { defaultRefreshMs, writeRaw } = env;
  const session = useSession();
  const phase = useMutations((m) => m.phase);
  const destructive = useMutations((m) => m.confirmation?.destructive === true);
  const confirmYes = useMutations((m) => m.confirmYes);
  const canRetry = useMutations((m) => m.outcome?.retry !== undefined);
  const mutating = phase !== 'idle';
  useResume(store, useResumeStore());

  // A project with a single instance: choose it, so no screen asks for a detour through :instances.
  const onlyInstance = useStore((s) => {
    const rows = s.resources.instances?.[listKey(null, {})]?.data;
    return Array.isArray(rows) && rows.length === 1
      ? (resourceById('instances')?.idOf(rows[0]) ?? null)
      : null;
  });
  useEffect(() => {
    if (onlyInstance && store.getState().instanceId === null) actions.setInstance(onlyInstance);
  }, [onlyInstance, store, actions]);

  // Auto-refresh: the only timer, and only while it is on; it refreshes what is on screen.
  useAutoRefresh(store, autoMs, writeRaw);

  useCommands('global', ['global'], {
    quit: () => {
      onQuit?.();
      exit();
    },
    help: () => actions.pushModal({ kind: 'help' }),
    palette: () => actions.pushModal({ kind: 'palette' }),
    back: () => {
      if (store.getState().status) actions.setStatus(null);
      else actions.back();
    },
    refresh: () => {
      actions.setStatus(null);
      actions.refreshAll();
    },
    autoRefresh: () => actions.setAutoRefresh(store.getState().autoRefreshMs ? null : defaultRefreshMs),
    dismissError: () => actions.setStatus(null),
    lastView: () => {
      const left = store.getState().instanceId;
      if (!actions.lastView()) {
        actions.setStatus({ level: 'info', text: 'no previous view yet (switch instance or jump with :)' });
        return;
      }
      // the status line may still name the instance just left (`now on instance …`)
      const now = store.getState().instanceId;
      if (now !== left && now !== null)
        actions.setStatus({
          level: 'info',
          text: `back on instance ${instanceName(store.getState(), now) ?? now}`,
        });
    },
  });

  const d = resourceById(top.screen);
  const mainHeight = height - 4;
  const family = top.view === 'list' ? top.screen : '';
  const overlay = modal !== null || mutating;
  const scopes: KeyScope[] = overlay
    ? ['modal']
    : top.view === 'debug'
      ? ['debug', 'global']
      : top.view === 'xray'
        ? ['list', 'global']
        : top.filtering
          ? ['input']
          : [top.view, 'actions', 'global'];
  const keys = viewKeys(d, top.view, session, top.tab);
  const only = keys.commands;

  return (
    // overflow hidden: whatever a line does, the frame never grows past the terminal's rows (a taller
    // frame scrolls the terminal and the incremental renderer would then draw on shifted lines).
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Header width={width} />
      <Breadcrumbs width={width} />
      <Box height={mainHeight} flexDirection="column" overflow="hidden">
        {/* never shrunk: a squeezed dialog draws its lines over each other (the list below gives way) */}
        <Box flexShrink={0} flexDirection="column">
          <MutationPanel
            width={width}
            {...(env.resultCloseMs !== null ? { autoCloseMs: env.resultCloseMs ?? RESULT_CLOSE_MS } : {})}
            onSuccessClosed={(summary) => actions.setStatus({ level: 'info', text: summary })}
          />
        </Box>
        {/* The view keeps its full height and is clipped under the dialog: shrunk, its rows would
            collapse one by one (rows vanish from the middle of the list, the selected one too). */}
        <Box flexShrink={1} flexDirection="column" overflow="hidden">
          <Box flexShrink={0} flexDirection="column">
            <TopView modal={modal} width={width} height={mainHeight} />
          </Box>
        </Box>
      </Box>
      <StatusLine width={width} family={family} sliceKey={top.sliceKey} />
      <Footer
        width={width}
        scopes={scopes}
        only={overlay ? overlayCommands(phase, destructive) : only}
        {...(overlay ? overlayHints(phase, modal?.kind, confirmYes, canRetry) : { labels: keys.labels })}
      />
    </Box>
  );
}

/** The current view (or the modal over it): the one part of the frame that follows the top entry. */
const TopView = memo(function TopView({
  modal,
  width,
  height,
}: {
  modal: ModalSpec | null;
  width: number;
  height: number;
}) {
  const top = useStore(selectTop);
  const d = resourceById(top.screen);
  if (modal && modalComponent(modal.kind))
    return createElement(modalComponent(modal.kind) as ComponentType<ModalProps>, {
      props: modal.props ?? {},
      width,
      height,
    });
  if (!d) return <Text>Unknown screen {top.screen}</Text>;
  if (top.view === 'debug') return <DebugView key={top.seq} width={width} height={height} />;
  if (top.view === 'xray') return <XrayView key={top.seq} entry={top} width={width} height={height} />;
  if (top.view === 'list')
    return <ListView key={top.seq} descriptor={d} entry={top} width={width} height={height} />;
  return <DetailView key={top.seq} descriptor={d} entry={top} width={width} height={height} />;
});
