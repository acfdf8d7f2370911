// "Start where you left": the last instance and view (palette command, its parameters and the list
// filter) and the palette history, per profile, in $XDG_STATE_HOME/roma-dash/state.json (0600).
// Nothing secret is stored: ids, screen names, filters and palette lines (a line carrying one of the
// session's secret values is not kept). Several roma-dash processes may share the file: each write
// re-reads it and replaces only its own profile's entry.
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { HeaderInfo } from './env.tsx';

export interface ResumePoint {
  /** Null on a screen that needs no instance (the instance list). */
  instanceId: string | null;
  /** For the note when the instance is gone. */
  instanceName?: string;
  /** Palette command (resource id) of the view. */
  screen: string;
  params?: Readonly<Record<string, string>>;
  filter: string;
}

export interface ProfileState {
  point?: ResumePoint;
  /** Palette lines, oldest first. */
  history: readonly string[];
}

interface StateFile {
  version: 1;
  profiles: Record<string, ProfileState>;
}

export const MAX_HISTORY = 100;
/** How long a change waits before it is written (a filter typed key by key is one write). */
export const SAVE_DELAY_MS = 400;

export function defaultStatePath(env: NodeJS.ProcessEnv = process.env): string {
  const base =
    env.XDG_STATE_HOME && env.XDG_STATE_HOME !== '' ? env.XDG_STATE_HOME : join(homedir(), '.local', 'state');
  return join(base, 'roma-dash', 'state.json');
}

/** `ROMA_DASH_NO_RESUME=1` (any value but empty/0/false) turns resuming off, like `--no-resume`. */
export function resumeDisabledByEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = (env.ROMA_DASH_NO_RESUME ?? '').trim().toLowerCase();
  return v !== '' && v !== '0' && v !== 'false';
}

/** Whose state: `--demo` has its own key, a profile its name, anything else its endpoint and project. */
export function resumeKey(header: HeaderInfo): string {
  if (header.demo) return 'demo';
  if (header.profile) return `profile:${header.profile}`;
  return `endpoint:${header.where}|${header.projectId}`;
}

export interface ResumeStore {
  /** What was saved when this session started (null when off or nothing saved). */
  readonly start: ResumePoint | null;
  history(): readonly string[];
  addHistory(line: string): void;
  setPoint(point: ResumePoint): void;
  /** Writes a pending change now (on exit). */
  flush(): void;
}

export interface OpenResumeOptions {
  /** The state file; absent = memory only (history for this session, nothing resumed). */
  path?: string;
  key: string;
  /** The session's secret values: a palette line carrying one is not kept. */
  secrets?: () => readonly string[];
  /** Reports a state file that cannot be read or written (once); default: silent. */
  onProblem?: (message: string) => void;
  saveDelayMs?: number;
}

function readState(path: string): StateFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { version: 1, profiles: {} };
  }
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || typeof (parsed as StateFile).profiles !== 'object')
    throw new Error('not a roma-dash state file');
  return { version: 1, profiles: { ...(parsed as StateFile).profiles } };
}

function cleanProfile(p: unknown): ProfileState {
  const o = (typeof p === 'object' && p !== null ? p : {}) as Partial<ProfileState>;
  const history = Array.isArray(o.history) ? o.history.filter((h) => typeof h === 'string') : [];
  const pt = o.point;
  const point =
    pt && typeof pt === 'object' && typeof pt.screen === 'string'
      ? {
          instanceId: typeof pt.instanceId === 'string' ? pt.instanceId : null,
          ...(typeof pt.instanceName === 'string' ? { instanceName: pt.instanceName } : {}),
          screen: pt.screen,
          ...(pt.params && typeof pt.params === 'object' ? { params: stringRecord(pt.params) } : {}),
          filter: typeof pt.filter === 'string' ? pt.filter : '',
        }
      : undefined;
  return { history: history.slice(-MAX_HISTORY), ...(point ? { point } : {}) };
}

function stringRecord(o: object): Record<string, string> {
  return Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

function writeState(path: string, state: StateFile): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state, null, 2) + '\n', { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

/**
 * The view saved for `key`, read before the UI loads (src/cli.tsx) so the first reads are its own;
 * null when there is none or the file cannot be read (openResume then reports that).
 */
export function readSavedPoint(path: string, key: string): ResumePoint | null {
  try {
    return cleanProfile(readState(path).profiles[key]).point ?? null;
  } catch {
    return null;
  }
}

export function openResume(opts: OpenResumeOptions): ResumeStore {
  const { path, key } = opts;
  let problem = false;
  const report = (what: string, e: unknown) => {
    if (problem) return;
    problem = true;
    opts.onProblem?.(`${what} ${path ?? ''}: ${e instanceof Error ? e.message : String(e)}`);
  };
  let mine: ProfileState = { history: [] };
  if (path !== undefined) {
    try {
      mine = cleanProfile(readState(path).profiles[key]);
    } catch (e) {
      report('cannot read the saved view from', e);
    }
  }
  const start = mine.point ?? null;
  let history = [...mine.history];
  let point = mine.point;
  let timer: NodeJS.Timeout | undefined;
  let dirty = false;

  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!dirty || path === undefined) return;
    dirty = false;
    try {
      let state: StateFile;
      try {
        state = readState(path);
      } catch {
        state = { version: 1, profiles: {} }; // unreadable: replaced by a good one
      }
      state.profiles[key] = { history, ...(point ? { point } : {}) };
      writeState(path, state);
    } catch (e) {
      report('cannot save the view to', e);
    }
  };
  const changed = () => {
    dirty = true;
    if (path === undefined || timer !== undefined) return;
    timer = setTimeout(flush, opts.saveDelayMs ?? SAVE_DELAY_MS);
    timer.unref();
  };

  return {
    start,
    history: () => history,
    addHistory(line) {
      const text = line.trim();
      if (text === '') return;
      const secrets = opts.secrets?.() ?? [];
      if (secrets.some((s) => s.length >= 4 && text.includes(s))) return;
      history = [...history.filter((h) => h !== text), text].slice(-MAX_HISTORY);
      changed();
    },
    setPoint(p) {
      point = p;
      changed();
    },
    flush,
  };
}
