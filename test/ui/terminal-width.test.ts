// Our width (= Ink's: string-width per grapheme cluster) of sanitised text must never be less than
// what a terminal draws, or a row wraps and the screen scrolls. Checked against xterm.js's own width
// computation (a headless Terminal: write, read the cursor) and against a "parts" terminal that
// advances per code point (wcwidth with a Unicode 9+ table: tmux, older VTE).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import xterm from '@xterm/headless';
import stringWidth from 'string-width';
import { HOSTILE_STRINGS } from '../../src/emulator/hostile-strings.ts';
import { sanitizeText } from '../../src/ui/sanitize.ts';
import { displayWidth, fitToWidth, graphemes } from '../../src/ui/text.ts';

const COLS = 400;
const term = new xterm.Terminal({ cols: COLS, rows: 4, allowProposedApi: true, scrollback: 0 });

/** Columns xterm.js advances the cursor for `s` (one line, shorter than COLS). */
function xtermWidth(s: string): Promise<number> {
  return new Promise((resolve) => {
    term.write(`\x1b[2J\x1b[H${s}`, () => resolve(term.buffer.active.cursorX));
  });
}

/** A terminal that draws every code point on its own (per-code-point wcwidth). */
function partsWidth(s: string): number {
  let w = 0;
  for (const cp of s) w += stringWidth(cp);
  return w;
}

/** Long entries are cut to a prefix that fits on one xterm line. */
function oneLine(s: string): string {
  return graphemes(s).slice(0, 120).join('');
}

const EXTRA = [
  '🇨🇳',
  '🇯🇵🇺🇸',
  '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}', // flags, subdivision flag
  '👍🏽',
  '🧑🏿‍🚀 astronaut',
  '👨‍💻',
  '👩‍❤️‍💋‍👨', // skin tones, ZWJ with and without modifiers
  '1️⃣',
  '#️⃣',
  '1⃣',
  '*️⃣ star', // keycaps, qualified and not
  '❤︎',
  '❤️',
  '❤',
  '⌚',
  '⌚︎',
  '☺️',
  '⚕️',
  '🚀︎', // VS15 / VS16 / default presentation
  '🫠 new emoji',
  '🚀🚀🚀',
  '中文名称',
  'ｶﾀｶﾅ',
  '각각',
  'ᄀᄀ',
  '𠀀𠀁', // CJK, halfwidth, Hangul, plane 2
  'e\u0301',
  '\u0301lead',
  'a\u0308\u0304', // combining marks, one without a base
  'क्ष',
  'क्‍ष',
  'नमस्ते',
  'ক্ষমা',
  'กำลัง', // Indic conjuncts, Thai SARA AM
];

const TABLE = [...HOSTILE_STRINGS.filter((s) => !/[\n\r\u2028\u2029]/.test(s)), ...EXTRA];

test('sanitised text is never narrower for us than xterm.js or a per-code-point terminal draws it', async () => {
  const problems: string[] = [];
  for (const raw of TABLE) {
    const s = oneLine(sanitizeText(raw));
    const ours = displayWidth(s);
    const drawn = await xtermWidth(s);
    if (ours < drawn) problems.push(`xterm.js ${drawn} > ours ${ours}: ${JSON.stringify(s)}`);
    const parts = partsWidth(s);
    if (ours < parts) problems.push(`parts ${parts} > ours ${ours}: ${JSON.stringify(s)}`);
  }
  assert.deepEqual(problems, []);
});

test('the width fix does not overestimate plain text', async () => {
  for (const s of [
    'plain ascii',
    '订单服务接口（生产）',
    'ｆｕｌｌｗｉｄｔｈ　ＡＰＩ',
    '한국어 그룹 이름',
    'e\u0301te\u0301',
  ]) {
    assert.equal(displayWidth(sanitizeText(s)), await xtermWidth(s), s);
  }
});

test('the original bug: a ZWJ family is measured as xterm.js draws its parts', async () => {
  const raw = '👩‍👩‍👧‍👦 family-zwj';
  assert.equal(stringWidth(raw), 13, 'string-width alone says 13');
  assert.equal(await xtermWidth(raw), 15, 'xterm.js draws 15');
  const s = sanitizeText(raw);
  assert.equal(s, '👩👩👧👦 family-zwj', 'the ZWJs between emoji are dropped, every emoji kept');
  assert.ok(displayWidth(s) >= 15);
});

test('fitToWidth output never reaches past its width in xterm.js', async () => {
  for (const raw of TABLE) {
    for (const w of [1, 2, 7, 16]) {
      const cell = fitToWidth(sanitizeText(raw), w);
      const drawn = await xtermWidth(cell);
      assert.ok(drawn <= w, `${JSON.stringify(cell)} drawn ${drawn} > ${w}`);
    }
  }
});

test('legitimate joiners stay: ZWJ/ZWNJ in scripts, ZWJ not between two emoji', () => {
  assert.equal(sanitizeText('क्\u200Dष'), 'क्\u200D\u200Cष', 'the ZWJ stays; a ZWNJ ends the conjunct cluster');
  assert.equal(sanitizeText('می\u200Cخواهم'), 'می\u200Cخواهم');
  assert.equal(sanitizeText('a\u200Db'), 'a\u200Db');
  assert.equal(sanitizeText('🏳️\u200D🌈'), '🏳️🌈');
  assert.equal(sanitizeText('\u0301x'), '\u25CC\u0301x');
  assert.equal(sanitizeText('line\n\u0301', { multiline: true }), 'line\n\u25CC\u0301');
  assert.equal(sanitizeText('กำ'), 'ก\u0E4D\u0E32');
});
