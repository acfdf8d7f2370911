// Ink turns each output line into styled cells with @alcalzone/ansi-tokenize, which walks the line
// grapheme by grapheme with Intl.Segmenter and copies the style list into every cell: on a page
// move every row is a new line, and that walk was the largest cost of the frame (issue 18). The
// rows the dashboard draws are almost always printable ASCII, a few narrow symbols and SGR colour
// codes; for such a line each character is its own grapheme, one column wide, so the cells can be
// made in one pass, the SGR codes tokenised by the library itself (memoised: a screen uses a few
// dozen) and one style list shared by the cells of a run (no one mutates it: the library reduces
// into new arrays, Ink copies cells it changes). Any other line returns null and takes Ink's path.
// test/perf/ink-fast-cells.test.ts checks the cells equal the library's on many lines.
import { reduceAnsiCodesIncremental, tokenize } from '@alcalzone/ansi-tokenize';
import { NARROW_CODES } from './memo-string-width.mjs';

const NARROW = new Set(NARROW_CODES);
const sgrTokens = new Map();
const SGR_LIMIT = 1024;

function tokensOf(sgr) {
  let t = sgrTokens.get(sgr);
  if (t === undefined) {
    t = tokenize(sgr);
    if (t.some((x) => x.type !== 'ansi')) return null;
    if (sgrTokens.size >= SGR_LIMIT) sgrTokens.clear();
    sgrTokens.set(sgr, t);
  }
  return t;
}

/** The styled cells of `line` as Ink computes them, or null when the line needs Ink's own path. */
export function fastStyledChars(line) {
  const cells = [];
  let styles = [];
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x1b) {
      if (line.charCodeAt(i + 1) !== 0x5b) return null;
      let j = i + 2;
      for (let d = line.charCodeAt(j); (d >= 0x30 && d <= 0x39) || d === 0x3b; d = line.charCodeAt(++j));
      if (line.charCodeAt(j) !== 0x6d) return null;
      const tokens = tokensOf(line.slice(i, j + 1));
      if (tokens === null) return null;
      styles = reduceAnsiCodesIncremental(styles, tokens);
      i = j;
      continue;
    }
    if ((c < 0x20 || c > 0x7e) && !NARROW.has(c)) return null;
    cells.push({ type: 'char', value: line[i], fullWidth: false, styles });
  }
  return cells;
}
