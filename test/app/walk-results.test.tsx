// Issue 11 point 8: result panels have one shape (title, then one line per item) and a success closes by
// itself or on any key, while a failure stays until dismissed; the confirmation's highlighted choice and
// the footer's word for Enter agree. Whole shell on the emulator over loopback HTTP.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { until } from '../helpers/until.ts';
import { press, rowsOf } from './probes.ts';

function sliceData<T>(h: Harness, family: string): T | undefined {
  const slices = h.store.getState().resources[family] ?? {};
  return Object.values(slices)[0]?.data as T | undefined;
}
const footer = (f: string) => f.split('\n').slice(-1).join('\n');
type Cand = { api: { name: string }; env: { name: string }; publishId?: string; current: unknown[] };

/** Opens the bind dialog of the first throttle, marks the first free candidate and asks to bind it. */
async function proposeBind(h: Harness): Promise<Cand> {
  await until('throttles loaded', () => rowsOf(h, 'throttles').length > 0);
  const throttle = rowsOf<{ id: string }>(h, 'throttles')[0];
  assert.ok(throttle);
  h.store.getState().actions.updateList({ selectedId: throttle.id });
  await settle();
  await press(h, 'b');
  await waitForFrame(h.ui, (f) => f.includes('[Not bound]'));
  const cands = () => sliceData<{ candidates: Cand[] }>(h, 'actions.policyBindings')?.candidates ?? [];
  await until('candidates', () => cands().length > 0);
  await settle();
  const i = cands().findIndex((c) => c.publishId && c.current.length === 0);
  const cand = cands()[i];
  assert.ok(cand);
  await press(h, 'j', i);
  await press(h, ' ');
  await press(h, 'b');
  await waitForFrame(h.ui, (f) => f.includes(' Yes ') && f.includes(' No '));
  return cand;
}

const harnesses: Harness[] = [];
after(async () => {
  for (const h of harnesses) await h.close();
});

test('Enter does what is highlighted and the footer says it; a success has one shape and any key closes it', async () => {
  const h = await startHarness({ rootScreen: 'throttles' });
  harnesses.push(h);
  const cand = await proposeBind(h);
  let f = await waitForFrame(h.ui, (x) => footer(x).includes('<Enter>'));
  assert.match(footer(f), /<Enter> no/, 'No is highlighted, so the footer says Enter: no');
  await press(h, '\x1b[C'); // → moves the highlight to Yes
  f = await waitForFrame(h.ui, (x) => /<Enter> yes/.test(footer(x)));
  assert.match(f, /Enter: yes/);
  await press(h, '\r');
  f = await waitForFrame(h.ui, (x) => x.includes('Esc/Enter: close'));
  assert.match(f, /Bind throttling policy[^\n]*: done/);
  assert.match(f, new RegExp(`✓ ${cand.api.name}`), 'the single item has its line');
  assert.match(f, /any key closes it/);
  await press(h, 'j'); // not Esc/Enter: any key closes a success
  await waitForFrame(h.ui, (x) => !x.includes('Esc/Enter: close'));
});

test('a failure stays until dismissed; a success closes by itself', async () => {
  const h = await startHarness({ rootScreen: 'throttles', resultCloseMs: 20 });
  harnesses.push(h);
  await proposeBind(h);
  h.emu.setFaults('5xx=1');
  await press(h, 'y');
  let f = await waitForFrame(h.ui, (x) => x.includes('Esc/Enter: close'));
  assert.doesNotMatch(f, /any key closes it/);
  h.emu.setFaults(null);
  await new Promise((r) => setTimeout(r, 300)); // many times the success delay
  await press(h, 'j');
  f = await waitForFrame(h.ui, (x) => x.includes('Esc/Enter: close'));
  await press(h, '\x1b');
  await waitForFrame(h.ui, (x) => !x.includes('Esc/Enter: close') && x.includes('[Not bound]'));

  await press(h, 'b'); // the marks were kept after the failure
  await waitForFrame(h.ui, (x) => x.includes(' Yes ') && x.includes(' No '));
  await press(h, 'y');
  await until(
    'the result closed by itself',
    () => h.store.getState().status?.text.includes(': done') === true,
  );
  f = await waitForFrame(h.ui, (x) => !x.includes('Esc/Enter: close'));
  assert.match(
    f.split('\n').at(-2) ?? '',
    /Bind throttling policy[^\n]*: done/,
    'its title stays in the status line',
  );
});
