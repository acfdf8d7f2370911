// Warnings found while resolving the configuration (a credential file readable by others) are printed
// before the alternate screen hides them, so the dashboard shows them in its status line too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRomaClient } from '../../src/api/client.ts';
import { akskProvider } from '../../src/auth/providers.ts';
import { runDashboard } from '../../src/app/run.tsx';
import { startEmulator } from '../../src/emulator/index.ts';
import { FakeStdin, FakeStdout } from './fake-tty.ts';

test('a start-up warning is on screen', { timeout: 20000 }, async () => {
  const emu = await startEmulator({ seed: 'demo' });
  const stdout = new FakeStdout(160, 30);
  const stdin = new FakeStdin();
  try {
    const done = runDashboard({
      client: createRomaClient({
        endpoint: emu.endpoint,
        projectId: emu.projectId,
        auth: akskProvider({ ak: emu.ak, sk: emu.sk, projectId: emu.projectId }),
        instanceIds: emu.instances,
        retry: { limit: 0 },
      }),
      instanceId: emu.instances[0] ?? null,
      header: { where: emu.endpoint, projectId: emu.projectId, authSource: 'profile prod' },
      warnings: ['/home/u/.config/roma-dash/config.json holds secrets and is readable by other users'],
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
    });
    const screen = () => stdout.writes.join('');
    const deadline = Date.now() + 10_000;
    while (!/readable by other users/.test(screen()) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    assert.match(screen(), /⚠ \/home\/u\/\.config\/roma-dash\/config\.json holds secrets and is readable by/);
    stdin.write('q');
    assert.equal(await done, 0);
  } finally {
    await emu.close();
  }
});
