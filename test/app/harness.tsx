// Mounts the dashboard in ink-testing-library against a real emulator over loopback HTTP.
import { render } from 'ink-testing-library';
import { createRomaClient } from '../../src/api/client.ts';
import { akskProvider } from '../../src/auth/providers.ts';
import { startEmulator, type EmulatorHandle, type StartEmulatorOptions } from '../../src/emulator/index.ts';
import { App } from '../../src/app/App.tsx';
import '../../src/app/modals.tsx';
import { createDashboardStore, type DashboardStore } from '../../src/store/index.ts';
import { THEMES } from '../../src/ui/theme.ts';

export interface Harness {
  emu: EmulatorHandle;
  store: DashboardStore;
  ui: ReturnType<typeof render>;
  raw: string[];
  close(): Promise<void>;
}

export async function startHarness(
  opts: { emulator?: StartEmulatorOptions; rootScreen?: string; withInstance?: boolean } = {},
): Promise<Harness> {
  const emu = await startEmulator({ seed: 'demo', ...opts.emulator });
  const client = createRomaClient({
    endpoint: emu.endpoint,
    projectId: emu.projectId,
    auth: akskProvider({ ak: emu.ak, sk: emu.sk, projectId: emu.projectId }),
    instanceIds: emu.instances,
    retry: { limit: 0 },
    timeoutMs: 5000,
  });
  const store = createDashboardStore(client, {
    instanceId: opts.withInstance === false ? null : (emu.instances[0] ?? null),
    rootScreen: opts.rootScreen ?? 'apis',
  });
  const raw: string[] = [];
  const ui = render(
    <App
      store={store}
      theme={THEMES.none}
      env={{
        header: { where: emu.endpoint, projectId: emu.projectId, demo: true },
        writeRaw: (s) => void raw.push(s),
        defaultRefreshMs: 5000,
        tmux: false,
      }}
    />,
  );
  return {
    emu,
    store,
    ui,
    raw,
    async close() {
      ui.unmount();
      store.dispose();
      await emu.close();
    },
  };
}
