// The built CLI in a real pseudo-terminal: flags print and exit, the demo dashboard shows instance
// data, `q` quits, and the terminal is handed back as it was found.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startCli, terminalRestored, withoutProbe } from '../helpers/pty.ts';
import { PACKAGE_VERSION } from './cli.ts';

const INSTANCE_ROW = /roma-prod-cn-north-4\s+RUNNING/; // names come first; the id is the first column to go on narrow terminals

test('--version prints the package version and exits 0', async () => {
  const cli = startCli(['--version']);
  try {
    assert.equal(await cli.waitForExit(), 0, cli.screenText());
    assert.match(withoutProbe(cli.rawOutput()), new RegExp(`\\b${PACKAGE_VERSION.replace(/\./g, '\\.')}\\b`));
    assert.deepEqual(terminalRestored(cli.rawOutput()).problems, []);
  } finally {
    cli.kill();
  }
});

test('--help prints usage naming the main flags and exits 0', async () => {
  const cli = startCli(['--help'], { rows: 60 });
  try {
    assert.equal(await cli.waitForExit(), 0, cli.screenText());
    const out = withoutProbe(cli.rawOutput());
    assert.match(out, /usage/i);
    for (const flag of ['--demo', '--version', '--help']) assert.ok(out.includes(flag), `help lacks ${flag}`);
    assert.deepEqual(terminalRestored(cli.rawOutput()).problems, []);
  } finally {
    cli.kill();
  }
});

test('an unknown flag fails with a message, not a stack trace', async () => {
  const cli = startCli(['--no-such-flag']);
  try {
    assert.notEqual(await cli.waitForExit(), 0);
    const out = withoutProbe(cli.rawOutput());
    assert.match(out, /no-such-flag/);
    assert.doesNotMatch(out, /\n\s+at .+:\d+:\d+/, 'stack trace printed');
  } finally {
    cli.kill();
  }
});

test('--demo shows instance data, q quits with 0 and the terminal is restored', async () => {
  const cli = startCli(['--demo'], { cols: 120, rows: 40 });
  try {
    // Instance data: a row with an instance id and its status (the demo's first one is running).
    await cli.waitForText(INSTANCE_ROW, 20_000);
    assert.deepEqual(cli.wrappedRows(), [], 'a line wider than the terminal wrapped');
    cli.type('q');
    assert.equal(await cli.waitForExit(10_000), 0);
    assert.deepEqual(terminalRestored(cli.rawOutput()).problems, []);
  } finally {
    cli.kill();
  }
});

test('--demo survives a resize and Ctrl-C still restores the terminal', async () => {
  const cli = startCli(['--demo'], { cols: 100, rows: 30 });
  try {
    await cli.waitForText(INSTANCE_ROW, 20_000);
    const before = cli.bytesWritten;
    cli.resize(60, 20);
    // the app must redraw for the new size; checking before it did would pass on the old frame
    await cli.waitFor(() => cli.bytesWritten > before, 'a redraw after the resize');
    await cli.waitForQuiet(150);
    await cli.waitForText(/roma-prod-cn-north-4\s+RUNNING\s+100\.85\.\d+\.\d+\s*$/m); // name, status, address whole at 60
    assert.deepEqual(cli.wrappedRows(), [], `a line wider than 60 columns wrapped:\n${cli.screenText()}`);
    cli.press('ctrl-c');
    await cli.waitForExit(10_000);
    assert.deepEqual(terminalRestored(cli.rawOutput()).problems, []);
  } finally {
    cli.kill();
  }
});
