// Edit a text in $VISUAL/$EDITOR like `git commit`. The screen wraps this in Ink's suspendTerminal().
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function editorCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.VISUAL || env.EDITOR || 'vi';
}

export class EditorError extends Error {
  readonly code = 'EDITOR_FAILED';
  readonly hint = 'Set $EDITOR to an editor that exits with status 0 after saving (e.g. EDITOR=nano).';
}

/** How long an editor may take to end after SIGTERM before it is killed. */
const GRACE_MS = 2000;

/**
 * Run the editor on a temp file holding `initial`; resolve with the saved text. The command goes
 * through `sh -c` so EDITOR values with arguments ("code -w") work, as in git. When `signal` aborts
 * (the dashboard is exiting), the editor and every process it started are ended, the temp directory
 * is removed, and the promise rejects.
 */
export async function editText(
  initial: string,
  opts: { env?: NodeJS.ProcessEnv; suffix?: string; signal?: AbortSignal } = {},
): Promise<string> {
  const env = opts.env ?? process.env;
  const dir = await mkdtemp(join(tmpdir(), 'roma-dash-body-'));
  const file = join(dir, `BODY${opts.suffix ?? '.txt'}`);
  try {
    await writeFile(file, initial, { mode: 0o600 });
    opts.signal?.throwIfAborted();
    const code = await new Promise<number | null>((resolve, reject) => {
      // The editor stays in our process group: that group owns the terminal, and a process outside
      // the terminal's foreground group is stopped when it reads from it (SIGTTIN). So on exit it is
      // ended by its process tree, not by a group of its own.
      const child = spawn('sh', ['-c', `${editorCommand(env)} "$1"`, 'editor', file], {
        stdio: 'inherit',
        env,
      });
      const onAbort = () => {
        if (child.pid !== undefined) void endProcessTree(child.pid, () => child.exitCode !== null);
      };
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      child.on('error', reject);
      child.on('exit', (c) => {
        opts.signal?.removeEventListener('abort', onAbort);
        if (opts.signal?.aborted) reject(new EditorError('the editor was ended: the dashboard is exiting'));
        else resolve(c);
      });
    });
    if (code !== 0) throw new EditorError(`editor exited with status ${code}`);
    return await readFile(file, 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Ends `pid` and its descendants: SIGTERM to all, then SIGKILL to those still there after a grace. */
async function endProcessTree(pid: number, exited: () => boolean): Promise<void> {
  const tree = [pid, ...(await descendantsOf(pid))];
  for (const p of tree) signal(p, 'SIGTERM');
  const deadline = Date.now() + GRACE_MS;
  while (!exited() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  // the descendants may have been re-parented meanwhile: the list taken first still names them
  for (const p of tree) signal(p, 'SIGKILL');
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/** Every process below `pid`, from POSIX `ps` (Linux and macOS alike). */
function descendantsOf(pid: number): Promise<number[]> {
  return new Promise((resolve) => {
    execFile('ps', ['-A', '-o', 'pid=', '-o', 'ppid='], (err, stdout) => {
      if (err) return resolve([]);
      const children = new Map<number, number[]>();
      for (const line of stdout.split('\n')) {
        const [p, pp] = line.trim().split(/\s+/).map(Number);
        if (p === undefined || pp === undefined || Number.isNaN(p) || Number.isNaN(pp)) continue;
        children.set(pp, [...(children.get(pp) ?? []), p]);
      }
      const out: number[] = [];
      const walk = (p: number): void => {
        for (const c of children.get(p) ?? []) {
          out.push(c);
          walk(c);
        }
      };
      walk(pid);
      resolve(out);
    });
  });
}
