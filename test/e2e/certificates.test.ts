// The built dashboard in a pseudo-terminal: `:certificates` lists the soonest expiry first; D on the
// expired one asks with its name and effect, and only `y` deletes it in the emulator.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startEmulator } from '../../src/emulator/index.ts';
import { KEYS, startCli, terminalRestored } from '../helpers/pty.ts';
import { akskEnv } from '../helpers/emulator-client.ts';

test(':certificates, D on the expired certificate, y deletes it', async () => {
  const emu = await startEmulator({ seed: 'demo' });
  const instance = emu.instances[0] ?? '';
  const db = emu.state.stores.get(instance);
  assert.ok(db);
  const has = () => [...db.data.certificates.values()].some((c) => c.name === 'cert_pay');
  const cli = startCli(['--endpoint', emu.endpoint, '--instance', instance], {
    cols: 120,
    rows: 32,
    env: akskEnv(emu),
  });
  try {
    await cli.waitForText(/\d+ items/, 20_000);
    await cli.key(':');
    cli.type('certificates');
    await cli.key(KEYS.enter);
    await cli.waitForText(/expired \dd ago/, 10_000);
    // Soonest first: the expired certificate is the selected first row.
    await cli.key('D');
    await cli.waitForText('Delete certificate');
    assert.match(cli.screenText(), /HTTPS calls to pay\.example\.com fail/);
    assert.ok(has(), 'nothing sent before y');
    cli.type('y');
    await cli.waitFor(() => !has(), 'the certificate deleted', 10_000);
    await cli.waitForText('Esc/Enter: close');
    await cli.key(KEYS.esc);
    cli.type('q');
    assert.equal(await cli.waitForExit(10_000), 0);
    assert.deepEqual(terminalRestored(cli.rawOutput()).problems, []);
  } finally {
    cli.kill();
    await emu.close();
  }
});
