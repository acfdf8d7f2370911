import '../helpers/force-color.ts';
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { useState } from 'react';
import { Text } from 'ink';
import { render, cleanup } from 'ink-testing-library';
import { KeyRouterProvider, useCommands } from '../../src/keys/router.tsx';
import { CommandPalette, matchEntries, type PaletteEntry } from '../../components/CommandPalette.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { HelpOverlay } from '../../components/HelpOverlay.tsx';
import { SelectList } from '../../components/SelectList.tsx';
import { waitForFrame, settle } from '../helpers/ink.ts';
import { COMMANDS, KEYMAP } from '../../src/keys/keymap.ts';

afterEach(() => cleanup());

const ENTRIES: PaletteEntry[] = [
  { name: 'apis', aliases: ['api', 'a'], description: 'APIs' },
  { name: 'apps', aliases: ['app'], description: 'Apps' },
  { name: 'groups', aliases: ['group', 'g'], description: 'API groups' },
  { name: 'ctx', description: 'Switch profile or instance' },
];

/** A list under the dialog that records every key that leaks to it. */
function Beneath() {
  const [leaks, setLeaks] = useState(0);
  useCommands('list', ['list'], { down: () => setLeaks((n) => n + 1), up: () => setLeaks((n) => n + 1) });
  return <Text>{`leaks=${leaks}`}</Text>;
}

test('palette: matching by name, alias, prefix', () => {
  assert.deepEqual(
    matchEntries(ENTRIES, 'ap').map((e) => e.name),
    ['apis', 'apps'],
  );
  assert.equal(matchEntries(ENTRIES, 'g')[0]?.name, 'groups');
  assert.equal(matchEntries(ENTRIES, 'app')[0]?.name, 'apps');
  assert.equal(matchEntries(ENTRIES, 'zzz').length, 0);
});

test('palette: typing, Tab completion, Enter runs with arguments; keys do not leak beneath', async () => {
  const ran: string[] = [];
  const r = render(
    <KeyRouterProvider>
      <Beneath />
      <CommandPalette
        entries={ENTRIES}
        onRun={(e, a) => ran.push(`${e.name}|${a}`)}
        onClose={() => ran.push('closed')}
        width={60}
      />
    </KeyRouterProvider>,
  );
  await settle();
  r.stdin.write('gr');
  await waitForFrame(r, (f) => f.includes(':gr') && f.includes('› groups'));
  r.stdin.write('\t');
  await waitForFrame(r, (f) => f.includes(':groups'));
  r.stdin.write('\r');
  await waitForFrame(r, () => ran.length === 1);
  assert.deepEqual(ran, ['groups|']);
  r.stdin.write('\x15ctx prod\r'); // Ctrl-U clears, then a command with an argument
  await waitForFrame(r, () => ran.length === 2);
  assert.equal(ran[1], 'ctx|prod');
  r.stdin.write('jk');
  await waitForFrame(r, (f) => f.includes('ctx prodjk'));
  r.stdin.write('\x1b[B\x1b[A');
  await settle();
  r.stdin.write('\x15nope\r');
  const f = await waitForFrame(r, (x) => x.includes('no such resource: nope'));
  assert.match(f, /leaks=0/);
  r.stdin.write('\x1b');
  await waitForFrame(r, () => ran.includes('closed'));
});

test('palette: Up/Down choose among candidates; hostile descriptions are sanitised', async () => {
  const ran: string[] = [];
  const r = render(
    <KeyRouterProvider>
      <CommandPalette
        entries={[
          ...ENTRIES,
          { name: 'evil', description: '\x1b]0;pwn\x07\u202etxt' },
          { name: 'evil-inst\nx\x1b]0;pwn\x07', aliases: ['\u202eecnatsni'] },
        ]}
        onRun={(e) => ran.push(e.name)}
        onClose={() => undefined}
        width={60}
      />
    </KeyRouterProvider>,
  );
  await settle();
  const first = await waitForFrame(r, (f) => f.includes('evil-inst'), { raw: true });
  assert.doesNotMatch(first.replace(/\x1b\[[0-9;]*m/g, ''), /\x1b|\x07|\u202e/);
  // Names are server text (`:ctx` instance names): a line break shows as ↵, not as a broken layout.
  assert.match(first, /evil-inst↵x␛/);
  r.stdin.write('ap');
  await waitForFrame(r, (f) => f.includes('› apis'));
  r.stdin.write('\x1b[B');
  await waitForFrame(r, (f) => f.includes('› apps'));
  r.stdin.write('\r');
  await waitForFrame(r, () => ran.length === 1);
  assert.deepEqual(ran, ['apps']);
});

function confirmTree(destructive: boolean, log: string[]) {
  return (
    <KeyRouterProvider>
      <Beneath />
      <ConfirmDialog
        action="Publish API"
        object={'get\x1b[2Juser'}
        environment="RELEASE"
        effect="Callers in RELEASE get version 3"
        destructive={destructive}
        onConfirm={() => log.push('yes')}
        onCancel={() => log.push('no')}
        width={50}
      />
    </KeyRouterProvider>
  );
}

test('confirm: names object, environment and effect; Enter defaults to No', async () => {
  const log: string[] = [];
  const r = render(confirmTree(false, log));
  await settle();
  const f = await waitForFrame(r, (x) => x.includes('Publish API?'));
  assert.match(f, /get␛\[2Juser in RELEASE/);
  assert.match(f, /version 3/);
  r.stdin.write('jk\r');
  await waitForFrame(r, () => log.length === 1);
  assert.deepEqual(log, ['no']);
  assert.match(r.lastFrame() ?? '', /leaks=0/);
  r.stdin.write('\x1b[C');
  await settle();
  r.stdin.write('\r');
  await waitForFrame(r, () => log.length === 2);
  assert.deepEqual(log, ['no', 'yes']);
});

test('confirm (destructive): Enter alone does not confirm; y does', async () => {
  const log: string[] = [];
  const r = render(confirmTree(true, log));
  await settle();
  r.stdin.write('\r');
  await waitForFrame(r, (f) => f.includes('Enter does not confirm'));
  assert.deepEqual(log, []);
  r.stdin.write('y');
  await waitForFrame(r, () => log.length === 1);
  assert.deepEqual(log, ['yes']);
  r.stdin.write('n');
  await waitForFrame(r, () => log.length === 2);
  assert.deepEqual(log, ['yes', 'no']);
});

function Input({ mask, onSubmit }: { mask?: boolean; onSubmit: (v: string) => void }) {
  const [v, setV] = useState('');
  return <TextInput value={v} onChange={setV} onSubmit={onSubmit} mask={mask} prompt="> " />;
}

test('text input: typing, cursor moves, backspace, Ctrl-U, bracketed paste, masked', async () => {
  const got: string[] = [];
  const r = render(
    <KeyRouterProvider>
      <Input onSubmit={(v) => got.push(v)} />
    </KeyRouterProvider>,
  );
  await settle();
  r.stdin.write('helo');
  await waitForFrame(r, (f) => f.includes('> helo'));
  r.stdin.write('\x1b[D');
  await settle();
  r.stdin.write('l');
  await waitForFrame(r, (f) => f.includes('> hello'));
  r.stdin.write('\x1b[F\x7f\x7f');
  await waitForFrame(r, (f) => f.includes('> hel') && !f.includes('hello'));
  r.stdin.write('\x1b[200~ pasted\ntext\x1b[201~');
  await waitForFrame(r, (f) => f.includes('> hel pasted text'));
  r.stdin.write('\r');
  await waitForFrame(r, () => got.length === 1);
  assert.deepEqual(got, ['hel pasted text']);
  r.stdin.write('\x15');
  await waitForFrame(r, (f) => !f.includes('hel'));

  const m = render(
    <KeyRouterProvider>
      <Input mask onSubmit={(v) => got.push(v)} />
    </KeyRouterProvider>,
  );
  await settle();
  m.stdin.write('s3cret\r');
  await waitForFrame(m, () => got.length === 2);
  assert.equal(got[1], 's3cret');
  assert.doesNotMatch(m.lastFrame() ?? '', /s3cret/);
  assert.match(m.lastFrame() ?? '', /••••••/);
});

test('help overlay is generated from the key map, scrolls, and closes on Esc', async () => {
  let closed = false;
  const r = render(
    <KeyRouterProvider>
      <Beneath />
      <HelpOverlay width={80} height={12} onClose={() => (closed = true)} />
    </KeyRouterProvider>,
  );
  await settle();
  const f = await waitForFrame(r, (x) => x.includes('General'));
  assert.match(f, /\?\s+Show this help/);
  r.stdin.write('G');
  const lastCommand = COMMANDS[COMMANDS.length - 1]!;
  const lastText = KEYMAP[lastCommand].description.slice(0, 30);
  const end = await waitForFrame(r, (x) => x.includes(lastText));
  assert.match(end, /leaks=0/);
  r.stdin.write('\x1b');
  await waitForFrame(r, () => closed);
});

test('select list: j/k wrap, Enter selects, Esc cancels', async () => {
  const got: string[] = [];
  const r = render(
    <KeyRouterProvider>
      <SelectList
        items={[
          { label: 'RELEASE', value: 'r', note: 'production' },
          { label: 'TEST', value: 't' },
          { label: '\x1b[31mDEV', value: 'd' },
        ]}
        onSelect={(i) => got.push(i.value)}
        onCancel={() => got.push('cancel')}
        width={40}
      />
    </KeyRouterProvider>,
  );
  await settle();
  await waitForFrame(r, (f) => f.includes('› RELEASE production') && f.includes('␛[31mDEV'));
  r.stdin.write('jj\r');
  await waitForFrame(r, () => got.length === 1);
  r.stdin.write('j\r');
  await waitForFrame(r, () => got.length === 2);
  assert.deepEqual(got, ['d', 'r']);
  r.stdin.write('\x1b');
  await waitForFrame(r, () => got.length === 3);
});
