import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEchoBackend, type EchoBackend, type EchoReply } from '../../src/emulator/echo-backend.ts';
import {
  DebugRequestError,
  type AppCheck,
  executeDebug,
  parseDebugRequest,
  type DebugApiDefinition,
  type DebugRequestBody,
  type DebugResult,
} from '../../src/emulator/debug-exec.ts';

const NOW = Date.UTC(2020, 7, 3, 2, 51, 22);
let echo: EchoBackend;

before(async () => {
  echo = await startEchoBackend();
});
after(async () => {
  await echo.close();
});

/** Splits a raw HTTP message into start line, headers (lower-case names) and body. */
function parseRaw(raw: string): { start: string; headers: Record<string, string>; body: string } {
  const sep = raw.indexOf('\r\n\r\n');
  assert.ok(sep > 0, 'raw message has a blank line');
  const [start, ...lines] = raw.slice(0, sep).split('\r\n');
  const headers: Record<string, string> = {};
  for (const l of lines) {
    const i = l.indexOf(':');
    headers[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim();
  }
  return { start: start!, headers, body: raw.slice(sep + 4) };
}

function gatewayHeadersPresent(r: DebugResult): void {
  const { headers } = parseRaw(r.response);
  for (const h of [
    'x-apig-latency',
    'x-apig-upstream-latency',
    'x-apig-ratelimit-api',
    'x-apig-ratelimit-api-allenv',
    'x-request-id',
    'date',
    'server',
  ])
    assert.ok(headers[h] !== undefined, `response has ${h}`);
  assert.match(headers['x-apig-ratelimit-api']!, /^remain:\d+,limit:\d+,time:1 second$/);
  assert.equal(typeof r.latency, 'number');
}

const base = {
  id: 'a'.repeat(32),
  group_id: 'c77f5e81d9cb4424bf704ef2b0ac7600',
  req_method: 'GET',
  req_uri: '/test/mock',
  auth_type: 'NONE',
};
const dev = (over: Partial<DebugRequestBody> = {}): DebugRequestBody => ({
  mode: 'DEVELOPER',
  scheme: 'HTTPS',
  method: 'GET',
  path: '/test/mock',
  ...over,
});

// ---- MOCK ---------------------------------------------------------------------------------------------

test('MOCK answers its configured body and status, with raw request and gateway headers', async () => {
  const api: DebugApiDefinition = {
    ...base,
    backend_type: 'MOCK',
    mock_info: { result_content: 'mock success' },
  };
  const r = await executeDebug(api, dev(), { nowMs: NOW });
  assert.match(
    r.request,
    /^GET \/test\/mock HTTP\/1\.1\r\nHost: c77f5e81d9cb4424bf704ef2b0ac7600\.apic\.[^\r]+\r\nUser-Agent: APIGatewayDebugClient\/1\.0\r\nX-Apig-Mode: debug\r\n\r\n$/,
  );
  const res = parseRaw(r.response);
  assert.equal(res.start, 'HTTP/1.1 200 OK');
  assert.equal(res.body, 'mock success');
  assert.equal(res.headers['date'], 'Mon, 03 Aug 2020 02:51:22 GMT');
  gatewayHeadersPresent(r);

  const teapot = await executeDebug(
    { ...api, mock_info: { result_content: '{"x":1}', status_code: 418 } },
    dev(),
    { nowMs: NOW },
  );
  assert.equal(parseRaw(teapot.response).start, "HTTP/1.1 418 I'm a Teapot");
});

test('the response body is cut at the limit and marked [TRUNCATED]', async () => {
  const api: DebugApiDefinition = {
    ...base,
    backend_type: 'MOCK',
    mock_info: { result_content: '0123456789abcdef' },
  };
  const r = await executeDebug(api, dev(), { nowMs: NOW, limitBytes: 10 });
  assert.equal(parseRaw(r.response).body, '0123456789[TRUNCATED]');
  const whole = await executeDebug(api, dev(), { nowMs: NOW, limitBytes: 16 });
  assert.equal(parseRaw(whole.response).body, '0123456789abcdef');
});

// ---- HTTP through the real echo backend -----------------------------------------------------------------

const httpApi = (backendUri: string, timeout = 5000): DebugApiDefinition => ({
  ...base,
  req_method: 'POST',
  req_uri: '/users/{id}',
  backend_type: 'HTTP',
  backend_api: {
    url_domain: '#BACKEND#',
    req_protocol: 'HTTP',
    req_method: 'POST',
    req_uri: backendUri,
    timeout,
  },
  req_params: [
    { name: 'id', location: 'PATH', type: 'STRING', required: 1 },
    { name: 'q', location: 'QUERY', type: 'STRING', required: 1 },
    { name: 'header-demo', location: 'HEADER', type: 'STRING', required: 2 },
    { name: 'hidden', location: 'QUERY', type: 'STRING', required: 2, pass_through: 2 },
  ],
  backend_params: [
    { name: 'uid', location: 'PATH', origin: 'REQUEST', value: 'id' },
    { name: 'backQuery', location: 'QUERY', origin: 'REQUEST', value: 'q' },
    { name: 'X-Back', location: 'HEADER', origin: 'REQUEST', value: 'header-demo' },
    { name: 'X-Constant', location: 'HEADER', origin: 'CONSTANT', value: 'demo' },
    { name: 'X-Req', location: 'HEADER', origin: 'SYSTEM', value: '$context.requestId' },
  ],
});

test('HTTP backend is called for real: path params, query, headers and body arrive mapped', async () => {
  const env = {
    nowMs: NOW,
    env: { id: 'env1', name: 'TEST' },
    envVariables: { BACKEND: echo.host, VER: 'v2' },
  };
  const r = await executeDebug(
    httpApi('/echo/#VER#/{uid}'),
    dev({
      method: 'POST',
      path: '/users/42',
      query: { q: ['hello world'], extra: ['1', '2'], hidden: ['secret-ish'] },
      header: { 'header-demo': ['hv'], 'x-MY-hEaDer': ['mine'], authorization: ['Bearer abc'] },
      body: '{"name":"订单"}',
    }),
    env,
  );
  assert.match(
    r.request,
    /^POST \/users\/42\?q=hello%20world&extra=1&extra=2&hidden=secret-ish HTTP\/1\.1\r\n/,
  );
  assert.match(r.request, /\r\nX-My-Header: mine\r\n/);
  assert.match(r.request, /\r\nAuthorization: \*\*\*\*\*\*\r\n/, 'credentials are masked in the raw request');
  assert.ok(r.request.endsWith('\r\n\r\n{"name":"订单"}'));
  const res = parseRaw(r.response);
  assert.equal(res.start, 'HTTP/1.1 200 OK');
  gatewayHeadersPresent(r);
  const got = JSON.parse(res.body) as EchoReply;
  assert.equal(got.method, 'POST');
  assert.equal(got.path, '/echo/v2/42');
  assert.deepEqual(got.query['backQuery'], ['hello world']);
  assert.deepEqual(got.query['extra'], ['1', '2']);
  assert.equal(got.query['q'], undefined, 'mapped parameter arrives under its backend name');
  assert.equal(got.query['hidden'], undefined, 'pass_through=2 is not forwarded');
  assert.equal(got.headers['x-back'], 'hv');
  assert.equal(got.headers['x-constant'], 'demo');
  assert.equal(got.headers['x-my-header'], 'mine');
  assert.equal(got.headers['x-req'], res.headers['x-request-id']);
  assert.equal(got.body, '{"name":"订单"}');
  assert.match(r.log, /HTTP backend POST http:\/\/127\.0\.0\.1:\d+\/echo\/v2\/42/);
});

test('HTTP backend slower than its timeout: 504 APIG.0203', async () => {
  const api = httpApi('/slow', 100);
  api.backend_params = [{ name: 'ms', location: 'QUERY', origin: 'CONSTANT', value: '5000' }];
  api.req_params = [];
  const r = await executeDebug(api, dev({ method: 'POST', path: '/users/1' }), {
    nowMs: NOW,
    envVariables: { BACKEND: echo.host },
  });
  const res = parseRaw(r.response);
  assert.equal(res.start, 'HTTP/1.1 504 Gateway Timeout');
  assert.equal((JSON.parse(res.body) as { error_code: string }).error_code, 'APIG.0203');
  assert.match(r.log, /timeout/);
});

test('HTTP backend failing with 500 is passed through; a reset becomes 502 APIG.0202', async () => {
  const noParams = (uri: string): DebugApiDefinition => ({
    ...httpApi(uri),
    req_params: [],
    backend_params: [],
  });
  const ctx = { nowMs: NOW, envVariables: { BACKEND: echo.host } };
  const fail = await executeDebug(noParams('/fail'), dev({ method: 'POST', path: '/users/1' }), ctx);
  const f = parseRaw(fail.response);
  assert.equal(f.start, 'HTTP/1.1 500 Internal Server Error');
  assert.equal((JSON.parse(f.body) as { error: string }).error, 'backend failure');
  const reset = await executeDebug(noParams('/reset'), dev({ method: 'POST', path: '/users/1' }), ctx);
  const rr = parseRaw(reset.response);
  assert.equal(rr.start, 'HTTP/1.1 502 Bad Gateway');
  assert.equal((JSON.parse(rr.body) as { error_code: string }).error_code, 'APIG.0202');
});

test('HTTP response bodies are truncated at the limit too', async () => {
  const api: DebugApiDefinition = { ...httpApi('/big'), req_params: [], backend_params: [] };
  const r = await executeDebug(api, dev({ method: 'POST', path: '/users/1', body: 'x'.repeat(5000) }), {
    nowMs: NOW,
    envVariables: { BACKEND: echo.host },
    limitBytes: 64,
  });
  const body = parseRaw(r.response).body;
  assert.ok(body.endsWith('[TRUNCATED]'));
  assert.equal(Buffer.byteLength(body), 64 + '[TRUNCATED]'.length);
});

test('an undefined environment variable in the backend address is a gateway error, not a crash', async () => {
  const r = await executeDebug(
    httpApi('/echo'),
    dev({ method: 'POST', path: '/users/1', query: { q: ['x'] } }),
    { nowMs: NOW },
  );
  assert.equal(parseRaw(r.response).start, 'HTTP/1.1 500 Internal Server Error');
  assert.match(r.log, /BACKEND/);
});

// ---- FUNCTION -----------------------------------------------------------------------------------------

test('FUNCTION answers a simulated result naming the URN and the request; async answers 202', async () => {
  const urn = 'urn:fss:region01:73d69ae0cfcf460190522d06b60f05ad:function:default:auto_testfunc93749';
  const api: DebugApiDefinition = {
    ...base,
    backend_type: 'FUNCTION',
    func_info: { function_urn: urn, invocation_type: 'sync', timeout: 5000, version: 'latest' },
  };
  const r = await executeDebug(api, dev({ query: { page: ['2'] } }), { nowMs: NOW });
  const res = parseRaw(r.response);
  assert.equal(res.start, 'HTTP/1.1 200 OK');
  const body = JSON.parse(res.body) as {
    function_urn: string;
    event: { queryStringParameters: Record<string, string> };
  };
  assert.equal(body.function_urn, urn);
  assert.deepEqual(body.event.queryStringParameters, { page: '2' });
  const again = await executeDebug(api, dev({ query: { page: ['2'] } }), { nowMs: NOW });
  const strip = (s: string): unknown => ({ ...(JSON.parse(s) as object), request_id: '' });
  assert.deepEqual(
    strip(parseRaw(again.response).body),
    strip(res.body),
    'deterministic apart from the request id',
  );
  const async = await executeDebug(
    { ...api, func_info: { ...api.func_info!, invocation_type: 'async' } },
    dev(),
    { nowMs: NOW },
  );
  assert.equal(parseRaw(async.response).start, 'HTTP/1.1 202 Accepted');
});

// ---- gateway checks ------------------------------------------------------------------------------------

test('path or method mismatch and CONSUMER on an unpublished API: 404 APIG.0101', async () => {
  const api: DebugApiDefinition = { ...base, backend_type: 'MOCK', mock_info: { result_content: 'ok' } };
  for (const [req, ctx] of [
    [dev({ path: '/test/other' }), { nowMs: NOW }],
    [dev({ method: 'POST' }), { nowMs: NOW }],
    [dev({ mode: 'CONSUMER', stage: 'TEST' }), { nowMs: NOW, published: false }],
  ] as const) {
    const r = await executeDebug(api, req, ctx);
    const res = parseRaw(r.response);
    assert.equal(res.start, 'HTTP/1.1 404 Not Found');
    assert.equal((JSON.parse(res.body) as { error_code: string }).error_code, 'APIG.0101');
  }
  const consumer = await executeDebug(api, dev({ mode: 'CONSUMER' }), { nowMs: NOW, published: true });
  assert.match(consumer.request, /\r\nX-Stage: RELEASE\r\n/);
  assert.equal(parseRaw(consumer.response).body, 'ok');
  const swa = await executeDebug({ ...api, match_mode: 'SWA' }, dev({ path: '/test/mock/deeper/path' }), {
    nowMs: NOW,
  });
  assert.equal(parseRaw(swa.response).body, 'ok', 'SWA is a prefix match');
});

test('APP auth checks app key and secret and the authorization', async () => {
  const api: DebugApiDefinition = {
    ...base,
    auth_type: 'APP',
    backend_type: 'MOCK',
    mock_info: { result_content: 'ok' },
  };
  const checkApp = (k: string, s: string) =>
    (k !== 'key1' ? 'unknown-app' : s !== 'secret1' ? 'bad-secret' : 'ok') as AppCheck;
  const status = async (
    req: DebugRequestBody,
    check: (k: string, s: string) => AppCheck = checkApp,
  ): Promise<string> =>
    parseRaw((await executeDebug(api, req, { nowMs: NOW, checkApp: check })).response).start;
  assert.equal(await status(dev()), 'HTTP/1.1 401 Unauthorized');
  assert.equal(await status(dev({ app_key: 'nope', app_secret: 'x' })), 'HTTP/1.1 401 Unauthorized');
  assert.equal(await status(dev({ app_key: 'key1', app_secret: 'wrong' })), 'HTTP/1.1 401 Unauthorized');
  assert.equal(await status(dev({ app_key: 'key1', app_secret: 'secret1' })), 'HTTP/1.1 200 OK');
  assert.equal(
    await status(dev({ app_key: 'key1', app_secret: 'secret1' }), () => 'not-authorized'),
    'HTTP/1.1 403 Forbidden',
  );
  const r = await executeDebug(api, dev({ app_key: 'key1', app_secret: 'secret1' }), {
    nowMs: NOW,
    checkApp,
  });
  assert.ok(!r.request.includes('secret1') && !r.log.includes('secret1'), 'the app secret is never echoed');
});

test('a missing required query parameter is a 400 from the gateway', async () => {
  const r = await executeDebug(httpApi('/echo'), dev({ method: 'POST', path: '/users/1' }), {
    nowMs: NOW,
    envVariables: { BACKEND: echo.host },
  });
  assert.equal(parseRaw(r.response).start, 'HTTP/1.1 400 Bad Request');
});

// ---- request validation ---------------------------------------------------------------------------------

test('parseDebugRequest validates as 4.3.8 describes', () => {
  assert.deepEqual(
    parseDebugRequest({ mode: 'DEVELOPER', scheme: 'HTTPS', method: 'GET', path: '/test/mock' }),
    dev(),
  );
  const bad: Array<[unknown, string, string]> = [
    [null, 'APIG.2011', 'body'],
    [{ scheme: 'HTTPS', method: 'GET', path: '/x' }, 'APIG.2001', 'mode'],
    [{ mode: 'DEBUG', scheme: 'HTTPS', method: 'GET', path: '/x' }, 'APIG.2011', 'mode'],
    [{ mode: 'DEVELOPER', scheme: 'FTP', method: 'GET', path: '/x' }, 'APIG.2011', 'scheme'],
    [{ mode: 'DEVELOPER', scheme: 'HTTP', method: 'ANY', path: '/x' }, 'APIG.2011', 'method'],
    [{ mode: 'DEVELOPER', scheme: 'HTTP', method: 'GET', path: 'x' }, 'APIG.2011', 'path'],
    [{ mode: 'DEVELOPER', scheme: 'HTTP', method: 'GET', path: '/%E4%zz' }, 'APIG.2011', 'path'],
    [
      { mode: 'DEVELOPER', scheme: 'HTTP', method: 'GET', path: '/x', header: { 'X-Apig-Foo': ['1'] } },
      'APIG.2011',
      'header.X-Apig-Foo',
    ],
    [
      { mode: 'DEVELOPER', scheme: 'HTTP', method: 'GET', path: '/x', header: { X_Under: ['1'] } },
      'APIG.2011',
      'header.X_Under',
    ],
    [
      { mode: 'CONSUMER', scheme: 'HTTP', method: 'GET', path: '/x', header: { 'X-Auth-Token': ['t'] } },
      'APIG.2011',
      'header.X-Auth-Token',
    ],
    [
      { mode: 'DEVELOPER', scheme: 'HTTP', method: 'GET', path: '/x', query: { 'x-stage': ['a'] } },
      'APIG.2011',
      'query.x-stage',
    ],
    [
      { mode: 'DEVELOPER', scheme: 'HTTP', method: 'GET', path: '/x', query: { a: 'not-an-array' } },
      'APIG.2011',
      'query.a',
    ],
    [{ mode: 'DEVELOPER', scheme: 'HTTP', method: 'GET', path: '/x', body: 7 }, 'APIG.2011', 'body'],
  ];
  for (const [body, code, param] of bad) {
    assert.throws(
      () => parseDebugRequest(body),
      (e: unknown) =>
        e instanceof DebugRequestError &&
        e.status === 400 &&
        e.error_code === code &&
        e.error_msg.includes(`parameterName:${param}.`),
      JSON.stringify(body),
    );
  }
  // X-Auth-Token is allowed in DEVELOPER mode.
  assert.ok(
    parseDebugRequest({
      mode: 'DEVELOPER',
      scheme: 'HTTP',
      method: 'GET',
      path: '/x',
      header: { 'X-Auth-Token': ['t'] },
    }).header,
  );
});
