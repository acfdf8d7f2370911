// Ink turns each line it draws into styled cells (@alcalzone/ansi-tokenize), and a line it has not
// kept from an earlier frame (scripts/ink-frame-cache.mjs) costs most in two places: splitting the
// line into graphemes with Intl.Segmenter, and testing every cell against a Unicode-property
// RegExp that the bundle builds anew per cell. A filter keystroke changes every row of the list
// (the match highlight moves), so it pays both for each row (issue 18). The build (scripts/build.mjs)
// routes them here:
// - `segments(str, segmenter)`: the graphemes of a line whose every character is its own grapheme
//   (printable ASCII, ESC, and BMP letters, punctuation and symbols that never join with a
//   neighbour, when the line holds no combining mark, joiner or variation selector) are its UTF-16
//   code units, listed directly; any other line goes to the segmenter. Same segments, same order.
// - `isIgnorableCell(value)`: Ink's Default_Ignorable test with the RegExp built once (ASCII never is).
//   Ink's line diff (build/line-update.js) walks the common prefix of a changed line by the same
//   segments.
// - `memoLines(fn)`: Ink's sanitizeAnsi (it re-tokenises the ANSI of every text node it squashes, for
//   layout and again for output, on every frame) answered from the lines recently seen.

/**
 * Lines made only of characters each of which is a grapheme of its own, whatever its neighbours:
 * Grapheme_Cluster_Break Other or Control, never Extend, SpacingMark, Prepend, ZWJ, Regional
 * Indicator or Hangul, and no surrogates (UAX #29). ESC and printable ASCII (CR LF, the one ASCII
 * pair that joins, is left out); Latin-1 and Latin Extended to the spacing modifiers (U+00A0–U+02FF,
 * before the combining marks); general punctuation (U+2010–U+2027, U+2030–U+205E); arrows,
 * mathematical operators and technical symbols (U+2190–U+23FF); box drawing, blocks, geometric
 * shapes, dingbats and supplemental arrows (U+2500–U+27FF).
 */
const SIMPLE_LINE = /^[\x1b\x20-\x7e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u23ff\u2500-\u27ff]*$/;

/** The grapheme segments of `str` as `Intl.Segmenter` lists them (`segment` and `index`). */
export function segments(str, segmenter) {
  if (!SIMPLE_LINE.test(str)) return segmenter.segment(str);
  const out = new Array(str.length);
  for (let i = 0; i < str.length; i++) out[i] = { segment: str[i], index: i };
  return out;
}

const IGNORABLE = /^\p{Default_Ignorable_Code_Point}+$/u;

/** Ink's cell filter: true for a cell made only of default-ignorable code points. */
export function isIgnorableCell(value) {
  if (value.length === 1 && value.charCodeAt(0) < 0x80) return false;
  return IGNORABLE.test(value);
}

/**
 * `fn` (a pure function of one string) remembering its recent answers: two generations of at most
 * `limit` strings each, so memory stays bounded while a frame's lines (40 to 150) stay answered.
 */
export function memoLines(fn, limit = 512) {
  let now = new Map();
  let before = new Map();
  return function memo(text) {
    let out = now.get(text);
    if (out !== undefined) return out;
    out = before.get(text);
    if (out === undefined) out = fn(text);
    if (now.size >= limit) {
      before = now;
      now = new Map();
    }
    now.set(text, out);
    return out;
  };
}

const SEGMENT_ANCHOR = 'for (const { segment, index } of segmenter.segment(str)) {';

/** @alcalzone/ansi-tokenize's build/tokenize.js with its grapheme loop over `segments`. */
export function patchTokenize(source, modulePath) {
  return (
    `import { segments as __segments } from ${JSON.stringify(modulePath)};\n` +
    replaceOnce(
      source,
      SEGMENT_ANCHOR,
      'for (const { segment, index } of __segments(str, segmenter)) {',
      'ansi-tokenize tokenize()',
    )
  );
}

const IGNORABLE_ANCHOR = '!/^\\p{Default_Ignorable_Code_Point}+$/u.test(character.value)';

/** Ink's build/output.js with its per-cell Default_Ignorable test through `isIgnorableCell`. */
export function patchIgnorableTest(source, modulePath) {
  return (
    `import { isIgnorableCell as __isIgnorableCell } from ${JSON.stringify(modulePath)};\n` +
    replaceOnce(source, IGNORABLE_ANCHOR, '!__isIgnorableCell(character.value)', 'ink output.js cell filter')
  );
}

const PREVIOUS_ANCHOR = 'const previousSegments = segmenter.segment(previousText)[Symbol.iterator]();';
const NEXT_ANCHOR = 'for (const { segment, index } of segmenter.segment(nextText)) {';

/** Ink's build/line-update.js with its common-prefix walk over `segments`. */
export function patchLineUpdate(source, modulePath) {
  const what = 'ink line-update.js segment walk';
  return (
    `import { segments as __segments } from ${JSON.stringify(modulePath)};\n` +
    replaceOnce(
      replaceOnce(
        source,
        PREVIOUS_ANCHOR,
        'const previousSegments = __segments(previousText, segmenter)[Symbol.iterator]();',
        what,
      ),
      NEXT_ANCHOR,
      'for (const { segment, index } of __segments(nextText, segmenter)) {',
      what,
    )
  );
}

const SANITIZE_ANCHOR = 'const sanitizeAnsi = (text) => {';
const SANITIZE_EXPORT = 'export default sanitizeAnsi;';

/** Ink's build/sanitize-ansi.js with its answers remembered (`memoLines`). */
export function patchSanitizeAnsi(source, modulePath) {
  const renamed = replaceOnce(
    source,
    SANITIZE_ANCHOR,
    'const sanitizeAnsiEach = (text) => {',
    'ink sanitize-ansi.js sanitizeAnsi',
  );
  return (
    `import { memoLines as __memoLines } from ${JSON.stringify(modulePath)};\n` +
    replaceOnce(
      renamed,
      SANITIZE_EXPORT,
      `const sanitizeAnsi = __memoLines(sanitizeAnsiEach);\n${SANITIZE_EXPORT}`,
      'ink sanitize-ansi.js export',
    )
  );
}

/** An Ink or tokenizer upgrade that moves the anchor must fail the build, not drop the patch. */
function replaceOnce(source, anchor, by, what) {
  const at = source.indexOf(anchor);
  if (at < 0 || source.indexOf(anchor, at + 1) >= 0)
    throw new Error(`ink-fast-cells: ${what} not found once`);
  return source.slice(0, at) + by + source.slice(at + anchor.length);
}
