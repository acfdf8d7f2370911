// What a key re-renders (issue 18): a selection move re-renders the list and the two rows whose
// highlight changed, not the shell around it (header, crumbs, status line, footer), and it neither
// sorts nor filters the rows again; a page updates the rows in place; a filter keystroke is one
// render of the list and one filter pass. Counted with src/ui/render-count.ts, over the emulator.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { renderCounts } from '../../src/ui/render-count.ts';
import { waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';

const SCALE = 300;
let h: Harness;

before(async () => {
  h = await startHarness({ emulator: { seed: { scale: SCALE } } });
  await waitForFrame(h.ui, (f) => f.includes(`1 of ${SCALE}`) && f.includes(`${SCALE} items`));
});
after(() => h.close());

/** Renders per component while `keys` are typed and the frame reaches `shown`. */
async function rendersFor(keys: string, shown: (frame: string) => boolean): Promise<Map<string, number>> {
  renderCounts.clear();
  h.ui.stdin.write(keys);
  await waitForFrame(h.ui, shown);
  return new Map(renderCounts);
}

const SHELL = ['Shell', 'Header', 'Breadcrumbs', 'StatusLine', 'Footer'];

test('a move re-renders the list and its two changed rows; the shell and the list model stay', async () => {
  const r = await rendersFor('j', (f) => f.includes(`2 of ${SCALE}`));
  for (const c of SHELL) assert.equal(r.get(c) ?? 0, 0, `${c} re-rendered on a move`);
  assert.equal(r.get('ListView'), 1);
  assert.equal(r.get('TableRow'), 2, 'the row left and the row reached');
  assert.equal(r.get('list-sort') ?? 0, 0, 'no sort on a move');
  assert.equal(r.get('list-filter') ?? 0, 0, 'no filter pass on a move');
});

test('a page re-renders the rows of the window, in place, and nothing of the shell', async () => {
  const before = h.ui.lastFrame() ?? '';
  const rowsShown = before.split('\n').filter((l) => /scale_api_\d+/.test(l)).length;
  const r = await rendersFor('\x1b[6~', (f) => !f.includes(`2 of ${SCALE}`) && / of 300/.test(f));
  for (const c of SHELL) assert.equal(r.get(c) ?? 0, 0, `${c} re-rendered on a page`);
  assert.ok(
    (r.get('TableRow') ?? 0) <= rowsShown,
    `${r.get('TableRow')} rows rendered for ${rowsShown} shown`,
  );
  assert.equal(r.get('list-sort') ?? 0, 0);
  assert.equal(r.get('list-filter') ?? 0, 0);
});

test('a filter keystroke is one render of the list and one filter pass, no sort', async () => {
  // the counters are live: opening the input changes the crumbs, the footer and the shell's scopes
  const open = await rendersFor('/', (f) => f.includes('/▏'));
  for (const c of ['Shell', 'Breadcrumbs', 'Footer']) assert.ok((open.get(c) ?? 0) >= 1, `${c} on /`);
  const r = await rendersFor('9', (f) => f.includes('/9▏'));
  assert.equal(r.get('ListView'), 1, 'the filter and its cursor are one store update');
  assert.equal(r.get('list-filter'), 1);
  assert.equal(r.get('list-sort') ?? 0, 0);
  assert.equal(r.get('Header') ?? 0, 0);
  assert.equal(r.get('Footer') ?? 0, 0, 'the footer of the input does not change per character');
  h.ui.stdin.write('\x1b');
  await waitForFrame(h.ui, (f) => !f.includes('/9▏') && !f.includes('(of 300)'));
});
