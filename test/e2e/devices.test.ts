// The built dashboard in a pseudo-terminal: `:devices`, filter to one online device, force it offline
// with `O`, confirm with `y`; the emulator has it offline and the list shows it so.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startEmulator } from '../../src/emulator/index.ts';
import { KEYS, startCli, terminalRestored } from '../helpers/pty.ts';
import { akskEnv } from '../helpers/emulator-client.ts';

test('force a device offline from :devices; the list then shows it offline', async () => {
  const emu = await startEmulator({ seed: 'demo' });
  const instance = emu.instances[0] ?? '';
  const link = emu.state.link?.get(instance);
  assert.ok(link);
  const devices = [...link.devices.values()];
  // an online, enabled device whose name no other device contains (the filter leaves it alone)
  const d = devices.find(
    (x) =>
      x.online_status === 1 &&
      x.status === 0 &&
      !devices.some((y) => y !== x && y.device_name.includes(x.device_name)),
  );
  assert.ok(d);
  const cli = startCli(['--endpoint', emu.endpoint, '--instance', instance], {
    cols: 120,
    rows: 32,
    env: akskEnv(emu),
  });
  try {
    await cli.waitForText(/\d+ items/, 20_000);
    await cli.key(':');
    cli.type('devices');
    cli.press('enter');
    await cli.waitForText('NODE ID', 20_000);
    await cli.waitForText(/320 items|of 320/, 20_000);
    await cli.key('/');
    cli.type(d.device_name);
    await cli.waitForText(/\b1 of 1 \(of \d+\)/);
    await cli.key(KEYS.enter);
    cli.type('F');
    await cli.waitForText(`Force device ${d.device_name} offline`);
    assert.match(cli.screenText(), /disconnected/);
    assert.equal(link.devices.get(d.id)?.online_status, 1, 'nothing sent before y');
    cli.type('y');
    await cli.waitFor(() => link.devices.get(d.id)?.online_status === 2, 'the device offline', 10_000);
    await cli.waitForText('Esc/Enter: close');
    await cli.key(KEYS.esc);
    await cli.waitForText(/offline/);
    assert.doesNotMatch(
      cli
        .screenText()
        .split('\n')
        .find((l) => l.includes(d.device_name)) ?? '',
      /online/,
    );
    await cli.key(KEYS.esc);
    cli.type('q');
    assert.equal(await cli.waitForExit(10_000), 0);
    assert.deepEqual(terminalRestored(cli.rawOutput()).problems, []);
  } finally {
    cli.kill();
    await emu.close();
  }
});
