import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectTheme, methodColor, statusColor, THEMES } from '../../src/ui/theme.ts';

const ANSI16 = new Set([
  'black',
  'red',
  'green',
  'yellow',
  'blue',
  'magenta',
  'cyan',
  'white',
  'gray',
  'grey',
  'blackBright',
  'redBright',
  'greenBright',
  'yellowBright',
  'blueBright',
  'magentaBright',
  'cyanBright',
  'whiteBright',
]);

function leaves(o: unknown): unknown[] {
  if (o !== null && typeof o === 'object') return Object.values(o).flatMap(leaves);
  return [o];
}

test('theme detection honours NO_COLOR, COLORTERM, TERM and the override', () => {
  assert.equal(detectTheme({ NO_COLOR: '1', COLORTERM: 'truecolor' }).name, 'none');
  assert.equal(
    detectTheme({ NO_COLOR: '', COLORTERM: 'truecolor' }).name,
    'default',
    'empty NO_COLOR is unset',
  );
  assert.equal(detectTheme({ COLORTERM: 'truecolor' }).name, 'default');
  assert.equal(detectTheme({ TERM: 'xterm-256color' }).name, 'default');
  assert.equal(detectTheme({ TERM: 'xterm' }).name, 'ansi16');
  assert.equal(detectTheme({ TERM: 'linux' }).name, 'ansi16');
  const dumb = detectTheme({ TERM: 'dumb' });
  assert.equal(dumb.name, 'none');
  assert.equal(dumb.unicode, false);
  assert.equal(detectTheme({ ROMA_DASH_THEME: 'ansi16', COLORTERM: 'truecolor' }).name, 'ansi16');
});

test('the ANSI-16 theme uses only the 16 named colours; NO_COLOR uses none', () => {
  for (const v of leaves(THEMES.ansi16.tokens))
    if (v !== undefined) assert.ok(ANSI16.has(String(v)), String(v));
  assert.ok(leaves(THEMES.none.tokens).every((v) => v === undefined));
  assert.equal(THEMES.none.monochrome, true);
});

test('every theme defines every token (same shape)', () => {
  const keys = (o: object): string[] =>
    Object.entries(o).flatMap(([k, v]) =>
      v !== null && typeof v === 'object' ? keys(v).map((x) => `${k}.${x}`) : [k],
    );
  const ref = keys(THEMES.default.tokens).sort();
  assert.deepEqual(keys(THEMES.ansi16.tokens).sort(), ref);
  assert.deepEqual(keys(THEMES.none.tokens).sort(), ref);
});

test('method and status colour helpers', () => {
  assert.equal(methodColor(THEMES.ansi16, 'get'), 'green');
  assert.equal(methodColor(THEMES.ansi16, 'DELETE'), 'red');
  assert.equal(methodColor(THEMES.ansi16, 'BREW'), undefined);
  assert.equal(statusColor(THEMES.ansi16, 503), 'red');
  assert.equal(statusColor(THEMES.ansi16, 204), 'green');
  assert.equal(statusColor(THEMES.ansi16, 404), 'yellow');
});
