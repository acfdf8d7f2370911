import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Key } from 'ink';
import { splitKeys, isTextKey } from '../../src/keys/keys.ts';

const none: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};
const ids = (input: string, k: Partial<Key> = {}) => splitKeys(input, { ...none, ...k }).map((e) => e.id);

test('a run of plain text is split into one key per character, controls included', () => {
  assert.deepEqual(ids('jjjj'), ['j', 'j', 'j', 'j']);
  assert.deepEqual(ids('gG'), ['g', 'G']);
  assert.deepEqual(ids('jj\r'), ['j', 'j', 'return']);
  assert.deepEqual(ids('a\x04\x15 \t'), ['a', 'ctrl+d', 'ctrl+u', 'space', 'tab']);
  assert.deepEqual(ids('订单'), ['订', '单']);
  assert.deepEqual(ids('👍'), ['👍']);
});

test('named keys and modifiers', () => {
  assert.deepEqual(ids('', { downArrow: true }), ['down']);
  assert.deepEqual(ids('', { pageDown: true }), ['pagedown']);
  assert.deepEqual(ids('d', { ctrl: true }), ['ctrl+d']);
  assert.deepEqual(ids(' ', { ctrl: true }), ['ctrl+space']);
  assert.deepEqual(ids('', { tab: true, shift: true }), ['shift+tab']);
  assert.deepEqual(ids('', { escape: true }), ['escape']);
  assert.deepEqual(ids('', { return: true }), ['return']);
  assert.deepEqual(ids('G', { shift: true }), ['G']);
});

test('ESC glued to the next key is Escape followed by that key', () => {
  assert.deepEqual(ids('j', { meta: true }), ['escape', 'j']);
  assert.deepEqual(ids('', { escape: true, meta: true }), ['escape', 'escape']);
  assert.deepEqual(ids('', { downArrow: true, meta: true }), ['escape', 'down']);
  assert.deepEqual(ids('', { return: true, meta: true }), ['escape', 'return']);
});

test('key releases (kitty protocol) are ignored', () => {
  assert.deepEqual(ids('j', { eventType: 'release' }), []);
});

test('isTextKey', () => {
  const k = (input: string, p: Partial<Key> = {}) => splitKeys(input, { ...none, ...p })[0]!;
  assert.equal(isTextKey(k('a')), true);
  assert.equal(isTextKey(k(' ')), true);
  assert.equal(isTextKey(k('订')), true);
  assert.equal(isTextKey(k('d', { ctrl: true })), false);
  assert.equal(isTextKey(k('', { return: true })), false);
});
