// The built CLI in a real pseudo-terminal against `roma-dash emulator --seed hostile`: the bytes that
// reach the terminal carry only escape sequences the app itself emits (never a title change, OSC 52
// clipboard write, hyperlink or DCS from data), the layout holds (header on top, footer at the
// bottom) on every screen and after a resize, and quitting restores the terminal.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RESOURCES } from '../../screens/registry.ts';
import { startEmulatorProcess } from '../helpers/emulator-process.ts';
import { startCli, terminalRestored, withoutProbe, type CliSession } from '../helpers/pty.ts';
import { DANGEROUS_SEQUENCES, rawOutputProblems } from '../helpers/terminal-safety.ts';

const COLS = 100;
const ROWS = 30;

/**
 * One key at a time: see CliSession.key (waits for the answer, then for quiet). Keys that may draw
 * nothing (`G` on a one-row list, `g` at the top, a Tab with no other tab) wait a quarter of a
 * second for an answer that may never come: the app reads keys in order, and the key that the
 * layout is checked after (`y`, Esc, a command) draws, so its full wait covers the ones before it.
 */
const MAY_DRAW_NOTHING = new Set(['G', 'g', '\t']);
async function key(cli: CliSession, keys: string): Promise<void> {
  await cli.key(keys, MAY_DRAW_NOTHING.has(keys) ? { answerMs: 250 } : {});
}

/** Header on the first row and the key hints on the last: nothing from data scrolled or pushed them. */
function layoutProblem(cli: CliSession, where: string): string | undefined {
  const lines = cli.screenLines();
  if (!/instance:|endpoint:|roma-dash/.test(lines[0] ?? ''))
    return `${where}: header is not on the first row\n${cli.screenText()}`;
  if (!/^\s*<[^>]+> \w/.test(lines.at(-1) ?? ''))
    return `${where}: footer is not on the last row\n${cli.screenText()}`;
  return undefined;
}

test('hostile seed in a real terminal: only the app’s own escapes reach it, terminal restored', async (t) => {
  const layout: string[] = [];
  const assertLayout = (cli: CliSession, where: string) => {
    const p = layoutProblem(cli, where);
    if (p) layout.push(p);
  };
  const emu = await startEmulatorProcess(['--seed', 'hostile']);
  const { info } = emu;
  const cli = startCli(['--endpoint', info.endpoint, '--instance', info.instances[0] ?? ''], {
    cols: COLS,
    rows: ROWS,
    env: {
      HUAWEICLOUD_SDK_AK: info.ak,
      HUAWEICLOUD_SDK_SK: info.sk,
      HUAWEICLOUD_SDK_PROJECT_ID: info.projectId,
    },
  });
  try {
    await cli.waitForText(/\d+ items/, 20_000);
    await cli.waitForText('␛'); // the hostile names are on screen, made visible
    for (const r of RESOURCES) {
      // the palette takes its command and Enter in one read, as when pasted
      await key(cli, `:${r.id === 'instances' ? 'ctx' : r.id}\r`);
      assertLayout(cli, `${r.id} list`);
      for (const k of ['G', 'g', 'i', '\t', '\t', '\t', 'y']) await key(cli, k);
      assertLayout(cli, `${r.id} detail json`);
      for (const k of ['\x1b', '\x1b']) await key(cli, k);
      if (r.id === 'instances') await key(cli, '\r'); // choose the first instance again
    }
    const before = cli.bytesWritten;
    cli.resize(60, 20);
    await cli.waitFor(() => cli.bytesWritten > before, 'a redraw after the resize');
    await cli.waitForQuiet(150);
    await key(cli, ':');
    await key(cli, 'apis\r');
    await key(cli, 'i');
    assertLayout(cli, 'apis detail at 60x20');
    await key(cli, '\x1b');
    cli.type('q');
    assert.equal(await cli.waitForExit(15_000), 0);

    const raw = withoutProbe(cli.rawOutput());
    const problems = rawOutputProblems(raw);
    assert.deepEqual(problems.slice(0, 10), [], `${problems.length} unsafe sequences reached the terminal`);
    for (const [label, re] of DANGEROUS_SEQUENCES)
      assert.doesNotMatch(raw, re, `${label} reached the terminal`);
    assert.deepEqual(terminalRestored(cli.rawOutput()).problems, []);
    await t.test('layout holds on every screen (header on top, footer at the bottom)', () =>
      assert.deepEqual(layout.slice(0, 1), []),
    );
  } finally {
    cli.kill();
    await emu.stop();
  }
});
