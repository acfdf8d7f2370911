// Every screen of the dashboard, in-process (ink-testing-library, no colours), against the emulator's
// hostile seed and against fields of the wrong JSON type: no control byte from data reaches a frame,
// no line is wider than the terminal, and every screen renders (rows, details, JSON, or an error line).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RESOURCES } from '../../screens/registry.ts';
import { startHarness, type Harness } from '../app/harness.tsx';
import { plain, settle } from '../helpers/ink.ts';
import { frameProblems, type FrameProblem } from '../helpers/terminal-safety.ts';

const COLUMNS = 100; // ink-testing-library's fixed stdout width

/** Waits until no request is in flight and the frame has stopped changing and is not loading. */
async function idle(h: Harness): Promise<string> {
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
function checkFrames(h: Harness, from: number, where: string, seen: FrameProblem[]): number {
  const frames = h.ui.frames;
  for (let i = from; i < frames.length; i++) {
    for (const p of frameProblems(frames[i] ?? '', COLUMNS)) seen.push({ ...p, what: `${where}: ${p.what}` });
  }
  return frames.length;
}

async function press(h: Harness, keys: string): Promise<string> {
  h.ui.stdin.write(keys);
  return idle(h);
}

/**
 * Visits each resource through the palette, then opens the first row's details, walks its tabs,
 * shows the JSON view and goes back. Returns the frames' problems and which screens rendered what.
 */
async function visitAll(h: Harness): Promise<{ problems: FrameProblem[]; rendered: Map<string, string> }> {
  const problems: FrameProblem[] = [];
  const rendered = new Map<string, string>();
  let at = 0;
  await idle(h);
  for (const r of RESOURCES) {
    // the instances screen is reached with :ctx; a jump there would drop the chosen instance
    if (r.id === 'instances') continue;
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
  // the instances screen last: hostile instance names and descriptions
  await press(h, ':');
  await press(h, 'ctx');
  rendered.set('instances', plain(await press(h, '\r')));
  await press(h, 'i');
  await press(h, 'y');
  at = checkFrames(h, at, 'instances', problems);
  return { problems, rendered };
}

function describeProblems(ps: FrameProblem[]): string {
  return ps
    .slice(0, 10)
    .map((p) => `${p.what} at line ${p.line}: ${p.excerpt}`)
    .join('\n');
}

test('hostile seed: every screen renders, no control byte from data, no line wider than the terminal', async () => {
  const h = await startHarness({ emulator: { seed: 'hostile' }, rootScreen: 'apis' });
  try {
    const { problems, rendered } = await visitAll(h);
    assert.deepEqual(problems, [], describeProblems(problems));
    // The test can fail: hostile names must be on screen, made visible as control pictures.
    const all = h.ui.frames.join('\n');
    assert.match(all, /␛/, 'no ESC picture anywhere: the hostile data never reached the screen');
    assert.match(all, /\\u202E/, 'BiDi override was not shown as visible text');
    for (const [id, frame] of rendered) {
      assert.match(
        frame,
        /\d+ items|✖|No /, // not the title's `N of M`: it reads `0 of 0` while loading too
        `${id} did not render a list, an empty note or an error:\n${frame}`,
      );
    }
  } finally {
    await h.close();
  }
});

test('fields of the wrong JSON type (carrying escapes) render as text or a typed error, never crash', async () => {
  const h = await startHarness({ emulator: { seed: 'hostile' }, rootScreen: 'apis' });
  try {
    const osc52 = '\x1b]52;c;cm0gLXJmIH4=\x07';
    const store = h.emu.state.stores.get(h.emu.instances[0] ?? '');
    assert.ok(store, 'emulator has no store for the first instance');
    const d = store.data as unknown as Record<string, Map<string, Record<string, unknown>>>;
    const first = (family: string): Record<string, unknown> => {
      const v = d[family]?.values().next().value;
      assert.ok(v, `hostile seed has no ${family}`);
      return v;
    };
    Object.assign(first('apis'), { name: { evil: osc52 }, remark: [osc52, 7], req_method: 42 });
    Object.assign(first('groups'), { name: 1234567, remark: { t: '\x1b]0;title\x07' } });
    Object.assign(first('apps'), { name: [osc52], remark: false, app_key: { k: osc52 } });
    Object.assign(first('throttles'), { api_call_limits: 'lots\x1b[2J', name: null });
    Object.assign(first('envs'), { remark: { deep: { deeper: [osc52] } } });
    const { problems, rendered } = await visitAll(h);
    assert.deepEqual(problems, [], describeProblems(problems));
    for (const [id, frame] of rendered) {
      assert.match(
        frame,
        /\d+ items|✖|No /, // not the title's `N of M`: it reads `0 of 0` while loading too
        `${id} did not render a list, an empty note or an error:\n${frame}`,
      );
    }
  } finally {
    await h.close();
  }
});
