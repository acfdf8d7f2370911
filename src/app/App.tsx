import { Box, Text, useApp, useWindowSize } from 'ink';
import { createElement, useEffect, type ComponentType } from 'react';
import { resourceById } from '../../screens/registry.ts';
import type { Command, KeyScope } from '../keys/keymap.ts';
import { KeyRouterProvider, useCommands, type KeyRouter } from '../keys/router.tsx';
import { StoreProvider, useActions, useDashboardStore, useStore } from '../store/react.tsx';
import type { DashboardStore } from '../store/store.ts';
import { selectTop, selectTopModal } from '../store/selectors.ts';
import { ThemeProvider, type Theme } from '../ui/theme.ts';
import { Breadcrumbs, Footer, Header, StatusLine } from './Chrome.tsx';
import { listKey } from './data.ts';
import { DetailView, DETAIL_COMMANDS } from './DetailView.tsx';
import { AppEnvProvider, useAppEnv, type AppEnv } from './env.tsx';
import { ListView, LIST_COMMANDS } from './ListView.tsx';
import { modalComponent, type ModalProps } from './modals.tsx';

const GLOBAL_COMMANDS: readonly Command[] = ['quit', 'help', 'palette', 'back', 'refresh', 'autoRefresh'];

export interface AppProps {
  store: DashboardStore;
  env: AppEnv;
  theme?: Theme;
  router?: KeyRouter;
  /** Called when the user quits (q). */
  onQuit?: () => void;
}

export function App({ store, env, theme, router, onQuit }: AppProps) {
  return (
    <StoreProvider store={store}>
      <AppEnvProvider env={env}>
        <ThemeProvider {...(theme ? { theme } : {})}>
          <KeyRouterProvider {...(router ? { router } : {})}>
            <Shell {...(onQuit ? { onQuit } : {})} />
          </KeyRouterProvider>
        </ThemeProvider>
      </AppEnvProvider>
    </StoreProvider>
  );
}

function Shell({ onQuit }: { onQuit?: () => void }) {
  const { exit } = useApp();
  const { columns, rows } = useWindowSize();
  const width = Math.max(20, columns || 80);
  const height = Math.max(8, rows || 24);
  const actions = useActions();
  const store = useDashboardStore();
  const top = useStore(selectTop);
  const modal = useStore(selectTopModal);
  const instanceId = useStore((s) => s.instanceId);
  const autoMs = useStore((s) => s.autoRefreshMs);
  const { defaultRefreshMs } = useAppEnv();

  // Auto-refresh: the only timer, and only while it is on.
  useEffect(() => {
    if (!autoMs) return;
    const t = setInterval(() => actions.refreshAll(), autoMs);
    return () => clearInterval(t);
  }, [autoMs, actions]);

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
  });

  const d = resourceById(top.screen);
  const mainHeight = height - 4;
  const family = top.view === 'list' ? top.screen : '';
  const sliceKey = listKey(d?.instanceScoped === false ? null : instanceId, top.params);
  const scopes: KeyScope[] = modal
    ? ['modal']
    : top.list.filtering
      ? ['input']
      : [top.view, 'actions', 'global'];
  const only = [...GLOBAL_COMMANDS, ...(top.view === 'list' ? LIST_COMMANDS : DETAIL_COMMANDS)].filter(
    (c) => c !== 'reveal' || d?.hasSecret === true,
  );

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Header width={width} />
      <Breadcrumbs width={width} />
      <Box height={mainHeight} flexDirection="column">
        {modal && modalComponent(modal.kind) ? (
          createElement(modalComponent(modal.kind) as ComponentType<ModalProps>, {
            props: modal.props ?? {},
            width,
            height: mainHeight,
          })
        ) : !d ? (
          <Text>Unknown screen {top.screen}</Text>
        ) : top.view === 'list' ? (
          <ListView key={top.seq} descriptor={d} entry={top} width={width} height={mainHeight} />
        ) : (
          <DetailView key={top.seq} descriptor={d} entry={top} width={width} height={mainHeight} />
        )}
      </Box>
      <StatusLine width={width} family={family} sliceKey={sliceKey} />
      <Footer
        width={width}
        scopes={scopes}
        only={modal ? ['confirm', 'cancel', 'submit', 'inputCancel', 'inputComplete', 'inputSubmit'] : only}
      />
    </Box>
  );
}
