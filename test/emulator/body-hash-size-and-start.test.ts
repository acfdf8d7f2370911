// Emulator strictness found in review: a declared body hash must match the body received, oversized
// bodies are refused without being held in memory, and listening beyond loopback is warned about.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { sha256Hex, signRequest } from '../../src/auth/signer.ts';
import { runEmulatorCommand, startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { MAX_BODY_BYTES } from '../../src/emulator/server.ts';

let em: EmulatorHandle;
before(async () => {
  em = await startEmulator({ seed: 'demo' });
});
after(() => em.close());

const actionUrl = () => `${em.endpoint}/v2/${em.projectId}/apic/instances/${em.instances[0]}/apis/action`;

async function post(signedBody: string, sentBody: string, declared?: string) {
  const url = actionUrl();
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (declared !== undefined) headers['X-Sdk-Content-Sha256'] = declared;
  Object.assign(
    headers,
    signRequest(
      { method: 'POST', url, headers, body: signedBody },
      { ak: em.ak, sk: em.sk, projectId: em.projectId },
    ),
  );
  const res = await fetch(url, { method: 'POST', headers, body: sentBody });
  return { status: res.status, body: (await res.json()) as { error_code?: string; error_msg?: string } };
}

describe('X-Sdk-Content-Sha256', () => {
  const signed = JSON.stringify({ action: 'offline', api_id: 'nope', env_id: 'nope' });
  const swapped = JSON.stringify({ action: 'online', api_id: 'other', env_id: 'nope' });
  it('a declared hash that is not the hash of the body received is refused', async () => {
    const r = await post(signed, swapped, sha256Hex(signed));
    assert.equal(r.status, 401);
    assert.equal(r.body.error_code, 'APIC.0301');
    assert.match(r.body.error_msg ?? '', /Content-Sha256/);
  });
  it('the true hash and UNSIGNED-PAYLOAD pass the signature check', async () => {
    for (const declared of [sha256Hex(signed), 'UNSIGNED-PAYLOAD']) {
      const r = await post(signed, signed, declared);
      assert.notEqual(r.status, 401, JSON.stringify(r.body));
    }
  });
});

describe('body size', () => {
  it('a body over the limit is answered 413 in the ROMA envelope', async () => {
    const big = 'x'.repeat(MAX_BODY_BYTES + 1);
    const r = await post(big, big);
    assert.equal(r.status, 413);
    assert.equal(typeof r.body.error_code, 'string');
  });
});

describe('emulator command', () => {
  it('warns before listening beyond loopback', async () => {
    const out: string[] = [];
    const err: string[] = [];
    // 192.0.2.1 (TEST-NET-1) is on no interface here: the warning comes first, then the bind fails.
    const code = await runEmulatorCommand(
      { host: '192.0.2.1', port: 0, seed: 'empty' },
      { out: (l) => out.push(l), err: (l) => err.push(l) },
    );
    assert.equal(code, 1);
    assert.deepEqual(out, []);
    assert.match(err[0] ?? '', /warning: listening on 192\.0\.2\.1, beyond this machine/);
  });
});

describe('a start that fails', () => {
  it('leaves nothing open: the process ends by itself', { timeout: 30_000 }, async () => {
    // Port taken (by this file's emulator): the echo backend, started first, used to stay open.
    const port = Number(new URL(em.endpoint).port);
    const src = new URL('../../src/emulator/index.ts', import.meta.url).pathname;
    const script = `import { startEmulator } from ${JSON.stringify(src)};
await startEmulator({ port: ${port}, seed: 'empty' }).then(() => console.log('started'), (e) => console.log(e.code));`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    clearTimeout(killer);
    assert.equal(out.trim(), 'EADDRINUSE');
    assert.equal(code, 0, 'the process had to be killed: something stayed open');
  });
});
