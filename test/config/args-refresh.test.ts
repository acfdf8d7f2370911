import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ArgsError, parseArgs, USAGE } from '../../src/config/args.ts';
import { listProfiles } from '../../src/config/resolve.ts';

const dash = (argv: string[]) => {
  const p = parseArgs(argv);
  assert.equal(p.command, 'dashboard');
  return p.command === 'dashboard' ? p.args : undefined;
};

test('--refresh SECONDS: absent = off, 0 = off, fractions below 1 s and junk refused', () => {
  assert.equal(dash(['--demo'])?.refresh, undefined);
  assert.equal(dash(['--refresh', '0'])?.refresh, 0);
  assert.equal(dash(['--refresh=5'])?.refresh, 5);
  assert.equal(dash(['--refresh', '2.5'])?.refresh, 2.5);
  for (const bad of ['-1', '0.5', 'soon']) assert.throws(() => parseArgs(['--refresh', bad]), ArgsError);
  assert.throws(() => parseArgs(['--refresh']), ArgsError);
  assert.match(USAGE, /--refresh SECONDS/);
});

test('listProfiles reads the profile names of the config file; none without one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'roma-dash-profiles-'));
  try {
    const env = { ROMA_DASH_CONFIG: join(dir, 'config.json') };
    assert.deepEqual(listProfiles(env, dir), []);
    writeFileSync(env.ROMA_DASH_CONFIG, JSON.stringify({ profiles: { prod: {}, dev: {} } }));
    assert.deepEqual(listProfiles(env, dir), ['dev', 'prod']);
    writeFileSync(env.ROMA_DASH_CONFIG, '{ not json');
    assert.deepEqual(listProfiles(env, dir), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
