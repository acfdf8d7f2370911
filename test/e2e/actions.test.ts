// The built dashboard in a pseudo-terminal against the emulator (AK/SK from the environment): publish
// an API to an environment with `p`, confirm with `y`, and the emulator has the publication.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startEmulator } from '../../src/emulator/index.ts';
import { KEYS, startCli, terminalRestored } from '../helpers/pty.ts';
import { akskEnv } from '../helpers/emulator-client.ts';

test('publish an API to an environment with y; the emulator has it', async () => {
  const emu = await startEmulator({ seed: 'demo' });
  const instance = emu.instances[0] ?? '';
  const db = emu.state.stores.get(instance);
  assert.ok(db);
  const apis = [...db.data.apis.values()];
  const envs = [...db.data.envs.values()];
  // an API whose name no other API contains (the filter then leaves it alone), not published in env
  const pair = apis
    .filter((a) => !apis.some((b) => b !== a && b.name.includes(a.name)))
    .flatMap((a) => envs.map((e, envIndex) => ({ a, e, envIndex })))
    .find(({ a, e }) => !db.publicationOf(a.id, e.id));
  assert.ok(pair);
  const cli = startCli(['--endpoint', emu.endpoint, '--instance', instance], {
    cols: 120,
    rows: 32,
    env: akskEnv(emu),
  });
  try {
    await cli.waitForText(/\d+ items/, 20_000);
    await cli.key('/');
    cli.type(pair.a.name);
    // the title reads `1 of 1 (of N)` once the filter applied (an unfiltered list shows `1 of N` too)
    await cli.waitForText(/\b1 of 1 \(of \d+\)/);
    await cli.key(KEYS.enter);
    cli.type('p');
    await cli.waitForText(`Publish API ${pair.a.name}`);
    await cli.waitForText(envs[0]?.name ?? 'RELEASE');
    for (let i = 0; i < pair.envIndex; i++) {
      await cli.key('j');
    }
    cli.press('enter');
    await cli.waitForText('Remark (optional)');
    cli.press('enter');
    await cli.waitForText(/y yes|type y/);
    assert.match(cli.screenText(), new RegExp(pair.e.name));
    assert.equal(db.publicationOf(pair.a.id, pair.e.id), undefined, 'nothing sent before y');
    cli.type('y');
    await cli.waitFor(() => db.publicationOf(pair.a.id, pair.e.id) !== undefined, 'the publication', 10_000);
    await cli.waitForText('Esc/Enter: close');
    await cli.key(KEYS.esc); // one at a time, each answered, as a user types
    await cli.key(KEYS.esc);
    cli.type('q');
    assert.equal(await cli.waitForExit(10_000), 0);
    assert.deepEqual(terminalRestored(cli.rawOutput()).problems, []);
  } finally {
    cli.kill();
    await emu.close();
  }
});
