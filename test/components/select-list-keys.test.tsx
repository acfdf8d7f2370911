// The picker moves like every list (the one list cursor): PgDn/PgUp, G/End, g/Home, `/` type-ahead,
// 1–9 in the window; Esc in the filter clears it, a second Esc cancels. No key leaks beneath.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { useState } from 'react';
import { Text } from 'ink';
import { render, cleanup } from 'ink-testing-library';
import { KeyRouterProvider, useCommands } from '../../src/keys/router.tsx';
import { SelectList } from '../../components/SelectList.tsx';
import { waitForFrame, settle } from '../helpers/ink.ts';

afterEach(() => cleanup());

function Beneath() {
  const [leaks, setLeaks] = useState(0);
  const leak = () => setLeaks((n) => n + 1);
  useCommands('list', ['list', 'global'], { down: leak, bottom: leak, filter: leak, back: leak });
  return <Text>{`leaks=${leaks}`}</Text>;
}

const ITEMS = Array.from({ length: 30 }, (_, i) => ({
  label: `env_${String(i).padStart(2, '0')}`,
  value: i,
}));

function mount(got: Array<number | 'cancel'>) {
  return render(
    <KeyRouterProvider>
      <Beneath />
      <SelectList
        items={ITEMS}
        limit={8}
        onSelect={(i) => got.push(i.value)}
        onCancel={() => got.push('cancel')}
        width={40}
      />
    </KeyRouterProvider>,
  );
}

async function press(r: ReturnType<typeof render>, key: string) {
  r.stdin.write(key);
  await settle();
}

test('picker: PgDn pages by the window, G/End jump to the last, g/Home to the first, PgUp back', async () => {
  const got: Array<number | 'cancel'> = [];
  const r = mount(got);
  await settle();
  await waitForFrame(r, (f) => f.includes('› env_00') && f.includes('1/30'));
  await press(r, '\x1b[6~'); // PgDn
  let f = await waitForFrame(r, (x) => x.includes('› env_08'));
  assert.match(f, /9\/30/);
  assert.doesNotMatch(f, /env_00/, 'the window moved');
  await press(r, 'G');
  f = await waitForFrame(r, (x) => x.includes('› env_29'));
  assert.match(f, /30\/30/);
  await press(r, '\x1b[5~'); // PgUp
  await waitForFrame(r, (x) => x.includes('› env_21'));
  await press(r, 'g');
  await waitForFrame(r, (x) => x.includes('› env_00'));
  await press(r, '\x1b[F'); // End
  await waitForFrame(r, (x) => x.includes('› env_29'));
  await press(r, '\r');
  await waitForFrame(r, () => got.length === 1);
  assert.deepEqual(got, [29]);
  assert.match(r.lastFrame() ?? '', /leaks=0/);
});

test('picker: / filters as you type, Enter keeps the filter, Esc clears it, then Esc cancels', async () => {
  const got: Array<number | 'cancel'> = [];
  const r = mount(got);
  await settle();
  await waitForFrame(r, (f) => f.includes('› env_00'));
  for (const k of ['/', '2', '7']) await press(r, k);
  let f = await waitForFrame(r, (x) => x.includes('/27') && x.includes('› env_27'));
  assert.doesNotMatch(f, /env_00/);
  await press(r, '\r'); // ends the filter input; the cursor stays
  await press(r, '\r'); // picks
  await waitForFrame(r, () => got.length === 1);
  assert.deepEqual(got, [27]);
  await press(r, '/');
  await press(r, 'x');
  f = await waitForFrame(r, (x) => x.includes('no match'));
  await press(r, '\x1b'); // clears the filter
  f = await waitForFrame(r, (x) => x.includes('env_00') && !x.includes('/27'));
  assert.equal(got.length, 1, 'Esc in the filter does not cancel');
  await press(r, '\x1b');
  await waitForFrame(r, () => got.length === 2);
  assert.equal(got[1], 'cancel');
  assert.match(r.lastFrame() ?? '', /leaks=0/);
});

test('picker: a digit picks that row of the window', async () => {
  const got: Array<number | 'cancel'> = [];
  const r = mount(got);
  await settle();
  await press(r, '\x1b[6~');
  await waitForFrame(r, (x) => x.includes('› env_08'));
  await press(r, '3');
  await waitForFrame(r, () => got.length === 1);
  const first = Number(/ {2}env_(\d\d)/.exec(r.lastFrame() ?? '')?.[1] ?? NaN);
  assert.equal(got[0], first + 2);
});

test('picker: other items start over at the first row (a second picker in the same place)', async () => {
  const got: string[] = [];
  const Two = () => {
    const [step, setStep] = useState(0);
    const items =
      step === 0
        ? ITEMS.map((i) => ({ label: i.label, value: i.label }))
        : [
            { label: 'Add', value: 'add' },
            { label: 'Remove', value: 'remove' },
          ];
    return (
      <SelectList
        items={items}
        onSelect={(i) => {
          got.push(i.value);
          setStep(1);
        }}
        width={40}
      />
    );
  };
  const r = render(
    <KeyRouterProvider>
      <Two />
    </KeyRouterProvider>,
  );
  await settle();
  await press(r, 'G');
  await waitForFrame(r, (x) => x.includes('› env_29'));
  await press(r, '\r');
  await waitForFrame(r, (x) => x.includes('› Add'));
  await press(r, '\r');
  await waitForFrame(r, () => got.length === 2);
  assert.deepEqual(got, ['env_29', 'add']);
});
