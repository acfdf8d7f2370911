// Each failure class over real HTTP (a misbehaving loopback server) becomes a RomaError with its own hint.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createRomaClient, type RomaClient } from '../../src/api/client.ts';
import type { RomaError } from '../../src/api/errors.ts';
import { Transport } from '../../src/api/transport.ts';
import { akskProvider } from '../../src/auth/providers.ts';
import { hang, json, reset, startRawServer, text, type RawServer } from '../helpers/raw-server.ts';

const AK = 'TESTAKFAILURES000001';
const SK = 'test-secret-key-failures';
let srv: RawServer;
let sleeps: number[];
let client: RomaClient;

const ENV_LIST = { total: 1, size: 1, envs: [{ id: 'DEFAULT_ENVIRONMENT_RELEASE_ID', name: 'RELEASE' }] };

function make(opts: { timeoutMs?: number; logger?: (l: string) => void } = {}): RomaClient {
  return createRomaClient({
    endpoint: srv.url,
    projectId: 'p1',
    auth: akskProvider({ ak: AK, sk: SK, projectId: 'p1' }),
    sleep: async (ms) => void sleeps.push(ms),
    ...opts,
  });
}

before(async () => {
  srv = await startRawServer();
});
after(() => srv.close());
beforeEach(() => {
  sleeps = [];
  client = make();
});

const envs = () => client.instance('i1').envs.list();

describe('HTTP errors', () => {
  it('a documented 4xx carries code, message, request id, hint; never retried', async () => {
    srv.respond(
      json(
        404,
        { error_code: 'APIG.3030', error_msg: 'The instance does not exist;id:i1' },
        { 'X-Request-Id': 'rid-1' },
      ),
    );
    await assert.rejects(envs(), (e: RomaError) => {
      assert.equal(e.kind, 'http');
      assert.equal(e.status, 404);
      assert.equal(e.errorCode, 'APIG.3030');
      assert.equal(e.requestId, 'rid-1');
      assert.equal(e.method, 'GET');
      assert.equal(e.path, '/v2/p1/apic/instances/i1/envs');
      assert.match(e.hint, /instance/i);
      return true;
    });
    assert.equal(srv.requests.length, 1);
  });
  it('a 5xx on a read is retried, each attempt signed afresh', async () => {
    srv.respond(
      json(503, { error_code: 'APIG.9999', error_msg: 'System error' }),
      json(502, {}),
      json(200, ENV_LIST),
    );
    const page = await envs();
    assert.equal(page.items[0]?.name, 'RELEASE');
    assert.equal(srv.requests.length, 3);
    assert.equal(sleeps.length, 2);
    for (const r of srv.requests)
      assert.match(String(r.headers.authorization), /^SDK-HMAC-SHA256 Access=TESTAK/);
  });
  it('gives up after 3 tries', async () => {
    srv.respond(json(500, { error_code: 'APIG.9999', error_msg: 'System error' }));
    await assert.rejects(envs(), (e: RomaError) => e.status === 500 && e.attempts === 3);
    assert.equal(srv.requests.length, 3);
  });
  it('429 honours Retry-After', async () => {
    srv.respond(
      json(429, { error_code: 'APIG.0000', error_msg: 'slow down' }, { 'Retry-After': '7' }),
      json(200, ENV_LIST),
    );
    await envs();
    assert.deepEqual(sleeps, [7000]);
  });
  it('writes are never retried silently', async () => {
    srv.respond(json(503, { error_code: 'APIG.9999', error_msg: 'System error' }), json(204, {}));
    await assert.rejects(client.instance('i1').aclBindings.unbind('b1'), (e: RomaError) => e.status === 503);
    assert.equal(srv.requests.length, 1);
  });
  it('204 with no body is not parsed', async () => {
    srv.respond((_q, res) => res.writeHead(204).end());
    await client.instance('i1').aclBindings.unbind('b1');
    assert.equal(srv.requests[0]?.method, 'DELETE');
  });
});

describe('bodies', () => {
  it('an HTML error page from a proxy', async () => {
    srv.respond(text(502, '<html><body>Bad Gateway</body></html>'));
    await assert.rejects(
      envs(),
      (e: RomaError) => e.kind === 'bad-body' && e.status === 502 && /HTML|proxy/.test(e.hint),
    );
  });
  it('malformed JSON on success', async () => {
    srv.respond(text(200, '{"total": 1, "envs": [', 'application/json'));
    await assert.rejects(envs(), (e: RomaError) => e.kind === 'malformed-json');
  });
  it('a wrong-typed field in a list item is a warning naming the field; a wrong envelope a shape error', async () => {
    // Per-record tolerance (test/api/tolerant-records.test.ts has the full matrix).
    srv.respond(json(200, { total: 1, size: 1, envs: [{ id: 'e1', name: { nested: true } }] }));
    const p = await envs();
    assert.equal(p.items[0]?.name, '{"nested":true}');
    assert.match(p.warnings?.[0] ?? '', /envs\[0\]\.name/);
    srv.respond(json(200, { total: 1, size: 1, envs: { id: 'e1' } }));
    await assert.rejects(envs(), (e: RomaError) => e.kind === 'shape' && /\$\.envs/.test(e.message));
  });
  it('tolerates unknown fields, missing optional ones and coercible types', async () => {
    srv.respond(
      json(200, {
        total: '1',
        envs: [{ id: 'e1', name: 'RELEASE', create_time: '2020-07-31T06:55:55.383169299Z', extra: 42 }],
      }),
    );
    const p = await envs();
    assert.equal(p.total, 1);
    assert.equal(p.items[0]?.extra, 42);
    assert.equal(p.items[0]?.create_time, '2020-07-31T06:55:55.383Z');
  });
  it('normalises quirks: auth_code_auth_type, is_includ_special_throttle', async () => {
    srv.respond(
      json(200, {
        total: 1,
        size: 1,
        apis: [{ id: 'a1', name: 'n', auth_opt: { auth_code_auth_type: 'HEADER' } }],
      }),
    );
    const apis = await client.instance('i1').apis.list();
    assert.equal(apis.items[0]?.auth_opt?.app_code_auth_type, 'HEADER');
    srv.respond(
      json(200, { id: 't1', name: 't', is_includ_special_throttle: 1, enable_adaptive_control: 'FALSE' }),
    );
    const t = await client.instance('i1').throttles.get('t1');
    assert.equal(t.is_inclu_special_throttle, 1);
  });
});

describe('network', () => {
  it('connection reset on a read is retried, then reported', async () => {
    srv.respond(reset, json(200, ENV_LIST));
    await envs();
    assert.equal(srv.requests.length, 2);
    srv.respond(reset);
    await assert.rejects(envs(), (e: RomaError) => e.kind === 'reset' && e.attempts === 3);
  });
  it('timeout', async () => {
    client = make({ timeoutMs: 200 });
    srv.respond(hang);
    await assert.rejects(envs(), (e: RomaError) => e.kind === 'timeout' && /--timeout/.test(e.hint));
  });
  it('connection refused', async () => {
    const closed = await startRawServer();
    const endpoint = closed.url;
    await closed.close();
    const c = createRomaClient({ endpoint, projectId: 'p', auth: akskProvider({ ak: AK, sk: SK }) });
    await assert.rejects(c.instance('i').envs.list(), (e: RomaError) => e.kind === 'refused');
  });
});

describe('secrets', () => {
  it('never appear in the request log or errors', async () => {
    const lines: string[] = [];
    client = make({ logger: (l) => lines.push(l) });
    srv.respond(json(401, { error_code: 'APIG.1002', error_msg: `bad signature for ${AK}` }));
    const err = await envs().catch((e: RomaError) => e);
    assert.ok(lines.length > 0);
    for (const l of lines) {
      assert.ok(!l.includes(AK) && !l.includes(SK), l);
    }
    assert.ok(!JSON.stringify(err).includes(SK) && !JSON.stringify(err).includes(AK));
  });
  it('query parameters named as credentials are masked in the request log, whatever their value', async () => {
    const lines: string[] = [];
    const t = new Transport({
      endpoint: srv.url,
      auth: akskProvider({ ak: AK, sk: SK }),
      logger: (l) => lines.push(l),
    });
    srv.respond(json(200, {}));
    await t.request({ method: 'GET', path: '/v1/x', query: { access_token: 'tok-1', name: 'orders' } });
    assert.equal(lines.length, 1);
    assert.doesNotMatch(lines[0] ?? '', /tok-1/);
    assert.match(lines[0] ?? '', /access_token=\*\*\*&name=orders/);
  });
});
