// Runs every test with Node's own test runner (TypeScript through tsx).
// `npm test` = build the CLI (end-to-end tests drive dist/cli.js in a pseudo-terminal), then all tests.
// `npm test -- unit` (or any path fragments) runs only test files whose path contains one of them.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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

// Ink renders non-interactively when CI is set; the app under test must behave as on a terminal.
const env = { ...process.env };
delete env.CI;
delete env.CONTINUOUS_INTEGRATION;
env.NODE_ENV = 'test';

const res = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=120000', ...files],
  { stdio: 'inherit', env },
);
process.exit(res.status ?? 1);
