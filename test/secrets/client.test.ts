// In-process: the client's request log (what --log-file receives) and every RomaError (message,
// hint, JSON, stack) carry no secret, on success, auth failures, faults and password login.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createRomaClient } from '../../src/api/client.ts';
import { akskProvider, passwordProvider, temporaryAkskProvider } from '../../src/auth/providers.ts';
import type { AuthProvider } from '../../src/auth/provider.ts';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { leaksIn, type Secrets } from './scan.ts';

let emu: EmulatorHandle;
before(async () => {
  emu = await startEmulator({ seed: 'demo' });
});
after(async () => emu?.close());

function errorText(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  return [
    e.message,
    e.stack ?? '',
    JSON.stringify(e),
    String((e as { hint?: unknown }).hint ?? ''),
    String(e),
  ].join('\n');
}

async function exercise(auth: AuthProvider, secrets: Secrets): Promise<void> {
  const lines: string[] = [];
  const client = createRomaClient({
    endpoint: emu.endpoint,
    projectId: emu.projectId,
    auth,
    instanceIds: emu.instances,
    retry: { limit: 1, baseMs: 1, maxDelayMs: 5 },
    timeoutMs: 5000,
    logger: (l) => lines.push(l),
  });
  const inst = client.instance(emu.instances[0] ?? '');
  const texts: string[] = [];
  const attempt = async (f: () => Promise<unknown>) => {
    try {
      texts.push(JSON.stringify(await f()));
    } catch (e) {
      texts.push(errorText(e));
    }
  };
  await attempt(() => inst.apis.list({}));
  for (const faults of ['5xx=1', '429=1:0', 'reset=1', 'malformed=1']) {
    emu.setFaults(`${faults},seed=3`);
    await attempt(() => inst.groups.list({}));
  }
  emu.setFaults(null);
  emu.expireTokens();
  await attempt(() => inst.envs.list({}));
  assert.ok(lines.length >= 6, `expected a log line per attempt, got ${lines.length}`);
  assert.deepEqual(leaksIn(lines.join('\n'), 'request log', secrets), []);
  assert.deepEqual(leaksIn(texts.join('\n'), 'results and errors', secrets), []);
}

test('AK/SK: request log and errors carry neither key', async () => {
  await exercise(akskProvider({ ak: emu.ak, sk: emu.sk, projectId: emu.projectId }), {
    AK: emu.ak,
    SK: emu.sk,
  });
  const wrong = 'wrong-sk-for-the-secrets-test-0123456789';
  await exercise(akskProvider({ ak: emu.ak, sk: wrong, projectId: emu.projectId }), {
    AK: emu.ak,
    'wrong SK': wrong,
  });
});

test('temporary AK/SK: the security token never appears', async () => {
  await exercise(
    temporaryAkskProvider({
      ak: emu.tempAk,
      sk: emu.tempSk,
      securityToken: emu.securityToken,
      projectId: emu.projectId,
    }),
    { AK: emu.tempAk, SK: emu.tempSk, 'security token': emu.securityToken },
  );
});

test('password login: neither the password nor the issued token appears, even when login fails', async () => {
  const good = passwordProvider({
    iamEndpoint: emu.endpoint,
    credentials: { ...emu.iam, projectId: emu.projectId },
  });
  const token = await good.source.token();
  await exercise(good, { password: emu.iam.password, token });
  const wrongPassword = 'Wr0ng@Passw0rd-for-the-secrets-test';
  const bad = passwordProvider({
    iamEndpoint: emu.endpoint,
    credentials: { ...emu.iam, password: wrongPassword, projectId: emu.projectId },
  });
  await exercise(bad, { password: wrongPassword, 'real password': emu.iam.password });
});

test('the scanner finds a secret, plain or base64 (so the tests above can fail)', () => {
  assert.equal(leaksIn('x SECRETVALUE x', 'here', { s: 'SECRETVALUE' }).length, 1);
  assert.equal(
    leaksIn(`\x1b]52;c;${Buffer.from('SECRETVALUE').toString('base64')}\x07`, 'here', { s: 'SECRETVALUE' })
      .length,
    1,
  );
});
