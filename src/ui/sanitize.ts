// Neutralises server-supplied text before it reaches the terminal.
//
// Policy (one rule per class, so a hostile name is *visible* rather than silently altered):
// - C0 controls and DEL become their Unicode control pictures (ESC → ␛, NUL → ␀, DEL → ␡).
//   Tab becomes a space; line breaks become ↵ in single-line text and stay real in multi-line text.
// - C1 controls (U+0080–U+009F) become the literal text `\x9B`: there is no picture for them and
//   some terminals treat U+009B as a one-byte CSI.
// - Invisible format characters (Unicode category Cf: BiDi embeddings/overrides/isolates/marks,
//   zero-width space, word joiner, BOM, soft hyphen, tag characters, …) become the literal text
//   `\u202E`. Exceptions that legitimate text needs: ZWNJ/ZWJ (U+200C/D, emoji ZWJ sequences and
//   Indic/Persian scripts) and tag characters inside an emoji tag sequence (🏴 subdivision flags).
// - Lone surrogates and noncharacters become U+FFFD.
// - More than 4 combining marks in a row ("Zalgo" text) are dropped: stacked marks draw over the
//   neighbouring lines in many terminals. Legitimate text rarely needs more than 3.
// - Non-strings become text: null/undefined → '', objects → JSON (or a fixed marker if they
//   cannot be serialised).
//
// Width hardening (all modes). Ink lays out and places text by string-width's width of each
// grapheme cluster; many terminals (xterm.js's default table, tmux, older VTE, anything using
// wcwidth) advance the cursor per code point instead. Where the cluster width is *smaller* than
// the sum of its parts, a row drawn by such a terminal is wider than Ink thinks, it wraps, the
// screen scrolls and Ink's incremental redraw leaves the header off-screen. Measuring differently
// in text.ts cannot help (Ink measures on its own), so the text is changed so that no cluster is
// narrower than its parts, while keeping every visible character:
// - a ZWJ between two emoji is dropped: 👩‍👩‍👧‍👦 becomes 👩👩👧👦, which every terminal draws as
//   the parts and string-width measures as the parts (8 columns; 4 in xterm.js);
// - a ZWNJ is inserted after an Indic virama (the six InCB=Linker ones) before a letter, so the
//   conjunct क्ष is two clusters (Unicode 15.1 rule GB9c made it one cluster of width 1);
// - Thai/Lao SARA AM (a spacing letter string-width counts as 0) is decomposed into its two
//   parts (NIKHAHIT + SARA AA), the compatibility decomposition;
// - a combining mark with no base (start of a line) gets a dotted circle ◌ as its base.
// - a skin-tone modifier after an emoji gets a zero-width space before it: 👍🏽 becomes 👍\u200B🏽,
//   two clusters of 2 columns each, which is how tmux (3.3 included) and wcwidth terminals draw
//   the pair (one 2-column cluster for string-width: the frame shifted a line). The tone is kept.

const CONTROL_PICTURE_BASE = 0x2400;
const DEL_PICTURE = '\u2421';
const NEWLINE_MARK = '\u21b5'; // ↵
const REPLACEMENT = '\ufffd';
const BLACK_FLAG = 0x1f3f4;
const TAG_FIRST = 0xe0020;
const TAG_CANCEL = 0xe007f;

const ZWJ = 0x200d;
const ZWNJ = '\u200c';
const DOTTED_CIRCLE = '\u25cc';
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
/** What can end the emoji before a ZWJ: the pictograph, a skin tone, VS16, keycap, tag end. */
const EMOJI_END = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\u20E3\u{E007F}]/u;
/** Viramas that join consonants into one grapheme cluster (Unicode 15.1 InCB=Linker). */
const LINKERS = new Set([0x094d, 0x09cd, 0x0acd, 0x0b4d, 0x0c4d, 0x0d4d]);
const LETTER = /\p{L}/u;
const SARA_AM: Readonly<Record<number, string>> = { 0x0e33: '\u0e4d\u0e32', 0x0eb3: '\u0ecd\u0eb2' };

const EMOJI_MODIFIER = /\p{Emoji_Modifier}/u;
const ZWSP = '\u200b';

const FORMAT_CHAR = /\p{Cf}/u;
const MARK = /\p{M}/u;
const MAX_MARKS = 4;

/** Options for {@link sanitizeText}. */
export interface SanitizeOptions {
  /** Keep line breaks as `\n` (bodies, JSON) instead of showing them as ↵. Default false. */
  multiline?: boolean;
  /** Columns per tab stop in multi-line mode; single-line mode always uses one space. Default 2. */
  tabWidth?: number;
}

/** Turns any value into text safe to print; single line unless `multiline` is set. */
export function sanitizeText(value: unknown, opts: SanitizeOptions = {}): string {
  return neutralise(toText(value), opts.multiline === true, opts.tabWidth ?? 2);
}

/** Multi-line variant for bodies and JSON: keeps `\n` (CRLF, CR, U+2028/9 normalised to `\n`). */
export function sanitizeMultiline(value: unknown, tabWidth = 2): string {
  return sanitizeText(value, { multiline: true, tabWidth });
}

/** True when {@link sanitizeText} would change nothing (cheap check for hot paths). */
export function isPlainSafe(s: string): boolean {
  // Printable ASCII only: the overwhelmingly common case for ids, methods, paths.
  return /^[\x20-\x7e]*$/.test(s);
}

function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (typeof value === 'symbol') return value.description ?? 'symbol';
  if (typeof value === 'function') return '[function]';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)) ?? '';
  } catch {
    return '[unserialisable object]';
  }
}

function neutralise(s: string, multiline: boolean, tabWidth: number): string {
  if (isPlainSafe(s)) return s;
  let out = '';
  let column = 0; // only tracked for tab expansion in multi-line mode
  let inTagSequence = false;
  let marks = 0;
  const chars = Array.from(s);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const cp = ch.codePointAt(0) as number;
    let piece: string;
    if (cp >= 0x300 && MARK.test(ch)) {
      if (++marks > MAX_MARKS) continue;
    } else {
      marks = 0;
    }
    if (cp === 0x0d && chars[i + 1] === '\n') {
      continue; // CRLF: the LF that follows produces the one line break
    } else if (cp === 0x0a || cp === 0x0d || cp === 0x2028 || cp === 0x2029) {
      piece = multiline ? '\n' : NEWLINE_MARK;
    } else if (cp === 0x09) {
      piece = multiline ? ' '.repeat(tabWidth - (column % tabWidth)) : ' ';
    } else if (cp < 0x20) {
      piece = String.fromCodePoint(CONTROL_PICTURE_BASE + cp);
    } else if (cp === 0x7f) {
      piece = DEL_PICTURE;
    } else if (cp >= 0x80 && cp <= 0x9f) {
      piece = `\\x${hex(cp, 2)}`;
    } else if (cp >= 0xd800 && cp <= 0xdfff) {
      piece = REPLACEMENT; // lone surrogate (Array.from keeps valid pairs together)
    } else if (isNonCharacter(cp)) {
      piece = REPLACEMENT;
    } else if (cp >= TAG_FIRST && cp <= TAG_CANCEL) {
      piece = inTagSequence ? ch : `\\u{${hex(cp, 5)}}`;
      if (cp === TAG_CANCEL) inTagSequence = false;
    } else if (cp === ZWJ) {
      if (EMOJI_END.test(chars[i - 1] ?? '') && PICTOGRAPHIC.test(chars[i + 1] ?? '')) continue;
      piece = ch;
    } else if (cp === 0x200c) {
      piece = ch;
    } else if (FORMAT_CHAR.test(ch)) {
      piece = cp > 0xffff ? `\\u{${hex(cp, 5)}}` : `\\u${hex(cp, 4)}`;
    } else if (cp >= 0x300 && MARK.test(ch) && (out === '' || out.endsWith('\n'))) {
      piece = DOTTED_CIRCLE + ch;
    } else if (LETTER.test(ch) && followsLinker(chars, i)) {
      piece = ZWNJ + ch;
    } else if (cp >= 0x1f3fb && EMOJI_MODIFIER.test(ch) && i > 0) {
      piece = ZWSP + ch;
    } else {
      piece = SARA_AM[cp] ?? ch;
    }
    if (cp === BLACK_FLAG) inTagSequence = true;
    else if (!(cp >= TAG_FIRST && cp <= TAG_CANCEL)) inTagSequence = false;
    out += piece;
    column = piece === '\n' ? 0 : column + piece.length;
  }
  return out;
}

/** True when chars[i] follows a virama (possibly through a ZWJ) and would join its cluster. */
function followsLinker(chars: readonly string[], i: number): boolean {
  let j = i - 1;
  if (chars[j] === '\u200d') j--;
  return LINKERS.has(chars[j]?.codePointAt(0) ?? 0);
}

function isNonCharacter(cp: number): boolean {
  return (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;
}

function hex(n: number, digits: number): string {
  return n.toString(16).toUpperCase().padStart(digits, '0');
}
