// Broken credential sources are errors naming the file and the field, never a silent fall-through to
// the next source (which may be another account's HUAWEICLOUD_SDK_* with this profile's project).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import type { RomaError } from '../../src/api/errors.ts';
import { parseArgs, type CliArgs } from '../../src/config/args.ts';
import { resolveConfig } from '../../src/config/resolve.ts';

const homes: string[] = [];
function home(files: Record<string, string>): string {
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
  return (parseArgs(argv) as { args: CliArgs }).args;
}

const CONFIG = '.config/roma-dash/config.json';
const KOO = '.hcloud/config.json';
/** Another account's credentials in the environment: the fall-through the checks must prevent. */
const OTHER_ACCOUNT = { HUAWEICLOUD_SDK_AK: 'OTHERAK', HUAWEICLOUD_SDK_SK: 'other-sk' };

/** Resolution fails with a config error whose message names every `parts` (file, field). */
function failsNaming(h: string, argv: string[], env: Record<string, string>, ...parts: RegExp[]) {
  assert.throws(
    () => resolveConfig({ args: args(argv), env, home: h }),
    (e: RomaError) => {
      assert.equal(e.kind, 'config');
      for (const p of parts) assert.match(e.message, p);
      assert.ok(!e.message.includes('other-sk'));
      return true;
    },
  );
}

const profileFile = (prod: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ profiles: { prod }, ...extra });

describe('a roma-dash profile with broken "auth"', () => {
  it('an aksk profile without sk is an error, not the SDK variables of another account', () => {
    const h = home({
      [CONFIG]: profileFile({ region: 'r', projectId: 'p', auth: { method: 'aksk', ak: 'PROFILEAK' } }),
    });
    failsNaming(h, ['--profile', 'prod'], OTHER_ACCOUNT, /config\.json/, /"auth\.sk" is missing/);
  });
  it('each method names the field it lacks; an unknown method is named too', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ ak: 'A' }, /"auth\.sk"/],
      [{ method: 'temporary-aksk', ak: 'A', sk: 'S' }, /"auth\.securityToken"/],
      [{ method: 'token' }, /"auth\.token"/],
      [{ method: 'password', user: 'u', password: 'p' }, /"auth\.domain"/],
      [{ method: 'sso', ak: 'A', sk: 'S' }, /"auth\.method" must be one of/],
      [{ ak: 'A', sk: '' }, /"auth\.sk" must be a non-empty string/],
    ];
    for (const [auth, field] of cases) {
      const h = home({ [CONFIG]: profileFile({ region: 'r', projectId: 'p', auth }) });
      failsNaming(h, ['--profile', 'prod'], OTHER_ACCOUNT, /config\.json/, field);
    }
  });
  it('a profile without "auth" still takes credentials from the next source', () => {
    const h = home({ [CONFIG]: profileFile({ region: 'r', projectId: 'p' }) });
    const c = resolveConfig({ args: args(['--profile', 'prod']), env: OTHER_ACCOUNT, home: h });
    assert.equal(c.source, 'env HUAWEICLOUD_SDK_*');
  });
});

describe('"defaultProfile"', () => {
  it('naming a missing profile is an error naming the field, not "no profile"', () => {
    const h = home({
      [CONFIG]: profileFile(
        { region: 'r', projectId: 'p', auth: { ak: 'A', sk: 'S' } },
        { defaultProfile: 'staging' },
      ),
    });
    failsNaming(h, [], OTHER_ACCOUNT, /config\.json/, /"defaultProfile"/, /"staging"/);
    // --profile overrides it
    const c = resolveConfig({ args: args(['--profile', 'prod']), env: {}, home: h });
    assert.equal(c.source, 'profile prod');
  });
  it('of the wrong type is an error', () => {
    const h = home({ [CONFIG]: profileFile({ region: 'r', projectId: 'p' }, { defaultProfile: 3 }) });
    failsNaming(h, [], OTHER_ACCOUNT, /"defaultProfile"/);
  });
});

describe('profile endpoints are URLs, as --endpoint', () => {
  it('an endpoint or iamEndpoint that is not http(s) is an error naming it', () => {
    for (const [field, value] of [
      ['endpoint', 'roma.example.com'],
      ['endpoint', 'ftp://roma.example.com'],
      ['iamEndpoint', 'iam example'],
    ] as const) {
      const h = home({
        [CONFIG]: profileFile({ projectId: 'p', [field]: value, auth: { ak: 'A', sk: 'S' } }),
      });
      failsNaming(
        h,
        ['--profile', 'prod'],
        {},
        /config\.json/,
        new RegExp(`"${field}" must be an http\\(s\\) URL`),
      );
    }
  });
});

const kooProfile = (name: string) => ({
  name,
  mode: 'AKSK',
  accessKeyId: `KOOAK${name.toUpperCase().padEnd(15, '0')}`,
  secretAccessKey: `koo-sk-${name}`,
  region: 'cn-south-1',
  projectId: `proj-${name}`,
});

describe('~/.hcloud/config.json (KooCLI)', () => {
  it('"current" naming a missing profile is an error, not the first profile', () => {
    const h = home({
      [KOO]: JSON.stringify({ current: 'prod', profiles: [kooProfile('dev'), kooProfile('test')] }),
    });
    failsNaming(h, [], {}, /\.hcloud\/config\.json/, /"current"/, /"prod"/);
  });
  it('without "current", "default" or the only profile; several others are an error', () => {
    const one = resolveConfig({
      args: args(),
      env: {},
      home: home({ [KOO]: JSON.stringify({ profiles: [kooProfile('dev')] }) }),
    });
    assert.equal(one.source, 'KooCLI profile dev');
    const h = home({ [KOO]: JSON.stringify({ profiles: [kooProfile('dev'), kooProfile('test')] }) });
    failsNaming(h, [], {}, /\.hcloud\/config\.json/, /"current"/);
  });
  it('null, malformed JSON and a wrong "profiles" are config errors, not a crash or a skip', () => {
    for (const text of ['null', '{"current": "dev", "profiles": [', '[]', '{"profiles": {"dev": {}}}']) {
      const h = home({ [KOO]: text });
      failsNaming(h, ['--region', 'r'], {}, /\.hcloud\/config\.json/);
    }
  });
});

describe('half an access key pair is an error naming where, never a fall-through', () => {
  const KOO_OTHER = { [KOO]: JSON.stringify({ profiles: [kooProfile('other')] }) };
  it('~/.huaweicloud/credentials with ak but no sk (or sk but no ak)', () => {
    for (const ini of ['[basic]\nak = FILEAK\nproject_id = p\n', '[basic]\nsk = file-sk\n']) {
      const h = home({ '.huaweicloud/credentials': ini, ...KOO_OTHER });
      failsNaming(h, ['--region', 'r'], {}, /\.huaweicloud\/credentials/, /"(ak|sk)" is missing/);
    }
  });
  it('HUAWEICLOUD_SDK_AK without HUAWEICLOUD_SDK_SK, HW_ACCESS_KEY without HW_SECRET_KEY', () => {
    const h = home({ '.huaweicloud/credentials': '[basic]\nak = FILEAK\nsk = file-sk\n' });
    failsNaming(h, ['--region', 'r'], { HUAWEICLOUD_SDK_AK: 'A' }, /HUAWEICLOUD_SDK_SK is missing/);
    failsNaming(h, ['--region', 'r'], { HW_SECRET_KEY: 'S' }, /HW_ACCESS_KEY is missing/);
  });
  it('a KooCLI profile with an access key and no secret key', () => {
    const p = { ...kooProfile('dev'), secretAccessKey: undefined };
    const h = home({ [KOO]: JSON.stringify({ current: 'dev', profiles: [p] }) });
    failsNaming(h, ['--region', 'r'], {}, /\.hcloud\/config\.json/, /"secretAccessKey" is missing/);
  });
});
