// Words on screen: no reference section numbers in titles, agreement in number, one pointer to --help.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeAction } from '../../src/actions/confirm.ts';
import { ArgsError, parseArgs } from '../../src/config/args.ts';
import { RESOURCES } from '../../screens/registry.ts';

test('detail part titles carry no reference section numbers', () => {
  for (const d of RESOURCES) {
    for (const p of d.parts ?? []) {
      if (p.id !== 'pulse') continue;
      const sections = p.render({ list: [] }, {}, { revealed: false });
      for (const s of sections) assert.doesNotMatch(s.title, /\d+\.\d+\.\d+/, `${d.id}/${p.id}: ${s.title}`);
    }
  }
});

test('one API starts / stops serving; two APIs start / stop', () => {
  const env = { id: 'e', name: 'TEST' };
  const one = [{ id: 'a', name: 'a' }];
  const two = [...one, { id: 'b', name: 'b' }];
  assert.equal(
    describeAction({ kind: 'batch-publish', apis: one, env }).effect,
    '1 API starts serving in TEST',
  );
  assert.equal(
    describeAction({ kind: 'batch-offline', apis: two, env }).effect,
    '2 APIs stop serving in TEST',
  );
});

test('an unknown flag names the flag; the hint (printed once by the CLI) points at --help', () => {
  assert.throws(
    () => parseArgs(['--bogus']),
    (e: unknown) => e instanceof ArgsError && e.message === 'unknown argument: --bogus',
  );
});
