import '../helpers/force-color.ts';
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { render, cleanup } from 'ink-testing-library';
import { KeyRouterProvider } from '../../src/keys/router.tsx';
import { ThemeProvider, THEMES } from '../../src/ui/theme.ts';
import { Header } from '../../components/Header.tsx';
import { Footer } from '../../components/Footer.tsx';
import { StatusLine } from '../../components/StatusLine.tsx';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { JsonView } from '../../components/JsonView.tsx';
import { Sparkline, sparkline } from '../../components/Sparkline.tsx';
import { Tabs, cycleTab } from '../../components/Tabs.tsx';
import { osc52Copy } from '../../components/osc52.ts';
import { displayWidth } from '../../src/ui/text.ts';
import { plain, settle, waitForFrame } from '../helpers/ink.ts';

afterEach(() => cleanup());
const unstyled = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

test('header shows context and the three badges, sanitised', () => {
  const r = render(
    <Header
      width={140}
      profile="prod"
      endpoint="cn-north-4"
      project="p1"
      instance={'inst\x1b[2J'}
      authSource="aksk (env)"
      demo
      readOnly
      insecure
    />,
  );
  const f = plain(r.lastFrame());
  assert.match(
    f,
    /profile:prod {2}instance:inst␛\[2J {2}auth:aksk \(env\) {2}endpoint:cn-north-4 {2}project:p1/,
  );
  assert.match(f, / DEMO .* READ-ONLY .* INSECURE /);
  assert.doesNotMatch(unstyled(r.lastFrame() ?? ''), /\x1b/);
  const narrow = render(<Header width={30} profile="a-very-long-profile-name" demo />);
  assert.match(plain(narrow.lastFrame()), /DEMO/, 'badges survive truncation');
  assert.ok(displayWidth(plain(narrow.lastFrame())) <= 30);
});

test('footer hints come from the key map and are dropped whole to fit', () => {
  const r = render(<Footer scopes={['global', 'list']} width={200} />);
  const f = plain(r.lastFrame());
  assert.match(f, /<Enter> open/);
  assert.match(f, /<\/> filter/);
  assert.match(f, /<q> quit/);
  const n = render(<Footer scopes={['global', 'list']} width={20} />);
  const nf = plain(n.lastFrame());
  assert.ok(displayWidth(nf) <= 20);
  assert.doesNotMatch(nf, /<[^>]*$/, 'no hint cut in the middle');
});

test('status line: error code + hint + stale, progress, notice', () => {
  const r = render(
    <StatusLine
      width={120}
      error={{ code: 'APIC.7211', message: 'throttled\x07', hint: 'wait and retry' }}
      stale
    />,
  );
  const f = plain(r.lastFrame());
  assert.match(f, /✗ APIC\.7211 throttled␇ — wait and retry \[stale data\] \(Ctrl-l dismiss\)/);
  r.rerender(<StatusLine width={60} progress="Loading APIs…" />);
  assert.match(plain(r.lastFrame()), /Loading APIs…/);
  r.rerender(<StatusLine width={60} message="Copied id" />);
  assert.match(plain(r.lastFrame()), /Copied id/);
});

test('breadcrumbs collapse from the left when too long', () => {
  const r = render(<Breadcrumbs items={['instance-1', 'group-a', 'getUser']} width={60} />);
  assert.match(plain(r.lastFrame()), /instance-1 › group-a › getUser/);
  const n = render(<Breadcrumbs items={['instance-with-long-name', 'group-a', 'getUser']} width={22} />);
  assert.match(plain(n.lastFrame()), /^… › group-a › getUser/);
});

test('JSON view: pretty, coloured keys, sanitised C1/BiDi, scrollable', async () => {
  const r = render(
    <ThemeProvider theme={THEMES.ansi16}>
      <KeyRouterProvider>
        <JsonView
          value={{ name: 'x\u009b2J\u202e', n: 1, ok: true, none: null, list: [1, 2, 3, 4, 5, 6] }}
          width={60}
          height={6}
        />
      </KeyRouterProvider>
    </ThemeProvider>,
  );
  await settle();
  const raw = r.lastFrame() ?? '';
  assert.match(plain(raw), /"name": "x\\x9B2J\\u202E"/);
  assert.match(raw, /\x1b\[36m"name"/, 'keys in the key colour');
  r.stdin.write('G');
  await waitForFrame(r, (x) => x.includes('}') && !x.includes('"name"'));
});

test('sparkline: blocks scale to the max, ASCII fallback, current and max shown', () => {
  assert.equal(sparkline([0, 1, 2, 3, 4, 5, 6, 7], 8), '▁▂▃▄▅▆▇█');
  assert.equal(sparkline([0, 0], 8), '▁▁');
  assert.equal(sparkline([1, 2, 3], 2), '▆█');
  assert.equal(sparkline([0, 7], 4, false), '_#');
  const r = render(<Sparkline label="requests" values={[1, 5, 3]} width={50} />);
  const f = plain(r.lastFrame());
  assert.match(f, /requests/);
  assert.match(f, /now 3 {2}max 5/);
  const e = render(<Sparkline label="5xx" values={[]} width={40} />);
  assert.match(plain(e.lastFrame()), /no data/);
  const hostile = render(<Sparkline label={'a\nb'} labelWidth={6} values={[1]} width={40} />);
  assert.match(plain(hostile.lastFrame()), /^a↵b /);
});

test('tabs render and cycle', () => {
  const tabs = [
    { key: 'def', title: 'Definition' },
    { key: 'pub', title: 'Publish' },
  ];
  const r = render(<Tabs tabs={tabs} active="pub" />);
  // the active tab is bracketed, so it shows without colour too
  assert.match(plain(r.lastFrame()), / Definition  \[Publish\]/);
  const narrow = render(<Tabs tabs={tabs} active="def" width={12} />);
  assert.match(plain(narrow.lastFrame()), /^\[Definition…$/m);
  assert.equal(cycleTab(tabs, 'pub', 1), 'def');
  assert.equal(cycleTab(tabs, 'def', -1), 'pub');
});

test('osc52: plain, tmux passthrough, screen', () => {
  assert.equal(osc52Copy('id-1', { env: {} }), `\x1b]52;c;${Buffer.from('id-1').toString('base64')}\x07`);
  const t = osc52Copy('id-1', { env: { TMUX: '/tmp/tmux-0/default,1,0' } });
  assert.ok(t.startsWith('\x1bPtmux;\x1b\x1b]52;c;'));
  assert.ok(t.endsWith('\x07\x1b\\'));
  const s = osc52Copy('x', { env: { TERM: 'screen', STY: '1.pts' } });
  assert.ok(s.startsWith('\x1bP\x1b]52;'));
});
