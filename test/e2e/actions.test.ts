// The built dashboard in a pseudo-terminal against the emulator (AK/SK from the environment): publish
// an API to an environment with `p`, confirm with `y`, and the emulator has the publication.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startEmulator } from '../../src/emulator/index.ts';
import { startCli, terminalRestored } from '../helpers/pty.ts';
import { placeholderReason } from './cli.ts';

const skip = placeholderReason();

test('publish an API to an environment with y; the emulator has it', { skip }, async () => {
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
    env: {
      HUAWEICLOUD_SDK_AK: emu.ak,
      HUAWEICLOUD_SDK_SK: emu.sk,
      HUAWEICLOUD_SDK_PROJECT_ID: emu.projectId,
    },
  });
  try {
    await cli.waitForText(/\d+ items/, 20_000);
    cli.type('/');
    cli.type(pair.a.name);
    await cli.waitForText('1 of');
    cli.press('enter');
    await cli.waitForQuiet(150);
    cli.type('p');
    await cli.waitForText(`Publish API ${pair.a.name}`);
    await cli.waitForText(envs[0]?.name ?? 'RELEASE');
    for (let i = 0; i < pair.envIndex; i++) {
      cli.type('j');
      await cli.waitForQuiet(60);
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
    cli.press('esc');
    cli.press('esc');
    cli.type('q');
    assert.equal(await cli.waitForExit(10_000), 0);
    assert.deepEqual(terminalRestored(cli.rawOutput()).problems, []);
  } finally {
    cli.kill();
    await emu.close();
  }
});
