// (1) Start-up: process start to the first frame with instance data, against `node -e 0` and the
// minimal Ink app, medians of N runs each.
import { performance } from 'node:perf_hooks';
import { startCli } from '../../test/helpers/pty.ts';
import { median, round } from '../lib/stats.ts';
import { errorMessage, notAvailable, type Measure } from '../lib/result.ts';
import { CLI, INSTANCE_READY, dashboardBuilt } from '../lib/app.ts';

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

async function timeToText(script: string, args: string[], match: RegExp | string): Promise<number> {
  const t0 = performance.now();
  const cli = startCli(args, { script, sttyProbe: false });
  try {
    await cli.waitForText(match, 30_000);
    return performance.now() - t0;
  } finally {
    cli.kill();
    await cli.exitCode;
  }
}

export async function measureStartup(runs: number, minimalInk: string): Promise<Measure> {
  const id = 'startup';
  const label = 'start-up to first frame with instance data (median)';
  const target = '≤ 1.5x minimal Ink app';
  // `-e 0` passed where the script path goes: the child is `node -e 0`.
  const nodeMs: number[] = [];
  const inkMs: number[] = [];
  const appMs: number[] = [];
  const built = dashboardBuilt();
  try {
    // Interleaved so that drift in machine load hits every subject alike.
    for (let i = 0; i < runs; i++) {
      nodeMs.push(await timeToExit('-e', ['0']));
      inkMs.push(await timeToText(minimalInk, [], 'minimal ink ready'));
      if (built) appMs.push(await timeToText(CLI, ['--demo'], INSTANCE_READY));
    }
  } catch (e) {
    return notAvailable(id, label, 'ms', errorMessage(e), target);
  }
  const baselines = [
    { name: 'node -e 0', value: round(median(nodeMs)) },
    { name: 'minimal Ink app', value: round(median(inkMs)) },
  ];
  if (!built) {
    return { ...notAvailable(id, label, 'ms', 'dist/cli.js is still the skeleton', target), baselines };
  }
  const value = round(median(appMs));
  return {
    id,
    label,
    unit: 'ms',
    value,
    baselines,
    target,
    met: value <= 1.5 * (baselines[1]?.value ?? Infinity),
    detail: { runs, nodeMs, inkMs, appMs },
  };
}
