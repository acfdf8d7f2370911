// The built dashboard in a pseudo-terminal: `n` on :backends fills the custom backend form, Ctrl-E hands
// the terminal to a real $EDITOR (a script that writes the file) for the script, and `Ctrl-S` `y` creates
// the backend with that script in the emulator; quitting hands the terminal back.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startEmulator } from '../../src/emulator/index.ts';
import { KEYS, startCli, terminalRestored } from '../helpers/pty.ts';
import { akskEnv } from '../helpers/emulator-client.ts';

test(':backends, n, the script from $EDITOR, Ctrl-S y creates it', async () => {
  const emu = await startEmulator({ seed: 'demo' });
  const instance = emu.instances[0] ?? '';
  const db = emu.state.stores.get(instance);
  assert.ok(db);
  const dir = mkdtempSync(join(tmpdir(), 'roma-dash-ld-editor-'));
  const editor = join(dir, 'editor.sh');
  writeFileSync(
    editor,
    ['#!/bin/sh', `printf 'function execute(data) { return { seven: 7 }; }\\n' > "$1"`, ''].join('\n'),
  );
  chmodSync(editor, 0o755);
  const made = () => [...db.data.ldApis.values()].find((a) => a.name === 'pty_backend');
  const cli = startCli(['--endpoint', emu.endpoint, '--instance', instance], {
    cols: 120,
    rows: 40,
    env: {
      ...akskEnv(emu),
      EDITOR: editor,
      VISUAL: undefined,
    },
  });
  try {
    await cli.waitForText(/\d+ items/, 20_000);
    await cli.key(':');
    cli.type('backends');
    await cli.key(KEYS.enter);
    await cli.waitForText('hello_function', 10_000);
    await cli.key('n');
    await cli.waitForText('New custom backend');
    cli.type('pty_backend');
    cli.press('down', 3); // integration app (from the selected row), method → request path
    cli.type('/pty');
    cli.press('down', 7); // version, content type, format, description, parameters, type → script
    cli.type('\x05'); // Ctrl-E
    await cli.waitForText('seven: 7', 10_000);
    cli.type('\x13'); // Ctrl-S
    await cli.waitForText('Review');
    assert.equal(made(), undefined, 'nothing sent before y');
    cli.type('y');
    // the definition (4.19.1) comes first, then its script (4.19.6)
    await cli.waitFor(() => (made()?.scripts.length ?? 0) > 0, 'the backend created with its script', 10_000);
    const api = made()!;
    assert.equal(api.path, '/pty');
    assert.equal(
      Buffer.from(api.scripts[0]?.content ?? '', 'base64').toString('utf8'),
      'function execute(data) { return { seven: 7 }; }',
    );
    await cli.waitForText('Created custom backend pty_backend');
    cli.type('q');
    assert.equal(await cli.waitForExit(10_000), 0);
    assert.deepEqual(terminalRestored(cli.rawOutput()).problems, []);
  } finally {
    cli.kill();
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
