import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { useState } from 'react';
import { Text } from 'ink';
import { render, cleanup } from 'ink-testing-library';
import { KeyRouterProvider, useCommands, useKeyHandler, createKeyRouter } from '../../src/keys/router.tsx';
import { isTextKey } from '../../src/keys/keys.ts';
import { waitForFrame, settle } from '../helpers/ink.ts';

afterEach(() => cleanup());

function Palette({ onClose }: { onClose: () => void }) {
  const [text, setText] = useState('');
  const [ran, setRan] = useState<string | null>(null);
  useKeyHandler('input', (k) => {
    if (k.id === 'escape') {
      onClose();
      return true;
    }
    if (k.id === 'return') {
      setText((t) => {
        setRan(t);
        return t;
      });
      return true;
    }
    if (k.id === 'backspace') {
      setText((t) => t.slice(0, -1));
      return true;
    }
    if (isTextKey(k)) {
      setText((t) => t + k.input);
      return true;
    }
    return false;
  });
  return <Text>{`palette[${text}]${ran === null ? '' : ` ran=${ran}`}`}</Text>;
}

function App() {
  const [row, setRow] = useState(0);
  const [palette, setPalette] = useState(false);
  const [log, setLog] = useState<string[]>([]);
  useCommands('list', ['list'], {
    down: () => setRow((r) => r + 1),
    up: () => setRow((r) => Math.max(0, r - 1)),
    bottom: () => setRow(() => 99),
    top: () => setRow(() => 0),
    halfPageDown: () => setRow((r) => r + 10),
  });
  useCommands('global', ['global'], {
    palette: () => setPalette(true),
    back: () => setLog((l) => [...l, 'back']),
  });
  return (
    <>
      <Text>{`row=${row} log=${log.join(',')}`}</Text>
      {palette ? <Palette onClose={() => setPalette(false)} /> : null}
    </>
  );
}

function mount() {
  return render(
    <KeyRouterProvider>
      <App />
    </KeyRouterProvider>,
  );
}

test('a burst of plain keys in one chunk is applied in full', async () => {
  const r = mount();
  await settle();
  r.stdin.write('jjjjk');
  await waitForFrame(r, (f) => f.includes('row=3 '));
  r.stdin.write('G');
  await waitForFrame(r, (f) => f.includes('row=99'));
  r.stdin.write('gjj\x04'); // top, 2 down, Ctrl-D
  await waitForFrame(r, (f) => f.includes('row=12 '));
});

test('a burst of escape sequences (arrows) is applied in full', async () => {
  const r = mount();
  await settle();
  r.stdin.write('\x1b[B\x1b[B\x1b[B\x1b[A');
  await waitForFrame(r, (f) => f.includes('row=2 '));
});

test('keys after a key that opens a modal go to the modal, not the list beneath', async () => {
  const r = mount();
  await settle();
  r.stdin.write(':jj\r');
  const f = await waitForFrame(r, (x) => x.includes('ran=jj'));
  assert.match(f, /row=0 /);
});

test('Esc followed by a key in the same chunk is both an Esc and that key', async () => {
  const r = mount();
  await settle();
  r.stdin.write('\x1bj');
  await waitForFrame(r, (f) => f.includes('row=1 log=back'));
  r.stdin.write('\x1b\x1b[B');
  await waitForFrame(r, (f) => f.includes('row=2 log=back,back'));
});

test('a lone Esc is delivered promptly (Ink flushes it after its short escape timeout)', async () => {
  const r = mount();
  await settle();
  r.stdin.write('\x1b');
  await waitForFrame(r, (f) => f.includes('log=back'), { timeoutMs: 500 });
  r.stdin.write('j');
  await waitForFrame(r, (f) => f.includes('row=1 log=back'));
});

test('modal layer wins over list and global; unconsumed keys fall through', async () => {
  const r = mount();
  await settle();
  r.stdin.write(':');
  await waitForFrame(r, (f) => f.includes('palette[]'));
  r.stdin.write('\x1b[B'); // the palette does not consume arrows: falls through to the list
  await waitForFrame(r, (f) => f.includes('row=1 '));
  r.stdin.write('k');
  await waitForFrame(r, (f) => f.includes('palette[k]') && f.includes('row=1 '));
  r.stdin.write('\x1b');
  const f = await waitForFrame(r, (x) => !x.includes('palette'));
  assert.doesNotMatch(f, /log=back/);
});

test('createKeyRouter: later registrations in the same layer go first; inactive removed', () => {
  const calls: string[] = [];
  const run: Array<() => void> = [];
  const router = createKeyRouter((fn) => {
    run.push(fn);
    return () => undefined;
  });
  const h = (name: string, consume: boolean) => ({
    current: () => {
      calls.push(name);
      return consume;
    },
  });
  const none = { current: undefined };
  router.register({ layer: 'global', handler: h('g', true), paste: none });
  router.register({ layer: 'list', handler: h('l1', false), paste: none });
  const off = router.register({ layer: 'list', handler: h('l2', false), paste: none });
  router.dispatch([{ id: 'x', input: 'x', ctrl: false, meta: false, shift: false }]);
  assert.deepEqual(calls, ['l2', 'l1', 'g']);
  off();
  calls.length = 0;
  router.dispatch([{ id: 'y', input: 'y', ctrl: false, meta: false, shift: false }]);
  assert.deepEqual(calls, [], 'queued until the previous key has rendered');
  assert.equal(router.pending(), 1);
  run.shift()?.();
  assert.deepEqual(calls, ['l1', 'g']);
});
