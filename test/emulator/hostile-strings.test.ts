import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HOSTILE_STRINGS } from '../../src/emulator/hostile-strings.ts';

test('hostile strings cover each class of trouble and survive a JSON round trip', () => {
  const has = (re: RegExp): boolean => HOSTILE_STRINGS.some((s) => re.test(s));
  const classes: Array<[string, RegExp]> = [
    ['CSI', /\u001b\[/],
    ['OSC 52 clipboard', /\u001b\]52;/],
    ['OSC title', /\u001b\][02];/],
    ['OSC 8 hyperlink', /\u001b\]8;;/],
    ['DCS', /\u001bP/],
    ['BEL', /\u0007/],
    ['backspace', /\u0008/],
    ['carriage return', /\r/],
    ['NUL', /\u0000/],
    ['C1 CSI', /\u009b/],
    ['C1 OSC', /\u009d/],
    ['BiDi override', /\u202e/],
    ['BiDi isolates', /[\u2066-\u2069]/],
    ['zero width', /\u200b/],
    ['BOM', /\ufeff/],
    ['wide CJK', /[\u4e00-\u9fff]/],
    ['ZWJ emoji', /\u200d/u],
    ['flags', /\u{1f1e8}\u{1f1f3}/u],
    ['combining marks', /\p{M}{3,}/u],
    ['newline', /\n/],
    ['tab', /\t/],
  ];
  for (const [name, re] of classes) assert.ok(has(re), name);
  assert.ok(
    HOSTILE_STRINGS.some((s) => s.length >= 10_000),
    'a 10,000-character string',
  );
  assert.deepEqual(JSON.parse(JSON.stringify(HOSTILE_STRINGS)), HOSTILE_STRINGS);
  assert.equal(new Set(HOSTILE_STRINGS).size, HOSTILE_STRINGS.length, 'no duplicates');
});
