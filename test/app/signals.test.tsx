// A signal while a change is in flight (the emulator holds the publish with a latency fault): the
// dashboard writes the audit line with outcome `unknown` first, then ends with 128 + the signal number
// (SIGTERM 143, SIGHUP 129) — not 0 and not before the line is written. Without a change in flight it
// ends at once, with the same status.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createRomaClient } from '../../src/api/client.ts';
import { akskProvider } from '../../src/auth/providers.ts';
import { runDashboard } from '../../src/app/run.tsx';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { FakeStdin, FakeStdout } from './fake-tty.ts';

let state: string;
let savedXdg: string | undefined;
before(() => {
  state = mkdtempSync(join(tmpdir(), 'roma-dash-signals-'));
  savedXdg = process.env.XDG_STATE_HOME;
  process.env.XDG_STATE_HOME = state;
});
after(() => {
  if (savedXdg === undefined) delete process.env.XDG_STATE_HOME;
  else process.env.XDG_STATE_HOME = savedXdg;
  rmSync(state, { recursive: true, force: true });
});

async function until(what: string, cond: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function auditLines(): Array<Record<string, unknown>> {
  try {
    return readFileSync(join(state, 'roma-dash', 'audit.log'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  } catch {
    return [];
  }
}

function start(emu: EmulatorHandle) {
  const stdout = new FakeStdout(120, 30);
  const stdin = new FakeStdin();
  const done = runDashboard({
    client: createRomaClient({
      endpoint: emu.endpoint,
      projectId: emu.projectId,
      auth: akskProvider({ ak: emu.ak, sk: emu.sk, projectId: emu.projectId }),
      instanceIds: emu.instances,
      retry: { limit: 0 },
    }),
    instanceId: emu.instances[0] ?? null,
    header: { profile: 'signals', where: emu.endpoint, projectId: emu.projectId },
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
  });
  const screen = () => stdout.writes.join('');
  const type = async (keys: string[]) => {
    for (const k of keys) {
      stdin.write(k);
      await new Promise((r) => setTimeout(r, 30));
    }
  };
  return { done, screen, type };
}

for (const [sig, code] of [
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const) {
  test(
    `${sig} during a publish: audit line "unknown" first, then exit ${code}`,
    { timeout: 30_000 },
    async () => {
      const emu = await startEmulator({ seed: 'demo' });
      try {
        const app = start(emu);
        await until('the APIs list', () => /\d+ items/.test(app.screen()));
        const lines = auditLines().length;
        await app.type(['p']);
        await until('the environment picker', () => app.screen().includes('Publish API'));
        await app.type(['\r']);
        await until('the remark', () => app.screen().includes('Remark (optional)'));
        await app.type(['\r']);
        await until('the confirmation', () => /y yes|type y/.test(app.screen()));
        emu.setFaults('latency=5000');
        const posts = emu.stats.byMethod.POST ?? 0;
        await app.type(['y']);
        await until('the publish to reach the gateway', () => (emu.stats.byMethod.POST ?? 0) > posts);
        process.emit(sig, sig);
        assert.equal(await app.done, code);
        const added = auditLines().slice(lines);
        assert.equal(added.length, 1, JSON.stringify(added));
        assert.equal(added[0]?.action, 'publish');
        assert.equal(added[0]?.result, 'unknown');
        assert.equal(added[0]?.errorCode, 'INTERRUPTED');
        assert.match(String(added[0]?.errorMsg), new RegExp(`${sig} while the change was in flight`));
      } finally {
        emu.setFaults(null);
        await emu.close();
      }
    },
  );
}

test('SIGTERM with nothing in flight: exit 143 at once, no audit line', { timeout: 30_000 }, async () => {
  const emu = await startEmulator({ seed: 'demo' });
  try {
    const app = start(emu);
    await until('the APIs list', () => /\d+ items/.test(app.screen()));
    const lines = auditLines().length;
    process.emit('SIGTERM', 'SIGTERM');
    assert.equal(await app.done, 143);
    assert.equal(auditLines().length, lines);
  } finally {
    await emu.close();
  }
});
