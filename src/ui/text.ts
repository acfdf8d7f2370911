// Terminal column width, truncation and padding: correct for wide CJK, emoji (ZWJ sequences,
// flags, keycaps) and combining marks. Works on grapheme clusters so a cut never splits one.
// Inputs are expected to be sanitised already (see sanitize.ts).
import stringWidth from 'string-width';

export const ELLIPSIS = '…';

// Made on first use: creating it loads ICU's data, which a screen of ASCII never needs.
let segmenter: Intl.Segmenter | undefined;

/** Columns the string occupies in a terminal. */
export function displayWidth(s: string): number {
  if (/^[\x20-\x7e]*$/.test(s)) return s.length; // fast path: printable ASCII
  return stringWidth(s);
}

/** Grapheme clusters of `s` (what a user perceives as one character). */
export function graphemes(s: string): string[] {
  const out: string[] = [];
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const seg of segmenter.segment(s)) out.push(seg.segment);
  return out;
}

/** Cuts `s` to at most `width` columns, ending with `…` when something was cut. */
export function truncateToWidth(s: string, width: number, ellipsis = ELLIPSIS): string {
  if (width <= 0) return '';
  if (displayWidth(s) <= width) return s;
  const ellipsisWidth = displayWidth(ellipsis);
  if (width <= ellipsisWidth) return ellipsis.slice(0, width);
  const budget = width - ellipsisWidth;
  let out = '';
  let used = 0;
  for (const g of graphemes(s)) {
    const w = displayWidth(g);
    if (used + w > budget) break;
    out += g;
    used += w;
  }
  return out + ellipsis;
}

export type Align = 'left' | 'right' | 'center';

/** Pads `s` with spaces to exactly `width` columns (assumes it is not wider; see fitToWidth). */
export function padToWidth(s: string, width: number, align: Align = 'left'): string {
  const gap = Math.max(0, width - displayWidth(s));
  if (gap === 0) return s;
  if (align === 'right') return ' '.repeat(gap) + s;
  if (align === 'center') {
    const left = Math.floor(gap / 2);
    return ' '.repeat(left) + s + ' '.repeat(gap - left);
  }
  return s + ' '.repeat(gap);
}

/** Truncates then pads: the result is exactly `width` columns wide. */
export function fitToWidth(s: string, width: number, align: Align = 'left'): string {
  const cut = truncateToWidth(s, width);
  // A wide grapheme may leave one column unused after truncation; padding fills it.
  return padToWidth(cut, width, align);
}

/** Splits `s` at the first occurrence of `needle` (case-insensitive) for match highlighting. */
export function splitMatch(
  s: string,
  needle: string,
): { before: string; match: string; after: string } | null {
  if (needle === '') return null;
  const at = s.toLowerCase().indexOf(needle.toLowerCase());
  if (at < 0) return null;
  // toLowerCase can change length for a few code points (e.g. İ); fall back to no highlight then.
  if (s.toLowerCase().length !== s.length) return null;
  return {
    before: s.slice(0, at),
    match: s.slice(at, at + needle.length),
    after: s.slice(at + needle.length),
  };
}
