// The built dashboard with --insecure: undici is loaded from its own chunk of the split bundle
// (dist/chunks), where a CommonJS package arrives as a default export only; the list still loads.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startEmulator } from '../../src/emulator/index.ts';
import { startCli } from '../helpers/pty.ts';
import { akskEnv } from '../helpers/emulator-client.ts';

test('--insecure loads its HTTP client from the split bundle and lists the APIs', async () => {
  const emu = await startEmulator({ seed: 'demo' });
  const instance = emu.instances[0] ?? '';
  const cli = startCli(['--endpoint', emu.endpoint, '--instance', instance, '--insecure'], {
    cols: 120,
    rows: 32,
    env: akskEnv(emu),
  });
  try {
    await cli.waitForText(/\d+ items/, 20_000);
    assert.doesNotMatch(cli.screenText(), /not a constructor|✗/);
  } finally {
    cli.kill();
    await cli.exitCode;
    await emu.close();
  }
});
