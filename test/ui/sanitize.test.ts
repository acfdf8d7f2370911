import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sanitizeText, sanitizeMultiline } from '../../src/ui/sanitize.ts';
import {
  displayWidth,
  truncateToWidth,
  padToWidth,
  fitToWidth,
  graphemes,
  splitMatch,
} from '../../src/ui/text.ts';
import { HOSTILE_STRINGS } from '../../src/emulator/hostile-strings.ts';

// Anything a terminal could act on: C0 (all of it, in single-line text), DEL, C1, BiDi controls,
// invisible format characters other than ZWJ/ZWNJ and the zero-width space sanitize.ts itself puts
// before a skin tone.
const DANGEROUS =
  /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad]|\u200b(?!\p{Emoji_Modifier})/u;

test('every hostile string from the emulator seed is neutralised', () => {
  assert.ok(HOSTILE_STRINGS.length > 20);
  for (const s of HOSTILE_STRINGS) {
    const out = sanitizeText(s);
    assert.doesNotMatch(out, DANGEROUS, `left something dangerous in ${JSON.stringify(out)}`);
    const ml = sanitizeMultiline(s);
    assert.doesNotMatch(ml.replaceAll('\n', ''), DANGEROUS, `multiline: ${JSON.stringify(ml)}`);
    assert.ok(Number.isFinite(displayWidth(out)));
  }
});

test('ESC and C0 become visible control pictures; the rest of the text survives', () => {
  assert.equal(sanitizeText('\x1b[31mred\x1b[0m'), '␛[31mred␛[0m');
  assert.equal(sanitizeText('\x1b]0;title\x07x'), '␛]0;title␇x');
  assert.equal(sanitizeText('nul\x00in'), 'nul␀in');
  assert.equal(sanitizeText('back\b'), 'back␈');
  assert.equal(sanitizeText('del\x7f'), 'del␡');
});

test('C1 controls become \\xNN text', () => {
  assert.equal(sanitizeText('\u009b31m'), '\\x9B31m');
  assert.equal(sanitizeText('a\u0085b'), 'a\\x85b');
});

test('BiDi and invisible format characters are made visible; emoji and flags are kept', () => {
  assert.equal(sanitizeText('\u202egnp.exe'), '\\u202Egnp.exe');
  assert.equal(sanitizeText('a\u2066b\u2069'), 'a\\u2066b\\u2069');
  assert.equal(sanitizeText('\u200f\u200e'), '\\u200F\\u200E');
  assert.equal(sanitizeText('zero\u200bwidth'), 'zero\\u200Bwidth');
  assert.equal(sanitizeText('\ufeffbom'), '\\uFEFFbom');
  assert.equal(sanitizeText('soft\u00adhyphen'), 'soft\\u00ADhyphen');
  // ZWJ sequences of emoji are drawn as their parts (see terminal-width.test.ts): the ZWJ goes.
  assert.equal(sanitizeText('👩‍👩‍👧‍👦'), '👩👩👧👦');
  // a skin tone is kept, apart from its emoji (tmux 3.3 draws the pair in 4 columns, not 2)
  assert.equal(sanitizeText('👍🏽'), '👍\u200b🏽');
  for (const keep of ['🇨🇳', '1️⃣', '🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}']) {
    assert.equal(sanitizeText(keep), keep);
  }
  assert.equal(sanitizeText('x\u{E0041}y'), 'x\\u{E0041}y', 'a stray tag character is not hidden');
});

test('line breaks and tabs: single-line marks them, multi-line keeps them', () => {
  assert.equal(sanitizeText('a\nb\r\nc\rd\u2028e'), 'a↵b↵c↵d↵e');
  assert.equal(sanitizeText('a\tb'), 'a b');
  assert.equal(sanitizeMultiline('a\r\nb\rc\u2029d'), 'a\nb\nc\nd');
  assert.equal(sanitizeMultiline('a\tb\n\tc'), 'a b\n  c');
  assert.equal(sanitizeMultiline('x\x1b[2Jy\n'), 'x␛[2Jy\n');
});

test('lone surrogates, noncharacters and Zalgo stacks are tamed', () => {
  assert.equal(sanitizeText('\ud800x'), '\ufffdx');
  assert.equal(sanitizeText('\u{10ffff}'), '\ufffd');
  assert.equal(sanitizeText('e\u0301\u0302'), 'e\u0301\u0302');
  const zalgo = sanitizeText('a' + '\u0301'.repeat(30));
  assert.equal(Array.from(zalgo).length, 5);
});

test('non-strings become safe text', () => {
  assert.equal(sanitizeText(null), '');
  assert.equal(sanitizeText(undefined), '');
  assert.equal(sanitizeText(42), '42');
  assert.equal(sanitizeText(false), 'false');
  assert.equal(sanitizeText(10n), '10');
  assert.equal(sanitizeText({ a: '\x1b' }), '{"a":"\\u001b"}');
  assert.equal(sanitizeText(new Date(0)), '1970-01-01T00:00:00.000Z');
  const circular: Record<string, unknown> = {};
  circular.self = circular;
  assert.equal(sanitizeText(circular), '[unserialisable object]');
  assert.equal(sanitizeText(['\u202e']), '["\\u202E"]');
});

test('plain ASCII is returned unchanged (fast path)', () => {
  const s = 'GET /v1/apis?limit=20 ~!@#$%^&*()';
  assert.equal(sanitizeText(s), s);
});

test('display width: CJK, fullwidth, emoji sequences, combining marks', () => {
  assert.equal(displayWidth('abc'), 3);
  assert.equal(displayWidth('订单服务'), 8);
  assert.equal(displayWidth('ｆｕｌｌ'), 8);
  assert.equal(displayWidth('👩‍👩‍👧‍👦'), 2);
  assert.equal(displayWidth('🇨🇳'), 2);
  assert.equal(displayWidth('e\u0301'), 1);
  assert.equal(displayWidth('1️⃣'), 2);
  assert.deepEqual(graphemes('a👩‍👩‍👧‍👦e\u0301'), ['a', '👩‍👩‍👧‍👦', 'e\u0301']);
});

test('truncateToWidth never splits a grapheme and never exceeds the width', () => {
  assert.equal(truncateToWidth('abcdef', 4), 'abc…');
  assert.equal(truncateToWidth('abc', 3), 'abc');
  assert.equal(truncateToWidth('订单服务接口', 5), '订单…');
  assert.equal(truncateToWidth('订单服务接口', 4), '订…');
  assert.equal(truncateToWidth('👩‍👩‍👧‍👦👩‍👩‍👧‍👦x', 4), '👩‍👩‍👧‍👦…');
  assert.equal(truncateToWidth('e\u0301e\u0301e\u0301', 2), 'e\u0301…');
  assert.equal(truncateToWidth('abc', 0), '');
  assert.equal(truncateToWidth('abc', 1), '…');
  for (const s of HOSTILE_STRINGS.map((x) => sanitizeText(x))) {
    for (const w of [1, 5, 12, 30]) {
      assert.ok(displayWidth(truncateToWidth(s, w)) <= w, `${JSON.stringify(s)} at ${w}`);
      assert.equal(displayWidth(fitToWidth(s, w)), w, `fit ${JSON.stringify(s)} at ${w}`);
    }
  }
});

test('padToWidth aligns by display width', () => {
  assert.equal(padToWidth('订单', 6), '订单  ');
  assert.equal(padToWidth('ab', 5, 'right'), '   ab');
  assert.equal(padToWidth('ab', 5, 'center'), ' ab  ');
  assert.equal(padToWidth('toolong', 3), 'toolong');
});

test('splitMatch finds the first case-insensitive match', () => {
  assert.deepEqual(splitMatch('GetUser', 'user'), { before: 'Get', match: 'User', after: '' });
  assert.equal(splitMatch('abc', 'x'), null);
  assert.equal(splitMatch('abc', ''), null);
});
