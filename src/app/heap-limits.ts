// The dashboard's V8 heap held closer to what it keeps (issue 18, peak RSS). Loading 10,000 APIs
// allocates ~28 MiB of short-lived objects (response texts, parsed pages) while the rows it keeps are
// ~12 MiB; with V8's defaults the young generation grows to two semi-spaces of 16 MiB, all resident
// from then on, and the old generation may grow to 4x its live size before a full GC. Measured with
// bench/probe-rss.ts, 10,000 APIs loaded and driven (3-6 starts each; the bare list 127 MiB): peak
// RSS 151–160 MiB with V8's defaults, 137–142 with the semi-spaces capped at 8 MiB, 134–140 with the
// old generation's growth also held to 2x; CPU to the first rows the same, to all 10,000 within noise
// (~0.05 s more), key-to-frame p50/p95 the same.
//
// Node takes heap sizes only on its command line (`--max-semi-space-size`), which `node dist/cli.js`
// and the bin link do not pass. Two V8 flags are read each time they are used, so they work when set
// at run time (checked with the probe; `--max-semi-space-size` set at run time does nothing):
// `--heap-growing-percent`, and `--semi-space-growth-factor`, which is set to 1 (no growth) while the
// young generation is at its cap and back to V8's 2 when V8 has shrunk it (after an idle full GC).
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** Largest semi-space the young generation grows to (it has two; V8's default grows each to 16 MiB). */
export const SEMI_SPACE_CAP_BYTES = 8 * 1024 * 1024;
/** The old generation's next full GC comes when it has doubled since the last one. */
export const HEAP_GROWING_PERCENT = 100;
/** V8's own growth factor of the semi-spaces. */
const V8_SEMI_SPACE_GROWTH = 2;

/**
 * The semi-space growth factor for a young generation of `newSpaceBytes` (both semi-spaces, as
 * `getHeapSpaceStatistics` reports `new_space`): no growth once a semi-space is at the cap.
 */
export function semiSpaceGrowthFor(newSpaceBytes: number): number {
  return newSpaceBytes >= 2 * SEMI_SPACE_CAP_BYTES ? 1 : V8_SEMI_SPACE_GROWTH;
}

/** Applies both limits for the rest of the process (the dashboard only; the emulator keeps V8's). */
export function keepHeapSmall(): void {
  try {
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
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
    // A runtime without these flags or GC entries keeps V8's defaults: only memory is at stake.
  }
}
