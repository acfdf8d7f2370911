// One service scope per family, the same in the client and in the emulator's router.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRomaClient } from '../../src/api/client.ts';
import { SERVICE_SEGMENTS, type ServiceFamily } from '../../src/api/services.ts';
import { akskProvider } from '../../src/auth/providers.ts';
import { route, serviceRoute, ok } from '../../src/emulator/routes/common.ts';
import { routeSegments } from '../../src/emulator/server.ts';

const client = createRomaClient({
  endpoint: 'http://127.0.0.1:9',
  projectId: 'p 1',
  auth: akskProvider({ ak: 'AK', sk: 'SK', projectId: 'p 1' }),
});

test('the client scopes each service family under its own prefix', () => {
  const bases = Object.fromEntries(
    (Object.keys(SERVICE_SEGMENTS) as ServiceFamily[]).map((s) => [s, client.serviceScope(s, 'i/1').base]),
  );
  assert.deepEqual(bases, {
    apic: '/v2/p%201/apic/instances/i%2F1',
    mqs: '/v2/p%201/mqs/instances/i%2F1',
    link: '/v2/p%201/link/instances/i%2F1',
    public: '/v2/p%201/instances/i%2F1',
  });
});

test('the emulator routes each service family under the same prefix', () => {
  const handler = () => ok({});
  assert.deepEqual(routeSegments(route('GET', '/apis', handler)), [
    'v2',
    '{project_id}',
    'apic',
    'instances',
    '{instance_id}',
    'apis',
  ]);
  for (const s of ['mqs', 'link', 'public'] as const) {
    assert.deepEqual(routeSegments(serviceRoute(s, 'GET', '/things/{id}', handler)), [
      'v2',
      '{project_id}',
      ...SERVICE_SEGMENTS[s],
      '{instance_id}',
      'things',
      '{id}',
    ]);
  }
});
