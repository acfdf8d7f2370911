// Getting things out of the console: OSC 52 clipboard, response body to a file.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, resolve } from 'node:path';

/** OSC 52 "set clipboard" sequence; terminals (and tmux with set-clipboard on) forward it, even over SSH. */
export function osc52(text: string): string {
  return `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;
}

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
