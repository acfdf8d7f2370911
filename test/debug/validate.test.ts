import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formFromApi, resolvePath } from '../../src/debug/form.ts';
import { headerNameError, pathError, queryNameError, validateForm } from '../../src/debug/validate.ts';
import { buildDebugBody, formFromRequest } from '../../src/debug/build.ts';
import type { DebugApiDefinition } from '../../src/debug/types.ts';

const api: DebugApiDefinition = {
  id: 'a1',
  name: 'Api_http',
  req_protocol: 'BOTH',
  req_method: 'POST',
  req_uri: '/users/{userId}/orders/{orderId}',
  auth_type: 'APP',
  req_params: [
    { name: 'userId', location: 'PATH', type: 'STRING', sample_value: 'u 1' },
    { name: 'orderId', location: 'PATH', type: 'STRING' },
    { name: 'query_demo', location: 'QUERY', type: 'STRING', required: 1, default_value: 'q' },
    { name: 'header-demo', location: 'HEADER', type: 'STRING', required: 2 },
  ],
};

test('pre-fill from an unpublished definition: DEVELOPER, HTTPS for BOTH, params placed by location', () => {
  const f = formFromApi(api);
  assert.equal(f.mode, 'DEVELOPER');
  assert.equal(f.scheme, 'HTTPS');
  assert.equal(f.method, 'POST');
  assert.deepEqual(
    f.pathParams.map((p) => [p.name, p.value]),
    [
      ['userId', 'u 1'],
      ['orderId', ''],
    ],
  );
  assert.deepEqual(f.query, [{ name: 'query_demo', value: 'q', required: true, declared: true }]);
  assert.deepEqual(f.headers, [{ name: 'header-demo', value: '', required: false, declared: true }]);
});

test('pre-fill from a published definition: CONSUMER on its environment; HTTP stays HTTP', () => {
  const f = formFromApi({
    ...api,
    req_protocol: 'HTTP',
    run_env_name: 'RELEASE',
    run_env_id: 'DEFAULT_ENVIRONMENT_RELEASE_ID',
  });
  assert.equal(f.mode, 'CONSUMER');
  assert.equal(f.stage, 'RELEASE');
  assert.equal(f.scheme, 'HTTP');
});

test('header names follow 4.3.8', () => {
  assert.equal(headerNameError('X-Custom.1', 'DEVELOPER'), undefined);
  assert.match(headerNameError('1abc', 'DEVELOPER') ?? '', /start with a letter/);
  assert.match(headerNameError('a_b', 'DEVELOPER') ?? '', /letters, digits/);
  assert.match(headerNameError('A'.repeat(33), 'DEVELOPER') ?? '', /32 bytes/);
  assert.equal(headerNameError('A'.repeat(32), 'DEVELOPER'), undefined);
  assert.match(headerNameError('x-apig-foo', 'DEVELOPER') ?? '', /X-Apig-/);
  assert.match(headerNameError('X-SDK-Date', 'DEVELOPER') ?? '', /X-Sdk-/);
  assert.match(headerNameError('x-stage', 'DEVELOPER') ?? '', /X-Stage/);
  assert.equal(headerNameError('Authorization', 'DEVELOPER'), undefined);
  assert.match(headerNameError('authorization', 'CONSUMER') ?? '', /not allowed in CONSUMER/);
  assert.match(headerNameError('X-Auth-Token', 'MARKET') ?? '', /not allowed in MARKET/);
});

test('query names allow underscores, keep the reserved prefixes', () => {
  assert.equal(queryNameError('page_size'), undefined);
  assert.match(queryNameError('_x') ?? '', /start with a letter/);
  assert.match(queryNameError('X-Stage') ?? '', /reserved/);
  assert.match(queryNameError('a b') ?? '', /only letters/);
});

test('path: leading slash, 1024 characters, decodable percent-encoding', () => {
  assert.match(pathError('users') ?? '', /start with \//);
  assert.equal(pathError('/' + 'a'.repeat(1023)), undefined);
  assert.match(pathError('/' + 'a'.repeat(1024)) ?? '', /1024/);
  assert.match(pathError('/%E0%A4%A') ?? '', /percent/);
});

test('validateForm reports required, names, body size and app pairing with field keys', () => {
  const f = formFromApi({ ...api, run_env_name: 'RELEASE' });
  f.query[0]!.value = '';
  f.headers.push({ name: 'X-Apig-Mode', value: 'x', required: false });
  f.body = 'x'.repeat(2_097_153);
  const errors = validateForm(f);
  assert.equal(errors['path.1'], 'orderId is required');
  assert.equal(errors['query.0'], 'query_demo is required');
  assert.match(errors['header.1'] ?? '', /X-Apig-Mode: must not start/);
  assert.match(errors.body ?? '', /2097152/);
  assert.match(errors.appKey ?? '', /app key is required/);
  assert.equal(errors['header.0'], undefined, 'blank optional row is ignored');
  f.pathParams[1]!.value = '7';
  f.query[0]!.value = 'q';
  f.headers.pop();
  f.body = '{}';
  f.appKey = 'k';
  f.appSecret = 's';
  assert.deepEqual(validateForm(f), {});
});

test('buildDebugBody: path params encoded, repeated names grouped, stage only in CONSUMER', () => {
  const f = formFromApi(api);
  f.pathParams[1]!.value = 'o/2';
  f.query.push({ name: 'query_demo', value: 'r', required: false });
  f.headers[0]!.value = 'h';
  f.body = '{"a":1}';
  const b = buildDebugBody(f);
  assert.deepEqual(b, {
    mode: 'DEVELOPER',
    scheme: 'HTTPS',
    method: 'POST',
    path: '/users/u%201/orders/o%2F2',
    header: { 'header-demo': ['h'] },
    query: { query_demo: ['q', 'r'] },
    body: '{"a":1}',
  });
  f.mode = 'CONSUMER';
  assert.equal(buildDebugBody(f).stage, 'RELEASE');
  assert.equal(resolvePath('/a/{b+}', [{ name: 'b', value: 'x', required: true }]), '/a/x');
});

test('formFromRequest recovers path params from the template and keeps a typed secret over a redacted one', () => {
  const base = formFromApi(api);
  base.appSecret = 'typed';
  const f = formFromRequest(base, {
    mode: 'DEVELOPER',
    scheme: 'HTTP',
    method: 'PUT',
    path: '/users/u%201/orders/9',
    query: { a: ['1', '2'] },
    app_key: 'k',
    app_secret: '***',
  });
  assert.equal(f.pathTemplate, api.req_uri);
  assert.deepEqual(
    f.pathParams.map((p) => p.value),
    ['u 1', '9'],
  );
  assert.equal(f.query.length, 2);
  assert.equal(f.appSecret, 'typed');
  assert.equal(f.method, 'PUT');
});
