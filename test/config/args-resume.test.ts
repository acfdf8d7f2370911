// --no-resume: parsed, documented, takes no value.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ArgsError, parseArgs, USAGE } from '../../src/config/args.ts';

test('--no-resume turns resuming off and is in --help with its env variable and state file', () => {
  const on = parseArgs(['--demo']);
  const off = parseArgs(['--demo', '--no-resume']);
  assert.ok(on.command === 'dashboard' && off.command === 'dashboard');
  assert.equal(on.args.noResume, false);
  assert.equal(off.args.noResume, true);
  assert.throws(() => parseArgs(['--no-resume=1']), ArgsError);
  assert.match(USAGE, /--no-resume/);
  assert.match(USAGE, /ROMA_DASH_NO_RESUME=1/);
  assert.match(USAGE, /roma-dash\/state\.json/);
});
