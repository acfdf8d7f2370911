// What the status line says of a list whose rows arrive page by page (ResourceSlice.progress).
import type { ListProgress } from '../api/types/common.ts';
import { groupThousands } from '../ui/numbers.ts';

// `total` is the server's hint: a hostile one (1e300) must not become a 400-character status line.
const MAX_SHOWN = 1e9;
const n = (x: number) => (Number.isFinite(x) && x < MAX_SHOWN ? groupThousands(x) : 'many');

/** `loading 500 of 10,000…`: the first rows are on screen, the rest is on its way. */
export function loadingRows(p: ListProgress): string {
  return `loading ${n(p.loaded)} of ${n(p.total)}…`;
}

/** `rows 1,501–10,000 of 10,000 missing`: what a list that failed part-way does not show. */
export function missingRows(p: ListProgress): string {
  return p.total > p.loaded
    ? `rows ${n(p.loaded + 1)}–${n(p.total)} of ${n(p.total)} missing`
    : `only ${n(p.loaded)} rows loaded`;
}
