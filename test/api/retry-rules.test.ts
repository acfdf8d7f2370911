// Retry and timeout rules of the transport over real HTTP (a scripted loopback server): a Retry-After
// beyond the longest wait is reported rather than cut short, every attempt is signed with its own
// X-Sdk-Date, writes are never repeated after a reset, cancellation wins over timeout, and a login that
// does not answer in time is a timeout.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createRomaClient, type ClientConfig } from '../../src/api/client.ts';
import type { RomaError } from '../../src/api/errors.ts';
import { akskProvider, passwordProvider } from '../../src/auth/providers.ts';
import { hang, json, reset, startRawServer, text, type RawServer } from '../helpers/raw-server.ts';

const AK = 'TESTAKRETRYRULES0001';
const SK = 'retry-rules-secret-key';
const ENV_LIST = { total: 1, size: 1, envs: [{ id: 'e1', name: 'RELEASE' }] };
/** The start of a list answer, cut off in transit (what the emulator's `malformed` fault sends). */
const CUT = '{"total": 1, "size": 1, "envs": [{"id": "e1", "na';
let srv: RawServer;
let sleeps: number[];

before(async () => {
  srv = await startRawServer();
});
after(() => srv.close());
beforeEach(() => {
  sleeps = [];
});

function inst(over: Partial<ClientConfig> = {}) {
  return createRomaClient({
    endpoint: srv.url,
    projectId: 'p1',
    auth: akskProvider({ ak: AK, sk: SK, projectId: 'p1' }),
    sleep: async (ms) => void sleeps.push(ms),
    ...over,
  }).instance('i1');
}

describe('retries', () => {
  it('a Retry-After beyond the longest wait is reported, not cut short', async () => {
    srv.respond(json(429, { error_code: 'APIG.0000', error_msg: 'slow down' }, { 'Retry-After': '120' }));
    await assert.rejects(
      inst({ retry: { maxDelayMs: 30_000 } }).envs.list(),
      (e: RomaError) => e.status === 429 && e.retryAfter === 120 && e.attempts === 1,
    );
    assert.equal(srv.requests.length, 1);
    assert.deepEqual(sleeps, []);
  });
  it('backs off with jitter within [base/2, base] · 2^n and signs each attempt with its own date', async () => {
    let t = Date.parse('2024-05-01T10:00:00Z');
    const auth = akskProvider({ ak: AK, sk: SK, projectId: 'p1' }, () => new Date((t += 61_000)));
    srv.respond(json(503, {}), json(502, {}), json(200, ENV_LIST));
    await inst({ auth, retry: { baseMs: 100 } }).envs.list();
    const dates = srv.requests.map((r) => r.headers['x-sdk-date']);
    assert.equal(new Set(dates).size, 3, dates.join(' '));
    assert.equal(sleeps.length, 2);
    assert.ok(sleeps[0]! >= 50 && sleeps[0]! <= 100, String(sleeps));
    assert.ok(sleeps[1]! >= 100 && sleeps[1]! <= 200, String(sleeps));
  });
  it('a write whose connection was reset is not sent again', async () => {
    srv.respond(reset, json(201, {}));
    await assert.rejects(
      inst().apis.action({ action: 'online', api_id: 'a1', env_id: 'e1' }),
      (e: RomaError) => e.kind === 'reset' && /reset/i.test(e.hint),
    );
    assert.equal(srv.requests.length, 1);
  });
});

describe('timeouts and cancellation', () => {
  it('cancelling a hanging read is "aborted", not a timeout', async () => {
    srv.respond(hang);
    const ctl = new AbortController();
    const pending = inst({ timeoutMs: 60_000 }).envs.list({}, { signal: ctl.signal });
    while (srv.requests.length === 0) await new Promise((r) => setImmediate(r));
    ctl.abort();
    await assert.rejects(pending, (e: RomaError) => e.kind === 'aborted');
  });
  it('cancelling during the backoff stops the retries', async () => {
    srv.respond(json(503, {}));
    const ctl = new AbortController();
    const client = inst({
      sleep: (_ms, signal) => {
        ctl.abort();
        return Promise.reject(signal?.reason as Error);
      },
    });
    await assert.rejects(
      client.envs.list({}, { signal: ctl.signal }),
      (e: RomaError) => e.kind === 'aborted',
    );
    assert.equal(srv.requests.length, 1);
  });
  it('an IAM login that does not answer within the timeout is a timeout', async () => {
    const iam = await startRawServer();
    try {
      iam.respond(hang);
      srv.respond(json(200, ENV_LIST));
      const auth = passwordProvider({
        iamEndpoint: iam.url,
        credentials: { user: 'u', password: 'secret-password', domain: 'd', projectId: 'p1' },
      });
      await assert.rejects(
        inst({ auth, timeoutMs: 150 }).envs.list(),
        (e: RomaError) => e.kind === 'timeout' && /--timeout/.test(e.hint),
      );
      assert.equal(srv.requests.length, 0);
    } finally {
      await iam.close();
    }
  });
});

describe('bodies', () => {
  it('a 200 HTML page (a login portal) says so rather than "broken JSON"', async () => {
    srv.respond(text(200, '<!DOCTYPE html><html><body>Sign in to the Wi-Fi</body></html>'));
    await assert.rejects(
      inst().envs.list(),
      (e: RomaError) =>
        e.kind === 'malformed-json' && /HTML page/.test(e.hint) && /Sign in/.test(e.errorMsg ?? ''),
    );
  });
  it('a read whose 2xx body was cut off is read again, within the retry limit', async () => {
    srv.respond(text(200, CUT, 'application/json'), json(200, ENV_LIST));
    const page = await inst().envs.list();
    assert.equal(page.items[0]?.name, 'RELEASE');
    assert.equal(srv.requests.length, 2);
    assert.equal(sleeps.length, 1);
  });
  it('a read cut off every time: a clear message, the kind, a hint; no raw body', async () => {
    srv.respond(text(200, CUT, 'application/json'));
    await assert.rejects(inst().envs.list(), (e: RomaError) => {
      assert.equal(e.kind, 'malformed-json');
      assert.equal(e.attempts, 3);
      assert.match(e.errorMsg ?? '', /cut off/);
      assert.doesNotMatch(e.errorMsg ?? '', /total/, 'the body is for --log-file, not the message');
      assert.match(e.hint, /reading again usually works/i);
      assert.match(e.hint, /--log-file/);
      return true;
    });
    assert.equal(srv.requests.length, 3);
  });
  it('a 2xx body that is whole but not JSON is not read again', async () => {
    srv.respond(text(200, 'OK then', 'application/json'), json(200, ENV_LIST));
    await assert.rejects(
      inst().envs.list(),
      (e: RomaError) => e.kind === 'malformed-json' && /not valid JSON/.test(e.errorMsg ?? ''),
    );
    assert.equal(srv.requests.length, 1);
  });
  it('a write whose 2xx body was cut off is not sent again: its outcome is unknown', async () => {
    srv.respond(text(201, '{"id": "g1", "name": "gr', 'application/json'), json(201, { id: 'g2' }));
    await assert.rejects(
      inst().groups.create({ name: 'grp' }),
      (e: RomaError) =>
        e.kind === 'malformed-json' && e.outcome === 'unknown' && !/reading again/i.test(e.hint),
    );
    assert.equal(srv.requests.length, 1);
    assert.deepEqual(sleeps, []);
  });
  it('--log-file records how the cut-off body began, secrets masked by name', async () => {
    const lines: string[] = [];
    srv.respond(
      text(200, '{"total": 1, "apps": [{"id": "a1", "app_secret": "s3cr3t-value-x', 'application/json'),
    );
    await assert.rejects(inst({ logger: (l) => lines.push(l), retry: { limit: 1 } }).apps.list());
    assert.equal(lines.length, 1);
    assert.match(lines[0] ?? '', /malformed-json .*"total": 1, "apps"/);
    assert.doesNotMatch(lines[0] ?? '', /s3cr3t/);
  });
});
