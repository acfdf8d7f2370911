// Word wrap to terminal columns for the action panels: the panel decides its own line breaks, so
// its box height is exact and no line can run over the border (Ink's own wrap measures after layout,
// and a box squeezed by its neighbours then draws text over its border).
import { displayWidth, graphemes, truncateToWidth } from '../../src/ui/text.ts';

/** `text` (sanitised, one line) broken at spaces into lines of at most `width` columns; long words are cut. */
export function wrapToWidth(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const push = () => {
    lines.push(line.trimEnd());
    line = '';
    used = 0;
  };
  for (const word of text.split(/(?<= )/)) {
    const ww = displayWidth(word);
    const bare = displayWidth(word.trimEnd());
    if (used + bare <= w) {
      line += word;
      used += ww;
      continue;
    }
    if (used > 0) push();
    if (bare <= w) {
      line = word;
      used = ww;
      continue;
    }
    // a word wider than the line: hard-break by grapheme
    for (const g of graphemes(word)) {
      const gw = displayWidth(g);
      if (used + gw > w && used > 0) push();
      line += g;
      used += gw;
    }
  }
  if (line.trim().length > 0 || lines.length === 0) push();
  return lines;
}

/** At most `max` wrapped lines; the last kept line ends with `…` when more were cut. */
export function wrapClamped(text: string, width: number, max: number): string[] {
  const lines = wrapToWidth(text, width);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, Math.max(1, max));
  const last = kept.length - 1;
  kept[last] = truncateToWidth(`${kept[last] ?? ''} …`, width);
  return kept;
}
