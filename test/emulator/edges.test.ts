// Emulator edges: requests node:http cannot parse answer in the error envelope, an empty --host is
// refused, `127.1` is loopback, scale seeds have a bound, and IAM tokens are pruned as new ones are issued.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createIamService } from '../../src/emulator/iam.ts';
import {
  MAX_SCALE_APIS,
  isLoopbackHost,
  parseSeed,
  runEmulatorCommand,
  startEmulator,
  type EmulatorHandle,
} from '../../src/emulator/index.ts';

let em: EmulatorHandle;
before(async () => {
  em = await startEmulator({ seed: 'empty' });
});
after(() => em.close());

/** Sends raw bytes and returns everything the server wrote before closing. */
function rawExchange(bytes: string): Promise<string> {
  const { hostname, port } = new URL(em.endpoint);
  return new Promise((resolve, reject) => {
    const sock = connect(Number(port), hostname, () => sock.write(bytes));
    let out = '';
    sock.on('data', (c: Buffer) => (out += c.toString('latin1')));
    sock.on('end', () => resolve(out));
    sock.on('close', () => resolve(out));
    sock.on('error', reject);
  });
}

function envelope(answer: string): { status: number; body: { error_code?: string; error_msg?: string } } {
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
  assert.match(answer, /content-type: application\/json/i);
  const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
  return { status, body: JSON.parse(body) as { error_code?: string; error_msg?: string } };
}

describe('requests node:http cannot parse', () => {
  test('oversized headers: 431 in the error envelope', async () => {
    const answer = await rawExchange(
      `GET /v2/x/instances HTTP/1.1\r\nHost: a\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    const e = envelope(answer);
    assert.equal(e.status, 431);
    assert.equal(e.body.error_code, 'APIG.0201');
  });
  test('garbage bytes: 400 in the error envelope', async () => {
    const e = envelope(await rawExchange('\x16\x03\x01 this is not HTTP\r\n\r\n'));
    assert.equal(e.status, 400);
    assert.equal(e.body.error_code, 'APIG.0201');
    assert.equal(typeof e.body.error_msg, 'string');
  });
  test('the server still serves afterwards', async () => {
    const r = await fetch(`${em.endpoint}/v2/${em.projectId}/instances`, {
      headers: { 'X-Auth-Token': em.token },
    });
    assert.equal(r.status, 200);
  });
});

describe('--host', () => {
  test('an empty host is refused, not read as every interface', async () => {
    const err: string[] = [];
    const out: string[] = [];
    const code = await runEmulatorCommand(
      { host: '', seed: 'empty' },
      { out: (l) => out.push(l), err: (l) => err.push(l) },
    );
    assert.equal(code, 2);
    assert.deepEqual(out, []);
    assert.match(err.join('\n'), /--host is empty/);
    await assert.rejects(startEmulator({ host: '', seed: 'empty' }), /host .* is empty/);
  });
  test('127.1 and localhost are loopback: no warning; 0.0.0.0 is not', async () => {
    assert.equal(await isLoopbackHost('127.1'), true);
    assert.equal(await isLoopbackHost('127.0.0.1'), true);
    assert.equal(await isLoopbackHost('[::1]'), true);
    assert.equal(await isLoopbackHost('0.0.0.0'), false);
    assert.equal(await isLoopbackHost('192.0.2.1'), false);
  });
});

describe('--seed scale:N', () => {
  test('N above the bound is refused with the bound named, before anything is generated', async () => {
    assert.deepEqual(parseSeed(`scale:${MAX_SCALE_APIS}`), { scale: MAX_SCALE_APIS });
    for (const s of ['scale:5000000', 'scale:0']) {
      assert.throws(() => parseSeed(s), new RegExp(`1 to ${MAX_SCALE_APIS}`));
    }
    const err: string[] = [];
    const code = await runEmulatorCommand(
      { seed: 'scale:5000000' },
      { out: () => assert.fail('no JSON line'), err: (l) => err.push(l) },
    );
    assert.equal(code, 2);
    assert.match(err.join('\n'), /scale:5000000/);
    await assert.rejects(startEmulator({ seed: { scale: 5_000_000 } }), /1 to 100000/);
  });
});

describe('IAM tokens', () => {
  test('expired tokens are pruned when new ones are issued, not only when looked up', () => {
    let now = Date.UTC(2024, 0, 1);
    const iam = createIamService({
      user: 'u',
      password: 'p',
      domain: 'd',
      projectId: 'proj',
      projectName: 'r',
      nowMs: () => now,
      ttlMs: 1000,
    });
    for (let i = 0; i < 50; i++) iam.issueStaticToken();
    assert.equal(iam.storedTokens(), 50);
    now += 1000;
    const fresh = iam.issueStaticToken();
    assert.equal(iam.storedTokens(), 1, 'the 50 expired ones are gone');
    assert.equal(iam.isValidToken(fresh), true);
  });
});
