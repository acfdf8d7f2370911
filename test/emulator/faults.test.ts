import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createFaultInjector,
  FaultSpecError,
  parseFaultSpec,
  sleep,
  writeResponseWithFault,
  type FaultInjector,
} from '../../src/emulator/faults.ts';

// ---- spec parsing -------------------------------------------------------------------------------------

test('parses the full example spec', () => {
  const s = parseFaultSpec(
    'latency=50,spike=0.05:800,5xx=0.2,429=0.1:2,reset=0.05,malformed=0.05,slow=0.02:1500,seed=42',
  );
  assert.deepEqual(s, {
    latencyMs: 50,
    spike: { p: 0.05, ms: 800 },
    p5xx: 0.2,
    p429: 0.1,
    retryAfterSec: 2,
    pReset: 0.05,
    pMalformed: 0.05,
    slow: { p: 0.02, ms: 1500 },
    seed: 42,
  });
  assert.equal(parseFaultSpec('429=0.5').retryAfterSec, 1);
  for (const off of ['', 'off', 'none', '  ']) assert.equal(parseFaultSpec(off).p5xx, 0);
});

test('rejects bad specs with a typed error and a hint', () => {
  for (const bad of [
    '5xx=1.5',
    '5xx=-0.1',
    'latency=-3',
    'latency=fast',
    'bogus=1',
    '5xx',
    '5xx=0.6,429=0.6',
    'seed=1,seed=2',
    'spike=0.1',
    'slow=0.1:1:2',
  ]) {
    assert.throws(
      () => parseFaultSpec(bad),
      (e: unknown) => e instanceof FaultSpecError && e.code === 'FAULT_SPEC_INVALID' && e.hint.length > 0,
      bad,
    );
  }
});

// ---- decisions ----------------------------------------------------------------------------------------

function kinds(inj: FaultInjector, n: number): string[] {
  return Array.from({ length: n }, () => inj.decide('GET', '/v2/p/apic/instances/i/apis').kind);
}

test('off injector never faults and adds no delay', () => {
  const inj = createFaultInjector(null);
  for (let i = 0; i < 50; i++) assert.deepEqual(inj.decide('GET', '/x'), { delayMs: 0, kind: 'none' });
});

test('decisions are deterministic for a seed and follow the probabilities', () => {
  const spec = parseFaultSpec('5xx=0.2,429=0.1,reset=0.05,malformed=0.05,slow=0.1:10,seed=7');
  const a = kinds(createFaultInjector(spec), 2000);
  const b = kinds(createFaultInjector(spec), 2000);
  assert.deepEqual(a, b);
  const c = kinds(createFaultInjector({ ...spec, seed: 8 }), 2000);
  assert.notDeepEqual(a, c);
  const count = (k: string): number => a.filter((x) => x === k).length;
  // 2000 draws: each share lands well within these bounds for any decent generator.
  assert.ok(count('5xx') > 300 && count('5xx') < 500, `5xx ${count('5xx')}`);
  assert.ok(count('429') > 130 && count('429') < 270, `429 ${count('429')}`);
  assert.ok(count('reset') > 50 && count('reset') < 150, `reset ${count('reset')}`);
  assert.ok(count('none') > 900 && count('none') < 1100, `none ${count('none')}`);
});

test('latency and spikes add delay; the IAM token endpoint is never faulted', () => {
  const inj = createFaultInjector(parseFaultSpec('latency=20,spike=1:100,5xx=1'));
  const d = inj.decide('GET', '/v2/p/apic/instances/i/apis');
  assert.equal(d.delayMs, 120);
  assert.equal(d.kind, '5xx');
  assert.ok(d.status === 500 || d.status === 503);
  assert.deepEqual(inj.decide('POST', '/v3/auth/tokens'), { delayMs: 0, kind: 'none' });
  assert.deepEqual(inj.decide('POST', '/v3/auth/tokens?nocatalog=true'), { delayMs: 0, kind: 'none' });
  assert.equal(inj.decide('GET', '/v3/auth/tokens').kind, '5xx');
});

// ---- over a real loopback server ----------------------------------------------------------------------

const BODY = JSON.stringify({
  total: 2,
  size: 2,
  apis: [
    { id: 'a'.repeat(32), name: 'orders' },
    { id: 'b'.repeat(32), name: 'users' },
  ],
});
let server: Server;
let base = '';
let injector: FaultInjector = createFaultInjector(null);

before(async () => {
  server = createServer((req, res) => {
    const d = injector.decide(req.method ?? 'GET', req.url ?? '/');
    void sleep(d.delayMs).then(() =>
      req.url === '/empty'
        ? writeResponseWithFault(res, d, 204, {}, '')
        : writeResponseWithFault(res, d, 200, { 'Content-Type': 'application/json;charset=UTF-8' }, BODY),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

function use(spec: string): void {
  injector = createFaultInjector(parseFaultSpec(spec));
}

test('no fault: the body arrives intact', async () => {
  use('off');
  const r = await fetch(`${base}/apis`);
  assert.equal(r.status, 200);
  assert.deepEqual(await r.json(), JSON.parse(BODY));
});

test('5xx: 500 or 503 with the APIG.9999 envelope', async () => {
  use('5xx=1,seed=3');
  const seen = new Set<number>();
  for (let i = 0; i < 8; i++) {
    const r = await fetch(`${base}/apis`);
    seen.add(r.status);
    assert.ok(r.status === 500 || r.status === 503);
    assert.deepEqual(await r.json(), { error_code: 'APIG.9999', error_msg: 'System error' });
    assert.match(r.headers.get('x-request-id') ?? '', /^[0-9a-f]{32}$/);
  }
  assert.equal(seen.size, 2, 'both statuses occur');
});

test('429: Retry-After and APIG.9008', async () => {
  use('429=1:2');
  const r = await fetch(`${base}/apis`);
  assert.equal(r.status, 429);
  assert.equal(r.headers.get('retry-after'), '2');
  assert.deepEqual(await r.json(), { error_code: 'APIG.9008', error_msg: 'Too many requests.' });
});

test('reset: the connection dies without an answer', async () => {
  use('reset=1');
  await assert.rejects(fetch(`${base}/apis`), (e: unknown) => {
    const cause = (e as { cause?: { code?: string } }).cause;
    return e instanceof TypeError && ['ECONNRESET', 'UND_ERR_SOCKET'].includes(cause?.code ?? '');
  });
});

test('malformed: JSON content type, body that does not parse', async () => {
  use('malformed=1');
  const r = await fetch(`${base}/apis`);
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type') ?? '', /application\/json/);
  const text = await r.text();
  assert.ok(text.length > 0 && text.length < BODY.length + 5);
  assert.throws(() => JSON.parse(text));
});

test('malformed and slow leave an empty 204 alone', async () => {
  for (const spec of ['malformed=1', 'slow=1:50']) {
    use(spec);
    const r = await fetch(`${base}/empty`);
    assert.equal(r.status, 204);
    assert.equal(await r.text(), '');
  }
});

test('slow body: headers and part of the body first, the rest after the pause', async () => {
  use('slow=1:300');
  const started = performance.now();
  const chunks: Array<{ at: number; text: string }> = [];
  const status = await new Promise<number>((resolve, reject) => {
    get(`${base}/apis`, (res) => {
      res.setEncoding('utf8');
      res.on('data', (c: string) => chunks.push({ at: performance.now() - started, text: c }));
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    }).on('error', reject);
  });
  assert.equal(status, 200);
  assert.equal(chunks.map((c) => c.text).join(''), BODY);
  assert.ok(chunks.length >= 2, 'body came in at least two pieces');
  // Only lower bounds on time: the pause cannot be shorter than asked.
  assert.ok(chunks.at(-1)!.at - chunks[0]!.at >= 250, `gap ${chunks.at(-1)!.at - chunks[0]!.at}`);
});

test('latency: the answer is not earlier than the fixed delay', async () => {
  use('latency=150');
  const started = performance.now();
  const r = await fetch(`${base}/apis`);
  await r.text();
  assert.ok(performance.now() - started >= 140);
});
