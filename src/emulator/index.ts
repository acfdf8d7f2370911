// The emulator's entry points: startEmulator (in-process, for --demo and tests) and runEmulatorCommand
// (`roma-dash emulator …`, standalone, prints one JSON line with the connection facts).
import { lookup } from 'node:dns/promises';
import type { AddressInfo } from 'node:net';
import { startEchoBackend } from './echo-backend.ts';
import {
  createFaultInjector,
  parseFaultSpec,
  sendFault,
  sleep,
  writeResponseWithFault,
  type FaultInjector,
  type FaultSpec,
} from './faults.ts';
import { createIamService } from './iam.ts';
import { apiRoutes } from './routes/apis.ts';
import { appRoutes } from './routes/apps.ts';
import type { RouteDef } from './routes/common.ts';
import { debugMetricsRoutes } from './routes/debug-metrics.ts';
import { deleteRoutes } from './routes/deletes.ts';
import { linkRoutes } from './routes/link.ts';
import { instanceRoutes } from './routes/instance.ts';
import { mqsRoutes } from './routes/mqs.ts';
import { aclRoutes, signRoutes } from './routes/signs-acls.ts';
import { throttleRoutes } from './routes/throttles.ts';
import { gatewayMoreRoutes } from './routes/gateway-more.ts';
import { writeRoutes } from './routes/writes.ts';
import { DEMO_PROJECT_ID } from './seed/build.ts';
import { seedDemo } from './seed/demo.ts';
import { seedHostile } from './seed/hostile.ts';
import { seedMqs } from './seed/mqs.ts';
import { seedScale } from './seed/scale.ts';
import { createEmulatorServer, type EmulatorStats, type FaultHooks } from './server.ts';
import { createState, loadStateFile, type EmulatorState } from './state.ts';
import { createStateSaver, writeStateFile } from './state-saver.ts';
import { verifyAkSk } from './verify.ts';

export type { EmulatorState } from './state.ts';
export type { FaultSpec } from './faults.ts';

export type EmulatorSeed = 'demo' | 'hostile' | { scale: number } | 'empty';

export interface StartEmulatorOptions {
  port?: number;
  host?: string;
  seed?: EmulatorSeed;
  faults?: string | FaultSpec;
  statePath?: string;
  now?: () => number;
  /** How long a change waits before `statePath` is saved, so changes in between share one write. */
  stateSaveDelayMs?: number;
  /** The emulator's own problems (a failed state save); default: stderr. */
  log?: (line: string) => void;
}

export interface EmulatorHandle {
  endpoint: string;
  projectId: string;
  ak: string;
  sk: string;
  tempAk: string;
  tempSk: string;
  securityToken: string;
  token: string;
  iam: { user: string; password: string; domain: string };
  instances: string[];
  echoBackend: string;
  stats: EmulatorStats;
  setFaults(spec: string | FaultSpec | null): void;
  expireTokens(): void;
  state: EmulatorState;
  close(): Promise<void>;
}

// Fixed, obviously fake credentials so scripts and SDK configs can be written once.
const CREDENTIALS = {
  ak: 'EMULATORAKPERMANENT0',
  sk: 'emulator-secret-key-permanent-do-not-use-in-production',
  tempAk: 'EMULATORAKTEMPORARY0',
  tempSk: 'emulator-secret-key-temporary',
  securityToken: 'emulator-security-token-' + 'x'.repeat(24),
  iam: { user: 'demo_user', password: 'Demo@Passw0rd', domain: 'demo_account' },
};

export const ALL_ROUTES: RouteDef[] = [
  ...instanceRoutes,
  ...apiRoutes,
  ...debugMetricsRoutes,
  ...throttleRoutes,
  ...signRoutes,
  ...aclRoutes,
  ...appRoutes,
  ...deleteRoutes,
  ...mqsRoutes,
  ...linkRoutes(),
  ...gatewayMoreRoutes,
  ...writeRoutes,
];

function toSpec(f: string | FaultSpec | null | undefined): FaultSpec | null {
  if (f === undefined || f === null || f === '' || f === 'off' || f === 'none') return null;
  return typeof f === 'string' ? parseFaultSpec(f) : f;
}

function faultHooks(get: () => FaultInjector | null): FaultHooks | null {
  return {
    async before(res, method, path, query) {
      const inj = get();
      const d = inj ? inj.decide(method, path, query) : { delayMs: 0, kind: 'none' as const };
      await sleep(d.delayMs);
      if (d.kind === '5xx' || d.kind === '429' || d.kind === 'reset') {
        sendFault(res, d);
        return { handled: true, write: async () => {} };
      }
      return {
        handled: false,
        write: (r, status, headers, text) => writeResponseWithFault(r, d, status, headers, text),
      };
    },
  };
}

export async function startEmulator(opts: StartEmulatorOptions = {}): Promise<EmulatorHandle> {
  const now = opts.now ?? Date.now;
  const host = opts.host ?? '127.0.0.1';
  // node:http reads an empty host as "every interface": never the meaning of an empty --host.
  if (host.trim() === '') throw new Error('the host to listen on is empty (e.g. --host 127.0.0.1)');
  const log = opts.log ?? ((line: string) => void process.stderr.write(line + '\n'));
  if (typeof opts.seed === 'object') checkScale(opts.seed.scale);
  const echo = await startEchoBackend({ host: '127.0.0.1' });

  let state: EmulatorState | undefined;
  let instances: string[] = [];
  try {
    if (opts.statePath) state = loadStateFile(opts.statePath);
  } catch (e) {
    await echo.close();
    throw new Error(
      `cannot read emulator state ${opts.statePath}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  if (state) {
    instances = [...state.instances.keys()];
  } else {
    state = createState(DEMO_PROJECT_ID);
    const seed = opts.seed ?? 'demo';
    if (seed === 'demo') instances = seedDemo(state, { backendHost: echo.host, nowMs: now() });
    else if (seed === 'hostile') instances = seedHostile(state, { backendHost: echo.host });
    else if (seed !== 'empty') instances = seedScale(state, seed.scale, echo.host, undefined, now());
    seedMqs(state, seed, now());
  }
  const st = state;
  const statePath = opts.statePath;
  const saver = statePath
    ? createStateSaver({
        path: statePath,
        state: st,
        ...(opts.stateSaveDelayMs !== undefined ? { delayMs: opts.stateSaveDelayMs } : {}),
        onError: (e) =>
          log(
            `roma-dash emulator: cannot save the state to ${statePath}: ${errorText(e)} ` +
              '(the change was applied and is kept in memory; the save is tried again with the next change)',
          ),
      })
    : undefined;

  const iam = createIamService({
    user: CREDENTIALS.iam.user,
    password: CREDENTIALS.iam.password,
    domain: CREDENTIALS.iam.domain,
    projectId: st.projectId,
    projectName: 'cn-north-4',
    nowMs: now,
  });
  const token = iam.issueStaticToken();
  let injector: FaultInjector | null = null;
  const setFaults = (f: string | FaultSpec | null): void => {
    const spec = toSpec(f);
    injector = spec ? createFaultInjector(spec) : null;
  };
  setFaults(opts.faults ?? null);

  const secrets = new Map([
    [CREDENTIALS.ak, { sk: CREDENTIALS.sk }],
    [CREDENTIALS.tempAk, { sk: CREDENTIALS.tempSk, securityToken: CREDENTIALS.securityToken }],
  ]);
  const stats: EmulatorStats = { requests: 0, byMethod: {}, log: [] };
  const server = createEmulatorServer({
    state: st,
    routes: ALL_ROUTES,
    now,
    stats,
    faults: faultHooks(() => injector),
    handleTokenRequest: (body, query) => iam.handleTokenRequest(body, query),
    authenticate(input) {
      if (input.headers['authorization']?.trim().startsWith('SDK-HMAC-SHA256')) {
        const r = verifyAkSk(input, (ak) => secrets.get(ak), now());
        return r.ok ? { ok: true } : r;
      }
      const t = input.headers['x-auth-token'];
      if (t !== undefined && iam.isValidToken(t)) return { ok: true };
      if (t === undefined && input.headers['authorization'] === undefined) {
        return { ok: false, status: 401, error_code: 'APIC.7100', error_msg: 'Token missing.' };
      }
      return {
        ok: false,
        status: 401,
        error_code: 'APIG.1002',
        error_msg: 'Incorrect token or token resolution failed',
      };
    },
    ...(saver ? { onMutation: () => saver.changed() } : {}),
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    await echo.close(); // a port in use must not leave the echo backend holding the process open
    throw e;
  }
  const addr = server.address() as AddressInfo;
  const hostPart = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  if (statePath) {
    try {
      await writeStateFile(statePath, st); // a state file that cannot be written is said at start
    } catch (e) {
      await new Promise<void>((r) => server.close(() => r()));
      await echo.close();
      throw new Error(`cannot write emulator state ${statePath}: ${errorText(e)}`);
    }
  }

  let closed = false;
  return {
    endpoint: `http://${hostPart}:${addr.port}`,
    projectId: st.projectId,
    ak: CREDENTIALS.ak,
    sk: CREDENTIALS.sk,
    tempAk: CREDENTIALS.tempAk,
    tempSk: CREDENTIALS.tempSk,
    securityToken: CREDENTIALS.securityToken,
    token,
    iam: { ...CREDENTIALS.iam },
    instances,
    echoBackend: echo.url,
    stats,
    setFaults,
    expireTokens: () => iam.expireAll(),
    state: st,
    async close() {
      if (closed) return;
      closed = true;
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await echo.close();
      // no request can change the state any more: the last changes reach the file now
      await saver
        ?.flush()
        .catch((e: unknown) =>
          log(`roma-dash emulator: cannot save the state to ${statePath}: ${errorText(e)}`),
        );
    },
  };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export interface EmulatorCommandArgs {
  port?: number;
  host?: string;
  seed?: string;
  faults?: string;
  state?: string;
  /** Not a flag: lets a test hold the save back to see that SIGTERM flushes it. */
  stateSaveDelayMs?: number;
}

/** A loopback address, as the system resolves `host` for listening (`127.1`, `localhost`, `::1`). */
export async function isLoopbackHost(host: string): Promise<boolean> {
  const h = host.replace(/^\[|\]$/g, '');
  let address: string;
  try {
    ({ address } = await lookup(h)); // what listen() binds: 127.1 → 127.0.0.1
  } catch {
    return false; // unresolvable: listening fails anyway; no claim that it is safe
  }
  return /^127\./.test(address) || address === '::1' || /^::ffff:127\./i.test(address);
}

/** Scale seeds are generated in memory before listening: far beyond the benchmarks' 10,000 only exhausts memory. */
export const MAX_SCALE_APIS = 100_000;

function checkScale(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > MAX_SCALE_APIS)
    throw new Error(`seed scale:${n}: the number of APIs must be 1 to ${MAX_SCALE_APIS}`);
}

/** Parses `demo`, `hostile`, `empty`, `scale:N` (1 ≤ N ≤ MAX_SCALE_APIS). */
export function parseSeed(s: string | undefined): EmulatorSeed {
  if (s === undefined || s === 'demo') return 'demo';
  if (s === 'hostile' || s === 'empty') return s;
  const m = /^scale:(\d+)$/.exec(s);
  if (m) {
    checkScale(Number(m[1]));
    return { scale: Number(m[1]) };
  }
  throw new Error(`unknown seed "${s}" (use demo, hostile, empty or scale:N)`);
}

/**
 * `roma-dash emulator [--port N] [--host H] [--seed demo|hostile|scale:N] [--faults SPEC] [--state FILE]`.
 * Prints one JSON line (endpoint, projectId, ak, sk, token, instances) and runs until SIGINT/SIGTERM.
 * Resolves with the process exit code.
 */
export async function runEmulatorCommand(
  args: EmulatorCommandArgs,
  io: { out: (line: string) => void; err: (line: string) => void } = {
    out: (l) => process.stdout.write(l + '\n'),
    err: (l) => process.stderr.write(l + '\n'),
  },
): Promise<number> {
  const host = args.host ?? '127.0.0.1';
  let seed: EmulatorSeed;
  try {
    if (host.trim() === '') throw new Error('--host is empty (e.g. --host 127.0.0.1)');
    seed = parseSeed(args.seed);
  } catch (e) {
    io.err(`roma-dash emulator: ${errorText(e)}`);
    return 2;
  }
  if (!(await isLoopbackHost(host))) {
    io.err(
      `roma-dash emulator: warning: listening on ${host}, beyond this machine; anyone who can reach it ` +
        'can use its published, fixed credentials and change its state',
    );
  }
  let handle: EmulatorHandle;
  try {
    handle = await startEmulator({
      ...(args.port !== undefined ? { port: args.port } : {}),
      host,
      seed,
      ...(args.faults ? { faults: args.faults } : {}),
      ...(args.state ? { statePath: args.state } : {}),
      ...(args.stateSaveDelayMs !== undefined ? { stateSaveDelayMs: args.stateSaveDelayMs } : {}),
      log: io.err,
    });
  } catch (e) {
    io.err(`roma-dash emulator: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  // Listen for the signals before announcing the endpoint: a script that reads the line and stops the
  // emulator at once must find the handlers in place (else the default action kills it mid-close).
  const stopped = new Promise<number>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void handle.close().then(() => resolve(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  io.out(
    JSON.stringify({
      endpoint: handle.endpoint,
      projectId: handle.projectId,
      ak: handle.ak,
      sk: handle.sk,
      token: handle.token,
      instances: handle.instances,
      tempAk: handle.tempAk,
      tempSk: handle.tempSk,
      securityToken: handle.securityToken,
      iam: handle.iam,
    }),
  );
  return stopped;
}
