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

const CONTROL_PICTURE_BASE = 0x2400;
const DEL_PICTURE = '\u2421';
const NEWLINE_MARK = '\u21b5'; // ↵
const REPLACEMENT = '\ufffd';
const BLACK_FLAG = 0x1f3f4;
const TAG_FIRST = 0xe0020;
const TAG_CANCEL = 0xe007f;

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
    } else if (cp === 0x200c || cp === 0x200d) {
      piece = ch;
    } else if (FORMAT_CHAR.test(ch)) {
      piece = cp > 0xffff ? `\\u{${hex(cp, 5)}}` : `\\u${hex(cp, 4)}`;
    } else {
      piece = ch;
    }
    if (cp === BLACK_FLAG) inTagSequence = true;
    else if (!(cp >= TAG_FIRST && cp <= TAG_CANCEL)) inTagSequence = false;
    out += piece;
    column = piece === '\n' ? 0 : column + piece.length;
  }
  return out;
}

function isNonCharacter(cp: number): boolean {
  return (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;
}

function hex(n: number, digits: number): string {
  return n.toString(16).toUpperCase().padStart(digits, '0');
}
