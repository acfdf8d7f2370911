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

type Cache = (line: string, frame: object, compute: (l: string) => string[]) => string[];

function counting() {
  const computed: string[] = [];
  const cells = (l: string) => {
    computed.push(l);
    return [...l];
  };
  return { computed, cells };
}

test('a line drawn again in a later frame is not computed again; a line drawn once is not kept', () => {
  const cache = (createLineCache as (limit: number) => Cache)(8);
  const { computed, cells } = counting();
  const [f1, f2, f3] = [{}, {}, {}];
  cache('row 1', f1, cells);
  cache('page row', f1, cells);
  const kept = cache('row 1', f2, cells); // drawn in a second frame: kept from now on
  assert.equal(cache('row 1', f3, cells), kept, 'the same cells, shared');
  assert.deepEqual(cache('row 1', f3, cells), ['r', 'o', 'w', ' ', '1']);
  assert.deepEqual(computed, ['row 1', 'page row', 'row 1'], 'the page row was drawn once: nothing kept');
});

test('the cache holds at most two generations of lines', () => {
  const cache = (createLineCache as (limit: number) => Cache)(2);
  const { computed, cells } = counting();
  const frames = Array.from({ length: 6 }, () => ({}));
  const draw = (i: number, ...lines: string[]) => lines.forEach((l) => cache(l, frames[i] as object, cells));
  draw(0, 'a', 'b');
  draw(1, 'a', 'b'); // both kept
  computed.length = 0;
  draw(2, 'a', 'b');
  assert.deepEqual(computed, [], 'kept lines are answered');
  draw(3, 'c', 'd');
  draw(4, 'e', 'f'); // a and b are two generations back now
  computed.length = 0;
  draw(5, 'a');
  assert.deepEqual(computed, ['a'], 'an old line is computed again');
});

test("the patch routes the installed Ink's getStyledChars through the shared cache", () => {
  const inkBuild = dirname(fileURLToPath(import.meta.resolve('ink')));
  const source = readFileSync(join(inkBuild, 'output.js'), 'utf8');
  const patched = (patchInkOutput as (s: string, p: string) => string)(source, '/x/cache.mjs');
  assert.match(patched, /^import \{ sharedStyledChars as __sharedStyledChars \} from "\/x\/cache\.mjs";/);
  assert.match(
    patched,
    /getStyledChars\(line\) \{\n\s+return __sharedStyledChars\(line, this, \(l\) => this\.inkStyledChars\(l\)\);/,
  );
  assert.match(patched, /inkStyledChars\(line\) \{\n\s+let cached = this\.styledChars\.get\(line\);/);
  // as the build calls it: a line the cache does not hold tries the one-pass cells first
  const withFast = (patchInkOutput as (s: string, p: string, f: string) => string)(
    source,
    '/x/cache.mjs',
    '/x/fast.mjs',
  );
  assert.match(withFast, /import \{ fastStyledChars as __fastStyledChars \} from "\/x\/fast\.mjs";/);
  assert.match(
    withFast,
    /return __sharedStyledChars\(line, this, \(l\) => __fastStyledChars\(l\) \?\? this\.inkStyledChars\(l\)\);/,
  );
  const build = readFileSync(new URL('../../scripts/build.mjs', import.meta.url), 'utf8');
  assert.match(build, /patchInkOutput\(src, here\('ink-frame-cache\.mjs'\), here\('ink-fast-cells\.mjs'\)\)/);
  assert.throws(
    () => (patchInkOutput as (s: string, p: string) => string)('class X {}', '/x'),
    /not found once/,
  );
});
