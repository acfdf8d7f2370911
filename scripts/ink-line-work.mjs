// Three per-line costs of Ink that a filter keystroke pays for every row of the list (the match
// highlight moves, so every row is a changed line; issue 18). The build (scripts/build.mjs) routes:
// - Ink's line diff (build/line-update.js), which walks the common prefix of a changed line and
//   the line it replaces grapheme by grapheme with Intl.Segmenter (~20 us a line), through
//   `segments`: a line whose every character is its own grapheme is listed by UTF-16 code unit;
//   any other line goes to the segmenter. Same segments, same order.
// - Ink's sanitizeAnsi (build/sanitize-ansi.js), which re-tokenises the ANSI of every text node it
//   squashes, for layout and again for output, on every frame, through `memoLines`: the answers
//   for recent strings are remembered (a pure function of one string).
// - Ink's ANSI tokenizer (build/ansi-tokenizer.js), which steps through a string with colour codes
//   character by character, testing each against every kind of control, to `nextControl`: a run of
//   plain characters is passed in one regular-expression search. Same tokens.

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

/**
 * Longest text `memoLines` keeps: a table row with its colour codes is well below; a text node of a
 * whole response body or log, new on each frame, is answered without being kept.
 */
export const MEMO_MAX_LENGTH = 2048;

/**
 * `fn` (a pure function of one string) remembering its recent answers: two generations of at most
 * `limit` strings of at most MEMO_MAX_LENGTH each, so memory stays bounded (about 4 MB) while a
 * frame's lines (40 to 150) stay answered.
 */
export function memoLines(fn, limit = 512) {
  let now = new Map();
  let before = new Map();
  return function memo(text) {
    if (text.length > MEMO_MAX_LENGTH) return fn(text);
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

/** ESC and the C1 controls (CSI, OSC, DCS, ST, …): the only characters the tokenizer acts on. */
const CONTROL = /[\x1b\x80-\x9f]/g;

/** Index of the first ESC or C1 control in `text` at or after `from`; `text.length` when none. */
export function nextControl(text, from) {
  CONTROL.lastIndex = from;
  return CONTROL.exec(text)?.index ?? text.length;
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

const TOKENIZER_ANCHOR = `        const character = text[index];
        if (character === undefined) {
            break;
        }
        if (character === escapeCharacter) {`;

/** Ink's build/ansi-tokenizer.js passing each run of plain characters at once (`nextControl`). */
export function patchAnsiTokenizer(source, modulePath) {
  return (
    `import { nextControl as __nextControl } from ${JSON.stringify(modulePath)};\n` +
    replaceOnce(
      source,
      TOKENIZER_ANCHOR,
      TOKENIZER_ANCHOR.replace(
        'if (character === escapeCharacter) {',
        `if (character !== escapeCharacter && !isC1ControlCharacter(character)) {
            index = __nextControl(text, index + 1);
            continue;
        }
        if (character === escapeCharacter) {`,
      ),
      'ink ansi-tokenizer.js tokenize loop',
    )
  );
}

/** An Ink upgrade that moves the anchor must fail the build, not drop the patch. */
function replaceOnce(source, anchor, by, what) {
  const at = source.indexOf(anchor);
  if (at < 0 || source.indexOf(anchor, at + 1) >= 0) throw new Error(`ink-line-work: ${what} not found once`);
  return source.slice(0, at) + by + source.slice(at + anchor.length);
}
