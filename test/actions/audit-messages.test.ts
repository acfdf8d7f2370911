// What the shell says about the audit log: an unwritable log is reported as a file that cannot be
// written (not as "network"), and a session without a profile is audited as "-", not "default".
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createRequestIdTap } from '../../src/actions/client-port.ts';
import { createRomaClient } from '../../src/api/client.ts';
import type { AppEnv } from '../../src/app/env.tsx';
import { createShellMutations } from '../../src/app/session-stores.ts';
import { akskProvider } from '../../src/auth/providers.ts';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { createDashboardStore } from '../../src/store/index.ts';
import { RELEASE, unpublishedIn } from './harness.ts';

let em: EmulatorHandle;
let dir: string;
before(async () => {
  em = await startEmulator({ seed: 'demo' });
  dir = mkdtempSync(join(tmpdir(), 'roma-audit-msg-'));
});
after(async () => {
  await em.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The shell's wiring (dashboard store + createShellMutations) with a session that used no profile. */
function shell(auditPath: string) {
  const tap = createRequestIdTap();
  const client = createRomaClient({
    endpoint: em.endpoint,
    projectId: em.projectId,
    auth: akskProvider({ ak: em.ak, sk: em.sk, projectId: em.projectId }),
    instanceIds: em.instances,
    retry: { limit: 0 },
    onRequest: tap.onRequest,
  });
  const instanceId = em.instances[0] ?? '';
  const dash = createDashboardStore(client, { instanceId, rootScreen: 'apis' });
  const env: AppEnv = {
    header: { where: em.endpoint, projectId: em.projectId, authSource: 'env HW_*', principal: 'ak:EMUL…' },
    writeRaw: () => {},
    defaultRefreshMs: 5000,
    tmux: false,
    auditPath,
    requestIds: tap,
  };
  return { dash, mutations: createShellMutations(dash, env, instanceId) };
}

async function publishNext(m: ReturnType<typeof shell>['mutations']) {
  const db = em.state.stores.get(em.instances[0] ?? '');
  assert.ok(db);
  const [api] = unpublishedIn(db, RELEASE.id, 1);
  assert.ok(api);
  m.getState().actions.propose({ kind: 'publish', api, env: RELEASE });
  await m.getState().actions.confirm();
  await m.whenSettled();
  return api;
}

test('an unwritable audit log is reported as such, naming the file', async () => {
  const blocker = join(dir, 'not-a-dir');
  writeFileSync(blocker, ''); // a file where the log's directory should be: no write can succeed
  const auditPath = join(blocker, 'roma-dash', 'audit.log');
  const { dash, mutations } = shell(auditPath);
  try {
    await publishNext(mutations);
    assert.equal(mutations.getState().outcome?.result, 'ok', 'the change itself succeeded');
    const status = dash.getState().status;
    assert.equal(status?.level, 'error');
    assert.equal(status?.code, 'file');
    assert.notEqual(status?.code, 'network');
    assert.match(status?.text ?? '', /^audit log: cannot write .*not-a-dir\/roma-dash\/audit\.log/);
    assert.match(status?.hint ?? '', /audit line is missing/);
  } finally {
    dash.dispose();
  }
});

test('a session without a profile is audited with profile "-", not "default"', async () => {
  const auditPath = join(dir, 'ok', 'audit.log');
  const { dash, mutations } = shell(auditPath);
  try {
    await publishNext(mutations);
    const line = JSON.parse(readFileSync(auditPath, 'utf8').trim().split('\n').at(-1) ?? '{}');
    assert.equal(line.profile, '-');
    assert.equal(line.result, 'ok');
    assert.equal(dash.getState().status, null);
  } finally {
    dash.dispose();
  }
});
