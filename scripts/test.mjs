// Runs every test with Node's own test runner.
// `npm test` = build the CLI (end-to-end tests drive dist/cli.js in a pseudo-terminal), compile the
// test files to .test-build/ (scripts/build-tests.mjs), then run them all, the costliest first.
// `npm test -- unit` (or any path fragments) runs only test files whose path contains one of them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTests } from './build-tests.mjs';

const filters = process.argv.slice(2);

function listTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listTests(p));
    else if (/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const files = listTests('test')
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}

// Five files run at a time: the soak and the hostile walk in a terminal wait on it for over a minute
// each while using little CPU, and the other three slots keep both cores busy (on the quiet 2-core
// machine: four at a time 2 min 44 s with a third of the CPU idle, five 2 min 28 s with 5 % idle).
// A long file started last would run alone at the end, so the costliest start first and the short
// files fill the slots.
const CONCURRENCY = 5;
const COSTLY_FIRST = [
  'test/soak/',
  'test/hostile/pty',
  'test/hostile/screens',
  'test/app/readonly-keys',
  'test/app/listed-keys',
  'test/secrets/cli',
  'test/app/gateway-more-actions',
  'test/hostile/link-screens',
  'test/app/mqs-screens',
];
const rank = (f) => {
  const i = COSTLY_FIRST.findIndex((x) => f.includes(x));
  return i < 0 ? COSTLY_FIRST.length : i;
};
files.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
const compiled = await buildTests(files);

// Ink renders non-interactively when CI is set; the app under test must behave as on a terminal.
const env = { ...process.env };
delete env.CI;
delete env.CONTINUOUS_INTEGRATION;
// React's production build, as in dist/ (scripts/build.mjs defines NODE_ENV): what users run, and
// about a third less CPU per rendered frame than the development build's checks and profiling hooks.
// The cost: React's development warnings (keys, hooks, act) no longer show in test runs; they never
// failed a test either (the runner does not fail on a child's console.error). `npm run lint` keeps
// the rules of hooks.
env.NODE_ENV = 'production';
// ink-testing-library's fake stdout has columns but no rows, so Ink asks the terminal-size package on
// every render, which spawns `tput cols` and `tput lines` when the environment does not say: hundreds
// of processes per screen-test file (half its CPU, most of its wall time). 24 rows is what it found.
// The pseudo-terminal tests remove both for the CLI they start (test/helpers/pty.ts).
env.LINES = '24';
env.COLUMNS = '100';
// Every temp file of the run (audit logs, debug histories, fake homes, sockets) goes under one
// directory that is removed afterwards, also when a test fails before its own clean-up.
const runTmp = mkdtempSync(join(tmpdir(), 'roma-dash-test-'));
env.TMPDIR = runTmp;

// A file that leaves a handle open is cancelled (and fails) after its timeout (5 min: the 2,000-key
// soak and the walks over every screen take 1–2 min on a loaded 2-core machine); the watchdog is the
// backstop should the runner itself hang: CI must fail, not wait forever.
const WATCHDOG_MS = 40 * 60_000;

// scripts/test-runner.mjs keeps the order (`node --test` would sort the files by name).
const res = spawnSync(
  process.execPath,
  ['scripts/test-runner.mjs', String(CONCURRENCY), '300000', ...files.map((f) => compiled.get(f))],
  { stdio: 'inherit', env, timeout: WATCHDOG_MS, killSignal: 'SIGKILL' },
);
rmSync(runTmp, { recursive: true, force: true });
if (res.error || res.signal) {
  console.error(
    `test run aborted: ${res.signal === 'SIGKILL' ? `still running after ${WATCHDOG_MS / 60_000} min` : (res.error?.message ?? res.signal)}`,
  );
  process.exit(1);
}
process.exit(res.status ?? 1);
