// Edit a text in $VISUAL/$EDITOR like `git commit`. The screen wraps this in Ink's suspendTerminal().
import { spawn } from 'node:child_process';
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

/**
 * Run the editor on a temp file holding `initial`; resolve with the saved text. The command goes
 * through `sh -c` so EDITOR values with arguments ("code -w") work, as in git.
 */
export async function editText(
  initial: string,
  opts: { env?: NodeJS.ProcessEnv; suffix?: string } = {},
): Promise<string> {
  const env = opts.env ?? process.env;
  const dir = await mkdtemp(join(tmpdir(), 'roma-dash-body-'));
  const file = join(dir, `BODY${opts.suffix ?? '.txt'}`);
  try {
    await writeFile(file, initial, { mode: 0o600 });
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn('sh', ['-c', `${editorCommand(env)} "$1"`, 'editor', file], {
        stdio: 'inherit',
        env,
      });
      child.on('error', reject);
      child.on('exit', resolve);
    });
    if (code !== 0) throw new EditorError(`editor exited with status ${code}`);
    return await readFile(file, 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
