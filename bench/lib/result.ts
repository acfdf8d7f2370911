// One row of the benchmark: a figure, what it is compared with, and the target it is reported against.
export interface Baseline {
  name: string;
  value: number;
}

export interface Measure {
  id: string;
  label: string;
  unit: string;
  /** null when the measure could not run; `note` says why. */
  value: number | null;
  baselines?: Baseline[];
  /** Human-readable target, e.g. "< 16 ms"; reported, never asserted. */
  target?: string;
  /** Whether the value meets the target (undefined when not applicable). */
  met?: boolean;
  note?: string;
  /** Extra figures (samples, percentiles) kept in the JSON. */
  detail?: Record<string, unknown>;
}

export function notAvailable(id: string, label: string, unit: string, why: string, target?: string): Measure {
  return { id, label, unit, value: null, note: `n/a: ${why}`, ...(target ? { target } : {}) };
}

export function errorMessage(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  // Keep the first line: pty timeouts append the whole last screen.
  return msg.split('\n')[0] ?? msg;
}
