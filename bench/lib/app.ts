// Everything the benchmark must know about roma-dash itself: how to start it, what "ready" looks
// like on screen, and how to reach the APIs list. Parts that are not built yet make the measures
// that need them report "n/a" instead of failing.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { CliSession } from '../../test/helpers/pty.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = `${root}dist/cli.js`;

/** The structural view of `EmulatorHandle` (ARCHITECTURE.md) the benchmark uses. */
export interface BenchEmulator {
  endpoint: string;
  projectId: string;
  ak: string;
  sk: string;
  instances: string[];
  setFaults(spec: string | null): void;
  close(): Promise<void>;
}
type StartEmulator = (opts: { seed?: 'demo' | { scale: number }; faults?: string }) => Promise<BenchEmulator>;

/** The structural view of the client's list call the load measure uses. */
export interface BenchApisClient {
  list(
    query?: Record<string, unknown>,
  ): Promise<{ total?: number; items?: unknown[] } & Record<string, unknown>>;
  listAll(query?: Record<string, unknown>, opts?: { concurrency?: number }): Promise<unknown[]>;
}

// Module paths are held in variables so the type checker does not require parts still being written.
const EMULATOR_MODULE = `${root}src/emulator/index.ts`;
const CLIENT_MODULE = `${root}src/api/client.ts`;
const PROVIDERS_MODULE = `${root}src/auth/providers.ts`;

export async function loadStartEmulator(): Promise<StartEmulator | string> {
  if (!existsSync(EMULATOR_MODULE)) return 'src/emulator/index.ts (startEmulator) not built yet';
  const mod = (await import(EMULATOR_MODULE)) as { startEmulator?: StartEmulator };
  return mod.startEmulator ?? 'src/emulator/index.ts exports no startEmulator';
}

/**
 * The emulator in a process of its own (`roma-dash emulator`), as a real gateway would be: its
 * routing and JSON serialisation then do not share the measuring client's thread. `setFaults` is
 * not available across the process boundary (pass `faults` up front).
 */
export async function startEmulatorProcess(opts: { seed: string; faults?: string }): Promise<BenchEmulator> {
  const child = spawn(
    process.execPath,
    [CLI, 'emulator', '--seed', opts.seed, ...(opts.faults ? ['--faults', opts.faults] : [])],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) =>
      reject(new Error(`roma-dash emulator exited (${code}) before it was ready`)),
    );
  });
  lines.close();
  const facts = JSON.parse(first) as Omit<BenchEmulator, 'setFaults' | 'close'>;
  return {
    ...facts,
    setFaults() {
      throw new Error('setFaults is not available on an emulator process');
    },
    async close() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface ClientModules {
  createApisClient(emu: BenchEmulator): BenchApisClient;
  /** The client's default listAll concurrency. */
  concurrency: number;
  /** The client's page size for listAll. */
  pageSize: number;
}

export async function loadClient(): Promise<ClientModules | string> {
  if (!existsSync(CLIENT_MODULE)) return 'src/api/client.ts (createRomaClient) not built yet';
  if (!existsSync(PROVIDERS_MODULE)) return 'src/auth/providers.ts not built yet';
  const client = (await import(CLIENT_MODULE)) as Record<string, unknown>;
  const providers = (await import(PROVIDERS_MODULE)) as Record<string, unknown>;
  const create = client.createRomaClient as
    ((cfg: unknown) => { instance(id: string): { apis: BenchApisClient } }) | undefined;
  const akskProvider = providers.akskProvider ?? providers.createAkSkProvider ?? providers.aksk;
  if (typeof create !== 'function') return 'src/api/client.ts exports no createRomaClient';
  if (typeof akskProvider !== 'function') return 'src/auth/providers.ts exports no AK/SK provider';
  const pagination = (await import(`${root}src/api/paginate.ts`).catch(() => ({}))) as Record<
    string,
    unknown
  >;
  return {
    createApisClient: (emu) => {
      const auth = (akskProvider as (c: unknown) => unknown)({
        ak: emu.ak,
        sk: emu.sk,
        projectId: emu.projectId,
      });
      const id = emu.instances[0];
      if (!id) throw new Error('the emulator has no instance');
      return create({ endpoint: emu.endpoint, projectId: emu.projectId, auth }).instance(id).apis;
    },
    concurrency: Number(pagination.DEFAULT_CONCURRENCY ?? 4),
    pageSize: Number(pagination.DEFAULT_PAGE_SIZE ?? pagination.MAX_PAGE_SIZE ?? 500),
  };
}

/** True once dist/cli.js is more than the one-line skeleton. */
export function dashboardBuilt(): boolean {
  return existsSync(CLI) && !readFileSync(CLI, 'utf8').includes('roma-dash skeleton');
}

/** A screen showing instance data: a row with an instance id (maybe truncated) and its RUNNING status, in either order. */
export const INSTANCE_READY = /[0-9a-f]{8}-[0-9a-f]{4}\S*\s+RUNNING|RUNNING\s.*[0-9a-f]{8}-[0-9a-f]{4}/;

/** Command line and environment that point the dashboard at an emulator with AK/SK. */
export function dashboardAgainst(
  emu: BenchEmulator,
  opts: { instance?: boolean } = {},
): { args: string[]; env: Record<string, string> } {
  const instance = opts.instance === false ? [] : ['--instance', emu.instances[0] ?? ''];
  return {
    args: ['--endpoint', emu.endpoint, '--project-id', emu.projectId, ...instance],
    env: { HUAWEICLOUD_SDK_AK: emu.ak, HUAWEICLOUD_SDK_SK: emu.sk },
  };
}

/**
 * Waits for the APIs list to show all `total` APIs. With one `--instance` the dashboard opens on
 * the APIs list; otherwise it is reached through the command palette.
 */
export async function openApisList(cli: CliSession, total: number): Promise<void> {
  const loaded = new RegExp(`\\b(${total}|${total.toLocaleString('en-US')}) items\\b`);
  await cli.waitForText(/APIs|Instances/, 30_000);
  if (!/^APIs/m.test(cli.screenText())) {
    cli.type(':apis');
    cli.press('enter');
  }
  await cli.waitForText(loaded, 60_000);
  await cli.waitForQuiet(200, 30_000);
}

/** Key that starts filtering a list. */
export const FILTER_KEY = '/';
/** Key that toggles auto-refresh (off at start). */
export const AUTO_REFRESH_KEY = 'R';

/** Opens a screen through the command palette (`:name`, Enter) and waits until `loaded` shows. */
export async function openByPalette(cli: CliSession, name: string, loaded: RegExp): Promise<void> {
  cli.type(`:${name}`);
  cli.press('enter');
  await cli.waitForText(loaded, 120_000);
  await cli.waitForQuiet(200, 30_000);
}

/** A list that has loaded `n` (any count when omitted) items, as the status line says. */
export function itemsLoaded(n?: number): RegExp {
  return n === undefined
    ? /\b[1-9][\d,]* items\b/
    : new RegExp(`\\b(${n}|${n.toLocaleString('en-US')}) items\\b`);
}
