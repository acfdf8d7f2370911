// Mounts the dashboard in ink-testing-library against a real emulator over loopback HTTP.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render as inkRender } from 'ink';
import { render } from 'ink-testing-library';
import { createRequestIdTap } from '../../src/actions/client-port.ts';
import { createRomaClient, type RequestEvent } from '../../src/api/client.ts';
import { akskProvider } from '../../src/auth/providers.ts';
import { startEmulator, type EmulatorHandle, type StartEmulatorOptions } from '../../src/emulator/index.ts';
import { App } from '../../src/app/App.tsx';
import { createSessionStores, type SessionStores } from '../../src/app/session-stores.ts';
import type { KeyRouter } from '../../src/keys/router.tsx';
import type { AppEnv } from '../../src/app/env.tsx';
import '../../src/app/modals.tsx';
import { createDashboardStore, type DashboardStore } from '../../src/store/index.ts';
import { THEMES } from '../../src/ui/theme.ts';
import { FakeStdin, FakeStdout } from './fake-tty.ts';
import { openResume, resumeKey } from '../../src/app/resume.ts';

export interface Harness {
  emu: EmulatorHandle;
  store: DashboardStore;
  /** The session's stores (debug console, mutations of the current instance). */
  stores: SessionStores;
  ui: ReturnType<typeof render>;
  raw: string[];
  auditPath: string;
  /** Every request the client reported (onRequest), with the emulator's X-Request-Id. */
  requests: RequestEvent[];
  /** The environment the App was mounted with. */
  env: AppEnv;
  close(): Promise<void>;
}

export interface HarnessOptions {
  emulator?: StartEmulatorOptions;
  rootScreen?: string;
  withInstance?: boolean;
  autoRefreshMs?: number | null;
  /** Client and header in read-only mode. */
  readOnly?: boolean;
  /** Audit log of mutations (default: a file in a fresh temp directory). */
  auditPath?: string;
  /** The key router (tests that watch for unhandled keys). */
  router?: KeyRouter;
  /** Keep the last view and palette history in this state file, as `roma-dash` does (src/app/resume.ts). */
  statePath?: string;
  /** A successful result closes by itself after this many ms (default null: only on a key, so a slow
   * test still sees it). */
  resultCloseMs?: number | null;
  /** What the terminal's clipboard is known to be (default absent: OSC 52 assumed). */
  clipboard?: AppEnv['clipboard'];
}

async function connect(opts: HarnessOptions) {
  const emu = await startEmulator({ seed: 'demo', ...opts.emulator });
  const tap = createRequestIdTap();
  const requests: RequestEvent[] = [];
  const client = createRomaClient({
    onRequest: (e) => {
      requests.push(e);
      tap.onRequest(e);
    },
    endpoint: emu.endpoint,
    projectId: emu.projectId,
    auth: akskProvider({ ak: emu.ak, sk: emu.sk, projectId: emu.projectId }),
    instanceIds: emu.instances,
    retry: { limit: 0 },
    timeoutMs: 20_000, // only a hung emulator reaches it; a loaded machine must not
    readOnly: opts.readOnly ?? false,
  });
  // A temp directory of its own for the default audit log, removed again by close().
  const tempDir = opts.auditPath === undefined ? mkdtempSync(join(tmpdir(), 'rd-audit-')) : undefined;
  const auditPath = opts.auditPath ?? join(tempDir ?? '', 'audit.log');
  const store = createDashboardStore(client, {
    instanceId: opts.withInstance === false ? null : (emu.instances[0] ?? null),
    rootScreen: opts.rootScreen ?? 'apis',
    autoRefreshMs: opts.autoRefreshMs ?? null,
  });
  const raw: string[] = [];
  const env: AppEnv = {
    header: {
      where: emu.endpoint,
      projectId: emu.projectId,
      demo: true,
      principal: 'ak:test…',
      readOnly: opts.readOnly ?? false,
    },
    writeRaw: (s) => void raw.push(s),
    defaultRefreshMs: 5000,
    tmux: false,
    auditPath,
    requestIds: tap,
    secrets: () => [emu.ak, emu.sk],
    debugHistoryFile: null,
    resultCloseMs: opts.resultCloseMs ?? null,
    ...(opts.clipboard ? { clipboard: opts.clipboard } : {}),
  };
  if (opts.statePath !== undefined)
    env.resume = openResume({ path: opts.statePath, key: resumeKey(env.header), secrets: env.secrets });
  const stores = createSessionStores(store, env);
  const app = (
    <App
      store={store}
      stores={stores}
      theme={THEMES.none}
      env={env}
      {...(opts.router ? { router: opts.router } : {})}
    />
  );
  const removeTemp = () => {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };
  return { emu, store, stores, raw, app, auditPath, requests, env, removeTemp };
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const { emu, store, stores, raw, app, auditPath, requests, env, removeTemp } = await connect(opts);
  const ui = render(app);
  return {
    emu,
    store,
    stores,
    ui,
    raw,
    auditPath,
    requests,
    env,
    async close() {
      ui.unmount();
      stores.dispose();
      store.dispose();
      await emu.close();
      removeTemp();
    },
  };
}

export interface TtyHarness {
  emu: EmulatorHandle;
  store: DashboardStore;
  stdout: FakeStdout;
  stdin: FakeStdin;
  close(): Promise<void>;
}

/**
 * The dashboard under Ink's real renderer on a fake terminal of `columns`×`rows`. `debug: true`
 * writes each whole frame (for layout assertions); false renders as in production (incremental),
 * so the writes are what a real terminal would receive.
 */
export async function startTtyHarness(
  opts: HarnessOptions & { columns: number; rows: number; debug: boolean },
): Promise<TtyHarness> {
  const { emu, store, stores, app, removeTemp } = await connect(opts);
  const stdout = new FakeStdout(opts.columns, opts.rows);
  const stdin = new FakeStdin();
  const ink = inkRender(app, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: opts.debug,
    incrementalRendering: !opts.debug,
    exitOnCtrlC: false,
    patchConsole: false,
    maxFps: 30,
  });
  return {
    emu,
    store,
    stdout,
    stdin,
    async close() {
      ink.unmount();
      stores.dispose();
      store.dispose();
      await emu.close();
      removeTemp();
    },
  };
}
