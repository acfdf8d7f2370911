// runDashboard end to end on a fake terminal: `:ctx` switches the profile (a new client and store,
// the app keeps running), and `q` exits with 0 and leaves the alternate screen.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRomaClient, type RomaClient } from '../../src/api/client.ts';
import { akskProvider } from '../../src/auth/providers.ts';
import { runDashboard, type Session } from '../../src/app/run.tsx';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { FakeStdin, FakeStdout } from './fake-tty.ts';

const clientFor = (emu: EmulatorHandle): RomaClient =>
  createRomaClient({
    endpoint: emu.endpoint,
    projectId: emu.projectId,
    auth: akskProvider({ ak: emu.ak, sk: emu.sk, projectId: emu.projectId }),
    instanceIds: emu.instances,
    retry: { limit: 0 },
  });

async function until(what: string, cond: () => boolean): Promise<void> {
  const deadline = Date.now() + 8000;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

test(
  ':ctx switches the profile to another endpoint without leaving the app; q restores the screen',
  { timeout: 20000 },
  async () => {
    const [a, b] = await Promise.all([startEmulator({ seed: 'demo' }), startEmulator({ seed: 'hostile' })]);
    const stdout = new FakeStdout(120, 30);
    const stdin = new FakeStdin();
    const opened: string[] = [];
    const session = (emu: EmulatorHandle, profile: string): Session => ({
      client: clientFor(emu),
      instanceId: emu.instances[0] ?? null,
      header: { profile, where: emu.endpoint, projectId: emu.projectId, authSource: `profile ${profile}` },
    });
    try {
      const done = runDashboard({
        ...session(a, 'alpha'),
        profiles: {
          names: ['alpha', 'beta'],
          open: async (name) => {
            opened.push(name);
            return session(b, name);
          },
        },
        stdout: stdout as unknown as NodeJS.WriteStream,
        stdin: stdin as unknown as NodeJS.ReadStream,
      });
      const screen = () => stdout.writes.join('');
      await until(
        'the first profile',
        () => screen().includes('profile:alpha') && screen().includes('list_orders'),
      );
      const typeKeys = async (s: string) => {
        for (const ch of s) {
          stdin.write(ch);
          await new Promise((r) => setTimeout(r, 10));
        }
      };
      await typeKeys(':ctx\r');
      await until('the ctx list', () => screen().includes('profile:beta'));
      await typeKeys('profile:b\t\r');
      await until(
        'the second profile',
        () => opened.includes('beta') && screen().includes('beta  instance:'),
      );
      await until('data of the new endpoint', () => b.stats.requests > 0 && screen().includes('DROP TABLE'));
      stdin.write('q');
      assert.equal(await done, 0);
      assert.ok(
        screen().lastIndexOf('\x1b[?1049l') > screen().lastIndexOf('\x1b[?1049h'),
        'alternate screen left',
      );
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  },
);
