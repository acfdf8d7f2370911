// The saved view and palette history (src/app/resume.ts): per key, 0600, no secrets, tolerant of a
// broken file, shared by processes without losing the other profiles.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import {
  MAX_HISTORY,
  defaultStatePath,
  openResume,
  resumeDisabledByEnv,
  resumeKey,
} from '../../src/app/resume.ts';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function statePath(): string {
  const d = mkdtempSync(join(tmpdir(), 'rd-resume-'));
  dirs.push(d);
  return join(d, 'roma-dash', 'state.json');
}
const point = (instanceId: string, filter = '') => ({ instanceId, screen: 'apis', filter });

test('the path follows XDG_STATE_HOME; the env switch; demo has its own key', () => {
  assert.equal(defaultStatePath({ XDG_STATE_HOME: '/x/state' }), '/x/state/roma-dash/state.json');
  assert.match(defaultStatePath({}), /\.local\/state\/roma-dash\/state\.json$/);
  assert.equal(resumeDisabledByEnv({ ROMA_DASH_NO_RESUME: '1' }), true);
  assert.equal(resumeDisabledByEnv({ ROMA_DASH_NO_RESUME: '0' }), false);
  assert.equal(resumeDisabledByEnv({}), false);
  const base = { where: 'cn-north-4', projectId: 'p1' };
  assert.equal(resumeKey({ ...base, demo: true, profile: 'prod' }), 'demo');
  assert.equal(resumeKey({ ...base, profile: 'prod' }), 'profile:prod');
  assert.equal(resumeKey(base), 'endpoint:cn-north-4|p1');
});

test('written on flush with mode 0600; read back under the same key only', () => {
  const path = statePath();
  const a = openResume({ path, key: 'profile:a' });
  a.setPoint(point('i-1', 'method:GET'));
  a.addHistory('apis method:GET');
  a.flush();
  assert.equal(statSync(path).mode & 0o777, 0o600);
  const b = openResume({ path, key: 'demo' });
  assert.equal(b.start, null);
  b.setPoint(point('i-demo'));
  b.flush();
  const again = openResume({ path, key: 'profile:a' });
  assert.deepEqual(again.start, point('i-1', 'method:GET'));
  assert.deepEqual(again.history(), ['apis method:GET']);
  assert.deepEqual(openResume({ path, key: 'demo' }).start, point('i-demo'));
});

test('history: repeats move to the end, bounded, lines carrying a secret are not kept', () => {
  const path = statePath();
  const r = openResume({ path, key: 'k', secrets: () => ['SUPERSECRETSK'] });
  r.addHistory('groups');
  r.addHistory('apis x');
  r.addHistory('groups');
  r.addHistory('apis SUPERSECRETSK');
  r.addHistory('   ');
  assert.deepEqual(r.history(), ['apis x', 'groups']);
  for (let i = 0; i < MAX_HISTORY + 5; i++) r.addHistory(`apis ${i}`);
  assert.equal(r.history().length, MAX_HISTORY);
  r.flush();
  assert.doesNotMatch(readFileSync(path, 'utf8'), /SUPERSECRETSK/);
});

test('a broken file is reported once and replaced by the next save; memory-only keeps history', () => {
  const path = statePath();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, '{not json');
  const problems: string[] = [];
  const r = openResume({ path, key: 'k', onProblem: (m) => problems.push(m) });
  assert.equal(r.start, null);
  assert.equal(problems.length, 1);
  assert.match(problems[0] ?? '', /cannot read the saved view/);
  r.setPoint(point('i-2'));
  r.flush();
  assert.deepEqual(openResume({ path, key: 'k' }).start, point('i-2'));

  const mem = openResume({ key: 'memory' });
  mem.addHistory('apis');
  mem.flush();
  assert.deepEqual(mem.history(), ['apis']);
});

test('the saved instance name stays while the instance list is not loaded (the gateway was down)', async () => {
  const { createRomaClient } = await import('../../src/api/client.ts');
  const { tokenProvider } = await import('../../src/auth/providers.ts');
  const { createDashboardStore } = await import('../../src/store/index.ts');
  const { rememberView } = await import('../../src/app/resume-view.tsx');
  const path = statePath();
  const saved = { instanceId: 'i-1', instanceName: 'prod-hub', screen: 'devices', filter: '' };
  const before = openResume({ path, key: 'k' });
  before.setPoint(saved);
  before.flush();
  // nothing is requested: the store is only read and moved
  const client = createRomaClient({
    endpoint: 'http://127.0.0.1:9',
    projectId: 'p',
    auth: tokenProvider('t'),
  });
  const store = createDashboardStore(client, { instanceId: 'i-1', rootScreen: 'devices' });
  const resume = openResume({ path, key: 'k' });
  const stop = rememberView(store, resume);
  store.getState().actions.updateList({ filter: 'south' });
  stop();
  resume.flush();
  const file = JSON.parse(readFileSync(path, 'utf8')) as { profiles: Record<string, { point?: unknown }> };
  assert.deepEqual(file.profiles['k']?.point, { ...saved, filter: 'south' });
});
