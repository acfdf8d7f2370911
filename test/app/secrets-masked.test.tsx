// Every view of an object masks its secrets until x, and leaving the view masks them again: the raw
// JSON (y) of apps and signature keys, and the detail (issue 10, defect 3). Whole shell on the emulator.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { startHarness, type Harness } from './harness.tsx';
import { until } from '../helpers/until.ts';
import { rowsOf } from './probes.ts';

async function press(h: Harness, keys: string) {
  h.ui.stdin.write(keys);
  await settle();
}
async function openList(h: Harness, screen: string) {
  // a failed test before must not leave its modal over this one
  while (h.store.getState().modals.length > 0) h.store.getState().actions.popModal();
  h.store.getState().actions.jump(screen);
  await until(`${screen} loaded`, () => rowsOf(h, screen).length > 0);
  await settle();
}

let h: Harness;
before(async () => {
  h = await startHarness({ rootScreen: 'apis' });
});
after(async () => {
  await h?.close();
});

const cases = [
  { screen: 'apps', field: 'app_secret' },
  { screen: 'signs', field: 'sign_secret' },
] as const;

for (const { screen, field } of cases) {
  test(`:${screen} → y masks ${field} until x; closing and opening again masks it again`, async () => {
    await openList(h, screen);
    const row = rowsOf<Record<string, unknown>>(h, screen).find(
      (r) => typeof r[field] === 'string' && (r[field] as string).length > 8,
    );
    assert.ok(row, `a ${screen} row with a ${field}`);
    const secret = row[field] as string;
    h.store.getState().actions.updateList({ selectedId: String(row.id) });
    await settle();

    await press(h, 'y');
    const json = await waitForFrame(h.ui, (f) => f.includes('JSON —') && f.includes(`"${field}"`));
    assert.ok(!json.includes(secret), `${field} shown in clear:\n${json}`);
    assert.match(json, new RegExp(`"${field}": "\\*\\*\\*"`));
    assert.match(json, /x reveals/);

    await press(h, 'x');
    await waitForFrame(h.ui, (f) => f.includes('JSON —') && f.includes(secret));
    await press(h, '\x1b');
    await waitForFrame(h.ui, (f) => !f.includes('JSON —'));

    await press(h, 'y');
    const again = await waitForFrame(h.ui, (f) => f.includes('JSON —') && f.includes(`"${field}"`));
    assert.ok(!again.includes(secret), 'masked again after leaving the view');
    await press(h, '\x1b');
    await waitForFrame(h.ui, (f) => !f.includes('JSON —'));
  });
}

test('detail: x reveals the app secret; after Back and Enter again it is masked', async () => {
  await openList(h, 'apps');
  const row = rowsOf<{ id: string; name: string; app_secret?: string }>(h, 'apps').find(
    (r) => (r.app_secret ?? '').length > 8,
  );
  assert.ok(row?.app_secret);
  h.store.getState().actions.updateList({ selectedId: row.id });
  await settle();
  await press(h, '\r');
  await waitForFrame(h.ui, (f) => f.includes('x reveals'));
  await press(h, 'x');
  await waitForFrame(h.ui, (f) => f.includes(row.app_secret ?? '?'));
  await press(h, '\x1b');
  await waitForFrame(h.ui, (f) => !f.includes(row.app_secret ?? '?') && !f.includes('x reveals'));
  await press(h, '\r');
  const back = await waitForFrame(h.ui, (f) => f.includes('x reveals'));
  assert.ok(!back.includes(row.app_secret), 'masked again after leaving the detail');
  await press(h, '\x1b');
});
