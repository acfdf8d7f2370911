// The safety checkers themselves must catch what they are meant to catch, or the hostile tests prove nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frameProblems, rawOutputProblems } from '../helpers/terminal-safety.ts';

test('frameProblems flags escapes, C1, BiDi overrides and over-wide lines; allows SGR and pictures', () => {
  assert.deepEqual(frameProblems('\x1b[1mbold\x1b[0m ␛]52 fine\n界界', 20), []);
  assert.equal(frameProblems('a\x1b]0;t\x07', 80).length, 1);
  assert.equal(frameProblems('a\u009bb', 80).length, 1);
  assert.equal(frameProblems('\u202egnp.exe', 80).length, 1);
  assert.equal(frameProblems('界界界界界界', 10).length, 1);
});

test('rawOutputProblems allows what Ink emits and rejects data-borne sequences', () => {
  const ink =
    '\x1b[?1049h\x1b[?25l\x1b[2K\x1b[1A\x1b[G\x1b[31mx\x1b[39m\r\n\x1b[H\x1b[2J\x1b[?2026h\x1b[?25h\x1b[?1049l';
  assert.deepEqual(rawOutputProblems(ink), []);
  for (const bad of [
    '\x1b]52;c;cm0=\x07',
    '\x1b]0;title\x07',
    '\x1b]8;;http://x\x1b\\',
    '\x1bP1$r\x1b\\',
    '\x9b31m',
    '\x07',
    '\u202e',
  ])
    assert.ok(rawOutputProblems(`ok ${bad} ok`).length > 0, JSON.stringify(bad));
  assert.deepEqual(rawOutputProblems('\x1b]52;c;aWQ=\x07', true), []);
});
