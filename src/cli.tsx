// roma-dash entry point: parse the command line, resolve credentials, then start the dashboard,
// the --demo emulator, or the `emulator` sub-command.
import { isRomaError } from './api/errors.ts';
import type { Session } from './app/run.tsx';
import {
  createSessionStore,
  FIRST_FRAME_WAIT_MS,
  instanceListIn,
  prefetchFirstScreen,
  ROOT_SCREENS,
  startAtPoint,
} from './app/first-screen.ts';
import { within } from './app/within.ts';
import { leaveIfInstanceGone } from './app/resume-point.ts';
import { principalOf } from './app/identity.ts';
import { terminalProblem } from './app/terminal.ts';
import {
  ArgsError,
  EMULATOR_USAGE,
  parseArgs,
  parseEmulatorArgs,
  USAGE,
  type CliArgs,
} from './config/args.ts';
import { createRequestIdTap } from './actions/client-port.ts';
import { checkLogFile, wireClient } from './config/client-from-config.ts';
import type { DashboardContext } from './config/context.ts';
import { listProfiles, resolveConfig, type ResolvedConfig } from './config/resolve.ts';
// The emulator (a quarter of the bundle) is loaded only by --demo (on a worker thread) and
// `emulator`: a separate chunk.
import { claimDemoEmulator } from './app/demo-emulator.ts';
import { defaultStatePath, readSavedPoint, resumeDisabledByEnv, resumeKey } from './app/resume.ts';
import { keepHeapSmall } from './app/heap-limits.ts';

declare const __ROMA_DASH_VERSION__: string | undefined;
const VERSION = typeof __ROMA_DASH_VERSION__ === 'string' ? __ROMA_DASH_VERSION__ : '0.0.0-dev';

function fail(message: string, hint?: string): number {
  process.stderr.write(`roma-dash: ${message}\n${hint ? `hint: ${hint}\n` : ''}`);
  return 2;
}

async function demoContext(
  cfgArgs: ReturnType<typeof parseArgs> & { command: 'dashboard' },
): Promise<DashboardContext> {
  const a = cfgArgs.args;
  const emulator = await claimDemoEmulator(import.meta.url);
  const config: ResolvedConfig = {
    endpoint: emulator.endpoint,
    projectId: emulator.projectId,
    instanceIds: a.instances.length > 0 ? a.instances : emulator.instances,
    credentials: { method: 'aksk', ak: emulator.ak, sk: emulator.sk },
    source: 'demo emulator',
    readOnly: a.readOnly,
    insecure: false,
    timeoutMs: Math.round((a.timeout ?? 15) * 1000),
    logFile: a.logFile,
    warnings: [],
  };
  const requestIds = createRequestIdTap();
  const { client, secrets } = wireClient(config, { onRequest: requestIds.onRequest });
  return {
    config,
    client,
    requestIds,
    secrets,
    authSource: config.source,
    readOnly: config.readOnly,
    insecure: false,
    demo: true,
    logFile: a.logFile,
    emulator,
    warnings: [],
  };
}

/** The dashboard's view of one resolved context: its client and the header facts. */
function sessionOf(ctx: DashboardContext): Session {
  return {
    client: ctx.client,
    requestIds: ctx.requestIds,
    secrets: ctx.secrets,
    instanceId: ctx.config.instanceIds.length === 1 ? (ctx.config.instanceIds[0] ?? null) : null,
    warnings: ctx.warnings,
    header: {
      profile: ctx.config.profileName,
      where: ctx.config.region ?? ctx.config.endpoint,
      projectId: ctx.config.projectId,
      authSource: ctx.authSource,
      principal: principalOf(ctx.config.credentials),
      demo: ctx.demo,
      readOnly: ctx.readOnly,
      insecure: ctx.insecure,
    },
  };
}

function configContext(args: CliArgs): DashboardContext {
  const config = resolveConfig({ args });
  const requestIds = createRequestIdTap();
  const { client, secrets } = wireClient(config, { onRequest: requestIds.onRequest });
  return {
    config,
    client,
    requestIds,
    secrets,
    authSource: config.source,
    readOnly: config.readOnly,
    insecure: config.insecure,
    demo: false,
    logFile: config.logFile,
    warnings: config.warnings,
  };
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs(argv);
    if (parsed.command === 'emulator') {
      const e = parseEmulatorArgs(parsed.argv);
      if (e.help) {
        process.stdout.write(EMULATOR_USAGE + '\n');
        return 0;
      }
      const { help: _help, ...rest } = e;
      const { runEmulatorCommand } = await import('./emulator/index.ts');
      return await runEmulatorCommand(rest);
    }
  } catch (e) {
    if (e instanceof ArgsError) return fail(e.message, 'roma-dash --help');
    throw e;
  }
  const { args } = parsed;
  if (args.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (args.version) {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  // Before anything is started or resolved: without a terminal Ink could only fail with a stack.
  const noTerminal = terminalProblem({
    stdin: process.stdin.isTTY === true,
    stdout: process.stdout.isTTY === true,
  });
  if (noTerminal !== undefined) return fail(noTerminal);
  keepHeapSmall();
  // The UI's code (Ink, React, Yoga, the screens) is loaded once the first screen's reads are sent,
  // so the first round trip runs meanwhile; with --demo it loads while the emulator starts on its
  // worker thread (a failure of the import is reported where it is awaited).
  const loadUi = () => import('./app/run.tsx');
  const uiEarly = args.demo ? loadUi() : undefined;
  uiEarly?.catch(() => undefined);
  let ctx: DashboardContext;
  try {
    if (args.logFile) checkLogFile(args.logFile);
    if (args.demo) {
      ctx = await demoContext(parsed);
    } else {
      ctx = configContext(args);
    }
  } catch (e) {
    if (isRomaError(e)) return fail(e.kind === 'file' ? e.message : (e.errorMsg ?? e.message), e.hint);
    return fail(e instanceof Error ? e.message : String(e));
  }
  for (const w of ctx.warnings) process.stderr.write(`roma-dash: warning: ${w}\n`);
  try {
    // `:ctx` profile switching re-resolves with the same flags (flags still win over the profile);
    // --demo talks to its own emulator only, so there only instances switch.
    const profiles = ctx.demo ? [] : listProfiles();
    const session = sessionOf(ctx);
    const autoRefreshMs = args.refresh ? args.refresh * 1000 : null;
    const store = createSessionStore(session.client, session.instanceId ?? null, autoRefreshMs);
    // an emulator thread that dies leaves every request refused: the status line says why
    ctx.emulator?.onStop((why) =>
      store.getState().actions.setStatus({
        level: 'error',
        text: `the demo emulator stopped: ${why}`,
        hint: 'quit and start roma-dash --demo again',
      }),
    );
    const statePath = args.noResume || resumeDisabledByEnv() ? undefined : defaultStatePath();
    // A saved view other than the root one: its reads go first (the registry is loaded for it)
    const point = statePath === undefined ? null : readSavedPoint(statePath, resumeKey(session.header));
    const screens =
      point === null || ROOT_SCREENS.some((d) => d.id === point.screen)
        ? ROOT_SCREENS
        : (await import('../screens/registry.ts')).RESOURCES;
    const resumed = startAtPoint(store, point, screens);
    const firstRows = prefetchFirstScreen(store, screens);
    const { runDashboard } = await (uiEarly ?? loadUi());
    // Resumed on a saved instance: the first frame also waits for the instance list, so that an
    // instance gone meanwhile opens the instance list with a note, not a view of it first.
    await within(resumed ? Promise.all([firstRows, instanceListIn(store)]) : firstRows, FIRST_FRAME_WAIT_MS);
    if (resumed && point !== null) leaveIfInstanceGone(store, point);
    return await runDashboard({
      ...session,
      store,
      autoRefreshMs,
      ...(statePath === undefined ? {} : { statePath }),
      ...(profiles.length > 0
        ? {
            profiles: {
              names: profiles,
              open: (name: string) =>
                Promise.resolve().then(() => sessionOf(configContext({ ...args, profile: name }))),
            },
          }
        : {}),
    });
  } finally {
    await ctx.emulator?.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`roma-dash: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
