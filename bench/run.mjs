// `npm run bench`: build dist/cli.js and the minimal Ink baseline, then run bench/main.ts through tsx.
// Knobs (environment): BENCH_RUNS (start-up repetitions, 5), BENCH_SCALE (APIs, 10000),
// BENCH_MOVES (100), BENCH_PAGES (30), BENCH_IDLE_SECONDS (10), BENCH_DEVICES (100000),
// BENCH_FAMILIES=0 (skip the devices and messages lists).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { buildBareList, buildMinimalInk } from './build-minimal.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const minimalInk = await buildMinimalInk();
const bareList = await buildBareList();

// The app under test must behave as on a real terminal (the pty harness also unsets CI for it).
delete process.env.CI;
register();
const { runBenchmark } = await import('./main.ts');
await runBenchmark(minimalInk, bareList);
