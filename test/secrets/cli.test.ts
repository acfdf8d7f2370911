// The built CLI in a pseudo-terminal with real secrets set (AK/SK, a security token, an IAM password)
// and --log-file: browse, open details and JSON, try debug/actions, hit auth errors; then no secret
// value may appear on the screen, in the raw terminal output, or in any file it wrote.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { startCli, type CliSession } from '../helpers/pty.ts';
import { filesUnder, leaksIn, leaksInFiles, type Leak, type Secrets } from './scan.ts';
import { akskEnv } from '../helpers/emulator-client.ts';

let emu: EmulatorHandle;
let root: string;
let secrets: Secrets;
const WRONG_SK = 'wrong-secret-key-that-must-not-show-0123456789';
const WRONG_PASSWORD = 'Wr0ng@Passw0rd-must-not-show';

before(async () => {
  emu = await startEmulator({ seed: 'demo' });
  root = mkdtempSync(join(tmpdir(), 'roma-dash-secrets-'));
  secrets = {
    AK: emu.ak,
    SK: emu.sk,
    'temporary AK': emu.tempAk,
    'temporary SK': emu.tempSk,
    'security token': emu.securityToken,
    password: emu.iam.password,
    'wrong SK': WRONG_SK,
    'wrong password': WRONG_PASSWORD,
  };
});
after(async () => {
  await emu?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

interface Run {
  dir: string;
  logFile: string;
  profile?: string;
}

/** A HOME of its own per run (kept after exit, unlike the pty helper's), with XDG dirs inside. */
function newRun(name: string, profile?: object): Run {
  const dir = join(root, name);
  mkdirSync(join(dir, '.config/roma-dash'), { recursive: true });
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const run: Run = { dir, logFile: join(dir, 'logs/requests.log') };
  if (profile) {
    run.profile = join(dir, '.config/roma-dash/config.json');
    writeFileSync(run.profile, JSON.stringify({ defaultProfile: 'p', profiles: { p: profile } }), {
      mode: 0o600,
    });
  }
  return run;
}

function start(run: Run, args: string[], env: Record<string, string>): CliSession {
  return startCli(['--log-file', run.logFile, ...args], {
    cols: 120,
    rows: 30,
    env: {
      ...env,
      HOME: run.dir,
      XDG_CONFIG_HOME: join(run.dir, '.config'),
      XDG_STATE_HOME: join(run.dir, '.local/state'),
      XDG_CACHE_HOME: join(run.dir, '.cache'),
    },
  });
}

/** One key at a time: see CliSession.key (waits for the answer, then for quiet). */
async function key(cli: CliSession, keys: string): Promise<void> {
  await cli.key(keys);
}

/** Everything a user or a log collector could see from one run. */
function leaksOf(run: Run, cli: CliSession): Leak[] {
  return [
    ...leaksIn(cli.rawOutput(), `${run.dir}: terminal output`, secrets),
    ...leaksIn(cli.screenText(), `${run.dir}: screen`, secrets),
    ...leaksInFiles(run.dir, secrets, run.profile ? [run.profile] : []),
  ];
}

async function quit(cli: CliSession): Promise<void> {
  await key(cli, '\x1b');
  cli.type('q');
  assert.equal(await cli.waitForExit(15_000), 0, `did not quit cleanly\n${cli.screenText()}`);
}

/** Browses like a user: details, tabs, JSON, other screens, and the write/debug keys where present. */
async function browse(cli: CliSession): Promise<void> {
  for (const k of [
    'j',
    'i',
    '\t',
    '\t',
    'y',
    '\x1b',
    '\x1b',
    'd',
    '\x1b',
    'p',
    '\x1b',
    ':',
    'apps\r',
    'i',
    'x',
    'y',
    '\x1b',
    '\x1b',
  ])
    await key(cli, k);
}

test('AK/SK from the environment: browsing, debug and errors leak nothing', async () => {
  const run = newRun('aksk');
  const cli = start(run, ['--endpoint', emu.endpoint, '--instance', emu.instances[0] ?? ''], akskEnv(emu));
  try {
    await cli.waitForText(/\d+ items/, 20_000);
    await browse(cli);
    // an error path: the gateway answers 5xx for a while, the dashboard shows it
    emu.setFaults('5xx=1,seed=1');
    await key(cli, 'r');
    await cli.waitForText(/[✗✖]/, 20_000);
    emu.setFaults(null);
    await quit(cli);
    assert.ok(filesUnder(join(run.dir, 'logs')).length > 0, '--log-file was not written');
    assert.deepEqual(leaksOf(run, cli), []);
  } finally {
    emu.setFaults(null);
    cli.kill();
  }
});

test('temporary AK/SK with a security token leak nothing', async () => {
  const run = newRun('temporary');
  const cli = start(run, ['--endpoint', emu.endpoint, '--instance', emu.instances[0] ?? ''], {
    HUAWEICLOUD_SDK_AK: emu.tempAk,
    HUAWEICLOUD_SDK_SK: emu.tempSk,
    HUAWEICLOUD_SDK_SECURITY_TOKEN: emu.securityToken,
    HUAWEICLOUD_SDK_PROJECT_ID: emu.projectId,
  });
  try {
    await cli.waitForText(/\d+ items/, 20_000);
    await browse(cli);
    await quit(cli);
    assert.deepEqual(leaksOf(run, cli), []);
  } finally {
    cli.kill();
  }
});

test('IAM password from a profile leaks nothing (and neither does a wrong one)', async () => {
  const profile = (password: string) => ({
    endpoint: emu.endpoint,
    iamEndpoint: emu.endpoint,
    projectId: emu.projectId,
    instanceIds: [emu.instances[0] ?? ''],
    auth: { method: 'password', user: emu.iam.user, password, domain: emu.iam.domain },
  });
  const good = newRun('password', profile(emu.iam.password));
  let cli = start(good, [], {});
  try {
    await cli.waitForText(/\d+ items/, 20_000);
    await browse(cli);
    await quit(cli);
    assert.deepEqual(leaksOf(good, cli), []);
  } finally {
    cli.kill();
  }
  const bad = newRun('password-wrong', profile(WRONG_PASSWORD));
  cli = start(bad, [], {});
  try {
    await cli.waitForText(/[✗✖]|401/, 20_000);
    await quit(cli);
    assert.deepEqual(leaksOf(bad, cli), []);
  } finally {
    cli.kill();
  }
});

test('a wrong SK shows the 401 and leaks neither key', async () => {
  const run = newRun('wrong-sk');
  const cli = start(run, ['--endpoint', emu.endpoint, '--instance', emu.instances[0] ?? ''], {
    HUAWEICLOUD_SDK_AK: emu.ak,
    HUAWEICLOUD_SDK_SK: WRONG_SK,
    HUAWEICLOUD_SDK_PROJECT_ID: emu.projectId,
  });
  try {
    await cli.waitForText(/APIC\.0301/, 20_000);
    await quit(cli);
    assert.ok(filesUnder(join(run.dir, 'logs')).length > 0, '--log-file was not written');
    assert.deepEqual(leaksOf(run, cli), []);
  } finally {
    cli.kill();
  }
});
