import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { format } from 'prettier';
import { keysMarkdown } from '../../scripts/keys-md.ts';

test('the README key reference is the one generated from the key map', async () => {
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf('<!-- keys:start -->');
  const end = readme.indexOf('<!-- keys:end -->');
  assert.ok(start >= 0 && end > start, 'README.md has the keys:start/keys:end markers');
  const inReadme = readme.slice(start + '<!-- keys:start -->'.length, end).trim();
  // The README is prettier-formatted (tables aligned), so compare with the formatted generation.
  const expected = (await format(keysMarkdown(), { parser: 'markdown', printWidth: 110 })).trim();
  assert.equal(inReadme, expected, 'regenerate with: npx tsx scripts/keys-md.ts (then npm run format)');
});
