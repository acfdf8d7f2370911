// (2) key-to-frame latency, (3) peak RSS, (5) bytes per selection move and (6) idle CPU, all on
// the APIs list of a dashboard pointed at an emulator holding `scale` APIs; moves, pages and memory
// against the bare list (bench/bare-list.mjs) holding the same rows, driven in the same run.
import { setTimeout as sleep } from 'node:timers/promises';
import { startCli, type CliSession } from '../../test/helpers/pty.ts';
import { cpuSeconds, peakRssKiB } from '../lib/proc.ts';
import { percentile, round } from '../lib/stats.ts';
import { keyToFrame } from '../lib/frames.ts';
import { startBareList } from '../lib/bare.ts';
import { RATIO_TARGET, interleaved, ratioMeasures } from '../lib/latency.ts';
import { errorMessage, notAvailable, type Measure } from '../lib/result.ts';
import {
  AUTO_REFRESH_KEY,
  CLI,
  FILTER_KEY,
  dashboardAgainst,
  dashboardBuilt,
  loadStartEmulator,
  openApisList,
  type BenchEmulator,
} from '../lib/app.ts';

export interface DashboardOptions {
  scale: number;
  moves: number;
  pages: number;
  idleSeconds: number;
  minimalInk: string;
  /** The bare-list bundle and the number of rows it draws; null when its rows could not be written. */
  bareList: { bundle: string; count: number } | null;
}

const LATENCY_TARGET = 'p95 < 16 ms';

function latencyMeasure(id: string, label: string, s: { ms: number[]; silent: number }): Measure {
  if (s.ms.length === 0) return notAvailable(id, label, 'ms', 'no key produced a frame', LATENCY_TARGET);
  const p95 = round(percentile(s.ms, 95));
  return {
    id,
    label,
    unit: 'ms',
    value: p95,
    target: LATENCY_TARGET,
    met: p95 < 16,
    note: `p50 ${round(percentile(s.ms, 50))} / p95 ${p95} / p99 ${round(percentile(s.ms, 99))} ms over ${s.ms.length} keys${s.silent ? `, ${s.silent} without a frame` : ''}`,
  };
}

async function minimalInkPeakRss(minimalInk: string): Promise<number | null> {
  const cli = startCli([], { script: minimalInk, sttyProbe: false });
  try {
    await cli.waitForText('minimal ink ready', 30_000);
    await sleep(300);
    return peakRssKiB(cli.pid);
  } finally {
    cli.kill();
    await cli.exitCode;
  }
}

async function idleCpuPercent(cli: CliSession, seconds: number): Promise<number | null> {
  await cli.waitForQuiet(300, 30_000);
  const c0 = cpuSeconds(cli.pid);
  await sleep(seconds * 1000);
  const c1 = cpuSeconds(cli.pid);
  return c0 === null || c1 === null ? null : round(((c1 - c0) / seconds) * 100, 2);
}

/** The dashboard against `emu`; with `instance: false` it starts on the instance list. */
export function launch(emu: BenchEmulator, opts: { instance?: boolean } = {}): CliSession {
  const { args, env } = dashboardAgainst(emu, opts);
  return startCli(args, { script: CLI, env, cols: 120, rows: 40, sttyProbe: false });
}

export async function quit(cli: CliSession): Promise<void> {
  cli.type('q');
  await Promise.race([cli.exitCode, sleep(3000)]);
  cli.kill();
  await cli.exitCode;
}

export async function measureDashboard(o: DashboardOptions): Promise<Measure[]> {
  const ids = {
    filter: ['latency-filter', `key-to-frame: filter keystroke (${o.scale} APIs)`],
    rss: ['peak-rss', `peak RSS with ${o.scale} APIs loaded`],
    bytes: ['bytes-per-move', 'bytes written per selection move'],
    idleOff: ['idle-cpu-off', `idle CPU over ${o.idleSeconds} s, auto-refresh off`],
    idleOn: ['idle-cpu-on', `idle CPU over ${o.idleSeconds} s, auto-refresh on`],
  } as const;
  const units = { filter: 'ms', rss: 'MiB', bytes: 'B', idleOff: '%', idleOn: '%' };
  const targets: Partial<Record<keyof typeof ids, string>> = {
    filter: LATENCY_TARGET,
    rss: '≤ 1.2x bare list',
    bytes: '< 1024 B',
    idleOff: '< 1 %',
    idleOn: '< 2 %',
  };
  const moveLabel = `key-to-frame: move selection (${o.scale} APIs)`;
  const pageLabel = `key-to-frame: page down (${o.scale} APIs)`;
  const allNa = (why: string): Measure[] => [
    ...['p50', 'p95'].flatMap((p) => [
      notAvailable(`latency-move-${p}`, `${moveLabel} ${p}`, 'ms', why, RATIO_TARGET),
      notAvailable(`latency-page-${p}`, `${pageLabel} ${p}`, 'ms', why, RATIO_TARGET),
    ]),
    ...(Object.keys(ids) as Array<keyof typeof ids>).map((k) =>
      notAvailable(ids[k][0], ids[k][1], units[k], why, targets[k]),
    ),
  ];

  if (!dashboardBuilt()) return allNa('dist/cli.js is still the skeleton');
  const start = await loadStartEmulator();
  if (typeof start === 'string') return allNa(start);

  const out: Measure[] = [];
  const emu = await start({ seed: { scale: o.scale } });
  let cli: CliSession | undefined;
  let bare: CliSession | undefined;
  try {
    cli = launch(emu);
    try {
      await openApisList(cli, o.scale);
    } catch (e) {
      return allNa(`could not open the APIs list: ${errorMessage(e)}`);
    }
    bare = o.bareList ? await startBareList(o.bareList.bundle, o.bareList.count) : undefined;
    const [moves, bareMoves] = await interleaved(cli, bare, 'down', o.moves);
    out.push(...ratioMeasures('latency-move', moveLabel, moves, bareMoves));
    const [pages, barePages] = await interleaved(cli, bare, 'pgdn', o.pages);
    out.push(...ratioMeasures('latency-page', pageLabel, pages, barePages));
    const bareRss = bare ? peakRssKiB(bare.pid) : null;
    if (bare) await quit(bare);

    await keyToFrame(cli, { text: FILTER_KEY });
    const filterMs: number[] = [];
    let silent = 0;
    for (const ch of 'api_00') {
      const t = await keyToFrame(cli, { text: ch }, 60);
      if (t.ms === null) silent++;
      else filterMs.push(t.ms);
    }
    out.push(latencyMeasure(ids.filter[0], ids.filter[1], { ms: filterMs, silent }));
    await keyToFrame(cli, 'esc');

    const mean = moves.bytes.length ? moves.bytes.reduce((a, b) => a + b, 0) / moves.bytes.length : NaN;
    out.push(
      Number.isNaN(mean)
        ? notAvailable(ids.bytes[0], ids.bytes[1], 'B', 'no move produced output', targets.bytes)
        : {
            id: ids.bytes[0],
            label: ids.bytes[1],
            unit: 'B',
            value: round(mean, 0),
            target: targets.bytes,
            met: mean < 1024,
            note: `max ${Math.max(...moves.bytes)} B`,
          },
    );

    const rss = peakRssKiB(cli.pid);
    const inkRss = await minimalInkPeakRss(o.minimalInk);
    out.push(
      rss === null
        ? notAvailable(ids.rss[0], ids.rss[1], 'MiB', 'could not read /proc', targets.rss)
        : {
            id: ids.rss[0],
            label: ids.rss[1],
            unit: 'MiB',
            value: round(rss / 1024),
            baselines: [
              ...(bareRss === null ? [] : [{ name: 'bare list', value: round(bareRss / 1024) }]),
              ...(inkRss === null ? [] : [{ name: 'minimal Ink app', value: round(inkRss / 1024) }]),
            ],
            target: targets.rss,
            ...(bareRss === null ? {} : { met: rss <= 1.2 * bareRss }),
          },
    );

    const idleOff = await idleCpuPercent(cli, o.idleSeconds);
    out.push(
      idleOff === null
        ? notAvailable(ids.idleOff[0], ids.idleOff[1], '%', 'could not read /proc', targets.idleOff)
        : {
            id: ids.idleOff[0],
            label: ids.idleOff[1],
            unit: '%',
            value: idleOff,
            target: targets.idleOff,
            met: idleOff < 1,
          },
    );
    await quit(cli);

    cli = launch(emu);
    try {
      await openApisList(cli, o.scale);
      cli.type(AUTO_REFRESH_KEY);
      const idleOn = await idleCpuPercent(cli, o.idleSeconds);
      out.push(
        idleOn === null
          ? notAvailable(ids.idleOn[0], ids.idleOn[1], '%', 'could not read /proc', targets.idleOn)
          : {
              id: ids.idleOn[0],
              label: ids.idleOn[1],
              unit: '%',
              value: idleOn,
              target: targets.idleOn,
              met: idleOn < 2,
              note: `toggled with ${AUTO_REFRESH_KEY}`,
            },
      );
    } catch (e) {
      out.push(notAvailable(ids.idleOn[0], ids.idleOn[1], '%', errorMessage(e), targets.idleOn));
    }
    await quit(cli);
  } catch (e) {
    const have = new Set(out.map((m) => m.id));
    for (const m of allNa(errorMessage(e))) if (!have.has(m.id)) out.push(m);
  } finally {
    cli?.kill();
    bare?.kill();
    await emu.close();
  }
  return out;
}
