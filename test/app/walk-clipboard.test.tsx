// Issue 11 point 1: when no clipboard route is known (not in tmux, the terminal not recognised as taking
// OSC 52) or the user asked for files, `c` does not claim a copy: it offers to save the text to a file
// (mode 600), never replacing a file without asking, and the status line says where the text went.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { clipboardPolicyFromEnv, copyToClipboard, osc52Terminal } from '../../src/app/clipboard.ts';
import { listKey } from '../../src/app/data.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { until } from '../helpers/until.ts';

const rows = (h: Harness): Array<{ id: string }> => {
  const s = h.store.getState();
  return (s.resources['apis']?.[listKey(s.instanceId, {})]?.data ?? []) as Array<{ id: string }>;
};
async function press(h: Harness, keys: string) {
  h.ui.stdin.write(keys);
  await settle();
}

test('terminals are recognised by their variables; unknown ones are not claimed', () => {
  assert.equal(osc52Terminal({ TERM: 'xterm-kitty' }), 'kitty');
  assert.equal(osc52Terminal({ TERM_PROGRAM: 'iTerm.app', TERM: 'xterm-256color' }), 'iTerm2');
  assert.equal(osc52Terminal({ TERM: 'xterm-256color' }), null);
  assert.equal(osc52Terminal({ TERM_PROGRAM: 'Apple_Terminal' }), null);
  assert.equal(
    clipboardPolicyFromEnv({ TERM: 'xterm', ROMA_DASH_CLIPBOARD: 'osc52' }).osc52Terminal !== null,
    true,
  );
  const file = clipboardPolicyFromEnv({ TERM: 'xterm-kitty', ROMA_DASH_CLIPBOARD: 'file' });
  const raw: string[] = [];
  const r = copyToClipboard({ writeRaw: (s) => void raw.push(s), tmux: false, clipboard: file }, 'x');
  assert.equal(r.route, 'unknown', 'asked for files: nothing goes to a clipboard');
  assert.equal(raw.length, 0);
  const sent: string[] = [];
  const known = copyToClipboard(
    { writeRaw: (s) => void sent.push(s), tmux: false, clipboard: { osc52Terminal: 'kitty' } },
    'x',
  );
  assert.equal(known.route, 'osc52');
  assert.match(known.where, /kitty/);
  assert.equal(sent.length, 1);
});

let h: Harness;
let dir: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rd-clip-'));
  h = await startHarness({
    rootScreen: 'apis',
    clipboard: { osc52Terminal: null, termLabel: 'TERM=xterm-256color' },
  });
  await until('apis loaded', () => rows(h).length > 0);
});
after(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('c with no known route offers a file (mode 600), asks before replacing one, and says where it went', async () => {
  const id = rows(h)[0]!.id;
  h.store.getState().actions.updateList({ selectedId: id });
  await settle();
  await press(h, 'c');
  let f = await waitForFrame(h.ui, (x) => x.includes('to a file'));
  assert.match(f, /No known clipboard route/);
  assert.match(f, /TERM=xterm-256color/);
  assert.doesNotMatch(f, /copied id/);

  const target = join(dir, 'id.txt');
  await press(h, '\x15'); // Ctrl-U clears the offered name
  await press(h, target);
  await press(h, '\r');
  await until('saved', () => h.store.getState().status?.text.startsWith('saved id') === true);
  assert.equal(readFileSync(target, 'utf8'), id);
  assert.equal(statSync(target).mode & 0o777, 0o600);
  f = await waitForFrame(h.ui, (x) => !x.includes('to a file'));
  assert.match(f, new RegExp(`saved id ${id} to ${target}`));

  // an existing file: n keeps it, y replaces it (and its mode becomes 600)
  writeFileSync(target, 'old', { mode: 0o644 });
  await press(h, 'c');
  await waitForFrame(h.ui, (x) => x.includes('to a file'));
  await press(h, '\x15');
  await press(h, target);
  await press(h, '\r');
  await waitForFrame(h.ui, (x) => x.includes('exists. Overwrite it?'));
  await press(h, 'n');
  await waitForFrame(h.ui, (x) => x.includes('file: '));
  assert.equal(readFileSync(target, 'utf8'), 'old');
  await press(h, '\r');
  await waitForFrame(h.ui, (x) => x.includes('exists. Overwrite it?'));
  await press(h, 'y');
  await until('replaced', () => readFileSync(target, 'utf8') === id);
  assert.equal(statSync(target).mode & 0o777, 0o600);

  // Esc saves nothing
  await waitForFrame(h.ui, (x) => !x.includes('to a file'));
  await press(h, 'c');
  await waitForFrame(h.ui, (x) => x.includes('to a file'));
  await press(h, '\x1b');
  await waitForFrame(h.ui, (x) => !x.includes('to a file'));
  assert.equal(h.store.getState().stack.length, 1, 'Esc closed the dialog, not the view');
});
