// The dashboard in ink-testing-library against the demo emulator over real HTTP: type keys, assert frames.
import '../helpers/force-color.ts';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { selectTop } from '../../src/store/index.ts';
import { plain, settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';

let h: Harness;
before(async () => {
  h = await startHarness({ rootScreen: 'apis' });
  await settle();
  await waitForFrame(h.ui, (f) => /\d+ items/.test(f));
});
after(async () => h?.close());

async function type(keys: string, until: (f: string) => boolean) {
  for (const k of keys.match(/\x1b\[[A-D]|\x1b|./gs) ?? []) h.ui.stdin.write(k);
  return waitForFrame(h.ui, until);
}
// The selected row is drawn inverse (NO_COLOR theme): find it in the raw frame, return it plain.
const selectedLine = (_f?: string) =>
  plain((h.ui.lastFrame() ?? '').split('\n').find((l) => l.startsWith('\x1b[7m')) ?? '');

test('the APIs list shows real data and the header badges', () => {
  const f = plain(h.ui.lastFrame());
  assert.match(f, /DEMO/);
  assert.match(f, /NAME\s+METHOD\s+PATH/);
  assert.match(selectedLine(f), /list_orders/);
});

test('j/k and G/g move the selection', async () => {
  let f = await type('j', (f) => /get_order /.test(selectedLine(f)));
  f = await type('G', (f) => !/get_order /.test(selectedLine(f)));
  const last = selectedLine(f);
  f = await type('g', (f) => /list_orders/.test(selectedLine(f)));
  assert.notEqual(last, selectedLine(f));
});

test('/ filters incrementally; Esc clears', async () => {
  await type('/', (f) => f.includes('/▏'));
  let f = await type('refund', (f) => f.includes('/refund▏'));
  f = await waitForFrame(h.ui, (f) => !f.includes('list_orders'));
  assert.match(f, /list_refunds/);
  f = await type('\r', (f) => f.includes('filter: refund'));
  f = await type('\x1b', (f) => f.includes('list_orders') && !f.includes('filter:'));
  assert.equal(selectTop(h.store.getState()).list.filter, '');
});

test('s sorts by a column, S reverses', async () => {
  const f = await type('s', (f) => f.includes('NAME↑'));
  const before = selectTop(h.store.getState()).list.selectedId;
  const names = f
    .split('\n')
    // the APIs list has batch actions: a two-column mark gutter comes first
    .map((l) => l.replace(/^(● |\* | {2})/, ''))
    .filter((l) => /^\S+\s+(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|ANY)\s/.test(l))
    .map((l) => l.split(/\s+/)[0] ?? '')
    .filter((n) => !n.endsWith('…'));
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  assert.ok(names.length > 5);
  assert.deepEqual(names, [...names].sort(collator.compare));
  assert.equal(selectTop(h.store.getState()).list.selectedId, before, 'selection kept by id');
  await type('S', (f) => f.includes('NAME↓'));
});

test('Enter drills into the detail with tabs; Esc goes back and keeps the selection', async () => {
  await type('g', (f) => f.includes('DEMO') && selectedLine(f) !== '');
  let f = await type('jj', () => selectTop(h.store.getState()).list.selectedIndex === 2);
  const chosen = selectedLine(plain(h.ui.lastFrame()));
  f = await type('\r', (f) => f.includes('[Overview]'));
  assert.match(f, /Definition/);
  f = await type('\t', (f) => f.includes('[Definition]') && f.includes('Request parameters'));
  f = await type('\t', (f) => f.includes('[Publications and versions]') && f.includes('Publish records'));
  f = await type('\x1b', (f) => f.includes('NAME'));
  assert.equal(selectedLine(f), chosen);
});

test('y shows the selected item as JSON; Esc closes', async () => {
  let f = await type('y', (f) => f.includes('JSON —'));
  assert.match(f, /"id": "/);
  f = await type('\x1b', (f) => !f.includes('JSON —'));
});

test('c copies the id with OSC 52', async () => {
  await type('c', (f) => f.includes('copied id'));
  const seq = h.raw.at(-1) ?? '';
  assert.match(seq, /^\x1b\]52;c;[A-Za-z0-9+/=]+\x07$/);
  const b64 = seq.slice(7, -1);
  assert.equal(Buffer.from(b64, 'base64').toString(), selectTop(h.store.getState()).list.selectedId);
  await type('\x0c', (f) => !f.includes('copied id'));
});

test('? shows help generated from the key map', async () => {
  const f = await type('?', (f) => f.includes('Keys  (Esc'));
  assert.match(f, /Quit roma-dash/);
  await type('\x1b', (f) => !f.includes('Keys  (Esc'));
});

test(': palette jumps by alias; groups Enter opens that group’s APIs; Esc returns', async () => {
  await type(':', (f) => f.includes('Tab completes'));
  let f = await type('grp', (f) => f.includes(':grp'));
  f = await type('\r', (f) => f.includes('API groups') && f.includes('DOMAINS'));
  f = await waitForFrame(h.ui, (f) => /\d+ items/.test(f));
  const group = (selectedLine(f).split(/\s+/)[0] ?? '').trim();
  f = await type('\r', (f) => f.includes(`${group} › APIs`));
  f = await waitForFrame(h.ui, (f) => /\d+ items/.test(f) && selectedLine(f) !== '');
  f = await type('\x1b', (f) => f.includes('DOMAINS'));
  assert.match(selectedLine(f), new RegExp(group));
});
