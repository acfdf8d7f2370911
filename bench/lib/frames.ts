// Key-to-frame timing: from writing a key to the last chunk of the frame it causes.
import { performance } from 'node:perf_hooks';
import type { CliSession, KeyName } from '../../test/helpers/pty.ts';
import { KEYS } from '../../test/helpers/pty.ts';

export interface FrameTiming {
  /** ms from the write to the last output chunk before output went quiet; null if nothing came. */
  ms: number | null;
  bytes: number;
}

/**
 * A frame has settled when `quietMs` pass with no output after its first chunk. The latency counts
 * up to that last chunk, not the quiet window, so the window does not inflate the figure.
 */
export function keyToFrame(
  cli: CliSession,
  key: KeyName | { text: string },
  quietMs = 40,
  timeoutMs = 2_000,
): Promise<FrameTiming> {
  return new Promise((resolve) => {
    let last: number | undefined;
    let bytes = 0;
    const off = cli.onData((chunk) => {
      last = performance.now();
      bytes += Buffer.byteLength(chunk, 'utf8');
    });
    const t0 = performance.now();
    cli.type(typeof key === 'string' ? KEYS[key] : key.text);
    const tick = () => {
      const now = performance.now();
      if (last !== undefined && now - last >= quietMs) {
        off();
        return resolve({ ms: last - t0, bytes });
      }
      if (last === undefined && now - t0 >= timeoutMs) {
        off();
        return resolve({ ms: null, bytes: 0 });
      }
      setTimeout(tick, 5);
    };
    setTimeout(tick, 5);
  });
}
