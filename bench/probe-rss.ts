// Probe of the peak-RSS measure (bench/measures/dashboard.ts) alone: the dashboard on the APIs list
// of an emulator process holding PROBE_SCALE APIs, and the bare list with the same rows, each driven
// with a few ↓/PgDn and read from /proc (VmHWM, VmRSS). Alternates PROBE_RUNS times.
// Run: npx tsx bench/probe-rss.ts (after `node scripts/build.mjs` and `node bench/build-minimal.mjs`).
// PROBE_CLI: other builds' cli.js, comma-separated (A/B); PROBE_NODE_OPTIONS, PROBE_BARE_NODE_OPTIONS: NODE_OPTIONS
// for the dashboard, the bare list.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { startCli, type CliSession } from '../test/helpers/pty.ts';
import { dashboardAgainst, openApisList, startEmulatorProcess } from './lib/app.ts';
import { BARE_ROWS_FILE, bareReady, writeBareRows } from './lib/bare.ts';
import { cpuSeconds } from './lib/proc.ts';
import { keyToFrame } from './lib/frames.ts';
import { percentile } from './lib/stats.ts';

// bench/build-minimal.mjs writes it there
const BARE_LIST_BUNDLE = fileURLToPath(new URL('./results/bare-list.js', import.meta.url));
const scale = Number(process.env.PROBE_SCALE ?? 10000);
const runs = Number(process.env.PROBE_RUNS ?? 3);
const clis = (process.env.PROBE_CLI ?? '').split(',').filter(Boolean);
const nodeOptions = process.env.PROBE_NODE_OPTIONS;
const bareNodeOptions = process.env.PROBE_BARE_NODE_OPTIONS;
const skipBare = process.env.PROBE_BARE === '0';
/** PROBE_LATENCY=N: key-to-frame of N moves (every fifth a PgDn) right after the load, p50/p95. */
const latencyKeys = Number(process.env.PROBE_LATENCY ?? 0);
/** PROBE_LATENCY_KEY=pgdn|down: that key only. */
const latencyKey = process.env.PROBE_LATENCY_KEY as 'pgdn' | 'down' | undefined;

function status(pid: number): { hwm: number; rss: number; cpu: number } {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN);
  return { hwm: kib('VmHWM') / 1024, rss: kib('VmRSS') / 1024, cpu: cpuSeconds(pid) ?? NaN };
}

async function drive(cli: CliSession): Promise<void> {
  for (let i = 0; i < 20; i++) {
    cli.press('down');
    await sleep(20);
  }
  for (let i = 0; i < 10; i++) {
    cli.press('pgdn');
    await sleep(40);
  }
  await cli.waitForQuiet(300, 30_000);
}

async function stop(cli: CliSession): Promise<void> {
  if (process.env.PROBE_GC === '1') {
    // a preload listening for SIGUSR2 (with --expose-gc) logs the heap after a full GC
    process.kill(cli.pid, 'SIGUSR2');
    await sleep(Number(process.env.PROBE_GC_WAIT ?? 500));
  }
  const dir = process.env.PROBE_SMAPS; // copies /proc/PID/smaps there, for a look at the mappings
  if (dir) writeFileSync(`${dir}/smaps.${cli.pid}`, readFileSync(`/proc/${cli.pid}/smaps`));
  cli.kill();
  await cli.exitCode;
}

const env = nodeOptions ? { NODE_OPTIONS: nodeOptions } : {};
const bareEnv = bareNodeOptions ? { NODE_OPTIONS: bareNodeOptions } : {};
const emu = await startEmulatorProcess({ seed: `scale:${scale}` });
try {
  const count = await writeBareRows(emu);
  if (typeof count !== 'number') throw new Error(count);
  const fmt = (m: { hwm: number; rss: number; cpu: number }) =>
    `hwm ${m.hwm.toFixed(1)} rss ${m.rss.toFixed(1)} cpu ${m.cpu.toFixed(2)}`;
  for (let r = 0; r < runs; r++) {
    for (const script of clis.length ? clis : [undefined]) {
      const a = dashboardAgainst(emu);
      const cli = startCli(a.args, {
        env: { ...a.env, ...env },
        cols: 120,
        rows: 40,
        sttyProbe: false,
        ...(script ? { script } : {}),
      });
      try {
        await cli.waitForText(/scale_api_0+\b/, 30_000); // the first rows on screen
        const first = status(cli.pid);
        await openApisList(cli, scale);
        const loaded = status(cli.pid);
        if (latencyKeys > 0) {
          const ms: number[] = [];
          const cpu0 = cpuSeconds(cli.pid) ?? NaN;
          // PROBE_SIGNAL_KEYS=1: SIGUSR2 before and after the keys (a preload may profile them)
          if (process.env.PROBE_SIGNAL_KEYS === '1') process.kill(cli.pid, 'SIGUSR2');
          for (let i = 0; i < latencyKeys; i++) {
            const t = await keyToFrame(cli, latencyKey ?? (i % 5 === 4 ? 'pgdn' : 'down'));
            if (t.ms !== null) ms.push(t.ms);
          }
          const at = (p: number) => percentile(ms, p).toFixed(1);
          const cpuMs = (((cpuSeconds(cli.pid) ?? NaN) - cpu0) * 1000) / latencyKeys;
          if (process.env.PROBE_SIGNAL_KEYS === '1') {
            process.kill(cli.pid, 'SIGUSR2');
            await sleep(1000);
          }
          console.log(
            `latency ${script ?? 'dist'}: p50 ${at(50)} p95 ${at(95)} ms over ${ms.length}, CPU ${cpuMs.toFixed(1)} ms a key`,
          );
        }
        await drive(cli);
        const driven = status(cli.pid);
        // as the bench does after its moves: filter 'api_00', then Esc
        for (const ch of '/api_00') {
          cli.type(ch);
          await sleep(60);
        }
        cli.press('esc');
        await cli.waitForQuiet(300, 30_000);
        console.log(
          `dashboard ${script ?? 'dist'}: first rows cpu ${first.cpu.toFixed(2)}; loaded ${fmt(loaded)}; driven ${fmt(driven)}; filtered ${fmt(status(cli.pid))}`,
        );
      } finally {
        await stop(cli);
      }
    }
    if (skipBare) continue;
    const bare = startCli([BARE_ROWS_FILE], {
      script: BARE_LIST_BUNDLE,
      cols: 120,
      rows: 40,
      sttyProbe: false,
      env: bareEnv,
    });
    try {
      await bare.waitForText(bareReady(count), 30_000);
      await bare.waitForQuiet(200, 30_000);
      await drive(bare);
      console.log(`bare list: ${fmt(status(bare.pid))}`);
    } finally {
      await stop(bare);
    }
  }
} finally {
  await emu.close();
}
