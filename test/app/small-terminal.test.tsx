// 80x24 and smaller: what you came for stays (columns by priority), `?` stays in the footer, the
// active tab stays visible.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from 'ink-testing-library';
import { Footer } from '../../components/Footer.tsx';
import { layoutColumns } from '../../components/table-layout.ts';
import { tabWindow } from '../../components/Tabs.tsx';
import { plain } from '../helpers/ink.ts';
import type { FakeStdout } from './fake-tty.ts';
import { startTtyHarness } from './harness.tsx';
import { until } from '../helpers/until.ts';

const frameOf = (out: FakeStdout) => plain(out.lastWrite());

test('layoutColumns hides whole columns, least important first, never the first one', () => {
  const cols = [
    { minWidth: 10, priority: 1 },
    { width: 8, priority: 3 },
    { minWidth: 20, priority: 2 },
    { width: 8, priority: 4 },
  ];
  // 10 + 8 + 20 + 8 + 3 gaps = 49: at 40 the priority-4 column goes, then the priority-3 one.
  assert.deepEqual(layoutColumns(cols, 40, 1), [10, 8, 20, 0]);
  const w = layoutColumns(cols, 32, 1);
  assert.deepEqual([w[1], w[3]], [0, 0]);
  assert.ok((w[0] ?? 0) >= 10 && (w[2] ?? 0) >= 20);
  // without priorities: the old rule, the rightmost shrink first
  assert.equal(layoutColumns([{ width: 10 }, { width: 10 }, { width: 10 }], 15, 1)[2], 0);
});

test('the tab bar keeps the active tab visible, with arrows where tabs are hidden', () => {
  const labels = [
    '[Overview]',
    ' Definition ',
    ' Publications and versions ',
    ' Policies ',
    ' Apps ',
    ' Pulse ',
  ];
  const last = labels
    .map((l) => l.trim().replace(/^\[|\]$/g, ''))
    .map((l, i) => (i === 5 ? `[${l}]` : ` ${l} `));
  const w = tabWindow(last, 5, 30);
  assert.match(w, /\[Pulse\]/);
  assert.match(w, /^‹ /);
  const first = tabWindow(labels, 0, 30);
  assert.match(first, /\[Overview\]/);
  assert.match(first, / ›$/);
});

test('the footer keeps `?` however narrow, as its last hint', () => {
  for (const width of [24, 40, 80, 100]) {
    const f = plain(render(<Footer scopes={['global', 'list', 'actions']} width={width} />).lastFrame());
    assert.match(f, /<\?> help$/, `width ${width}: ${f}`);
  }
});

test('80x24: the APIs list keeps NAME, full PATH and PUBLISHED; the instances list keeps names, not ids', async () => {
  const h = await startTtyHarness({ rootScreen: 'apis', columns: 80, rows: 24, debug: true });
  try {
    await until('the list', () => /\d+ items/.test(frameOf(h.stdout)));
    const f = frameOf(h.stdout);
    assert.match(f, /NAME\s+(METHOD\s+)?PATH\s+.*PUBLISHED/);
    const inst = h.emu.state.stores.get(h.emu.instances[0] as string);
    const path = [...(inst?.data.apis.values() ?? [])]
      .map((a) => a.req_uri)
      .find((p) => p.length > 14 && p.length <= 22);
    assert.ok(path, 'a demo path between 15 and 22 characters');
    assert.ok(f.includes(path), `full path ${path} in\n${f}`);
  } finally {
    await h.close();
  }
  const i = await startTtyHarness({
    rootScreen: 'instances',
    withInstance: false,
    columns: 80,
    rows: 24,
    debug: true,
  });
  try {
    await until('the instances', () => /roma-enterprise-hub/.test(frameOf(i.stdout)));
    const f = frameOf(i.stdout);
    assert.doesNotMatch(
      f,
      /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/,
      'no 36-character id at 80 columns',
    );
    assert.match(f, /STATUS/);
  } finally {
    await i.close();
  }
});

test('80x24: the devices list keeps NAME, STATUS and LAST ONLINE whole, dropping tags and type first', async () => {
  const h = await startTtyHarness({ rootScreen: 'devices', columns: 80, rows: 24, debug: true });
  try {
    await until(
      'the devices',
      () => /\d+ items|of \d+/.test(frameOf(h.stdout)) && /ago/.test(frameOf(h.stdout)),
    );
    const f = frameOf(h.stdout);
    assert.match(f, /NAME\s.*STATUS\s.*LAST ONLINE/);
    assert.match(f, /\b(online|offline)\b.*\d+[smhdy] ago/);
  } finally {
    await h.close();
  }
});

test('80 columns: the header keeps instance and auth, dropping endpoint and project whole', async () => {
  const { Header } = await import('../../components/Header.tsx');
  const f = plain(
    render(
      <Header
        width={80}
        endpoint="https://roma.cn-north-4.myhuaweicloud.com"
        project="0b5c1e7a4d6f4a8e9c2b3d4e5f607182"
        instance="roma-prod-cn-north-4"
        authSource="aksk (env)"
        demo
      />,
    ).lastFrame(),
  );
  assert.match(f, /instance:roma-prod-cn-north-4  auth:aksk \(env\)/);
  assert.doesNotMatch(f, /project:0b5c…|endpoint:https:\/\/roma\.cn…/, 'no field cut in the middle');
  assert.match(f, /DEMO/);
});
