// The build's string-width (scripts/memo-string-width.mjs): its written-out list of narrow
// characters is what the installed string-width says (an upgrade that changes a width fails here),
// and its fast path measures what string-width measures.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import stringWidth from 'string-width';
import {
  NARROW_CANDIDATES,
  NARROW_CODES,
  simpleWidth,
  // @ts-expect-error -- a build script in plain JavaScript, without declarations
} from '../../scripts/memo-string-width.mjs';

const codes = NARROW_CODES as number[];
const fast = simpleWidth as (s: string, narrow: Set<number>) => number;

test('NARROW_CODES are the Latin-1 and listed symbols string-width measures one column, no marks or pictographs', () => {
  const computed: number[] = [];
  const narrow = (ch: string) => stringWidth(ch) === 1 && !/[\p{Extended_Pictographic}\p{M}]/u.test(ch);
  // © and ® are pictographs only with a following selector, which is not narrow: the string then
  // takes string-width's path anyway
  for (let c = 0xa1; c <= 0xff; c++)
    if (c !== 0xad && stringWidth(String.fromCharCode(c)) === 1) computed.push(c);
  for (const ch of NARROW_CANDIDATES as string) if (narrow(ch)) computed.push(ch.charCodeAt(0));
  assert.deepEqual(
    [...new Set(computed)].sort((a, b) => a - b),
    [...codes].sort((a, b) => a - b),
  );
});

test('simpleWidth agrees with string-width, or declines (-1)', () => {
  const narrow = new Set(codes);
  for (const s of [
    'plain ascii',
    '\x1b[31mab\x1b[39m',
    '\x1b[1;48;5;31m—…\x1b[m',
    'a\x1b[0m',
    '┃ orders › v2 — 12 items…',
    '⠋ loading… ✓ ≤ 5',
    'é à ü ß © ®',
  ])
    assert.equal(fast(s, narrow), stringWidth(s), JSON.stringify(s));
  for (const s of ['数据', 'e\u0301', '👍', '©\ufe0f', '\x1b]8;;x\x07', 'tab\there'])
    assert.equal(fast(s, narrow), -1, JSON.stringify(s));
});
