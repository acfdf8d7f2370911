// A node:test reporter that prints nothing until the run ends, then lists every failed test with
// its file and first error line: in a CI log of 400 TAP entries the failures are at the end.
// Used by scripts/test.mjs next to the TAP reporter (which prints `# pass N` / `# fail N`).
import { relative } from 'node:path';

/** @param {AsyncIterable<{ type: string; data: any }>} source */
export default async function* recap(source) {
  /** @type {string[]} */
  const failed = [];
  for await (const event of source) {
    if (event.type !== 'test:fail') continue;
    const { name, file, details } = event.data;
    // A suite or parent test fails because a child did; the child is already listed.
    if (details?.error?.failureType === 'subtestsFailed') continue;
    // No line number: tsx hands node:test transpiled code, whose lines are not the source's.
    const where = file ? relative(process.cwd(), file) : '(unknown file)';
    const cause = details?.error?.cause ?? details?.error;
    const message = String(cause?.message ?? cause ?? 'failed').split('\n')[0];
    failed.push(`  ✗ ${name}\n      ${where}: ${message}`);
  }
  if (failed.length > 0) yield `\n# ${failed.length} failed:\n${failed.join('\n')}\n`;
}
