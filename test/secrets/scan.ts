// Looks for secret values in files and captured text; reports where each one appeared.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Leak {
  secret: string;
  where: string;
}

/** A short label for a secret, never the value itself (the assertion message must not leak it). */
export type Secrets = Record<string, string>;

/** Finds each secret as is, and base64-encoded (what an OSC 52 clipboard write would carry). */
export function leaksIn(text: string, where: string, secrets: Secrets): Leak[] {
  const out: Leak[] = [];
  for (const [label, value] of Object.entries(secrets)) {
    if (!value) continue;
    if (text.includes(value)) out.push({ secret: label, where });
    else if (text.includes(Buffer.from(value).toString('base64').replace(/=+$/, '')))
      out.push({ secret: `${label} (base64)`, where });
  }
  return out;
}

/** Every regular file under `dir`, recursively. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const n of names) {
    const p = join(dir, n);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...filesUnder(p));
    else if (st.isFile()) out.push(p);
  }
  return out;
}

/** Scans every file under `dir` except the ones in `exclude` (e.g. the profile that holds the password by design). */
export function leaksInFiles(dir: string, secrets: Secrets, exclude: readonly string[] = []): Leak[] {
  const out: Leak[] = [];
  for (const f of filesUnder(dir)) {
    if (exclude.includes(f)) continue;
    out.push(...leaksIn(readFileSync(f, 'utf8'), f, secrets));
  }
  return out;
}
