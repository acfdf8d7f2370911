import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  COMMANDS,
  CONCURRENT_SCOPES,
  KEYMAP,
  commandsForKey,
  footerHints,
  helpSections,
  keyLabel,
  type CommandSpec,
} from '../../src/keys/keymap.ts';

test('no key is bound to two commands in scopes that are active together', () => {
  for (const group of CONCURRENT_SCOPES) {
    const owner = new Map<string, string>();
    for (const cmd of COMMANDS) {
      const s: CommandSpec = KEYMAP[cmd];
      if (!s.scopes.some((x) => group.includes(x))) continue;
      for (const k of s.keys) {
        const prev = owner.get(k);
        assert.equal(prev, undefined, `key ${k} bound to ${prev} and ${cmd} in [${group.join(',')}]`);
        owner.set(k, cmd);
      }
    }
  }
});

test('the keys the issue asks for are there', () => {
  const expect: Record<string, string[]> = {
    up: ['up', 'k'],
    down: ['down', 'j'],
    top: ['g'],
    bottom: ['G'],
    pageUp: ['pageup'],
    pageDown: ['pagedown'],
    halfPageDown: ['ctrl+d'],
    halfPageUp: ['ctrl+u'],
    enter: ['return'],
    back: ['escape'],
    filter: ['/'],
    palette: [':'],
    help: ['?'],
    refresh: ['r'],
    json: ['y'],
    copyId: ['c'],
    quit: ['q'],
    mark: ['space'],
  };
  for (const [cmd, keys] of Object.entries(expect)) {
    const spec: CommandSpec = KEYMAP[cmd as keyof typeof KEYMAP];
    for (const k of keys) assert.ok(spec.keys.includes(k), `${cmd} has ${k}`);
  }
});

test('lookup by key and scope', () => {
  assert.deepEqual(commandsForKey('j', ['list']), ['down']);
  assert.deepEqual(commandsForKey('j', ['global']), []);
  assert.deepEqual(commandsForKey('ctrl+d', ['input']), ['inputDeleteForward']);
  assert.deepEqual(commandsForKey('ctrl+d', ['list']), ['halfPageDown']);
});

test('labels', () => {
  assert.equal(keyLabel('ctrl+d'), 'Ctrl-d');
  assert.equal(keyLabel('pageup'), 'PgUp');
  assert.equal(keyLabel('shift+tab'), 'Shift-Tab');
  assert.equal(keyLabel('escape'), 'Esc');
  assert.equal(keyLabel('G'), 'G');
  assert.equal(keyLabel('+'), '+');
});

test('footer hints come from the map, most specific scope first, filtered by `only`', () => {
  const hints = footerHints(['global', 'list']);
  assert.equal(hints[0]?.command, 'enter');
  assert.ok(hints.some((h) => h.command === 'quit' && h.keys === 'q'));
  assert.ok(hints.findIndex((h) => h.command === 'filter') < hints.findIndex((h) => h.command === 'quit'));
  const only = footerHints(['global', 'list', 'actions'], ['publish', 'quit']);
  assert.deepEqual(
    only.map((h) => h.command),
    ['publish', 'quit'],
  );
});

test('help lists every command exactly once, grouped by scope', () => {
  const all = helpSections().flatMap((s) => s.entries.map((e) => e.command));
  assert.deepEqual([...all].sort(), [...COMMANDS].sort());
  const lists = helpSections().find((s) => s.scope === 'list');
  assert.ok(lists?.entries.some((e) => e.command === 'filter' && e.keys === '/'));
});
