// Ink's line cells kept across frames (scripts/ink-frame-cache.mjs, patched in by the build): the
// cache answers a recent line without computing it again, stays bounded, and the patch finds its
// place in the installed Ink (an upgrade that moves it fails here and in the build, not silently).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
// @ts-expect-error -- a build script in plain JavaScript, without declarations
import { createLineCache, patchInkOutput } from '../../scripts/ink-frame-cache.mjs';

type Cache = (line: string, compute: (l: string) => string[]) => string[];

test('a line drawn lately is not computed again; old lines are let go', () => {
  const cache = (createLineCache as (limit: number) => Cache)(2);
  const computed: string[] = [];
  const cells = (l: string) => {
    computed.push(l);
    return [...l];
  };
  const a1 = cache('a', cells);
  assert.equal(cache('a', cells), a1, 'the same cells, shared');
  cache('b', cells);
  cache('c', cells); // a and b move to the older generation
  assert.equal(cache('a', cells), a1, 'one generation back is still kept');
  cache('d', cells);
  cache('e', cells);
  cache('f', cells); // b was not asked for during two generations
  cache('b', cells);
  assert.deepEqual(computed, ['a', 'b', 'c', 'd', 'e', 'f', 'b']);
});

test("the patch routes the installed Ink's getStyledChars through the shared cache", () => {
  const inkBuild = dirname(fileURLToPath(import.meta.resolve('ink')));
  const source = readFileSync(join(inkBuild, 'output.js'), 'utf8');
  const patched = (patchInkOutput as (s: string, p: string) => string)(source, '/x/cache.mjs');
  assert.match(patched, /^import \{ sharedStyledChars as __sharedStyledChars \} from "\/x\/cache\.mjs";/);
  assert.match(
    patched,
    /getStyledChars\(line\) \{\n\s+return __sharedStyledChars\(line, \(l\) => this\.inkStyledChars\(l\)\);/,
  );
  assert.match(patched, /inkStyledChars\(line\) \{\n\s+let cached = this\.styledChars\.get\(line\);/);
  assert.throws(
    () => (patchInkOutput as (s: string, p: string) => string)('class X {}', '/x'),
    /not found once/,
  );
});
