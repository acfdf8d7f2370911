// The pseudo-terminal harness must see what a user sees and must catch a terminal left broken;
// otherwise every end-to-end test built on it proves nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCli, terminalRestored, withoutProbe } from '../helpers/pty.ts';

function script(body: string): { path: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'roma-dash-harness-'));
  const path = join(dir, 'app.mjs');
  writeFileSync(path, body);
  return { path, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

test('renders output on a virtual screen, reports bytes and the exit code', async () => {
  const s = script(
    `process.stdout.write('\\x1b[2J\\x1b[Hfirst line\\r\\nsecond \\x1b[31mred\\x1b[0m'); process.exitCode = 3;`,
  );
  const cli = startCli([], { script: s.path, cols: 40, rows: 5 });
  try {
    assert.equal(await cli.waitForExit(), 3);
    assert.deepEqual(cli.screenLines().slice(0, 2), ['first line', 'second red']);
    assert.ok(cli.bytesWritten >= 'first line'.length);
    assert.ok(terminalRestored(cli.rawOutput()).ok, terminalRestored(cli.rawOutput()).problems.join('; '));
  } finally {
    cli.kill();
    s.dispose();
  }
});

test('feeds keys to the child and sees the resize', async () => {
  const s = script(`
    process.stdin.setRawMode(true);
    process.stdout.write('ready ' + process.stdout.columns + '\\r\\n');
    process.stdout.on('resize', () => process.stdout.write('cols ' + process.stdout.columns + '\\r\\n'));
    process.stdin.on('data', (d) => {
      const k = d.toString();
      if (k === 'q') { process.stdin.setRawMode(false); process.exit(0); }
      process.stdout.write('key ' + JSON.stringify(k) + '\\r\\n');
    });`);
  const cli = startCli([], { script: s.path, cols: 50, rows: 10 });
  try {
    await cli.waitForText('ready 50');
    cli.press('down');
    await cli.waitForText('key "\\u001b[B"');
    cli.resize(60, 10);
    await cli.waitForText('cols 60');
    cli.type('q');
    assert.equal(await cli.waitForExit(), 0);
    assert.deepEqual(terminalRestored(cli.rawOutput()).problems, []);
  } finally {
    cli.kill();
    s.dispose();
  }
});

test('key() sends the next key only after the app answered the last one', async () => {
  // The app stalls 300 ms before answering each read (Atomics.wait blocks without spinning), so keys
  // typed meanwhile pile up into one read; key() must wait for the answer instead.
  const s = script(`
    process.stdin.setRawMode(true);
    process.stdout.write('ready\\r\\n');
    process.stdin.on('data', (d) => {
      const k = d.toString();
      if (k === 'q') { process.stdin.setRawMode(false); process.exit(0); }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
      process.stdout.write('read ' + JSON.stringify(k) + '\\r\\n');
    });`);
  const cli = startCli([], { script: s.path, cols: 50, rows: 10 });
  try {
    await cli.waitForText('ready');
    // without the wait, b and c would both arrive during a's stall and be read as "bc"
    for (const k of ['a', 'b', 'c']) await cli.key(k, { answerMs: 20_000 });
    assert.match(cli.screenText(), /read "a"\nread "b"\nread "c"/);
    // what the wait prevents: keys typed back to back meanwhile arrive together
    cli.type('d');
    await new Promise((r) => setTimeout(r, 50));
    cli.type('e');
    cli.type('f');
    await cli.waitForText(/read "d?ef"/); // "def" when the app had not even read d yet
    cli.type('q');
    assert.equal(await cli.waitForExit(), 0);
  } finally {
    cli.kill();
    s.dispose();
  }
});

test('terminalRestored catches raw mode, the alternate screen and a hidden cursor left behind', async () => {
  // Node restores the tty settings it found at start-up on a normal exit, but not when it dies hard.
  const s = script(`
    process.stdin.setRawMode(true);
    process.stdout.write('\\x1b[?1049h\\x1b[?25lbusy', () => process.kill(process.pid, 'SIGKILL'));`);
  const cli = startCli([], { script: s.path });
  try {
    await cli.waitForExit();
    const check = terminalRestored(cli.rawOutput());
    assert.equal(check.ok, false);
    assert.ok(
      check.problems.some((p) => p.includes('-icanon')),
      check.problems.join('; '),
    );
    assert.ok(check.problems.some((p) => p.includes('alternate screen')));
    assert.ok(check.problems.some((p) => p.includes('cursor')));
    assert.ok(!withoutProbe(cli.rawOutput()).includes('ROMA_DASH_STTY'));
  } finally {
    cli.kill();
    s.dispose();
  }
});

test('a timeout names what was awaited and shows the last screen; kill ends the child', async () => {
  const s = script(`process.stdout.write('still waiting'); setInterval(() => {}, 1000);`);
  const cli = startCli([], { script: s.path });
  try {
    await assert.rejects(
      cli.waitForText('never shown', 300),
      /waiting for text "never shown"[\s\S]*still waiting/,
    );
    cli.kill();
    assert.notEqual(await cli.exitCode, 0);
  } finally {
    cli.kill();
    s.dispose();
  }
});

test('the child gets a hermetic environment', async () => {
  const s = script(
    `process.stdout.write(JSON.stringify({ ci: process.env.CI ?? null, term: process.env.TERM, home: process.env.HOME, ak: process.env.HUAWEICLOUD_SDK_AK ?? null }));`,
  );
  const prev = process.env.HUAWEICLOUD_SDK_AK;
  process.env.HUAWEICLOUD_SDK_AK = 'leaked-from-shell';
  const cli = startCli([], { script: s.path, env: { CI: undefined }, cols: 200 });
  try {
    await cli.waitForExit();
    const seen = JSON.parse(withoutProbe(cli.rawOutput()).trim()) as Record<string, string | null>;
    assert.equal(seen.ci, null);
    assert.equal(seen.term, 'xterm-256color');
    assert.equal(seen.home, cli.home);
    assert.equal(seen.ak, null);
  } finally {
    if (prev === undefined) delete process.env.HUAWEICLOUD_SDK_AK;
    else process.env.HUAWEICLOUD_SDK_AK = prev;
    cli.kill();
    s.dispose();
  }
});
