// Shared by the hostile screen tests: visit every screen through the palette and collect the frames'
// problems. Each test visiting all screens is its own file, so each gets the runner's per-file timeout.
import { RESOURCES } from '../../screens/registry.ts';
import type { Harness } from '../app/harness.tsx';
import { plain, settle } from '../helpers/ink.ts';
import { frameProblems, type FrameProblem } from '../helpers/terminal-safety.ts';

export const COLUMNS = 100; // ink-testing-library's fixed stdout width

/** Waits until no request is in flight and the frame has stopped changing and is not loading. */
export async function idle(h: Harness): Promise<string> {
  // Generous: only a screen that never settles reaches it, and then the test says so.
  const deadline = Date.now() + 30_000;
  let previous: string | undefined;
  for (;;) {
    await settle();
    await h.store.whenIdle();
    await new Promise((res) => setTimeout(res, 20));
    const frame = h.ui.lastFrame() ?? '';
    const quiet = h.store.getState().inFlight === 0 && !frame.includes('loading…');
    if (quiet && frame === previous) return frame;
    if (Date.now() > deadline) throw new Error(`the screen never settled (inFlight or loading…):\n${frame}`);
    previous = frame;
  }
}

/** Checks every frame written since `from`; returns the index to continue from. */
export function checkFrames(h: Harness, from: number, where: string, seen: FrameProblem[]): number {
  const frames = h.ui.frames;
  for (let i = from; i < frames.length; i++) {
    for (const p of frameProblems(frames[i] ?? '', COLUMNS)) seen.push({ ...p, what: `${where}: ${p.what}` });
  }
  return frames.length;
}

export async function press(h: Harness, keys: string): Promise<string> {
  h.ui.stdin.write(keys);
  return idle(h);
}

/**
 * Visits each resource through the palette, then opens the first row's details, walks its tabs,
 * shows the JSON view and goes back. Returns the frames' problems and which screens rendered what.
 */
export async function visitAll(
  h: Harness,
  /** The screens to visit (default all); the instances screen is visited only with all of them. */
  only?: (id: string) => boolean,
): Promise<{ problems: FrameProblem[]; rendered: Map<string, string> }> {
  const problems: FrameProblem[] = [];
  const rendered = new Map<string, string>();
  let at = 0;
  await idle(h);
  for (const r of RESOURCES) {
    // the instances screen is reached with :ctx; a jump there would drop the chosen instance
    if (r.id === 'instances' || (only && !only(r.id))) continue;
    await press(h, ':');
    await press(h, r.id);
    const list = plain(await press(h, '\r'));
    at = checkFrames(h, at, `${r.id} list`, problems);
    rendered.set(r.id, list);
    for (const [key, label] of [
      ['G', 'bottom'],
      ['g', 'top'],
      ['s', 'sort'],
      ['y', 'json'],
      ['\x1b', 'json closed'],
      ['i', 'detail'],
      ['\t', 'tab 2'],
      ['\t', 'tab 3'],
      ['\t', 'tab 4'],
      ['y', 'detail json'],
      ['\x1b', 'detail json closed'],
      ['\x1b', 'back to list'],
      ['?', 'help'],
      ['\x1b', 'help closed'],
    ] as const) {
      await press(h, key);
      at = checkFrames(h, at, `${r.id} ${label}`, problems);
    }
  }
  if (only) return { problems, rendered };
  // the instances screen last: hostile instance names and descriptions
  await press(h, ':');
  await press(h, 'ctx');
  rendered.set('instances', plain(await press(h, '\r')));
  await press(h, 'i');
  await press(h, 'y');
  at = checkFrames(h, at, 'instances', problems);
  return { problems, rendered };
}

export function describeProblems(ps: FrameProblem[]): string {
  return ps
    .slice(0, 10)
    .map((p) => `${p.what} at line ${p.line}: ${p.excerpt}`)
    .join('\n');
}
