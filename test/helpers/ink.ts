// ink-testing-library helpers: wait for a frame to change instead of sleeping a fixed time.
import type { render } from 'ink-testing-library';

export type Rendered = ReturnType<typeof render>;

/** Strips SGR colour codes so assertions see the text. */
export function plain(frame: string | undefined): string {
  return (frame ?? '').replace(/\x1b\[[0-9;]*m/g, '');
}

/**
 * Resolves with the last frame once `predicate(frame)` holds (frame with colours stripped unless
 * `raw`). Polls on a short interval; rejects with the last frame after `timeoutMs` (default 10 s: it only
 * matters when the condition never holds, and a loaded CI machine can take seconds to render).
 */
export async function waitForFrame(
  r: Rendered,
  predicate: (frame: string) => boolean,
  opts: { timeoutMs?: number; raw?: boolean } = {},
): Promise<string> {
  const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
  for (;;) {
    const last = r.lastFrame() ?? '';
    const frame = opts.raw === true ? last : plain(last);
    if (predicate(frame)) {
      // A frame is drawn at commit, and effects (input handlers registered by the new screen) run
      // in a later turn: on a loaded machine the next key could otherwise arrive before them.
      await settle();
      return frame;
    }
    if (Date.now() > deadline) {
      throw new Error(`waitForFrame: condition not met; last frame:\n${frame}`);
    }
    await new Promise((res) => setTimeout(res, 5));
  }
}

/** Writes `data` to stdin and waits until the frame satisfies `predicate`. */
export async function typeAndWait(
  r: Rendered,
  data: string,
  predicate: (frame: string) => boolean,
): Promise<string> {
  r.stdin.write(data);
  return waitForFrame(r, predicate);
}

/** Lets Ink mount its input listeners (effects run after the first render). */
export async function settle(): Promise<void> {
  await new Promise((res) => setImmediate(res));
  await new Promise((res) => setTimeout(res, 0));
}
