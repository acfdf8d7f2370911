// The bare-list baseline (bench/bare-list.mjs): the same rows as the dashboard's APIs list, drawn by
// an Ink app that does nothing else. Its rows are fetched once from the benchmark's emulator with
// the product's client and written to a JSON file the app reads at start (as the dashboard would
// parse them from its responses).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startCli, type CliSession } from '../../test/helpers/pty.ts';
import { loadClient, type BenchEmulator } from './app.ts';

export const BARE_ROWS_FILE = fileURLToPath(new URL('../results/bare-rows.json', import.meta.url));

/** Writes the emulator's APIs to BARE_ROWS_FILE; returns how many, or why it could not. */
export async function writeBareRows(emu: BenchEmulator): Promise<number | string> {
  const client = await loadClient();
  if (typeof client === 'string') return client;
  const rows = await client.createApisClient(emu).listAll();
  writeFileSync(BARE_ROWS_FILE, JSON.stringify(rows));
  return rows.length;
}

export function bareReady(count: number): string {
  return `bare list ${count} items`;
}

/** Starts the bare list on a terminal of the dashboard's size and waits for its first frame with rows. */
export async function startBareList(bundle: string, count: number): Promise<CliSession> {
  const cli = startCli([BARE_ROWS_FILE], { script: bundle, cols: 120, rows: 40, sttyProbe: false });
  await cli.waitForText(bareReady(count), 30_000);
  await cli.waitForQuiet(200, 30_000);
  return cli;
}
