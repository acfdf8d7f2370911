// Credential discovery in the documented order, with throw-away HOME directories.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import type { RomaError } from '../../src/api/errors.ts';
import { ArgsError, parseArgs, type CliArgs } from '../../src/config/args.ts';
import { parseIni, resolveConfig } from '../../src/config/resolve.ts';

const homes: string[] = [];
function home(files: Record<string, string> = {}): string {
  const h = mkdtempSync(join(tmpdir(), 'roma-dash-home-'));
  homes.push(h);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(h, rel, '..'), { recursive: true });
    writeFileSync(join(h, rel), content, { mode: 0o600 });
  }
  return h;
}
afterEach(() => {
  for (const h of homes.splice(0)) rmSync(h, { recursive: true, force: true });
});

function args(argv: string[] = []): CliArgs {
  const p = parseArgs(argv);
  assert.equal(p.command, 'dashboard');
  return (p as { args: CliArgs }).args;
}

const PROFILE = JSON.stringify({
  defaultProfile: 'prod',
  profiles: {
    prod: {
      region: 'cn-north-4',
      projectId: 'proj-prod',
      instanceIds: ['i-1'],
      readOnly: true,
      auth: { method: 'aksk', ak: 'PROFILEAK', sk: 'profile-sk' },
    },
    pw: {
      endpoint: 'https://roma.example',
      iamEndpoint: 'https://iam.example',
      projectId: 'p2',
      auth: { method: 'password', user: 'u', password: 'pw', domain: 'd' },
    },
    nocreds: { region: 'ap-southeast-1', projectId: 'p3' },
  },
});
const SDK_ENV = {
  HUAWEICLOUD_SDK_AK: 'SDKAK',
  HUAWEICLOUD_SDK_SK: 'sdk-sk',
  HUAWEICLOUD_SDK_PROJECT_ID: 'sdk-proj',
};
const HW_ENV = {
  HW_ACCESS_KEY: 'HWAK',
  HW_SECRET_KEY: 'hw-sk',
  HW_PROJECT_ID: 'hw-proj',
  HW_REGION_NAME: 'cn-east-3',
};

describe('resolution order', () => {
  it('profile wins over environment variables', () => {
    const h = home({ '.config/roma-dash/config.json': PROFILE });
    const c = resolveConfig({ args: args(), env: { ...SDK_ENV, ...HW_ENV }, home: h });
    assert.equal(c.source, 'profile prod');
    assert.deepEqual(c.credentials, { method: 'aksk', ak: 'PROFILEAK', sk: 'profile-sk' });
    assert.equal(c.endpoint, 'https://roma.cn-north-4.myhuaweicloud.com');
    assert.equal(c.iamEndpoint, 'https://iam.cn-north-4.myhuaweicloud.com');
    assert.deepEqual(c.instanceIds, ['i-1']);
    assert.equal(c.readOnly, true);
  });
  it('flags override location settings of the profile', () => {
    const h = home({ '.config/roma-dash/config.json': PROFILE });
    const c = resolveConfig({
      args: args([
        '--endpoint',
        'http://127.0.0.1:9',
        '--project-id',
        'flag-proj',
        '--instance',
        'a',
        '--instance',
        'b',
        '--timeout',
        '2.5',
      ]),
      env: {},
      home: h,
    });
    assert.equal(c.endpoint, 'http://127.0.0.1:9');
    assert.equal(c.projectId, 'flag-proj');
    assert.deepEqual(c.instanceIds, ['a', 'b']);
    assert.equal(c.timeoutMs, 2500);
  });
  it('$ROMA_DASH_CONFIG and --profile pick a password profile', () => {
    const h = home({ 'elsewhere.json': PROFILE });
    const c = resolveConfig({
      args: args(['--profile', 'pw']),
      env: { ROMA_DASH_CONFIG: join(h, 'elsewhere.json') },
      home: h,
    });
    assert.equal(c.credentials.method, 'password');
    assert.equal(c.iamEndpoint, 'https://iam.example');
  });
  it('a profile without credentials keeps its location and takes credentials further down', () => {
    const h = home({ '.config/roma-dash/config.json': PROFILE });
    const c = resolveConfig({ args: args(['--profile', 'nocreds']), env: HW_ENV, home: h });
    assert.equal(c.source, 'env HW_*');
    assert.equal(c.projectId, 'p3');
    assert.equal(c.region, 'ap-southeast-1');
  });
  it('HUAWEICLOUD_SDK_* before HW_*; security token makes temporary credentials', () => {
    const c = resolveConfig({
      args: args(['--region', 'r1']),
      env: { ...SDK_ENV, HUAWEICLOUD_SDK_SECURITY_TOKEN: 'tok', ...HW_ENV },
      home: home(),
    });
    assert.equal(c.source, 'env HUAWEICLOUD_SDK_*');
    assert.equal(c.credentials.method, 'temporary-aksk');
    assert.equal(c.projectId, 'sdk-proj');
  });
  it('HW_* with region, then HW_AUTH_TOKEN', () => {
    const c = resolveConfig({ args: args(), env: HW_ENV, home: home() });
    assert.equal(c.endpoint, 'https://roma.cn-east-3.myhuaweicloud.com');
    assert.equal(c.projectId, 'hw-proj');
    const t = resolveConfig({
      args: args(['--region', 'r']),
      env: { HW_AUTH_TOKEN: 'tkn', HW_PROJECT_ID: 'x' },
      home: home(),
    });
    assert.deepEqual(t.credentials, { method: 'token', token: 'tkn' });
  });
  it('~/.huaweicloud/credentials, then the KooCLI profile', () => {
    const h = home({
      '.huaweicloud/credentials': '[basic]\nak = FILEAK\nsk = file-sk\nproject_id = file-proj\n',
    });
    const c = resolveConfig({ args: args(['--region', 'r']), env: {}, home: h });
    assert.equal(c.source, '~/.huaweicloud/credentials');
    assert.equal(c.projectId, 'file-proj');
    const koo = JSON.stringify({
      current: 'dev',
      profiles: [
        {
          name: 'dev',
          mode: 'AKSK',
          accessKeyId: 'KOOAKPLAINTEXT000001',
          secretAccessKey: 'koo-sk',
          region: 'cn-south-1',
          projectId: 'koo-proj',
        },
      ],
    });
    const k = resolveConfig({ args: args(), env: {}, home: home({ '.hcloud/config.json': koo }) });
    assert.equal(k.source, 'KooCLI profile dev');
    assert.equal(k.endpoint, 'https://roma.cn-south-1.myhuaweicloud.com');
  });
  it('an encrypted KooCLI profile names the remedy', () => {
    const koo = JSON.stringify({
      current: 'default',
      profiles: [
        { name: 'default', accessKeyId: 'dGhpcyBpcyBlbmNyeXB0ZWQ=', secretAccessKey: 'xx==', region: 'r' },
      ],
    });
    assert.throws(
      () => resolveConfig({ args: args(), env: {}, home: home({ '.hcloud/config.json': koo }) }),
      (e: RomaError) =>
        e.kind === 'config' && e.hint.includes('hcloud configure set --cli-auth-encrypt=false'),
    );
  });
  it('no credentials anywhere is a config error suggesting --demo', () => {
    assert.throws(
      () => resolveConfig({ args: args(), env: {}, home: home() }),
      (e: RomaError) => e.kind === 'config' && /--demo/.test(e.hint),
    );
  });
  it('warns about a world-readable config file holding secrets', () => {
    const h = home({ '.config/roma-dash/config.json': PROFILE });
    chmodSync(join(h, '.config/roma-dash/config.json'), 0o644);
    const c = resolveConfig({ args: args(), env: {}, home: h });
    assert.equal(c.warnings.length, 1);
    assert.match(c.warnings[0] ?? '', /chmod 600/);
    assert.ok(!(c.warnings[0] ?? '').includes('profile-sk'));
  });
});

describe('command line', () => {
  it('parses every flag, `=` forms, and the emulator sub-command', () => {
    const a = args(['--demo', '--read-only', '--insecure', '--log-file=/tmp/x.log', '--profile', 'p']);
    assert.equal(a.demo && a.readOnly && a.insecure, true);
    assert.equal(a.logFile, '/tmp/x.log');
    assert.deepEqual(parseArgs(['emulator', '--seed', 'demo']), {
      command: 'emulator',
      argv: ['--seed', 'demo'],
    });
  });
  it('rejects unknown flags and bad values', () => {
    assert.throws(() => parseArgs(['--nope']), ArgsError);
    assert.throws(() => parseArgs(['--timeout', 'abc']), ArgsError);
    assert.throws(() => parseArgs(['--endpoint', 'ftp://x']), ArgsError);
    assert.throws(() => parseArgs(['--region']), ArgsError);
  });
  it('reads INI files', () => {
    assert.deepEqual(parseIni('; c\n[basic]\nAK = a=b\n'), { basic: { ak: 'a=b' } });
  });
});

describe('review fixes', () => {
  it('--region names both endpoints even when the profile pins its own', () => {
    const h = home({ '.config/roma-dash/config.json': PROFILE });
    const c = resolveConfig({ args: args(['--profile', 'pw', '--region', 'cn-south-1']), env: {}, home: h });
    assert.equal(c.endpoint, 'https://roma.cn-south-1.myhuaweicloud.com');
    assert.equal(c.iamEndpoint, 'https://iam.cn-south-1.myhuaweicloud.com');
    const both = resolveConfig({
      args: args(['--profile', 'pw', '--region', 'cn-south-1', '--endpoint', 'http://127.0.0.1:9']),
      env: {},
      home: h,
    });
    assert.equal(both.endpoint, 'http://127.0.0.1:9');
  });
  it('a profile field of the wrong type is a config error naming it', () => {
    const bad = (profile: unknown, field: RegExp) => {
      const h = home({ '.config/roma-dash/config.json': JSON.stringify({ profiles: { default: profile } }) });
      assert.throws(
        () => resolveConfig({ args: args(), env: SDK_ENV, home: h }),
        (e: RomaError) => e.kind === 'config' && field.test(e.message),
      );
    };
    bad({ region: 'r', projectId: 'p', timeoutSeconds: '30' }, /timeoutSeconds/);
    bad({ region: 'r', projectId: 'p', timeoutSeconds: -1 }, /timeoutSeconds/);
    bad({ region: 'r', projectId: 'p', instanceIds: 'i-1' }, /instanceIds/);
    bad({ region: 42, projectId: 'p' }, /region/);
    bad('prod', /must be an object/);
    for (const file of ['null', '[]', '{"profiles": []}']) {
      const h = home({ '.config/roma-dash/config.json': file });
      assert.throws(
        () => resolveConfig({ args: args(), env: SDK_ENV, home: h }),
        (e: RomaError) => e.kind === 'config',
      );
    }
  });
  it('warns about a world-readable KooCLI config', () => {
    const koo = JSON.stringify({
      current: 'default',
      profiles: [
        {
          name: 'default',
          accessKeyId: 'KOOAKPLAINTEXT000001',
          secretAccessKey: 'koo-sk',
          projectId: 'kp',
          region: 'r',
        },
      ],
    });
    const h = home({ '.hcloud/config.json': koo });
    chmodSync(join(h, '.hcloud/config.json'), 0o644);
    const c = resolveConfig({ args: args(), env: {}, home: h });
    assert.equal(c.source, 'KooCLI profile default');
    assert.match(c.warnings.join('\n'), /\.hcloud\/config\.json.*chmod 600/);
  });
});
