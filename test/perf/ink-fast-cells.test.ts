// The build's fast path for Ink's line cells (scripts/ink-fast-cells.mjs): for every line it takes,
// the cells equal what Ink computes with @alcalzone/ansi-tokenize; every other line is left to Ink.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { styledCharsFromTokens, tokenize } from '@alcalzone/ansi-tokenize';
import { Chalk } from 'chalk';
// @ts-expect-error -- a build script in plain JavaScript, without declarations
import { fastStyledChars } from '../../scripts/ink-fast-cells.mjs';

const fast = fastStyledChars as (line: string) => unknown[] | null;
const ink = (line: string) =>
  styledCharsFromTokens(tokenize(line)).filter((c) => !/^\p{Default_Ignorable_Code_Point}+$/u.test(c.value));

const c = new Chalk({ level: 3 });
const styles = [
  (s: string) => s,
  c.bold,
  c.dim,
  c.inverse,
  c.red,
  c.green.bold,
  c.bgBlue.white,
  c.hex('#ff8800'),
  c.bgHex('#203040').yellow.underline,
  c.ansi256(31),
  c.italic.strikethrough,
];

test('the cells of styled ASCII and narrow-symbol lines equal Ink’s', () => {
  // a small deterministic generator: rows as the dashboard draws them, styles nested and adjacent
  let seed = 7;
  const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
  const alphabet = 'abcXYZ 019_-/.:{}|~…—–›·•●○↑↓←→°×«»“”€£éüß│─┃━▏⠋⠙✓✗≤';
  for (let k = 0; k < 400; k++) {
    let line = '';
    for (let parts = 1 + rnd(6); parts > 0; parts--) {
      let text = '';
      for (let n = rnd(18); n > 0; n--) text += alphabet[rnd(alphabet.length)];
      const outer = styles[rnd(styles.length)] ?? String;
      const inner = styles[rnd(styles.length)] ?? String;
      line += rnd(3) === 0 ? outer(`${text}${inner(text)}${text}`) : outer(text);
    }
    if (rnd(5) === 0) line += '\x1b[0m tail \x1b[1;31;48;5;200mx\x1b[m';
    const got = fast(line);
    assert.ok(got, JSON.stringify(line));
    assert.deepEqual(got, ink(line), JSON.stringify(line));
  }
});

test('lines needing grapheme segmentation or other escapes are left to Ink', () => {
  for (const line of [
    '数据 wide',
    'e\u0301 combining',
    '👍 emoji',
    '©\ufe0f selector',
    'soft\u00adhyphen',
    '\x1b]8;;https://x\x07link\x1b]8;;\x07',
    '\x1b[2K erase',
    '\x1b[31',
    'bell\x07',
    '\x9b31m c1',
    'tab\there',
  ])
    assert.equal(fast(line), null, JSON.stringify(line));
});
