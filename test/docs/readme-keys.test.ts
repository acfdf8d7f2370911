import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { keysMarkdown, keysSectionOf } from '../../scripts/keys-md.ts';

test('the README key reference is the one generated from the key map', async () => {
  const section = keysSectionOf(readFileSync('README.md', 'utf8'));
  assert.ok(section !== undefined, 'README.md has the keys:start/keys:end markers');
  assert.equal(section, await keysMarkdown(), 'regenerate with: npx tsx scripts/keys-md.ts --write');
});
