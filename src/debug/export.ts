// Getting things out of the console: the response body to a file. (The clipboard is OSC 52 through
// components/osc52.ts, handed to the screen by the shell as `copy`.)
import { chmod, mkdir, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, resolve } from 'node:path';

export function expandHome(p: string): string {
  return p === '~' || p.startsWith('~/') ? homedir() + p.slice(1) : p;
}

export interface SaveResult {
  path: string;
  bytes: number;
}

/**
 * Write the body to `target` (relative to `cwd`, `~` expanded), atomically. `mode` (e.g. 0o600 for
 * a text with credentials) is set before the file gets its name, so it is never readable by others.
 */
export async function saveBody(
  target: string,
  body: string | Uint8Array,
  cwd: string = process.cwd(),
  opts: { mode?: number } = {},
): Promise<SaveResult> {
  const path = resolve(cwd, expandHome(target.trim()));
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, body, opts.mode === undefined ? {} : { mode: opts.mode });
  if (opts.mode !== undefined) await chmod(tmp, opts.mode); // a leftover temp file keeps its old mode
  await rename(tmp, path);
  return { path, bytes: typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.byteLength };
}
