// Issue 11 point 3, the debug console at 80x24: the answer's body scrolls inside its own rows (no blank
// rows left while lines are hidden), the console's key line and the status line stay at the bottom in
// every view, and a long error is cut to its line and hint until `e` shows it whole.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plain } from '../helpers/ink.ts';
import { startTtyHarness, type TtyHarness } from './harness.tsx';
import { until } from '../helpers/until.ts';

const ROWS = 24;
const lines = (h: TtyHarness) => plain(h.stdout.lastWrite()).split('\n');
/** The console's key line is the last row of the view: above the status line and the footer. */
const keyLine = (h: TtyHarness) => lines(h)[ROWS - 3] ?? '';

test('80x24: the answer fills its rows and scrolls inside them; key line pinned; e opens a long error', async () => {
  const h = await startTtyHarness({ rootScreen: 'apis', columns: 80, rows: ROWS, debug: true });
  try {
    await until('the list', () => /\d+ items/.test(lines(h).join('\n')));
    h.stdin.write('d');
    await until('the form', () => /Debug /.test(lines(h).join('\n'))).catch((e) => {
      console.log(lines(h).join('\n'));
      throw e;
    });
    assert.match(keyLine(h), /^Ctrl-X send/, `form: key line pinned\n${lines(h).join('\n')}`);
    assert.equal(lines(h).length, ROWS);

    h.stdin.write('\x18');
    await until(
      'the answer',
      () => /^Tab\/Shift-Tab/.test(keyLine(h)) && /HTTP\/1\.1 200/.test(lines(h).join('\n')),
    );
    let f = lines(h);
    assert.equal(f.length, ROWS);
    const tabRow = f.findIndex((l) => l.includes('[Response]'));
    const body = f.slice(tabRow + 1, ROWS - 3);
    assert.match(
      f[tabRow] ?? '',
      /\d+–\d+\/\d+/,
      'the answer is longer than its rows: the position is shown',
    );
    assert.ok(
      body.every((l) => l.trim() !== ''),
      `no blank row while lines are hidden:\n${f.join('\n')}`,
    );
    const firstBody = body[0];
    for (let i = 0; i < 30; i++) h.stdin.write('\x1b[B');
    await until('scrolled to the end', () => /–(\d+)\/\1 ·/.test(lines(h)[tabRow] ?? ''));
    assert.notEqual(lines(h)[tabRow + 1], firstBody);
    f = lines(h);
    assert.ok(f[tabRow]?.includes('[Response]'), 'the tab row stays');
    assert.match(keyLine(h), /^Tab\/Shift-Tab/, 'the key line stays while the body scrolls');
    assert.ok(
      f.slice(tabRow + 1, ROWS - 3).some((l) => l.includes('}')),
      'the end of the body is reachable',
    );

    h.emu.setFaults('5xx=1');
    h.stdin.write('\x18');
    await until('the error', () => /APIG\.9999 \(503\)/.test(lines(h).join('\n')));
    f = lines(h);
    const err = f.findIndex((l) => l.includes('APIG.9999'));
    assert.match(
      f[err + 1] ?? '',
      /hint: .*e: whole error$/,
      `the hint is cut to one line:\n${f.join('\n')}`,
    );
    assert.match(keyLine(h), /^Tab\/Shift-Tab/);
    const whole = 'database connection';
    assert.ok(!f.join(' ').includes(whole));
    h.stdin.write('e');
    await until('the whole error', () => lines(h).join(' ').includes(whole));
    assert.equal(lines(h).length, ROWS);
    assert.match(keyLine(h), /^Tab\/Shift-Tab/, 'the key line stays under the whole error');
    h.stdin.write('e');
    await until('cut again', () => !lines(h).join(' ').includes(whole));
    h.emu.setFaults(null);

    h.stdin.write('\x0f'); // history
    await until('history', () => /^↑↓\/jk choose/.test(keyLine(h)));
  } finally {
    await h.close();
  }
});
