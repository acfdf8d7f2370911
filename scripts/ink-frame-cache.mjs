// Ink turns every line of every frame into styled cells (@alcalzone/ansi-tokenize) and keeps what
// it computed for that frame only, so a selection move re-tokenises the ~40 lines that did not
// change: the largest self time of a key-to-frame profile (issue 18). The build (scripts/build.mjs)
// routes Ink's per-frame `getStyledChars` through `sharedStyledChars`, which keeps the cells of the
// lines recently drawn across frames. The cells are never mutated by Ink (a cut wide character is
// copied), so sharing them between frames is safe; the cache holds at most two generations of
// `limit` lines (a frame draws 40 to 150), so memory stays bounded; a line drawn in one frame only
// (a page of new rows) is not kept.

/**
 * A cache of `compute(line)` across frames: a line is kept once it is drawn in a second frame
 * (the rows that stay on screen while the selection moves), not when drawn once (a page of new
 * rows is computed, drawn and left to the young generation instead of being promoted). `frame` is
 * the frame's Ink cache object, held weakly. At most two generations of `limit` lines.
 */
export function createLineCache(limit = 256) {
  const frames = new WeakMap();
  let frameCount = 0;
  /** line → cells, or the number of the one frame it was drawn in so far */
  let now = new Map();
  let before = new Map();
  return function cached(line, frame, compute) {
    let id = frames.get(frame);
    if (id === undefined) frames.set(frame, (id = ++frameCount));
    let entry = now.get(line);
    if (entry === undefined) entry = before.get(line);
    if (entry !== undefined && typeof entry !== 'number') {
      if (!now.has(line)) put(line, entry);
      return entry;
    }
    const cells = compute(line);
    // seen in an earlier frame: keep the cells; first seen (or again in the same frame): note it
    if (entry === undefined || entry === id) put(line, id);
    else put(line, cells);
    return cells;
  };
  function put(line, entry) {
    if (!now.has(line) && now.size >= limit) {
      before = now;
      now = new Map();
    }
    now.set(line, entry);
  }
}

export const sharedStyledChars = createLineCache();

const ANCHOR = '    getStyledChars(line) {\n';

/**
 * Ink's build/output.js with `OutputCaches.getStyledChars` answered from `sharedStyledChars` (its
 * own body, renamed, computes a line not seen lately). Throws when the anchor is not there exactly
 * once: an Ink upgrade must fail the build, not drop the cache silently.
 */
export function patchInkOutput(source, cacheModulePath, fastCellsModulePath) {
  const at = source.indexOf(ANCHOR);
  if (at < 0 || source.indexOf(ANCHOR, at + 1) >= 0)
    throw new Error('ink-frame-cache: OutputCaches.getStyledChars not found once in ink/build/output.js');
  return (
    `import { sharedStyledChars as __sharedStyledChars } from ${JSON.stringify(cacheModulePath)};\n` +
    (fastCellsModulePath
      ? `import { fastStyledChars as __fastStyledChars } from ${JSON.stringify(fastCellsModulePath)};\n`
      : '') +
    source.slice(0, at) +
    '    getStyledChars(line) {\n' +
    (fastCellsModulePath
      ? '        return __sharedStyledChars(line, this, (l) => __fastStyledChars(l) ?? this.inkStyledChars(l));\n'
      : '        return __sharedStyledChars(line, this, (l) => this.inkStyledChars(l));\n') +
    '    }\n' +
    '    inkStyledChars(line) {\n' +
    source.slice(at + ANCHOR.length)
  );
}
