// Getting things out of the console: the response body to a file. (The clipboard is OSC 52 through
// components/osc52.ts, handed to the screen by the shell as `copy`.)
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, resolve } from 'node:path';

export function expandHome(p: string): string {
  return p === '~' || p.startsWith('~/') ? homedir() + p.slice(1) : p;
}

export interface SaveResult {
  path: string;
  bytes: number;
}

/** Write the body to `target` (relative to `cwd`, `~` expanded), atomically. */
export async function saveBody(
  target: string,
  body: string,
  cwd: string = process.cwd(),
): Promise<SaveResult> {
  const path = resolve(cwd, expandHome(target.trim()));
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, body);
  await rename(tmp, path);
  return { path, bytes: Buffer.byteLength(body, 'utf8') };
}
