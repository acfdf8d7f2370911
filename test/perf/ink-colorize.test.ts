// The build's chalk builder per hex colour (scripts/ink-colorize.mjs): the same text in the same
// colour comes out as chalk colours it, the builder is made once per colour and kind, and the
// patch finds its place in the installed Ink (an upgrade that moves it fails here and in the build).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { Chalk } from 'chalk';
// @ts-expect-error -- a build script in plain JavaScript, without declarations
import { hexBuilder, patchColorize } from '../../scripts/ink-colorize.mjs';

type Builder = (text: string) => string;
const builderFor = hexBuilder as (kind: string, color: string, make: (c: string) => Builder) => Builder;

test('one builder per colour and kind, colouring as chalk does', () => {
  const chalk = new Chalk({ level: 3 });
  let made = 0;
  const fg = (c: string) => {
    made++;
    return chalk.hex(c);
  };
  const a = builderFor('f', '#5fafff', fg);
  assert.equal(builderFor('f', '#5fafff', fg), a, 'the same builder again');
  assert.equal(made, 1);
  assert.equal(a('row text'), chalk.hex('#5fafff')('row text'));
  const bg = builderFor('b', '#5fafff', (c) => chalk.bgHex(c));
  assert.notEqual(bg, a, 'background and foreground are kept apart');
  assert.equal(bg('x'), chalk.bgHex('#5fafff')('x'));
});

test('the patch finds the hex branch of the installed Ink once', () => {
  const ink = dirname(createRequire(import.meta.url).resolve('ink'));
  const source = readFileSync(join(ink, 'colorize.js'), 'utf8');
  const patched = (patchColorize as (s: string, m: string) => string)(source, '/x.mjs');
  assert.match(patched, /__hexBuilder\('f', color/);
  assert.doesNotMatch(patched, /chalk\.hex\(color\)\(text\)/);
  assert.throws(() => (patchColorize as (s: string, m: string) => string)('nothing here', '/x.mjs'));
});
