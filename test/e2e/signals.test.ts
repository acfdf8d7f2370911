// The built dashboard in a pseudo-terminal, ended while something is open:
// - Ctrl-C while a publish is in flight (the emulator holds it with a latency fault): the audit line
//   says `unknown`, the exit status is 130, the terminal is restored;
// - SIGTERM while $EDITOR is open (a fake editor that sleeps, with a child of its own): both end, the
//   editor's temp directory is removed, the exit status is 143.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { startEmulator } from '../../src/emulator/index.ts';
import { KEYS, startCli, terminalRestored } from '../helpers/pty.ts';
import { akskEnv } from '../helpers/emulator-client.ts';

/** Alive and not a zombie (a container's init may not reap orphans at once). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function until(what: string, cond: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('Ctrl-C during a publish: audit line "unknown", then exit 130', async () => {
  const emu = await startEmulator({ seed: 'demo' });
  const state = mkdtempSync(join(tmpdir(), 'roma-dash-sigint-'));
  const cli = startCli(['--endpoint', emu.endpoint, '--instance', emu.instances[0] ?? ''], {
    cols: 120,
    rows: 32,
    env: { ...akskEnv(emu), XDG_STATE_HOME: state },
  });
  try {
    await cli.waitForText(/\d+ items/, 20_000);
    await cli.key('p');
    await cli.waitForText('Publish API');
    await cli.key(KEYS.enter);
    await cli.waitForText('Remark (optional)');
    await cli.key(KEYS.enter);
    await cli.waitForText(/y yes|type y/);
    emu.setFaults('latency=8000');
    const posts = emu.stats.byMethod.POST ?? 0;
    cli.type('y');
    await until('the publish to reach the gateway', () => (emu.stats.byMethod.POST ?? 0) > posts);
    cli.press('ctrl-c');
    assert.equal(await cli.waitForExit(15_000), 130);
    assert.deepEqual(terminalRestored(cli.rawOutput()).problems, []);
    const lines = readFileSync(join(state, 'roma-dash', 'audit.log'), 'utf8')
      .trim()
      .split('\n');
    assert.equal(lines.length, 1);
    const line = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    assert.equal(line.action, 'publish');
    assert.equal(line.result, 'unknown');
    assert.equal(line.errorCode, 'INTERRUPTED');
  } finally {
    cli.kill();
    emu.setFaults(null);
    await emu.close();
    rmSync(state, { recursive: true, force: true });
  }
});

test('SIGTERM while $EDITOR is open: the editor ends, its temp directory goes, exit 143', async () => {
  const emu = await startEmulator({ seed: 'demo' });
  const dir = mkdtempSync(join(tmpdir(), 'roma-dash-sigterm-editor-'));
  const editor = join(dir, 'fake-editor.sh');
  writeFileSync(
    editor,
    [
      '#!/bin/sh',
      `echo "$1" > "${dir}/file"`,
      `sleep 300 & echo $! > "${dir}/child"`,
      `echo $$ > "${dir}/editor"`,
      'wait',
      '',
    ].join('\n'),
  );
  chmodSync(editor, 0o755);
  // no stty probe: the pid is the dashboard's own, for kill
  const cli = startCli(['--endpoint', emu.endpoint, '--instance', emu.instances[0] ?? ''], {
    cols: 120,
    rows: 32,
    sttyProbe: false,
    env: { ...akskEnv(emu), XDG_STATE_HOME: join(dir, 'state'), EDITOR: editor, VISUAL: undefined },
  });
  try {
    await cli.waitForText(/\d+ items/, 20_000);
    await cli.key('d');
    await cli.waitForText(/› debug/);
    cli.type('\x05'); // Ctrl-E: edit the body in $EDITOR
    await until(
      'the editor to start',
      () => existsSync(join(dir, 'editor')) && existsSync(join(dir, 'child')),
    );
    const editorPid = Number(readFileSync(join(dir, 'editor'), 'utf8'));
    const childPid = Number(readFileSync(join(dir, 'child'), 'utf8'));
    const tempDir = dirname(readFileSync(join(dir, 'file'), 'utf8').trim());
    assert.ok(alive(editorPid) && alive(childPid) && existsSync(tempDir));

    process.kill(cli.pid, 'SIGTERM');
    assert.equal(await cli.waitForExit(15_000), 143);
    await until('the editor and its child to end', () => !alive(editorPid) && !alive(childPid), 5_000);
    assert.equal(existsSync(tempDir), false, 'the temp directory is removed');
    assert.deepEqual(terminalRestored(cli.rawOutput()).problems, []);
  } finally {
    cli.kill();
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
