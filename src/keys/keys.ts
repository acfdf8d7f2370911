// Normalises what Ink's useInput delivers into one KeyEvent per keypress.
//
// How Ink 8 delivers input (node_modules/ink/build/input-parser.js): escape sequences are split
// into separate events, but a run of plain text arriving in one chunk ("jjjj", "jj\r", "gg\x04")
// is ONE event whose `input` holds all of it. Fast key-repeat over SSH produces exactly that, so
// `splitKeys` turns such a run back into individual keys. A lone ESC at the end of a chunk is held
// by Ink for 20 ms and then delivered as `escape`; ESC followed by a character in the same chunk
// arrives as meta+character, which we treat as Escape then that character: roma-dash binds no
// Alt keys, and this is what "Esc must not eat the next key" requires.
import type { Key } from 'ink';

export interface KeyEvent {
  /** Key id as used in the key map: 'j', 'G', 'ctrl+d', 'pagedown', 'return', 'shift+tab' … */
  id: string;
  /** The printable text of the key ('' for named keys). */
  input: string;
  ctrl: boolean;
  meta: boolean;
  shift: boolean;
}

const NAMED: ReadonlyArray<[keyof Key, string]> = [
  ['upArrow', 'up'],
  ['downArrow', 'down'],
  ['leftArrow', 'left'],
  ['rightArrow', 'right'],
  ['pageUp', 'pageup'],
  ['pageDown', 'pagedown'],
  ['home', 'home'],
  ['end', 'end'],
  ['return', 'return'],
  ['escape', 'escape'],
  ['tab', 'tab'],
  ['backspace', 'backspace'],
  ['delete', 'delete'],
];

function named(name: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean } = {}): KeyEvent {
  const ctrl = mods.ctrl === true;
  const meta = mods.meta === true;
  const shift = mods.shift === true;
  const prefix = `${ctrl ? 'ctrl+' : ''}${meta ? 'meta+' : ''}${shift ? 'shift+' : ''}`;
  return { id: prefix + name, input: name === 'space' ? ' ' : '', ctrl, meta, shift };
}

function printable(ch: string): KeyEvent {
  const shift = ch.length === 1 && ch >= 'A' && ch <= 'Z';
  return { id: ch, input: ch, ctrl: false, meta: false, shift };
}

/** One character of a plain-text run as a key (control bytes become their ctrl+letter key). */
export function charToKey(ch: string): KeyEvent {
  const cp = ch.codePointAt(0) ?? 0;
  if (ch === '\r' || ch === '\n') return named('return');
  if (ch === '\t') return named('tab');
  if (ch === '\x7f' || ch === '\b') return named('backspace');
  if (ch === '\x1b') return named('escape');
  if (ch === ' ') return named('space');
  if (cp === 0) return named('space', { ctrl: true });
  if (cp < 0x20) {
    const letter = String.fromCharCode(cp + (cp <= 26 ? 96 : 64)).toLowerCase();
    return { id: `ctrl+${letter}`, input: letter, ctrl: true, meta: false, shift: false };
  }
  return printable(ch);
}

/** Turns one Ink input event into the keypresses it stands for, in order. */
export function splitKeys(input: string, key: Key): KeyEvent[] {
  if (key.eventType === 'release') return [];
  for (const [flag, name] of NAMED) {
    if (key[flag] !== true) continue;
    if (name === 'escape' && key.meta) return [named('escape'), named('escape')]; // ESC ESC
    if (name === 'tab' && key.shift) return [named('tab', { shift: true })];
    // Meta here is ESC + named key in one chunk: apply the Escape, then the key.
    const mods = { ctrl: key.ctrl, shift: key.shift && name !== 'return' };
    return key.meta && !key.ctrl
      ? [named('escape'), named(name, mods)]
      : [named(name, { ...mods, meta: key.meta })];
  }
  if (key.ctrl && input.length === 1) {
    if (input === ' ') return [named('space', { ctrl: true })];
    const k: KeyEvent = { id: `ctrl+${input.toLowerCase()}`, input, ctrl: true, meta: false, shift: false };
    return key.meta ? [named('escape'), k] : [k];
  }
  if (input === '') return [];
  const chars = Array.from(input);
  if (key.meta) return [named('escape'), ...chars.map(charToKey)];
  return chars.map(charToKey);
}

/** True for keys that type text into an input field (not a command key). */
export function isTextKey(k: KeyEvent): boolean {
  return !k.ctrl && !k.meta && (k.id === 'space' || (k.input.length > 0 && k.id === k.input));
}

/** The text a text key types (Space types a blank). */
export function textOf(k: KeyEvent): string {
  return k.id === 'space' ? ' ' : k.input;
}
