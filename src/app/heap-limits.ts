// The dashboard's young generation held to two 8 MiB semi-spaces (issue 18, peak RSS). Loading
// 10,000 APIs allocates ~28 MiB of short-lived objects (response texts, parsed pages) while the rows
// it keeps are ~12 MiB; with V8's defaults the semi-spaces then grow to 16 MiB each, resident from then
// on. Measured with bench/probe-rss.ts, 10,000 APIs loaded and driven, this branch against main
// (5 starts each, the bare list 126–128 MiB): peak RSS 146–156 MiB (median 149) on main, 147–152
// (median 150) with this branch's lighter load alone, 126–138 (median 135) with the cap too. Its cost
// is more scavenges: CPU to the first rows and per ↓ the same, per PgDn 13.5 vs 13.2 ms (p50 8.8 vs
// 8.1 ms; medians of 7 starts × 60 keys). Also holding the old generation to 2x its live size
// (`--heap-growing-percent=100`) took 2–3 MiB more off for ~2 ms more per PgDn
// (before main's one-pass cells): left out.
//
// Node takes heap sizes only on its command line (`--max-semi-space-size`), which `node dist/cli.js`
// and the bin link do not pass, and V8 reads that flag once, at start. It reads
// `--semi-space-growth-factor` each time the young generation grows (after a scavenge), so that one
// works when set at run time (checked with the probe): 1 (no growth) while a semi-space is at the
// cap, V8's 2 below it (V8 shrinks the young generation after an idle full GC).
// V8's flags are the process's: with --demo the emulator's worker thread grows no further either.
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** Largest semi-space the young generation grows to (it has two; V8's default grows each to 16 MiB). */
export const SEMI_SPACE_CAP_BYTES = 8 * 1024 * 1024;
/** V8's own growth factor of the semi-spaces. */
const V8_SEMI_SPACE_GROWTH = 2;

/**
 * The semi-space growth factor for a young generation of `newSpaceBytes` (both semi-spaces, as
 * `getHeapSpaceStatistics` reports `new_space`): no growth once a semi-space is at the cap.
 */
export function semiSpaceGrowthFor(newSpaceBytes: number): number {
  return newSpaceBytes >= 2 * SEMI_SPACE_CAP_BYTES ? 1 : V8_SEMI_SPACE_GROWTH;
}

/** Caps the young generation for the rest of the process (V8 flags are the process's: a worker thread too). */
export function keepHeapSmall(): void {
  try {
    let factor = V8_SEMI_SPACE_GROWTH;
    // Semi-spaces grow only after a scavenge: looking after each GC is soon enough.
    new PerformanceObserver(() => {
      const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
      const next = young === undefined ? V8_SEMI_SPACE_GROWTH : semiSpaceGrowthFor(young.space_size);
      if (next === factor) return;
      factor = next;
      setFlagsFromString(`--semi-space-growth-factor=${factor}`);
    }).observe({ entryTypes: ['gc'] });
  } catch {
    // A runtime without this flag or GC entries keeps V8's defaults: only memory is at stake.
  }
}
