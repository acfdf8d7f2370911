// Without a terminal the dashboard says so in one line and exits 2, instead of Ink's raw-mode error
// and the minified bundle (issue 10, defect 9). --help, --version and `emulator` need no terminal.
// Spawns the built CLI (dist/cli.js; `npm test` builds it) with stdin from /dev/null, stdout a pipe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { terminalProblem } from '../../src/app/terminal.ts';

const run = (args: string[]) =>
  spawnSync(process.execPath, ['dist/cli.js', ...args], {
    encoding: 'utf8',
    timeout: 20_000,
    stdio: ['ignore', 'pipe', 'pipe'], // 'ignore' is /dev/null
    env: { ...process.env, HOME: '/nonexistent', HUAWEICLOUD_SDK_AK: '', HUAWEICLOUD_SDK_SK: '' },
  });

function assertNeedsTerminal(r: ReturnType<typeof run>): void {
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stdout, '');
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0] ?? '', /interactive terminal/);
  assert.match(lines[0] ?? '', /roma-dash emulator/);
  assert.doesNotMatch(r.stderr, /Raw mode|at file:|main\.js/);
}

test('--demo with stdin from /dev/null: one line pointing at `roma-dash emulator`, exit 2', () => {
  assertNeedsTerminal(run(['--demo']));
});

test('the dashboard without a terminal is refused before credentials are looked for', () => {
  assertNeedsTerminal(run([]));
});

test('--help, --version and emulator --help work without a terminal', () => {
  for (const args of [['--help'], ['--version'], ['emulator', '--help'], ['--demo', '--help']]) {
    const r = run(args);
    assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
    assert.ok(r.stdout.length > 0, args.join(' '));
  }
});

test('the emulator sub-command runs without a terminal and stops on SIGTERM', async () => {
  const child = spawn(process.execPath, ['dist/cli.js', 'emulator', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: string) => {
      out += d;
      if (out.includes('\n')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`exited ${code} before listening`)));
  });
  const info = JSON.parse(out.split('\n')[0] ?? '{}') as { endpoint?: string };
  assert.match(info.endpoint ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
  const code = await new Promise<number | null>((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (c) => resolve(c));
    child.kill('SIGTERM');
  });
  assert.equal(code, 0);
});

test('terminalProblem names what is not a terminal', () => {
  assert.equal(terminalProblem({ stdin: true, stdout: true }), undefined);
  assert.match(terminalProblem({ stdin: false, stdout: true }) ?? '', /stdin/);
  assert.match(terminalProblem({ stdin: true, stdout: false }) ?? '', /stdout/);
  assert.match(terminalProblem({ stdin: false, stdout: false }) ?? '', /stdin and stdout/);
});
