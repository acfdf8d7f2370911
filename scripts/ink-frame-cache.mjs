// Ink turns every line of every frame into styled cells (@alcalzone/ansi-tokenize) and keeps what
// it computed for that frame only, so a selection move re-tokenises the ~40 lines that did not
// change: the largest self time of a key-to-frame profile (issue 18). The build (scripts/build.mjs)
// routes Ink's per-frame `getStyledChars` through `sharedStyledChars`, which keeps the cells of the
// lines recently drawn across frames. The cells are never mutated by Ink (a cut wide character is
// copied), so sharing them between frames is safe; the cache holds at most two generations of
// `limit` lines (a frame draws 40 to 150), so memory stays bounded.

/** A cache of `compute(line)` over the last 2 × `limit` distinct lines asked for. */
export function createLineCache(limit = 256) {
  let now = new Map();
  let before = new Map();
  return function cached(line, compute) {
    let value = now.get(line);
    if (value !== undefined) return value;
    value = before.get(line);
    if (value === undefined) value = compute(line);
    if (now.size >= limit) {
      before = now;
      now = new Map();
    }
    now.set(line, value);
    return value;
  };
}

export const sharedStyledChars = createLineCache();

const ANCHOR = '    getStyledChars(line) {\n';

/**
 * Ink's build/output.js with `OutputCaches.getStyledChars` answered from `sharedStyledChars` (its
 * own body, renamed, computes a line not seen lately). Throws when the anchor is not there exactly
 * once: an Ink upgrade must fail the build, not drop the cache silently.
 */
export function patchInkOutput(source, cacheModulePath) {
  const at = source.indexOf(ANCHOR);
  if (at < 0 || source.indexOf(ANCHOR, at + 1) >= 0)
    throw new Error('ink-frame-cache: OutputCaches.getStyledChars not found once in ink/build/output.js');
  return (
    `import { sharedStyledChars as __sharedStyledChars } from ${JSON.stringify(cacheModulePath)};\n` +
    source.slice(0, at) +
    '    getStyledChars(line) {\n' +
    '        return __sharedStyledChars(line, (l) => this.inkStyledChars(l));\n' +
    '    }\n' +
    '    inkStyledChars(line) {\n' +
    source.slice(at + ANCHOR.length)
  );
}
