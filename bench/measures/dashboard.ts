// (2) key-to-frame latency, (3) peak RSS, (5) bytes per selection move and (6) idle CPU, all on
// the APIs list of a dashboard pointed at an emulator holding `scale` APIs.
import { setTimeout as sleep } from 'node:timers/promises';
import { startCli, type CliSession, type KeyName } from '../../test/helpers/pty.ts';
import { cpuSeconds, peakRssKiB } from '../lib/proc.ts';
import { percentile, round } from '../lib/stats.ts';
import { keyToFrame } from '../lib/frames.ts';
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
}

const LATENCY_TARGET = 'p95 < 16 ms';

async function samples(cli: CliSession, key: KeyName | { text: string }, n: number) {
  const ms: number[] = [];
  const bytes: number[] = [];
  let silent = 0;
  for (let i = 0; i < n; i++) {
    const t = await keyToFrame(cli, key);
    if (t.ms === null) silent++;
    else {
      ms.push(t.ms);
      bytes.push(t.bytes);
    }
  }
  return { ms, bytes, silent };
}

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
    detail: {
      p50: percentile(s.ms, 50),
      p95: percentile(s.ms, 95),
      p99: percentile(s.ms, 99),
      samples: s.ms.length,
      silent: s.silent,
    },
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

function launch(emu: BenchEmulator): CliSession {
  const { args, env } = dashboardAgainst(emu);
  return startCli(args, { script: CLI, env, cols: 120, rows: 40, sttyProbe: false });
}

async function quit(cli: CliSession): Promise<void> {
  cli.type('q');
  await Promise.race([cli.exitCode, sleep(3000)]);
  cli.kill();
  await cli.exitCode;
}

export async function measureDashboard(o: DashboardOptions): Promise<Measure[]> {
  const ids = {
    move: ['latency-move', `key-to-frame: move selection (${o.scale} APIs)`],
    page: ['latency-page', `key-to-frame: page down (${o.scale} APIs)`],
    filter: ['latency-filter', `key-to-frame: filter keystroke (${o.scale} APIs)`],
    rss: ['peak-rss', `peak RSS with ${o.scale} APIs loaded`],
    bytes: ['bytes-per-move', 'bytes written per selection move'],
    idleOff: ['idle-cpu-off', `idle CPU over ${o.idleSeconds} s, auto-refresh off`],
    idleOn: ['idle-cpu-on', `idle CPU over ${o.idleSeconds} s, auto-refresh on`],
  } as const;
  const units = { move: 'ms', page: 'ms', filter: 'ms', rss: 'MiB', bytes: 'B', idleOff: '%', idleOn: '%' };
  const targets: Partial<Record<keyof typeof ids, string>> = {
    move: LATENCY_TARGET,
    page: LATENCY_TARGET,
    filter: LATENCY_TARGET,
    rss: '< 150 MiB',
    bytes: '< 1024 B',
    idleOff: '< 1 %',
  };
  const allNa = (why: string): Measure[] =>
    (Object.keys(ids) as Array<keyof typeof ids>).map((k) =>
      notAvailable(ids[k][0], ids[k][1], units[k], why, targets[k]),
    );

  if (!dashboardBuilt()) return allNa('dist/cli.js is still the skeleton');
  const start = await loadStartEmulator();
  if (typeof start === 'string') return allNa(start);

  const out: Measure[] = [];
  const emu = await start({ seed: { scale: o.scale } });
  let cli: CliSession | undefined;
  try {
    cli = launch(emu);
    try {
      await openApisList(cli, o.scale);
    } catch (e) {
      return allNa(`could not open the APIs list: ${errorMessage(e)}`);
    }
    const moves = await samples(cli, 'down', o.moves);
    out.push(latencyMeasure(ids.move[0], ids.move[1], moves));
    const pages = await samples(cli, 'pgdn', o.pages);
    out.push(latencyMeasure(ids.page[0], ids.page[1], pages));

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
            baselines: inkRss === null ? [] : [{ name: 'minimal Ink app', value: round(inkRss / 1024) }],
            target: targets.rss,
            met: rss / 1024 < 150,
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
          ? notAvailable(ids.idleOn[0], ids.idleOn[1], '%', 'could not read /proc')
          : {
              id: ids.idleOn[0],
              label: ids.idleOn[1],
              unit: '%',
              value: idleOn,
              note: `toggled with ${AUTO_REFRESH_KEY}`,
            },
      );
    } catch (e) {
      out.push(notAvailable(ids.idleOn[0], ids.idleOn[1], '%', errorMessage(e)));
    }
    await quit(cli);
  } catch (e) {
    const have = new Set(out.map((m) => m.id));
    for (const m of allNa(errorMessage(e))) if (!have.has(m.id)) out.push(m);
  } finally {
    cli?.kill();
    await emu.close();
  }
  return out;
}
