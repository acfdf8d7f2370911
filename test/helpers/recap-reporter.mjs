// A node:test reporter that prints nothing until the run ends, then lists every failed test with
// its file and first error line (in a CI log of 700 TAP entries the failures are at the end), and
// the files that took longest (what to split or speed up when `npm test` grows slow).
// Used by scripts/test.mjs next to the TAP reporter (which prints `# pass N` / `# fail N`).
import { existsSync } from 'node:fs';
import { relative } from 'node:path';

/**
 * The source of a compiled test file (.test-build/test/app/x.test.mjs → test/app/x.test.tsx; the body
 * behind a prelude entry, x.test-body.mjs, is x.test.tsx too).
 */
function sourceOf(file) {
  if (!file) return '(unknown file)';
  const rel = relative(process.cwd(), file);
  const m = /^\.test-build\/(.*?)(?:-body)?\.mjs$/.exec(rel);
  if (!m) return rel;
  return existsSync(`${m[1]}.tsx`) ? `${m[1]}.tsx` : `${m[1]}.ts`;
}

const SLOWEST = 8;

/** @param {AsyncIterable<{ type: string; data: any }>} source */
export default async function* recap(source) {
  /** @type {string[]} */
  const failed = [];
  /** @type {Map<string, number>} */
  const msPerFile = new Map();
  for await (const event of source) {
    if ((event.type === 'test:pass' || event.type === 'test:fail') && event.data.nesting === 0) {
      const where = sourceOf(event.data.file);
      msPerFile.set(where, (msPerFile.get(where) ?? 0) + (event.data.details?.duration_ms ?? 0));
    }
    if (event.type !== 'test:fail') continue;
    const { name, file, details } = event.data;
    // A suite or parent test fails because a child did; the child is already listed.
    if (details?.error?.failureType === 'subtestsFailed') continue;
    // No line number: the runner sees compiled code, whose lines are not the source's.
    const where = sourceOf(file);
    const cause = details?.error?.cause ?? details?.error;
    const message = String(cause?.message ?? cause ?? 'failed').split('\n')[0];
    failed.push(`  ✗ ${name}\n      ${where}: ${message}`);
  }
  const slowest = [...msPerFile].sort((a, b) => b[1] - a[1]).slice(0, SLOWEST);
  if (slowest.length > 1) {
    yield `\n# slowest files:\n${slowest.map(([f, ms]) => `  ${(ms / 1000).toFixed(1).padStart(6)} s  ${f}`).join('\n')}\n`;
  }
  if (failed.length > 0) yield `\n# ${failed.length} failed:\n${failed.join('\n')}\n`;
}
