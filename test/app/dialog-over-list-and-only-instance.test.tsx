// UX regressions found by driving the built CLI like an on-call engineer: each test fails without
// its fix. Through the whole shell (App + stores + real client) against the emulator on loopback.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { until } from '../helpers/until.ts';
import { press, rowsOf } from './probes.ts';

let h: Harness;
before(async () => {
  h = await startHarness({ rootScreen: 'apis' });
  await until('apis loaded', () => rowsOf(h, 'apis').length > 0);
});
after(async () => {
  await h?.close();
});

test('a confirmation over the list is drawn whole and the list under it keeps consecutive rows', async () => {
  const db = h.emu.state.stores.get(h.emu.instances[0] ?? '');
  assert.ok(db);
  const apis = rowsOf<{ id: string; name: string }>(h, 'apis');
  const at = apis.findIndex((a) => [...db.data.publications.values()].some((p) => p.api_id === a.id));
  const api = apis[at];
  assert.ok(api);
  h.store.getState().actions.updateList({ selectedId: api.id });
  await settle();
  // the row under the selected one as the list shows it without a dialog
  const plainList = (await waitForFrame(h.ui, (f) => f.includes(` ${api.name} `))).split('\n');
  const below = plainList[plainList.findIndex((l) => l.includes(` ${api.name} `)) + 1] ?? '';
  const next = /^\S?\s+(\S+)/.exec(below)?.[1];
  assert.ok(next, below);
  await press(h, 'o');
  const picker = await waitForFrame(h.ui, (f) => f.includes(`Take offline API ${api.name}`));
  const pickerFooter = picker.trimEnd().split('\n').at(-1) ?? '';
  assert.doesNotMatch(pickerFooter, /<y>|<n>/, `the environment picker takes no y/n: ${pickerFooter}`);
  assert.match(pickerFooter, /<Esc> back/);
  await press(h, '\r');
  const frame = await waitForFrame(h.ui, (f) => f.includes('type y to confirm'));
  const lines = frame.split('\n');
  const footer = frame.trimEnd().split('\n').at(-1) ?? '';
  assert.match(footer, /<y> yes/);
  assert.doesNotMatch(footer, /<Enter>/, `Enter does not confirm a destructive action: ${footer}`);
  const title = lines.findIndex((l) => l.includes('Take API offline?'));
  assert.ok(title >= 0, `the dialog title is drawn:\n${frame}`);
  assert.match(lines[title + 1] ?? '', new RegExp(`API ${api.name} stops serving in `));
  assert.match(lines[title + 2] ?? '', /This is not undone automatically\.\s*│$/);
  assert.match(lines[title + 3] ?? '', /Acts on the row under the cursor\s*│$/);
  assert.match(lines[title + 4] ?? '', /type y to confirm · n\/Esc cancel\s*│$/);
  // the API acted on and its neighbour are both still visible, one under the other
  const row = lines.findIndex((l, i) => i > title + 4 && l.includes(` ${api.name} `));
  assert.ok(row > title, `the selected API stays visible under the dialog:\n${frame}`);
  assert.ok(lines[row + 1]?.includes(` ${next} `), `no row vanishes under the dialog:\n${frame}`);
  await press(h, '\x1b');
  await waitForFrame(h.ui, (f) => !f.includes('type y to confirm'));
});

test('a project with a single instance gets it chosen: other screens need no detour through :instances', async () => {
  const h = await startHarness({
    emulator: { seed: { scale: 30 } },
    withInstance: false,
    rootScreen: 'instances',
  });
  try {
    assert.equal(h.emu.instances.length, 1, 'the scale seed has one instance');
    await waitForFrame(h.ui, () => h.store.getState().instanceId === h.emu.instances[0]);
    h.store.getState().actions.jump('apis');
    const f = await waitForFrame(h.ui, (x) => x.includes('of 30'));
    assert.doesNotMatch(f, /No instance chosen/);
  } finally {
    await h.close();
  }
});
