// The hostile seed over real HTTP: the emulator serves every list (with wrong-typed fields in some
// records) without a server error, the client keeps the rest of each list and reports the bad
// records as warnings, debug answers carry the hostile MOCK bodies and the reflected hostile headers,
// and the seed is deterministic.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type InstanceClient } from '../../src/api/client.ts';
import type { Page } from '../../src/api/types/common.ts';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import type { ApiDef } from '../../src/emulator/model.ts';
import {
  HOSTILE_HEADER_NAMES,
  HOSTILE_HEADER_VALUES,
  HOSTILE_MOCK_BODIES,
} from '../../src/emulator/seed/hostile.ts';
import { call, instPath } from './support.ts';
import { clientOf } from '../helpers/emulator-client.ts';

let em: EmulatorHandle;
let inst: InstanceClient;

before(async () => {
  em = await startEmulator({ seed: 'hostile' });
  const client = clientOf(em);
  inst = client.instance(em.instances[0] as string);
});
after(() => em.close());

function apisOfFirstInstance(): ApiDef[] {
  const store = em.state.stores.get(em.instances[0] as string);
  assert.ok(store);
  return [...store.data.apis.values()];
}

describe('hostile seed', () => {
  it('every list answers 200 and the client keeps the well-formed records, warning about the rest', async () => {
    const pages: Array<[string, Page<{ id: string; name?: unknown }>]> = [
      ['apis', await inst.apis.list({ limit: 500 })],
      ['groups', await inst.groups.list({ limit: 500 })],
      ['throttles', await inst.throttles.list({ limit: 500 })],
      ['apps', await inst.apps.list({ limit: 500 })],
      ['envs', await inst.envs.list({ limit: 500 })],
      ['signs', await inst.signs.list({ limit: 500 })],
    ];
    const acls = await inst.acls.list({ limit: 500 });
    for (const [family, page] of pages) {
      assert.ok(page.items.length > 0, `${family}: no records`);
      assert.ok((page.warnings?.length ?? 0) > 0, `${family}: the wrong-typed records were not reported`);
      for (const r of page.items) assert.equal(typeof r.name, 'string', `${family} ${r.id}: name`);
    }
    assert.ok(
      acls.items.some((a) => a.acl_name === '7'),
      'a number in a string field is coerced, silently',
    );
    const [, apis] = pages[0] as [string, Page<{ id: string; name?: unknown }>];
    assert.equal(apis.items.length, apis.total - 1, 'only the API whose name is null is dropped');
    assert.ok(apis.items.some((a) => a.name === '["array","name"]'));
    assert.ok(apis.warnings?.some((w) => /name is missing/.test(w)));
    const throttles = await inst.throttles.list({ limit: 500 });
    assert.ok(
      throttles.warnings?.some((w) => /api_call_limits: expected number, got string "unlimited"/.test(w)),
    );
  });

  it('name filters on wrong-typed records do not break the server', async () => {
    for (const [path, param] of [
      ['/apis', 'name'],
      ['/api-groups', 'name'],
      ['/throttles', 'name'],
      ['/apps', 'name'],
      ['/acls', 'name'],
      ['/signs', 'name'],
    ] as const) {
      const r = await call(em, 'GET', instPath(em, `${path}?${param}=a`));
      assert.equal(r.status, 200, `${path}: ${r.text.slice(0, 200)}`);
    }
  });

  it('MOCK debug answers carry the hostile bodies', async () => {
    const mocks = apisOfFirstInstance().filter((a) => a.mock_info && a.auth_type === 'NONE');
    assert.equal(mocks[0]?.mock_info?.result_content, HOSTILE_MOCK_BODIES[0]);
    for (const api of mocks.slice(0, HOSTILE_MOCK_BODIES.length)) {
      const dbg = await inst.apis.debug(api.id, {
        mode: 'DEVELOPER',
        scheme: 'HTTP',
        method: api.req_method,
        path: api.req_uri.replace(/\{[^}]+\}/g, 'x'),
      });
      const response = dbg.response ?? '';
      assert.ok(response.endsWith(api.mock_info?.result_content ?? '?'), response.slice(0, 300));
    }
  });

  it('the echo backend reflects the hostile header names and 8-bit values', async () => {
    const api = apisOfFirstInstance().find(
      (a) => a.backend_type === 'HTTP' && a.backend_params.some((p) => p.id.startsWith('hostile')),
    );
    assert.ok(api, 'no HTTP API with hostile headers');
    const dbg = await inst.apis.debug(api.id, {
      mode: 'DEVELOPER',
      scheme: 'HTTP',
      method: api.req_method,
      path: api.req_uri.replace(/\{[^}]+\}/g, 'x'),
    });
    const response = dbg.response ?? '';
    const body = response.slice(response.indexOf('\r\n\r\n') + 4);
    const echoed = (JSON.parse(body) as { headers: Record<string, string> }).headers;
    for (const name of HOSTILE_HEADER_NAMES.filter((n) => n !== 'X-Apig-Mode'))
      assert.ok(typeof echoed[name.toLowerCase()] === 'string', `${name} not reflected`);
    assert.ok(
      Object.values(echoed).some((v) => HOSTILE_HEADER_VALUES.includes(v) && /[\u0080-\u009f]/.test(v)),
      'a C1 control reached the echo body',
    );
  });

  it('is deterministic', async () => {
    const other = await startEmulator({ seed: 'hostile' });
    try {
      // Only the echo backend's port differs between two emulators.
      const dump = (h: EmulatorHandle) =>
        createHash('sha256')
          .update(
            JSON.stringify(
              [...h.state.stores.values()].map((s) => [
                ...s.data.apis.values(),
                ...s.data.throttles.values(),
                ...s.data.groups.values(),
              ]),
            ).replaceAll(new URL(h.echoBackend).host, 'ECHO'),
          )
          .digest('hex');
      assert.equal(dump(other), dump(em));
    } finally {
      await other.close();
    }
  });
});
