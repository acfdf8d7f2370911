// Ink measures every output line with string-width on every frame (widest-line, Output, lineUpdate),
// and a line holding one non-ASCII character (…, —, ›) takes string-width's grapheme-segmenting
// path. Between two frames almost every line is the same string, so a bounded memo across frames
// removes most of that work (it was the largest self time in a key-to-frame profile), and lines of
// ASCII plus a few common narrow symbols skip string-width altogether (new rows after a page move).
// The build (scripts/build.mjs) puts MEMO_STRING_WIDTH where Ink imports string-width.

/** Symbols the dashboard draws often besides Latin-1, and the braille cells of its spinner. */
export const NARROW_CANDIDATES =
  '…—–›‹·•●○◆◇▏▕│─┃━↑↓←→⟳°×÷«»“”‘’€£¥§¶†‡‰′″≤≥✗✓✕★↵░█▸▾▴▲▼' +
  Array.from({ length: 256 }, (_, i) => String.fromCharCode(0x2800 + i)).join('');

/**
 * Characters that are one column wide and can never join a grapheme cluster with a neighbour (not
 * marks, joiners, selectors or pictographs): a string of printable ASCII and these is as wide as it
 * is long. Written out rather than computed at start-up, where the first calls of string-width
 * compile its large regular expressions (~20 ms); test/perf/memo-string-width.test.ts computes the
 * list again from the installed string-width and fails when they differ.
 */
// prettier-ignore
export const NARROW_CODES = [
  ...Array.from({ length: 0xff - 0xa1 + 1 }, (_, i) => 0xa1 + i).filter((c) => c !== 0xad),
  0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2032,
  0x2033, 0x2039, 0x203a, 0x20ac, 0x2190, 0x2191, 0x2192, 0x2193, 0x2500, 0x2501, 0x2502, 0x2503,
  0x258f, 0x2595, 0x25c6, 0x25c7, 0x25cb, 0x25cf, 0x27f3,
  0x2264, 0x2265, 0x2717, 0x2713, 0x2715, 0x2605, 0x21b5, 0x2591, 0x2588, 0x25b8, 0x25be, 0x25b4, 0x25b2, 0x25bc,
  ...Array.from({ length: 256 }, (_, i) => 0x2800 + i),
];

/**
 * Width of a string of printable ASCII, NARROW characters and SGR sequences (which take no column:
 * string-width strips them; Ink measures the styled lines of every frame, and a filter's highlights
 * make them new each key); -1 for anything else. Its source is copied into the build.
 */
export function simpleWidth(s, narrow) {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x1b && s.charCodeAt(i + 1) === 0x5b) {
      let j = i + 2;
      for (let d = s.charCodeAt(j); (d >= 0x30 && d <= 0x39) || d === 0x3b; d = s.charCodeAt(++j));
      if (s.charCodeAt(j) !== 0x6d) return -1;
      i = j;
      continue;
    }
    if ((c < 0x20 || c > 0x7e) && !narrow.has(c)) return -1;
    w++;
  }
  return w;
}

export const MEMO_STRING_WIDTH = `
import stringWidth from 'string-width';
const NARROW = new Set(${JSON.stringify(NARROW_CODES)});
const simpleWidth = ${simpleWidth.toString()};
const cache = new Map();
const LIMIT = 8192;
export default function memoStringWidth(input, options) {
  if (options !== undefined || typeof input !== 'string') return stringWidth(input, options);
  const simple = simpleWidth(input, NARROW);
  if (simple >= 0) return simple;
  let w = cache.get(input);
  if (w === undefined) {
    w = stringWidth(input);
    if (cache.size >= LIMIT) cache.clear();
    cache.set(input, w);
  }
  return w;
}`;
