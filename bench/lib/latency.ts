// Key-to-frame samples and their measures: the dashboard's figures against the bare list's, taken
// in alternating blocks in the same run so that drift in machine load hits both alike.
import type { CliSession, KeyName } from '../../test/helpers/pty.ts';
import { keyToFrame } from './frames.ts';
import { notAvailable, type Measure } from './result.ts';
import { percentile, round } from './stats.ts';

export interface Samples {
  ms: number[];
  bytes: number[];
  silent: number;
}

export const RATIO_TARGET = '≤ 1.1x bare list';

export function emptySamples(): Samples {
  return { ms: [], bytes: [], silent: 0 };
}

export async function sample(cli: CliSession, key: KeyName | { text: string }, n: number, into: Samples) {
  for (let i = 0; i < n; i++) {
    const t = await keyToFrame(cli, key);
    if (t.ms === null) into.silent++;
    else {
      into.ms.push(t.ms);
      into.bytes.push(t.bytes);
    }
  }
}

/** `n` keys on each of `a` and `b`, in blocks of ten, alternating. */
export async function interleaved(
  a: CliSession,
  b: CliSession | undefined,
  key: KeyName,
  n: number,
): Promise<[Samples, Samples]> {
  const sa = emptySamples();
  const sb = emptySamples();
  for (let done = 0; done < n; done += 10) {
    const k = Math.min(10, n - done);
    await sample(a, key, k, sa);
    if (b) await sample(b, key, k, sb);
  }
  return [sa, sb];
}

/** p50 and p95 of `s`, each against the bare list's same percentile (when it was measured). */
export function ratioMeasures(id: string, label: string, s: Samples, bare: Samples): Measure[] {
  return ([50, 95] as const).map((p) => {
    const pid = `${id}-p${p}`;
    const plabel = `${label} p${p}`;
    if (s.ms.length === 0) return notAvailable(pid, plabel, 'ms', 'no key produced a frame', RATIO_TARGET);
    const value = round(percentile(s.ms, p));
    const base = bare.ms.length ? round(percentile(bare.ms, p)) : null;
    return {
      id: pid,
      label: plabel,
      unit: 'ms',
      value,
      baselines: base === null ? [] : [{ name: 'bare list', value: base }],
      target: RATIO_TARGET,
      ...(base === null ? {} : { met: value <= 1.1 * base }),
      note:
        `p50 ${round(percentile(s.ms, 50))} / p95 ${round(percentile(s.ms, 95))} / p99 ${round(percentile(s.ms, 99))} ms over ${s.ms.length} keys` +
        (s.silent ? `, ${s.silent} without a frame` : ''),
      detail: { samples: s.ms, bareSamples: bare.ms, silent: s.silent },
    };
  });
}
