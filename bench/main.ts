// The benchmark: every figure against baselines measured in the same run; prints a table and writes
// bench/results/latest.json. Targets are reported, not asserted.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { machineDescription } from './lib/proc.ts';
import type { Measure } from './lib/result.ts';
import { measureStartup } from './measures/startup.ts';
import { measureDashboard } from './measures/dashboard.ts';
import { measureLoad } from './measures/load.ts';
import { measureFamilies } from './measures/families.ts';
import { writeBareRows } from './lib/bare.ts';
import { dashboardBuilt, startEmulatorProcess, type BenchEmulator } from './lib/app.ts';
import { errorMessage } from './lib/result.ts';

function intEnv(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

function ratioText(m: Measure): string {
  const value = m.value;
  return (m.baselines ?? [])
    .map(
      (b) =>
        `${b.name} ${b.value} ${m.unit}${value !== null && b.value > 0 ? ` (${(value / b.value).toFixed(2)}x)` : ''}`,
    )
    .join('; ');
}

export function formatTable(measures: Measure[]): string {
  const rows = measures.map((m) => [
    m.label,
    m.value === null ? '—' : `${m.value} ${m.unit}`,
    ratioText(m),
    m.target ? `${m.target}${m.met === undefined ? '' : m.met ? ' ✓' : ' ✗'}` : '',
    m.note ?? '',
  ]);
  const head = ['measure', 'value', 'baseline (ratio)', 'target', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join(' | ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

export async function runBenchmark(minimalInk: string, bareListBundle: string): Promise<void> {
  const scale = intEnv('BENCH_SCALE', 10_000);
  const opts = {
    runs: intEnv('BENCH_RUNS', 5),
    scale,
    moves: intEnv('BENCH_MOVES', 100),
    pages: intEnv('BENCH_PAGES', 30),
    idleSeconds: intEnv('BENCH_IDLE_SECONDS', 10),
    devices: intEnv('BENCH_DEVICES', 100_000),
    latencyMs: 50,
  };
  const started = new Date();
  const measures: Measure[] = [];
  const step = async (name: string, f: () => Promise<Measure | Measure[]>) => {
    process.stderr.write(`bench: ${name}…\n`);
    const r = await f();
    measures.push(...(Array.isArray(r) ? r : [r]));
  };
  // One emulator process for the start-up figures and for the bare list's rows (the same APIs).
  let emu: BenchEmulator | null = null;
  let bareList: { bundle: string; count: number } | null = null;
  if (dashboardBuilt()) {
    try {
      emu = await startEmulatorProcess({ seed: `scale:${scale}` });
      const count = await writeBareRows(emu);
      if (typeof count === 'number') bareList = { bundle: bareListBundle, count };
      else process.stderr.write(`bench: no bare list: ${count}\n`);
    } catch (e) {
      process.stderr.write(`bench: no emulator process: ${errorMessage(e)}\n`);
    }
  }
  try {
    await step('start-up', () => measureStartup(opts.runs, minimalInk, bareList, emu));
  } finally {
    await emu?.close();
  }
  await step('dashboard on the APIs list', () => measureDashboard({ ...opts, minimalInk, bareList }));
  if (process.env.BENCH_FAMILIES !== '0') {
    await step('devices and messages lists', () =>
      measureFamilies({ devices: opts.devices, messagesScale: scale, moves: opts.moves, bareList }),
    );
  }
  await step('load with injected latency', () => measureLoad(scale, opts.latencyMs));

  const table = formatTable(measures);
  const machine = {
    ...machineDescription(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
  console.log(table);
  console.log(
    `\nmachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memGiB} GiB, Linux ${machine.kernel}, Node ${machine.node}`,
  );
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}latest.json`;
  writeFileSync(
    file,
    JSON.stringify({ startedAt: started.toISOString(), options: opts, machine, measures, table }, null, 2) +
      '\n',
  );
  console.log(`written: bench/results/latest.json`);
  if (process.env.BENCH_README !== '0') {
    updateReadme(table, machine, started);
    console.log('updated: bench/README.md (latest figures)');
  }
}

const START = '<!-- bench:latest:start -->';
const END = '<!-- bench:latest:end -->';

/** Replaces the figures section of bench/README.md so it always shows the latest run and its machine. */
function updateReadme(
  table: string,
  machine: ReturnType<typeof machineDescription> & { node: string },
  at: Date,
) {
  const file = fileURLToPath(new URL('./README.md', import.meta.url));
  if (!existsSync(file)) return;
  const text = readFileSync(file, 'utf8');
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from === -1 || to < from) return;
  const section = [
    START,
    '',
    `Run ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine.cpu}, ${machine.cores} cores, ` +
      `${machine.memGiB} GiB, Linux ${machine.kernel}, Node ${machine.node}.`,
    '',
    '```text',
    table,
    '```',
    '',
    '',
  ].join('\n');
  writeFileSync(file, text.slice(0, from) + section + text.slice(to));
}
