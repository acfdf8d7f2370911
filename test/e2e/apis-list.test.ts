// The built dashboard against the emulator over loopback with AK/SK: the APIs list loads every page,
// moves, pages and filters, and quitting hands the terminal back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator } from '../../src/emulator/index.ts';
import { KEYS, startCli, terminalRestored, type CliSession } from '../helpers/pty.ts';

const TOTAL = 1200; // three pages of 500: the list must page, not stop at the first answer

/** The selected list row: drawn highlighted; the list header above it is not a data row. */
function selectedRow(cli: CliSession): string {
  const lines = cli.screenLines();
  const rows = cli.highlightedRows().map((i) => lines[i] ?? '');
  return (
    rows.find((l) => /scale_api_\d+/.test(l)) ?? `(no highlighted API row among ${rows.length} highlighted)`
  );
}

test('APIs list: loads all pages, moves, pages, filters, quits cleanly', async () => {
  const emu = await startEmulator({ seed: { scale: TOTAL } });
  const instance = emu.instances[0] ?? '';
  const cli = startCli(['--endpoint', emu.endpoint, '--project-id', emu.projectId, '--instance', instance], {
    cols: 120,
    rows: 30,
    env: { HUAWEICLOUD_SDK_AK: emu.ak, HUAWEICLOUD_SDK_SK: emu.sk },
  });
  try {
    await cli.waitForText(`${TOTAL} items`, 30_000);
    const apiPages = emu.stats.log.filter((r) => /\/apic\/instances\/[^/]+\/apis(\?|$)/.test(r.path));
    assert.ok(apiPages.length >= 3, `expected ≥ 3 page requests, saw ${apiPages.length}`);
    assert.match(selectedRow(cli), /scale_api_000000\b/);

    cli.press('down', 3);
    await cli.waitFor(() => /scale_api_000003\b/.test(selectedRow(cli)), 'selection on scale_api_000003');
    cli.press('pgdn');
    // Wait for a frame whose highlighted row is past the first four (not a frame mid-repaint).
    const selectedIndex = () => Number(/scale_api_(\d+)/.exec(selectedRow(cli))?.[1] ?? -1);
    await cli.waitFor(() => selectedIndex() > 3, 'selection moved by a page');
    assert.ok(selectedIndex() < 100, `page down jumped too far: ${selectedRow(cli)}`);

    await cli.key('/');
    cli.type('api_00111');
    await cli.waitForText(/scale_api_001110\b/);
    await cli.waitForNoText(/scale_api_000000\b/);
    assert.deepEqual(cli.wrappedRows(), [], 'a line wider than the terminal wrapped');

    await cli.key(KEYS.esc); // the filter is closed before q (which it would otherwise take as text)
    cli.type('q');
    assert.equal(await cli.waitForExit(10_000), 0);
    assert.deepEqual(terminalRestored(cli.rawOutput()).problems, []);
  } finally {
    cli.kill();
    await emu.close();
  }
});
