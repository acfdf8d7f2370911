// truncateToWidth's printable-ASCII path (issue 18: a cut path in every other row of a 10,000-API
// list is cut on every filter keystroke) cuts where the grapheme walk cuts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { displayWidth, graphemes, truncateToWidth } from '../../src/ui/text.ts';

/** The grapheme walk every string takes otherwise. */
function byGraphemes(s: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  if (displayWidth(s) <= width) return s;
  if (width <= displayWidth(ellipsis)) return ellipsis.slice(0, width);
  const budget = width - displayWidth(ellipsis);
  let out = '';
  let used = 0;
  for (const g of graphemes(s)) {
    if (used + displayWidth(g) > budget) break;
    out += g;
    used += displayWidth(g);
  }
  return out + ellipsis;
}

test('printable ASCII is cut where the grapheme walk cuts it, for every width', () => {
  for (const s of ['/v1/scale/11/items/{item_id}/11', 'a b  c ~!@#$%^&*()', '', 'x', '0123456789'])
    for (let w = 0; w <= s.length + 2; w++) {
      assert.equal(truncateToWidth(s, w), byGraphemes(s, w), `${JSON.stringify(s)} at ${w}`);
      assert.equal(
        truncateToWidth(s, w, '...'),
        byGraphemes(s, w, '...'),
        `${JSON.stringify(s)} at ${w}, ...`,
      );
    }
  assert.equal(truncateToWidth('/v1/scale/11/items/{item_id}/11', 28), '/v1/scale/11/items/{item_id…');
});
