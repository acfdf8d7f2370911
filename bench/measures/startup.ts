// (1) Start-up: process start to the first frame with data, medians of N runs each, interleaved
// so that drift in machine load hits every subject alike. Baselines: `node -e 0`, the minimal Ink
// app and the bare list (its first frame with rows). Subjects: the dashboard with --demo (to the
// instance list), against an emulator in its own process (to the first APIs on screen), and the
// same resumed on the devices list where the last session ended (what a user of the device family
// pays at start: the family's code is loaded for it, the APIs list is not).
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startCli, type CliSession } from '../../test/helpers/pty.ts';
import { median, round } from '../lib/stats.ts';
import { cpuSeconds } from '../lib/proc.ts';
import { errorMessage, notAvailable, type Measure } from '../lib/result.ts';
import { BARE_ROWS_FILE, bareReady } from '../lib/bare.ts';
import {
  CLI,
  INSTANCE_READY,
  dashboardAgainst,
  dashboardBuilt,
  itemsLoaded,
  type BenchEmulator,
} from '../lib/app.ts';

const TARGET = '≤ 1.2x bare list';
/** A row of the devices list (name, node id, status): its first rows are on screen. */
const DEVICE_ROW = /^\s*\S+-\d{4,}\s+\S+\s+(online|offline|inactive|abnormal)\b/im;
/** ms from spawn to the whole devices list (every page) loaded: reported in the note. */
const wholeDevices: number[] = [];
/** A row of the scale seed's APIs list. */
const API_ROW = /scale_api_\d{6}/;

async function timeToExit(script: string, args: string[]): Promise<number> {
  const t0 = performance.now();
  const cli = startCli(args, { script, sttyProbe: false });
  try {
    await cli.waitForExit(30_000);
    return performance.now() - t0;
  } finally {
    cli.kill();
  }
}

/**
 * A state directory (XDG_STATE_HOME) whose saved view for the dashboard against `emu` is `screen` of
 * its first instance: as if the last session had ended there.
 */
function savedViewHome(emu: BenchEmulator, screen: string): string {
  const home = mkdtempSync(join(tmpdir(), 'roma-dash-bench-state-'));
  const point = { instanceId: emu.instances[0] ?? null, screen, filter: '' };
  mkdirSync(join(home, 'roma-dash'));
  writeFileSync(
    join(home, 'roma-dash', 'state.json'),
    JSON.stringify({
      version: 1,
      profiles: { [`endpoint:${emu.endpoint}|${emu.projectId}`]: { point, history: [] } },
    }),
  );
  return home;
}

/** CPU ms each subject used up to its first frame: far less noisy than wall time on a shared machine. */
const cpuMs = new Map<string, number[]>();

/**
 * Wall ms from spawn until `ready` resolves (CPU ms under `cpuKey`). `ready` may return a further
 * wait (what happens after the measured point), run before the process is ended.
 */
async function timeTo(
  script: string,
  args: string[],
  ready: (cli: CliSession) => Promise<void | (() => Promise<void>)>,
  env: Record<string, string> = {},
  cpuKey?: string,
): Promise<number> {
  const t0 = performance.now();
  const cli = startCli(args, { script, env, sttyProbe: false, cols: 120, rows: 40 });
  try {
    const then = await ready(cli);
    const wall = performance.now() - t0;
    const cpu = cpuSeconds(cli.pid);
    if (cpuKey && cpu !== null) cpuMs.set(cpuKey, [...(cpuMs.get(cpuKey) ?? []), cpu * 1000]);
    if (then) await then();
    return wall;
  } finally {
    cli.kill();
    await cli.exitCode;
  }
}

/** The output files `roots` import statically (`import … from "./x.js"`; a dynamic `import("./x.js")` has a paren). */
function staticGraph(roots: string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...roots];
  for (let f = todo.pop(); f !== undefined; f = todo.pop()) {
    if (seen.has(f)) continue;
    seen.add(f);
    for (const m of readFileSync(f, 'utf8').matchAll(/\b(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g))
      todo.push(resolve(dirname(f), m[1] as string));
  }
  return seen;
}

/**
 * Bytes of what a start evaluates before its first request (dist/main.js and the shared chunks it
 * imports statically), of the UI it then loads (the chunk of src/app/run.tsx, `run-*.js`, and what
 * that imports beyond the first part), and of the chunks loaded on demand (families, emulator).
 */
function bundleSizes(): { first: number; firstFiles: number; ui: number; lazy: number } {
  const dir = dirname(CLI);
  const chunks = (() => {
    try {
      return readdirSync(`${dir}/chunks`).map((f) => resolve(dir, 'chunks', f));
    } catch {
      return [];
    }
  })();
  const first = staticGraph([resolve(dir, 'main.js')]);
  const runChunk = chunks.filter((f) => /\/run-[^/]+\.js$/.test(f));
  const start = staticGraph([resolve(dir, 'main.js'), ...runChunk]);
  const size = (fs: Iterable<string>) => [...fs].reduce((n, f) => n + statSync(f).size, 0);
  return {
    first: size(first),
    firstFiles: first.size,
    ui: size([...start].filter((f) => !first.has(f))),
    lazy: size(chunks.filter((f) => !start.has(f))),
  };
}

export async function measureStartup(
  runs: number,
  minimalInk: string,
  bare: { bundle: string; count: number } | null,
  emu: BenchEmulator | null,
): Promise<Measure[]> {
  const ids = {
    demo: ['startup', 'start-up to first frame with instance data, --demo (median)'],
    apis: ['startup-apis', 'start-up to first APIs on screen, emulator process (median)'],
    devices: ['startup-devices', 'start-up resumed on :devices to its first rows on screen (median)'],
  } as const;
  const samples = { node: [] as number[], ink: [] as number[], bare: [] as number[] };
  const app = { demo: [] as number[], apis: [] as number[], devices: [] as number[] };
  const built = dashboardBuilt();
  const na = (why: string) =>
    (Object.keys(ids) as Array<keyof typeof ids>).map((k) =>
      notAvailable(ids[k][0], ids[k][1], 'ms', why, TARGET),
    );
  // A subject that fails one run (a loaded machine) leaves the others and its other runs standing.
  const failures: Partial<Record<keyof typeof app, string>> = {};
  const attempt = async (k: keyof typeof app, f: () => Promise<number>) => {
    try {
      app[k].push(await f());
    } catch (e) {
      failures[k] = errorMessage(e);
    }
  };
  const stateHome = emu ? savedViewHome(emu, 'devices') : null;
  try {
    for (let i = 0; i < runs; i++) {
      // `-e 0` passed where the script path goes: the child is `node -e 0`.
      samples.node.push(await timeToExit('-e', ['0']));
      samples.ink.push(await timeTo(minimalInk, [], (c) => c.waitForText('minimal ink ready', 30_000)));
      if (bare) {
        samples.bare.push(
          await timeTo(
            bare.bundle,
            [BARE_ROWS_FILE],
            (c) => c.waitForText(bareReady(bare.count), 30_000),
            {},
            'bare',
          ),
        );
      }
      if (!built) continue;
      await attempt('demo', () =>
        timeTo(CLI, ['--demo'], (c) => c.waitForText(INSTANCE_READY, 30_000), {}, 'demo'),
      );
      if (emu) {
        const apis = dashboardAgainst(emu);
        await attempt('apis', () =>
          timeTo(CLI, apis.args, (c) => c.waitForText(API_ROW, 60_000), apis.env, 'apis'),
        );
        const resumed = dashboardAgainst(emu, { instance: false });
        await attempt('devices', () =>
          timeTo(
            CLI,
            resumed.args,
            async (c) => {
              const spawned = performance.now();
              await c.waitForText(DEVICE_ROW, 60_000);
              // the list streams: the rest of its pages arrive after the first rows are shown
              return async () => {
                await c.waitForText(itemsLoaded(), 60_000);
                wholeDevices.push(performance.now() - spawned);
              };
            },
            { ...resumed.env, XDG_STATE_HOME: stateHome ?? '' },
            'devices',
          ),
        );
      }
    }
  } catch (e) {
    return na(errorMessage(e));
  } finally {
    if (stateHome) rmSync(stateHome, { recursive: true, force: true });
  }
  const baselines = [
    { name: 'node -e 0', value: round(median(samples.node)) },
    { name: 'minimal Ink app', value: round(median(samples.ink)) },
    ...(bare ? [{ name: 'bare list', value: round(median(samples.bare)) }] : []),
  ];
  if (!built) return na('dist/cli.js is still the skeleton');
  const bareMs = bare ? median(samples.bare) : null;
  const sizes = bundleSizes();
  const kib = (n: number) => `${Math.round(n / 1024)} KiB`;
  const bareCpu = cpuMs.get('bare');
  const cpuNote = (k: string) => {
    const xs = cpuMs.get(k);
    if (!xs?.length) return '';
    const v = median(xs);
    const b = bareCpu?.length ? median(bareCpu) : null;
    return `; CPU to the frame ${round(v, 0)} ms${b ? ` (bare list ${round(b, 0)} ms, ${(v / b).toFixed(2)}x)` : ''}`;
  };
  const one = (k: keyof typeof ids, xs: number[], note: string): Measure => {
    if (xs.length === 0)
      return notAvailable(ids[k][0], ids[k][1], 'ms', failures[k] ?? 'no emulator process', TARGET);
    const value = round(median(xs));
    note +=
      cpuNote(k) + (xs.length < runs ? `; ${runs - xs.length} of ${runs} runs failed: ${failures[k]}` : '');
    return {
      id: ids[k][0],
      label: ids[k][1],
      unit: 'ms',
      value,
      baselines,
      target: TARGET,
      ...(bareMs === null ? {} : { met: value <= 1.2 * bareMs }),
      note,
      detail: { runs, samples: xs, baselineSamples: samples, cpuMs: Object.fromEntries(cpuMs) },
    };
  };
  const bundle =
    `before the first request ${kib(sizes.first)} (dist/main.js + ${sizes.firstFiles - 1} chunks), then the UI ${kib(sizes.ui)}` +
    (sizes.lazy ? `, on demand ${kib(sizes.lazy)}` : '');
  return [
    one('demo', app.demo, `${bundle}; the demo emulator seeds on a worker thread meanwhile`),
    one('apis', app.apis, 'families not opened'),
    one(
      'devices',
      app.devices,
      'the last session ended on :devices (saved view, no --instance)' +
        (wholeDevices.length
          ? `; the whole list (every page) ${round(median(wholeDevices), 0)} ms after start`
          : ''),
    ),
  ];
}
