// What the end-to-end tests need to know about the built CLI before driving it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { CLI_PATH } from '../helpers/pty.ts';

export const PACKAGE_VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/**
 * The skeleton CLI prints one line whatever it is given. Until the real one lands, dashboard tests
 * are reported as skipped with this reason instead of failing for a part that does not exist yet.
 */
export function placeholderReason(): string | false {
  const r = spawnSync(process.execPath, [CLI_PATH, '--help'], { encoding: 'utf8', timeout: 20_000 });
  return /roma-dash skeleton/.test(r.stdout) ? 'dist/cli.js is still the skeleton placeholder' : false;
}
