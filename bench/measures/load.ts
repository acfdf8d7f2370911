// (4) Time for the client's listAll to fetch every API with 50 ms injected per request, against the
// floor: one round trip for the first page, then the remaining pages at the client's concurrency.
// The emulator runs in a process of its own (as a gateway would); the same run against an
// in-process emulator, whose serialisation shares the client's thread, is reported beside it.
import { performance } from 'node:perf_hooks';
import { median, round } from '../lib/stats.ts';
import { errorMessage, notAvailable, type Measure } from '../lib/result.ts';
import {
  dashboardBuilt,
  loadClient,
  loadStartEmulator,
  startEmulatorProcess,
  type BenchEmulator,
  type ClientModules,
} from '../lib/app.ts';

/** listAll runs per emulator; the figure is their median. */
const LOADS = 3;

interface LoadRun {
  /** Median of `loads`. */
  ms: number;
  loads: number[];
  rtt: number;
  rtts: number[];
  count: number;
  /** Server time per full page: a page of `pageSize` without injected latency, minus a 1-item page. */
  pageCostMs: number;
}

async function timeListAll(client: ClientModules, emu: BenchEmulator): Promise<LoadRun> {
  const apis = client.createApisClient(emu);
  // The round trip is measured here, under the same injected latency, rather than assumed.
  const rtts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await apis.list({ limit: 1 });
    rtts.push(performance.now() - t0);
  }
  const full: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await apis.list({ limit: client.pageSize });
    full.push(performance.now() - t0);
  }
  // The floor's round trips are taken on a warm server, so the loads are too: the first listAll of
  // a fresh emulator process compiles its list and serialisation code (~15 % slower), untimed here.
  await apis.listAll();
  // One load is ~0.5 s: the median of three keeps one stall of a shared machine out of the figure.
  const loads: number[] = [];
  let count = 0;
  for (let i = 0; i < LOADS; i++) {
    const t0 = performance.now();
    count = (await apis.listAll()).length;
    loads.push(performance.now() - t0);
  }
  const rtt = median(rtts);
  return { ms: median(loads), loads, rtt, rtts, count, pageCostMs: Math.max(0, median(full) - rtt) };
}

export async function measureLoad(scale: number, latencyMs: number): Promise<Measure> {
  const id = 'load-all';
  const label = `listAll of ${scale} APIs, ${latencyMs} ms per request`;
  const target = '≤ 1.3x floor';
  const start = await loadStartEmulator();
  if (typeof start === 'string') return notAvailable(id, label, 'ms', start, target);
  const client = await loadClient();
  if (typeof client === 'string') return notAvailable(id, label, 'ms', client, target);
  const faults = `latency=${latencyMs}`;

  let inProcess: LoadRun | undefined;
  let separate: LoadRun | undefined;
  try {
    const emu = await start({ seed: { scale }, faults });
    try {
      inProcess = await timeListAll(client, emu);
    } finally {
      await emu.close();
    }
    if (dashboardBuilt()) {
      const proc = await startEmulatorProcess({ seed: `scale:${scale}`, faults });
      try {
        separate = await timeListAll(client, proc);
      } finally {
        await proc.close();
      }
    }
  } catch (e) {
    return notAvailable(id, label, 'ms', errorMessage(e), target);
  }
  const run = separate ?? inProcess;
  if (run.count !== scale) return notAvailable(id, label, 'ms', `listAll returned ${run.count} of ${scale}`);
  const pages = Math.ceil(scale / client.pageSize);
  const floorOf = (r: LoadRun) => r.rtt * (1 + Math.ceil((pages - 1) / client.concurrency));
  const floor = floorOf(run);
  const where = separate ? 'emulator in its own process' : 'emulator in-process';
  const other =
    separate && inProcess
      ? `; emulator in-process: ${round(inProcess.ms, 0)} ms (${round(inProcess.ms / floorOf(inProcess), 2)}x its floor)`
      : '';
  return {
    id,
    label,
    unit: 'ms',
    value: round(run.ms, 0),
    baselines: [
      {
        name: `floor (${pages} pages of ${client.pageSize}, concurrency ${client.concurrency})`,
        value: round(floor, 0),
      },
      // Not the target's baseline: the same floor with every round trip carrying a full page, i.e.
      // what is left when the server's and the client's per-page work is counted too.
      {
        name: 'floor with full pages',
        value: round(floorOf(run) * ((run.rtt + run.pageCostMs) / run.rtt), 0),
      },
    ],
    target,
    met: run.ms <= 1.3 * floor,
    note: `${where}, median of ${LOADS} loads after one untimed; round trip ${round(run.rtt)} ms, a full page costs ${round(run.pageCostMs)} ms more${other}`,
    detail: {
      loads: run.loads,
      rtts: run.rtts,
      pages,
      pageSize: client.pageSize,
      concurrency: client.concurrency,
      pageCostMs: run.pageCostMs,
      inProcess: inProcess && { ms: inProcess.ms, rtt: inProcess.rtt, pageCostMs: inProcess.pageCostMs },
    },
  };
}
