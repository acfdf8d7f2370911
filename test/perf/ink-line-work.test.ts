// Ink's line diff walks a changed line by code units when each character is its own grapheme, its
// sanitizeAnsi remembers recent answers, and its ANSI tokenizer passes plain runs at once
// (scripts/ink-line-work.mjs, patched in by the build): the same segments as Intl.Segmenter, a
// bounded memo, the same tokens as Ink's own tokenizer, and patches that find their place in the
// installed Ink (an upgrade that moves it fails here and in the build, not silently).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { test } from 'node:test';
import {
  memoLines,
  MEMO_MAX_LENGTH,
  patchAnsiTokenizer,
  patchLineUpdate,
  patchSanitizeAnsi,
  segments,
  // @ts-expect-error -- a build script in plain JavaScript, without declarations
} from '../../scripts/ink-line-work.mjs';

type Segment = { segment: string; index: number };
const listSegments = segments as (s: string, seg: Intl.Segmenter) => Iterable<Segment>;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const bySegmenter = (s: string) =>
  [...segmenter.segment(s)].map(({ segment, index }) => ({ segment, index }));
const byFastPath = (s: string) =>
  [...listSegments(s, segmenter)].map(({ segment, index }) => ({ segment, index }));

/** The characters the fast path takes (scripts/ink-line-work.mjs, SIMPLE_LINE). */
const RANGES: Array<[number, number]> = [
  [0x1b, 0x1b],
  [0x20, 0x7e],
  [0xa0, 0x2ff],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
  [0x2190, 0x23ff],
  [0x2500, 0x27ff],
];
const simpleChars = RANGES.flatMap(([a, b]) =>
  Array.from({ length: b - a + 1 }, (_, i) => String.fromCharCode(a + i)),
);

/** Seeded integers below `n` (mulberry32: every value reachable, the same run every time). */
function randomInts(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n) | 0;
  };
}

test('every character the fast path takes is a grapheme of its own beside any other', () => {
  // joins with a letter before or after it, or with itself, would show here (UAX #29 pairs)
  for (const c of simpleChars) {
    const s = `a${c}${c}\x1b${c}a`;
    assert.deepEqual(byFastPath(s), bySegmenter(s), `U+${c.charCodeAt(0).toString(16)}`);
  }
});

test('a table row with colours and a match highlight: the segmenter’s segments', () => {
  const row =
    '\x1b[7m  scale_api_0000\x1b[48;2;80;80;0m\x1b[38;2;255;255;255m12\x1b[39m\x1b[49m  ' +
    '\x1b[32mGET\x1b[39m /v1/a/{id}/… — ● ↑ ⟳ «naïve» ß\x1b[27m';
  assert.deepEqual(byFastPath(row), bySegmenter(row));
  assert.ok(Array.isArray(listSegments(row, segmenter)), 'taken by the fast path');
});

test('random lines of those characters and escape sequences: the segmenter’s segments', () => {
  const rnd = randomInts(7);
  const pieces = ['\x1b[31m', '\x1b[39m', '\x1b[48;5;12m', '\x1b[0m', '\x1b', '\x1b[', '\x1b]8;;u\x07'];
  for (let n = 0; n < 300; n++) {
    let s = '';
    for (let i = rnd(60); i > 0; i--)
      s += rnd(5) === 0 ? pieces[rnd(pieces.length)] : simpleChars[rnd(simpleChars.length)];
    assert.deepEqual(byFastPath(s), bySegmenter(s), JSON.stringify(s));
  }
});

test('lines with combining marks, joiners, emoji, CJK or CR LF go to the segmenter', () => {
  for (const s of ['e\u0301', 'a\u200db', '👍🏽', '❤\ufe0f', '表格', 'a\r\nb', '\u1100\u1161', 'x\u0300']) {
    assert.ok(!Array.isArray(listSegments(s, segmenter)), JSON.stringify(s));
    assert.deepEqual(byFastPath(s), bySegmenter(s));
  }
});

test('memoLines answers a recent string without computing it again, and stays bounded', () => {
  const computed: string[] = [];
  const memo = (memoLines as (fn: (s: string) => string, limit: number) => (s: string) => string)((s) => {
    computed.push(s);
    return s.toUpperCase();
  }, 2);
  assert.equal(memo('a'), 'A');
  assert.equal(memo('a'), 'A');
  assert.equal(memo('b'), 'B');
  assert.deepEqual(computed, ['a', 'b']);
  memo('c'); // a, b become the older generation
  memo('d');
  memo('e'); // c, d older; a, b dropped
  computed.length = 0;
  assert.equal(memo('d'), 'D');
  assert.equal(memo('a'), 'A');
  assert.deepEqual(computed, ['a'], 'a line two generations back is computed again');
  // a long text (a whole response body in one node) is answered but not kept
  computed.length = 0;
  const long = 'x'.repeat(MEMO_MAX_LENGTH + 1);
  memo(long);
  memo(long);
  assert.deepEqual(computed, [long, long]);
});

const inkBuild = dirname(fileURLToPath(import.meta.resolve('ink')));

test('the patched ANSI tokenizer gives Ink’s tokens for random text with every kind of control', async () => {
  type Tokenize = (text: string) => unknown[];
  const original = (await import(pathToFileURL(join(inkBuild, 'ansi-tokenizer.js')).href)) as {
    tokenizeAnsi: Tokenize;
  };
  const dir = mkdtempSync(join(tmpdir(), 'ink-tokenizer-'));
  try {
    const lineWork = fileURLToPath(new URL('../../scripts/ink-line-work.mjs', import.meta.url));
    const source = readFileSync(join(inkBuild, 'ansi-tokenizer.js'), 'utf8');
    const file = join(dir, 'ansi-tokenizer.mjs');
    writeFileSync(file, (patchAnsiTokenizer as (s: string, p: string) => string)(source, lineWork));
    const patched = (await import(pathToFileURL(file).href)) as { tokenizeAnsi: Tokenize };
    const rnd = randomInts(11);
    // CSI, SGR, OSC with BEL and ST ends, DCS, lone ESC, 8-bit CSI/OSC/ST and other C1 controls,
    // a bell, surrogate pairs and halves, marks: in and out of sequences
    const pieces = [
      '\x1b[31m',
      '\x1b[0m',
      '\x1b[38;2;1;2;3m',
      '\x1b[',
      '\x1b',
      '\x1b]8;;u\x07',
      '\x1b]0;t\x1b\\',
      '\x1bP1$q\x1b\\',
      '\x1b(B',
      '\x1b ',
      '\x9b1m',
      '\x9d0;t\x9c',
      '\x9c',
      '\x85',
      '\x90x\x9c',
      '\x9f',
      '\x07',
      '👍',
      '\ud83d',
      'e\u0301',
      '\u0080',
      '\u00a0',
    ];
    const plain = 'abc xyz-0123 /v1/{id} ßé表';
    for (let n = 0; n < 2000; n++) {
      let s = '';
      for (let i = rnd(40); i > 0; i--)
        s +=
          rnd(3) === 0 ? pieces[rnd(pieces.length)] : plain.slice(rnd(plain.length), rnd(plain.length) + 4);
      assert.deepEqual(patched.tokenizeAnsi(s), original.tokenizeAnsi(s), JSON.stringify(s));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the patches find their place once in the installed Ink', () => {
  const patch = (f: unknown, file: string) =>
    (f as (s: string, p: string) => string)(readFileSync(join(inkBuild, file), 'utf8'), '/x/f.mjs');
  const lineUpdate = patch(patchLineUpdate, 'line-update.js');
  assert.match(lineUpdate, /^import \{ segments as __segments \} from "\/x\/f\.mjs";/);
  assert.match(
    lineUpdate,
    /previousSegments = __segments\(previousText, segmenter\)\[Symbol\.iterator\]\(\);/,
  );
  assert.match(lineUpdate, /of __segments\(nextText, segmenter\)\) \{/);
  const sanitize = patch(patchSanitizeAnsi, 'sanitize-ansi.js');
  assert.match(sanitize, /^import \{ memoLines as __memoLines \} from "\/x\/f\.mjs";/);
  assert.match(sanitize, /const sanitizeAnsiEach = \(text\) => \{/);
  assert.match(
    sanitize,
    /const sanitizeAnsi = __memoLines\(sanitizeAnsiEach\);\nexport default sanitizeAnsi;/,
  );
  const tokenizer = patch(patchAnsiTokenizer, 'ansi-tokenizer.js');
  assert.match(tokenizer, /^import \{ nextControl as __nextControl \} from "\/x\/f\.mjs";/);
  assert.match(tokenizer, /index = __nextControl\(text, index \+ 1\);/);
  assert.throws(() => (patchLineUpdate as (s: string, p: string) => string)('x', '/x'), /not found once/);
  assert.throws(() => (patchAnsiTokenizer as (s: string, p: string) => string)('x', '/x'), /not found once/);
  assert.throws(() => (patchSanitizeAnsi as (s: string, p: string) => string)('x', '/x'), /not found once/);
});
