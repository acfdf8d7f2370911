import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  headerValue,
  latencyMs,
  parseRawRequest,
  parseRawResponse,
  statusClass,
} from '../../src/debug/raw.ts';
import { jsonLineTokens, layoutLines, prettyBody } from '../../src/debug/pretty.ts';
import { diffAnswers } from '../../src/debug/diff.ts';

// Verbatim from the 4.3.8 response example, including its blank line inside the headers.
const exampleResponse =
  'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive\r\nContent-Type: application/json\r\nDate: Mon, 03 Aug 2020 02:51:22 GMT\r\nServer: api-gateway\r\nX-Apig-Latency: 0\r\n\r\nX-Apig-Ratelimit-API: remain:99,limit:100,time:1 minute\r\nX-Apig-Ratelimit-API-Allenv: remain:14999,limit:15000,time:1 second\r\nX-Request-Id: d4ec6e33148bdeffe8f55b43472d1251\r\n\r\n\r\nmock success';

test('parses the reference example, gateway headers after the stray blank line included', () => {
  const r = parseRawResponse(exampleResponse);
  assert.equal(r.status, 200);
  assert.equal(r.reason, 'OK');
  assert.equal(r.body, 'mock success');
  assert.equal(headerValue(r.headers, 'x-request-id'), 'd4ec6e33148bdeffe8f55b43472d1251');
  assert.equal(headerValue(r.headers, 'X-Apig-Ratelimit-API'), 'remain:99,limit:100,time:1 minute');
  assert.equal(r.truncated, false);
});

test('an ordinary body that looks like headers is not swallowed', () => {
  const r = parseRawResponse(
    'HTTP/1.1 502 Bad Gateway\nContent-Type: text/plain\n\nerror: backend down\n\nmore',
  );
  assert.equal(r.status, 502);
  assert.equal(r.body, 'error: backend down\n\nmore');
  assert.equal(statusClass(r.status), 'server-error');
});

test('[TRUNCATED] is detected and removed from the body', () => {
  const r = parseRawResponse('HTTP/1.1 200 OK\r\n\r\n{"a":[1,2[TRUNCATED]');
  assert.equal(r.truncated, true);
  assert.equal(r.body, '{"a":[1,2');
});

test('raw request start line and latency as string or number', () => {
  const q = parseRawRequest('GET /test/mock?a=1 HTTP/1.1\r\nHost: x.apic.com\r\nX-Apig-Mode: debug\r\n\r\n');
  assert.equal(q.method, 'GET');
  assert.equal(q.target, '/test/mock?a=1');
  assert.equal(headerValue(q.headers, 'host'), 'x.apic.com');
  assert.equal(latencyMs(5), 5);
  assert.equal(latencyMs('12'), 12);
  assert.equal(latencyMs('n/a'), undefined);
});

test('pretty JSON, tokens and long lines', () => {
  assert.deepEqual(prettyBody('{"a":1}'), { text: '{\n  "a": 1\n}', isJson: true });
  assert.equal(prettyBody('mock success').isJson, false);
  const kinds = jsonLineTokens('  "k": "v",').map((t) => t.kind);
  assert.deepEqual(kinds, ['space', 'key', 'punct', 'space', 'string', 'punct']);
  assert.deepEqual(layoutLines('abcdef', 4, 'wrap'), ['abcd', 'ef']);
  assert.deepEqual(layoutLines('abcdef', 4, 'truncate'), ['abc…']);
});

test('diff of two answers: status, latency, headers (volatile ones ignored) and body lines', () => {
  const a = {
    request: '',
    response: 'HTTP/1.1 200 OK\r\nX-Request-Id: 1\r\nX-A: 1\r\n\r\n{"n":1}',
    latency: 5,
    log: '',
  };
  const b = {
    request: '',
    response: 'HTTP/1.1 500 Err\r\nX-Request-Id: 2\r\n\r\n{"n":2}',
    latency: '9',
    log: '',
  };
  const d = diffAnswers(a, b);
  assert.deepEqual(d.status, { left: 200, right: 500, same: false });
  assert.equal(d.latency.deltaMs, 4);
  assert.equal(d.headers.find((h) => h.name === 'x-request-id')?.same, true);
  assert.deepEqual(
    d.headers.find((h) => h.name === 'x-a'),
    { name: 'x-a', left: '1', right: undefined, same: false },
  );
  assert.equal(d.bodySame, false);
  assert.deepEqual(d.body[1], { left: '  "n": 1', right: '  "n": 2', same: false });
});
