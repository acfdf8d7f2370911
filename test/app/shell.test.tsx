// The shell's second pass: auto-refresh keeps the selection, :ctx switches instance, group API
// counts are lazy, layout follows the terminal size, and an idle dashboard writes nothing.
import '../helpers/force-color.ts';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { selectTop } from '../../src/store/index.ts';
import { displayWidth } from '../../src/ui/text.ts';
import { plain, settle, waitForFrame } from '../helpers/ink.ts';
import type { FakeStdout } from './fake-tty.ts';
import { startHarness, startTtyHarness } from './harness.tsx';
import { until } from '../helpers/until.ts';

// the selected row is drawn inverse after the mark gutter (lists with batch capabilities have one)
const selectedLine = (frame: string | undefined) =>
  plain(
    (frame ?? '').split('\n').find((l) => /^(?:[ ●*] ?)?(?:\x1b\[[0-9;]*m)*\x1b\[7m/.test(l)) ?? '',
  ).replace(/^(?:[ ●*] )/, '');

const frameOf = (out: FakeStdout) => plain(out.lastWrite());

/** Resolves once nothing has been written to `out` for `ms` (gives up after 20 s). */
async function quietFor(out: FakeStdout, ms: number): Promise<void> {
  let count = out.writes.length;
  let since = Date.now();
  const deadline = since + 20_000;
  for (;;) {
    await new Promise((r) => setTimeout(r, 20));
    if (out.writes.length !== count) {
      count = out.writes.length;
      since = Date.now();
    } else if (Date.now() - since >= ms) return;
    if (Date.now() > deadline) throw new Error(`output never went quiet for ${ms} ms`);
  }
}

test('auto-refresh keeps the selection on the same item when rows are inserted above it', async () => {
  const h = await startHarness({ rootScreen: 'envs' });
  try {
    await settle();
    await waitForFrame(h.ui, (f) => f.includes('PRE') && /3 items/.test(f));
    h.ui.stdin.write('j');
    await waitForFrame(h.ui, () => /^TEST\s/.test(selectedLine(h.ui.lastFrame())));
    assert.equal(selectTop(h.store.getState()).list.selectedIndex, 1);
    const selectedId = selectTop(h.store.getState()).list.selectedId ?? '';

    // the server's order changes: two new environments come first
    const envs = h.emu.state.stores.get(h.emu.instances[0] ?? '')?.data.envs;
    assert.ok(envs);
    const old = [...envs.entries()];
    envs.clear();
    for (const name of ['AAA_NEW', 'BBB_NEW'])
      envs.set(`id-${name}`, { id: `id-${name}`, name, remark: '', create_time: '2024-01-01T00:00:00Z' });
    for (const [k, v] of old) envs.set(k, v);

    // the timer's ticks refresh what is on screen (autoTick), not every cached slice (refreshTick)
    const tick = h.store.getState().autoTick;
    h.store.getState().actions.setAutoRefresh(20);
    await waitForFrame(h.ui, (f) => f.includes('BBB_NEW') && /5 items/.test(f));
    h.store.getState().actions.setAutoRefresh(null);
    assert.ok(h.store.getState().autoTick > tick, 'the timer refreshed');
    assert.match(selectedLine(h.ui.lastFrame()), /^TEST\s/, 'selection stays on TEST');
    const lines = plain(h.ui.lastFrame()).split('\n');
    const at = lines.findIndex((l) => /^\s*TEST\s/.test(l));
    assert.ok(lines.findIndex((l) => /^\s*BBB_NEW/.test(l)) < at, 'the new rows are above it');
    assert.equal(selectTop(h.store.getState()).list.selectedId, selectedId);
  } finally {
    await h.close();
  }
});

test(':ctx lists the instances with completion and switches the current instance', async () => {
  const h = await startHarness({ rootScreen: 'apis' });
  try {
    await settle();
    await waitForFrame(h.ui, (f) => /\d+ items/.test(f));
    const before = h.store.getState().instanceId;
    h.ui.stdin.write(':');
    await waitForFrame(h.ui, (f) => f.includes('Tab completes'));
    h.ui.stdin.write('ctx');
    await waitForFrame(h.ui, (f) => f.includes(':ctx'));
    h.ui.stdin.write('\r');
    let f = await waitForFrame(
      h.ui,
      (f) => f.includes('Switch context') && f.includes('roma-enterprise-hub'),
    );
    assert.match(f, /roma-prod-cn-north-4 .*instance \(current\)/);
    h.ui.stdin.write('roma-ent');
    await waitForFrame(h.ui, (f) => f.includes(':roma-ent'));
    h.ui.stdin.write('\t');
    await waitForFrame(h.ui, (f) => f.includes(':roma-enterprise-hub'));
    h.ui.stdin.write('\r');
    f = await waitForFrame(h.ui, (f) => f.includes('instance:roma-ent') && !f.includes('Switch'));
    assert.notEqual(h.store.getState().instanceId, before);
    assert.equal(h.store.getState().instanceId, h.emu.instances[1]);
    assert.equal(selectTop(h.store.getState()).screen, 'apis');
    // the status line names the instance, not its raw id
    assert.match(plain(f), /now on instance roma-enterprise-hub/);
    assert.doesNotMatch(plain(f), new RegExp(h.emu.instances[1] as string));
    // `-` goes back: the status line names the instance now current, not the one left
    h.ui.stdin.write('-');
    f = await waitForFrame(h.ui, (f) => f.includes('instance:roma-prod'));
    assert.equal(h.store.getState().instanceId, before);
    assert.match(plain(f), /back on instance roma-prod-cn-north-4/);
    assert.doesNotMatch(plain(f), /now on instance roma-enterprise-hub/);
  } finally {
    await h.close();
  }
});

test('group API counts come from one-row queries for the visible groups only', async () => {
  // 12,000 APIs in 24 groups: the screen shows fewer groups than exist, and no call lists every API
  const h = await startHarness({ rootScreen: 'groups', emulator: { seed: { scale: 12000 } } });
  try {
    await settle();
    const f = await waitForFrame(h.ui, (f) => /24 items/.test(f) && !/[0-9a-f]{32}\s+…/.test(f), {
      timeoutMs: 8000,
    });
    await h.store.whenIdle();
    const apiCalls = h.emu.stats.log.filter((e) => /\/apis$/.test(e.path));
    // groups have actions (export/import), so a two-column mark gutter may come first
    const rows = f
      .split('\n')
      .map((l) => l.replace(/^(● |\* | {2})/, ''))
      .filter((l) => /^\S+\s+[0-9a-f]{32}\s+\d+\s/.test(l));
    assert.ok(rows.length > 5 && rows.length < 24, `${rows.length} rows on screen`);
    assert.equal(apiCalls.length, rows.length, 'one count query per visible group');
    const apis = [...(h.emu.state.stores.get(h.emu.instances[0] ?? '')?.data.apis.values() ?? [])];
    for (const row of rows) {
      const [, id, count] = /^\s*\S+\s+([0-9a-f]{32})\s+(\d+)\s/.exec(row) ?? [];
      assert.equal(Number(count), apis.filter((a) => a.group_id === id).length, `count of ${id}`);
    }
  } finally {
    await h.close();
  }
});

test('layout follows the terminal: 80x24, then a live resize to 200x50', async () => {
  const h = await startTtyHarness({ rootScreen: 'apis', columns: 80, rows: 24, debug: true });
  try {
    await until('the list', () => /\d+ items/.test(frameOf(h.stdout)));
    const small = frameOf(h.stdout).split('\n');
    assert.ok(small.length <= 24, `${small.length} lines`);
    for (const l of small) assert.ok(displayWidth(l) <= 80, `too wide: ${l}`);
    const smallRows = small.filter((l) => /\s(GET|POST|PUT|DELETE|PATCH)\s/.test(l)).length;

    h.stdout.resize(200, 50);
    await until('the wide frame', () => frameOf(h.stdout).split('\n').length > 24);
    const big = frameOf(h.stdout).split('\n');
    assert.ok(big.length <= 50, `${big.length} lines`);
    for (const l of big) assert.ok(displayWidth(l) <= 200, `too wide: ${l}`);
    assert.ok(
      big.some((l) => displayWidth(l) > 120),
      'columns widen',
    );
    assert.match(big.join('\n'), /PUBLISHED/);
    const bigRows = big.filter((l) => /\s(GET|POST|PUT|DELETE|PATCH)\s/.test(l)).length;
    assert.ok(bigRows > smallRows + 20, `${bigRows} rows vs ${smallRows}`);
  } finally {
    await h.close();
  }
});

test('an idle dashboard writes nothing; moving the selection writes a few hundred bytes', async () => {
  const h = await startTtyHarness({ rootScreen: 'apis', columns: 120, rows: 30, debug: false });
  try {
    await until('the list', () => h.stdout.writes.join('').includes('items'));
    await h.store.whenIdle();
    // Ink renders at most every 33 ms (maxFps 30) and flushes a throttled trailing frame: wait until
    // nothing has been written for well over that, however long a loaded machine takes to get there.
    await quietFor(h.stdout, 300);
    const n = h.stdout.writes.length;
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(h.stdout.writes.length, n, 'no frame written while idle');

    h.stdin.write('j');
    await until('the move', () => selectTop(h.store.getState()).list.selectedIndex === 1);
    await until('the frame of the move', () => h.stdout.writes.length > n);
    await quietFor(h.stdout, 300);
    const bytes = h.stdout.writes.slice(n).join('').length;
    assert.ok(bytes > 0 && bytes < 1200, `${bytes} bytes for one move`);
  } finally {
    await h.close();
  }
});
