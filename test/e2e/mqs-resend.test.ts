// The built dashboard in a pseudo-terminal against the emulator: find an order event by a 15-minute
// window, open it, resend it with M and y; the list then shows the copy, and a 5.4.1 query finds it again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRomaClient } from '../../src/api/client.ts';
import { akskProvider } from '../../src/auth/providers.ts';
import { startEmulator } from '../../src/emulator/index.ts';
import { mqsOf } from '../../src/emulator/mqs-state.ts';
import { KEYS, startCli, terminalRestored } from '../helpers/pty.ts';
import { akskEnv } from '../helpers/emulator-client.ts';

test('find a message by time window, open it, resend it; the copy is found again', async () => {
  const emu = await startEmulator({ seed: 'demo' });
  const instance = emu.instances[0] ?? '';
  const mqs = mqsOf(emu.state).get(instance);
  assert.ok(mqs);
  const cli = startCli(['--endpoint', emu.endpoint, '--instance', instance], {
    cols: 140,
    rows: 36,
    env: akskEnv(emu),
  });
  try {
    await cli.waitForText(/\d+ items/, 20_000);
    await cli.key(':');
    cli.type('topics');
    await cli.key(KEYS.enter);
    await cli.waitForText('billing-invoices', 15_000);
    // order-events is the first topic: Enter opens its last hour, w narrows it to 15 minutes
    await cli.key(KEYS.enter);
    await cli.waitForText('last 1h', 15_000);
    // the title shows while the rows load; `w` acts on a row, so wait for them
    await cli.waitForText('"order_id":', 15_000);
    await cli.key('w');
    await cli.waitForText('Search messages of order-events');
    await cli.key(KEYS['ctrl-u']);
    cli.type('15m');
    await cli.key(KEYS.enter);
    await cli.waitForText('last 15m', 15_000);
    await cli.waitForText(/\d+ items/);
    // the newest message of the window, opened in the viewer
    await cli.key(KEYS.enter);
    await cli.waitForText('"order_id":', 15_000);
    const key = /key\s+(order-\d+)/.exec(cli.screenText())?.[1];
    assert.ok(key, 'the viewer shows the message key');
    const before = mqs.resends.length;
    cli.type('M');
    await cli.waitForText('Resend messages');
    await cli.waitForText('type y to confirm');
    assert.match(cli.screenText(), new RegExp(`order-events p\\d+@\\d+ \\(${key}\\)`));
    assert.equal(mqs.resends.length, before, 'nothing sent before y');
    cli.type('y');
    await cli.waitFor(() => mqs.resends.length === before + 1, 'the resend', 10_000);
    await cli.waitForText('Esc/Enter: close');
    await cli.key(KEYS.esc);
    const rec = mqs.resends.at(-1);
    assert.ok(rec);
    // back in the refreshed window, the copy is listed at its new offset with the same key
    await cli.key(KEYS.esc);
    await cli.waitForText(new RegExp(`\\b${rec.partition}\\s+${rec.new_offset}\\s.*${key}`), 15_000);

    // and the service finds it again by time window
    const client = createRomaClient({
      endpoint: emu.endpoint,
      projectId: emu.projectId,
      auth: akskProvider({ ak: emu.ak, sk: emu.sk, projectId: emu.projectId }),
    });
    const now = Date.now();
    const found = await (
      await client.instance(instance).mqs()
    ).messages.query({
      topic: 'order-events',
      start_time: now - 5 * 60_000,
      end_time: now,
      limit: 100,
    });
    const copy = found.messages.find(
      (m) => m.partition === rec.partition && m.message_offset === rec.new_offset,
    );
    assert.ok(copy, 'the resent copy is in the window');
    assert.equal(copy.key, key);
    const original = await (
      await client.instance(instance).mqs()
    ).messages.query({
      topic: 'order-events',
      partition: rec.partition,
      message_offset: rec.message_offset,
    });
    assert.equal(copy.value, original.messages[0]?.value);
    assert.equal(copy.message_id, original.messages[0]?.message_id);

    cli.type('q');
    assert.equal(await cli.waitForExit(10_000), 0);
    assert.deepEqual(terminalRestored(cli.rawOutput()).problems, []);
  } finally {
    cli.kill();
    await emu.close();
  }
});
