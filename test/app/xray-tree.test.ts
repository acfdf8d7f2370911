// The x-ray walk (src/app/xray-tree.ts) on given slices: what shows while data loads, where no policy
// is bound (the instance default names its source), and a failed request's node.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RomaError } from '../../src/api/errors.ts';
import { buildXray, rateLimitOf, type Need } from '../../src/app/xray-tree.ts';
import { EMPTY_SLICE, type ResourceSlice } from '../../src/store/slice.ts';

const ok = <T>(data: T): ResourceSlice<T> => ({ ...EMPTY_SLICE, data, fetchedAt: 1 });
const failed = (status: number, code: string): ResourceSlice<never> => ({
  ...EMPTY_SLICE,
  error: new RomaError({ kind: 'http', status, errorCode: code, method: 'GET', path: '/x' }),
});

/** A `need` answering by family; records what was asked. */
function needFrom(slices: Record<string, ResourceSlice<unknown>>, asked: string[] = []): Need {
  return <T>(req: { family: string; key: string }) => {
    asked.push(req.family);
    return (slices[req.family] ?? EMPTY_SLICE) as ResourceSlice<T>;
  };
}

const api = {
  id: 'a1',
  name: 'orders',
  req_method: 'GET',
  req_uri: '/orders',
  auth_type: 'APP',
  group_id: 'g1',
  group_name: 'shop',
  backend_type: 'MOCK',
  mock_info: { status: 1 },
  run_env_id: 'e1',
  run_env_name: 'RELEASE',
  publish_id: 'p1',
};
const input = { instanceId: 'i1', apiId: 'a1', apiName: 'orders' };

test('before anything loads: the API node is loading and only the definition is asked for', () => {
  const asked: string[] = [];
  const nodes = buildXray(input, needFrom({}, asked));
  assert.deepEqual(
    nodes.map((n) => [n.id, n.loading]),
    [['api', true]],
  );
  assert.deepEqual(asked, ['apis.definition']);
});

test('no throttling policy bound: the node names the ratelimit feature as the source of the limit', () => {
  const nodes = buildXray(
    input,
    needFrom({
      'apis.definition': ok(api),
      'xray.group': ok({ id: 'g1', name: 'shop', url_domains: [] }),
      'apis.versions': ok([
        { version_id: 'v1', env_id: 'e1', status: 1, publish_time: '2024-01-01T00:00:00Z' },
      ]),
      'xray.throttles': ok([]),
      'xray.acls': ok([]),
      'xray.signs': ok([]),
      'apis.apps': ok([]),
      'xray.features': ok([{ id: 'f1', name: 'ratelimit', enable: true, config: '{"api_limits":350}' }]),
    }),
  );
  const th = nodes.find((n) => n.id === 'env:e1/throttle');
  assert.ok(th);
  assert.match(th.text, /X-Apig-Ratelimit-Api: limit:350 from the ratelimit feature/);
  assert.deepEqual(th.open, { screen: 'features', itemId: 'f1', label: 'ratelimit' });
  const apps = nodes.find((n) => n.id === 'env:e1/apps');
  assert.equal(apps?.tone, 'warning', 'an APP-auth API nobody may call');
});

test('a failed sub-request marks its node with the code; the others are built', () => {
  const nodes = buildXray(
    input,
    needFrom({
      'apis.definition': ok(api),
      'xray.group': failed(404, 'APIG.3001'),
      'apis.versions': ok([]),
      'xray.throttles': failed(500, 'APIG.9999'),
    }),
  );
  assert.equal(nodes.find((n) => n.id === 'group')?.error, 'APIG.3001 (HTTP 404)');
  assert.equal(nodes.find((n) => n.id === 'env:e1/throttle')?.error, 'APIG.9999 (HTTP 500)');
  assert.ok(nodes.find((n) => n.id === 'env:e1/acl')?.loading);
  assert.ok(nodes.some((n) => n.id === 'backend'));
});

test('rateLimitOf reads the feature config as JSON text, and only when it is on', () => {
  assert.equal(rateLimitOf({ name: 'ratelimit', enable: true, config: '{"api_limits":200}' }), 200);
  assert.equal(rateLimitOf({ name: 'ratelimit', enable: false, config: '{"api_limits":200}' }), undefined);
  assert.equal(rateLimitOf({ name: 'ratelimit', enable: true, config: 'not json' }), undefined);
});
