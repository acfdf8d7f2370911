// Drives the built CLI (dist/cli.js) in a real pseudo-terminal and renders what it writes with a
// headless xterm, so tests see the screen a user would see.
import { spawn, type IPty } from '@lydell/node-pty';
import xterm from '@xterm/headless';
import type { IBufferLine } from '@xterm/headless';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const CLI_PATH = resolve(import.meta.dirname, '../../dist/cli.js');

export const KEYS = {
  enter: '\r',
  esc: '\x1b',
  tab: '\t',
  'shift-tab': '\x1b[Z',
  backspace: '\x7f',
  space: ' ',
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  home: '\x1b[H',
  end: '\x1b[F',
  pgup: '\x1b[5~',
  pgdn: '\x1b[6~',
  delete: '\x1b[3~',
  'ctrl-c': '\x03',
  'ctrl-d': '\x04',
  'ctrl-l': '\x0c',
  'ctrl-r': '\x12',
  'ctrl-u': '\x15',
} as const;
export type KeyName = keyof typeof KEYS;

export interface StartOptions {
  cols?: number;
  rows?: number;
  /** Added to the hermetic child environment (a value of undefined removes the variable). */
  env?: Record<string, string | undefined>;
  /** Working directory of the CLI (default: the temp home). */
  cwd?: string;
  /**
   * Run the CLI under `sh` and print `stty -a` after it exits, so terminalRestored() can check that
   * raw mode was left. Default true; the benchmark turns it off to measure the CLI process itself.
   */
  sttyProbe?: boolean;
  /** Script to run instead of dist/cli.js (the benchmark's minimal Ink app). */
  script?: string;
}

export interface CliSession {
  readonly pid: number;
  /** Bytes the child has written to the terminal so far. */
  readonly bytesWritten: number;
  /** Temp HOME given to the child (removed when the session ends). */
  readonly home: string;
  /** The visible screen, one line per row, trailing blanks trimmed. */
  screenText(): string;
  screenLines(): string[];
  /**
   * Rows (0-based) that continue the row above because the app wrote past the last column: on a
   * real terminal that is a line wider than the screen, which breaks the layout.
   */
  wrappedRows(): number[];
  /** Rows drawn highlighted (inverse video or a background colour), e.g. the selected list row. */
  highlightedRows(): number[];
  /** Resolves once every byte received so far has been parsed by the terminal emulator. */
  settled(): Promise<void>;
  /** Waits until the screen contains the text (or matches the pattern); on timeout throws with the last screen. */
  waitForText(match: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Waits until pred() holds, re-checked after every output chunk; `what` names it in the timeout error. */
  waitFor(pred: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  /** Waits until the screen no longer contains the text. */
  waitForNoText(match: string | RegExp, timeoutMs?: number): Promise<void>;
  /**
   * Waits until output has been quiet for quietMs. It does not wait for output to start: right after
   * type() on a loaded machine the app may not have answered yet, which is what key() is for.
   */
  waitForQuiet(quietMs?: number, timeoutMs?: number): Promise<void>;
  /**
   * Types `keys`, waits for the app to answer (up to answerMs, default 1 s: some keys draw nothing),
   * then for output to go quiet: the next key then meets the screen this one produced, as when a
   * user types, instead of a burst the app reads in one chunk.
   */
  key(keys: string, opts?: { answerMs?: number; quietMs?: number }): Promise<void>;
  type(keys: string): void;
  press(name: KeyName, times?: number): void;
  resize(cols: number, rows: number): void;
  /** Resolves with the exit code (128 + signal number when killed by a signal). */
  readonly exitCode: Promise<number>;
  /** Waits for exit; on timeout kills the child and throws with the last screen. */
  waitForExit(timeoutMs?: number): Promise<number>;
  /** Kills the whole process group and removes the temp home. Safe to call twice. */
  kill(): void;
  rawOutput(): string;
  /** Called with every chunk of output (the benchmark times key-to-frame with it). */
  onData(listener: (chunk: string) => void): () => void;
}

const STTY_MARK = '__ROMA_DASH_STTY__';

/**
 * Default patience of the wait helpers. Generous on purpose: it only runs out when the awaited
 * screen never comes, and a loaded 2-core CI machine can take seconds to start Node and draw.
 */
const WAIT_MS = 20_000;

/** A child environment that never touches the user's files or settings. */
function hermeticEnv(home: string, extra: StartOptions['env']): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined) continue;
    // Credentials or profile settings from the developer's shell must not leak into a test.
    if (/^(ROMA_|HUAWEICLOUD_|HWCLOUD_|OS_)/.test(k)) continue;
    env[k] = v;
  }
  // Ink renders non-interactively under CI; the app must behave as on a real terminal.
  for (const k of ['CI', 'CONTINUOUS_INTEGRATION', 'COLUMNS', 'LINES', 'NO_COLOR', 'FORCE_COLOR'])
    delete env[k];
  Object.assign(env, {
    TERM: 'xterm-256color',
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_STATE_HOME: join(home, '.local/state'),
    XDG_CACHE_HOME: join(home, '.cache'),
    LANG: 'C.UTF-8',
  });
  for (const [k, v] of Object.entries(extra ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

function describe(match: string | RegExp): string {
  return typeof match === 'string' ? JSON.stringify(match) : String(match);
}

function screenContains(screen: string, match: string | RegExp): boolean {
  return typeof match === 'string' ? screen.includes(match) : match.test(screen);
}

/** Sessions still running: killed when the test process exits, whatever a failed test left behind. */
const live = new Set<() => void>();
process.once('exit', () => {
  for (const kill of live) kill();
});

export function startCli(args: string[], opts: StartOptions = {}): CliSession {
  const cols = opts.cols ?? 120;
  const rows = opts.rows ?? 40;
  const home = mkdtempSync(join(tmpdir(), 'roma-dash-pty-'));
  const env = hermeticEnv(home, opts.env);
  const script = opts.script ?? CLI_PATH;
  const probe = opts.sttyProbe ?? true;

  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true, scrollback: 0 });
  let raw = '';
  let bytes = 0;
  let pendingWrites = 0;
  let lastDataAt = Date.now();
  const dataListeners = new Set<(chunk: string) => void>();
  const changeWaiters = new Set<() => void>();
  const idleWaiters: Array<() => void> = [];

  const file = probe ? '/bin/sh' : process.execPath;
  // The probe reports the tty settings after the CLI exits, inside an OSC sequence the terminal
  // ignores (so the final screen stays the app's), then exits with the CLI's status.
  const shArgs = [
    '-c',
    `"$0" "$@"; rc=$?; printf '\\033]7777;${STTY_MARK}%s${STTY_MARK}\\007' "$(stty -a 2>&1 | tr '\\n' ' ')"; exit $rc`,
    process.execPath,
    script,
    ...args,
  ];
  const child: IPty = spawn(file, probe ? shArgs : [script, ...args], {
    name: 'xterm-256color',
    cols,
    rows,
    // the temp home: files the app saves to a relative path (`./acls-id.txt`) never land in the repo
    cwd: opts.cwd ?? home,
    env,
  });

  let exited = false;
  let cleaned = false;
  const cleanup = () => {
    if (cleaned) return;
    cleaned = true;
    rmSync(home, { recursive: true, force: true });
  };

  const exitCode = new Promise<number>((resolveExit) => {
    child.onExit(({ exitCode: code, signal }) => {
      exited = true;
      live.delete(kill);
      // Let the last chunks reach the terminal emulator before reporting the exit.
      const done = () => {
        cleanup();
        resolveExit(signal ? 128 + signal : code);
      };
      if (pendingWrites === 0) setImmediate(done);
      else idleWaiters.push(done);
    });
  });

  child.onData((chunk) => {
    raw += chunk;
    bytes += Buffer.byteLength(chunk, 'utf8');
    lastDataAt = Date.now();
    for (const l of dataListeners) l(chunk);
    pendingWrites++;
    term.write(chunk, () => {
      pendingWrites--;
      for (const w of [...changeWaiters]) w();
      if (pendingWrites === 0) for (const w of idleWaiters.splice(0)) w();
    });
  });

  const screenLines = (): string[] => {
    const buf = term.buffer.active;
    const out: string[] = [];
    for (let i = 0; i < term.rows; i++) {
      out.push(buf.getLine(buf.viewportY + i)?.translateToString(true, 0, term.cols) ?? '');
    }
    return out;
  };
  const screenText = () => screenLines().join('\n');
  const rowsWhere = (pred: (line: IBufferLine) => boolean): number[] => {
    const buf = term.buffer.active;
    const out: number[] = [];
    for (let i = 0; i < term.rows; i++) {
      const line = buf.getLine(buf.viewportY + i);
      if (line && pred(line)) out.push(i);
    }
    return out;
  };
  const highlighted = (line: IBufferLine): boolean => {
    // Judge by the first visible character, so a coloured badge elsewhere on the row does not count.
    for (let x = 0; x < term.cols; x++) {
      const cell = line.getCell(x);
      if (!cell || cell.getChars().trim() === '') continue;
      return cell.isInverse() !== 0 || !cell.isBgDefault();
    }
    return false;
  };

  const failWith = (what: string): Error =>
    new Error(
      `${what}\n--- last screen (${term.cols}x${term.rows}) ---\n${screenText()}\n--- end of screen ---`,
    );

  const settled = () =>
    new Promise<void>((res) => {
      if (pendingWrites === 0) res();
      else idleWaiters.push(res);
    });

  const waitFor = (pred: () => boolean, what: string, timeoutMs: number) =>
    new Promise<void>((res, rej) => {
      const check = () => {
        if (!pred()) return false;
        finish();
        res();
        return true;
      };
      const onExitFirst = () => {
        // The process is gone: the screen will not change any more.
        if (!check()) {
          finish();
          rej(failWith(`process exited while waiting for ${what}`));
        }
      };
      const timer = setTimeout(() => {
        if (!check()) {
          finish();
          rej(failWith(`timed out after ${timeoutMs} ms waiting for ${what}`));
        }
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        changeWaiters.delete(onChange);
      };
      const onChange = () => void check();
      changeWaiters.add(onChange);
      void settled().then(() => {
        if (!check() && exited) onExitFirst();
      });
      void exitCode.then(onExitFirst, onExitFirst);
    });

  const waitForQuiet = (quietMs = 100, timeoutMs = WAIT_MS) =>
    new Promise<void>((res, rej) => {
      const started = Date.now();
      const tick = () => {
        const now = Date.now();
        if (now - lastDataAt >= quietMs && pendingWrites === 0) return void res();
        if (now - started > timeoutMs) return void rej(failWith(`output never went quiet for ${quietMs} ms`));
        setTimeout(tick, Math.max(5, quietMs - (now - lastDataAt)));
      };
      tick();
    });

  const kill = () => {
    if (!exited) {
      try {
        // The pty child leads its own session and process group: take the CLI under sh with it.
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        try {
          child.kill('SIGKILL');
        } catch {
          /* already gone */
        }
      }
    }
  };
  live.add(kill);

  return {
    pid: child.pid,
    get bytesWritten() {
      return bytes;
    },
    home,
    screenText,
    screenLines,
    wrappedRows: () => rowsWhere((line) => line.isWrapped),
    highlightedRows: () => rowsWhere(highlighted),
    settled,
    waitForText: (match, timeoutMs = WAIT_MS) =>
      waitFor(() => screenContains(screenText(), match), `text ${describe(match)}`, timeoutMs),
    waitFor: (pred, what, timeoutMs = WAIT_MS) => waitFor(pred, what, timeoutMs),
    waitForNoText: (match, timeoutMs = WAIT_MS) =>
      waitFor(() => !screenContains(screenText(), match), `no text ${describe(match)}`, timeoutMs),
    waitForQuiet,
    type: (keys) => {
      if (!exited) child.write(keys);
    },
    key: async (keys, { answerMs = 1000, quietMs = 120 } = {}) => {
      const before = bytes;
      if (!exited) child.write(keys);
      await new Promise<void>((res) => {
        const timer = setTimeout(done, answerMs);
        function done() {
          clearTimeout(timer);
          dataListeners.delete(onChunk);
          res();
        }
        const onChunk = () => done();
        if (bytes !== before || exited) done();
        else dataListeners.add(onChunk);
      });
      await waitForQuiet(quietMs, WAIT_MS);
    },
    press: (name, times = 1) => {
      if (!exited) child.write(KEYS[name].repeat(times));
    },
    resize: (c, r) => {
      term.resize(c, r);
      if (!exited) child.resize(c, r);
    },
    exitCode,
    waitForExit: async (timeoutMs = WAIT_MS) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, rej) => {
        timer = setTimeout(() => {
          const err = failWith(`process did not exit within ${timeoutMs} ms`);
          kill();
          rej(err);
        }, timeoutMs);
      });
      try {
        return await Promise.race([exitCode, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    kill: () => {
      kill();
      if (exited) cleanup();
    },
    rawOutput: () => raw,
    onData: (listener) => {
      dataListeners.add(listener);
      return () => dataListeners.delete(listener);
    },
  };
}

export interface RestoreCheck {
  ok: boolean;
  problems: string[];
}

function lastIndex(raw: string, seq: string): number {
  return raw.lastIndexOf(seq);
}

/**
 * Checks from the raw output that the app gave the terminal back: left the alternate screen if it
 * entered it, showed the cursor if it hid it, turned off mouse/bracketed-paste modes it turned on,
 * and (when the stty probe ran) left raw mode (icanon and echo back on).
 */
export function terminalRestored(raw: string): RestoreCheck {
  const problems: string[] = [];
  const modes: Array<[string, string]> = [
    ['1049', 'alternate screen'],
    ['25', 'cursor visibility'],
    ['1000', 'mouse reporting'],
    ['1002', 'mouse drag reporting'],
    ['1006', 'SGR mouse'],
    ['2004', 'bracketed paste'],
  ];
  for (const [mode, label] of modes) {
    const set = lastIndex(raw, `\x1b[?${mode}h`);
    const reset = lastIndex(raw, `\x1b[?${mode}l`);
    // Cursor visibility is inverted: `l` hides it and `h` shows it again.
    const [on, off] = mode === '25' ? [reset, set] : [set, reset];
    if (on !== -1 && off < on) problems.push(`${label} (?${mode}) left ${mode === '25' ? 'hidden' : 'on'}`);
  }
  const start = raw.indexOf(STTY_MARK);
  if (start !== -1) {
    const end = raw.indexOf(STTY_MARK, start + STTY_MARK.length);
    const stty = raw.slice(start + STTY_MARK.length, end === -1 ? undefined : end).replace(/\s+/g, ' ');
    for (const flag of ['icanon', 'echo', 'isig']) {
      if (new RegExp(`(^|\\s)-${flag}(\\s|$)`).test(stty)) problems.push(`tty left with -${flag} (raw mode)`);
    }
  }
  return { ok: problems.length === 0, problems };
}

/** The CLI's own output, without the stty probe line. */
export function withoutProbe(raw: string): string {
  const start = raw.indexOf(`\x1b]7777;${STTY_MARK}`);
  return start === -1 ? raw : raw.slice(0, start);
}
