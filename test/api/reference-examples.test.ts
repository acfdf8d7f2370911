// The client against the reference's own example answers, quirks included (APIC-CORE.md C4, C6, C13),
// replayed by a loopback HTTP server: what a real gateway may send must read cleanly. Also checks what the
// client puts on the wire (method, path, query, body names) for the calls whose shape is easy to get wrong.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createRomaClient, type InstanceClient, type RomaClient } from '../../src/api/client.ts';
import { tokenProvider } from '../../src/auth/providers.ts';
import { json, startRawServer, type RawServer } from '../helpers/raw-server.ts';

const PROJECT = 'a4a5d4098fb4474fa22cd05f897d6b99';
const INSTANCE = 'f0fa1789-3b76-433b-a787-9892951c620e';
const BASE = `/v2/${PROJECT}/apic/instances/${INSTANCE}`;

let srv: RawServer;
let client: RomaClient;
let inst: InstanceClient;

before(async () => {
  srv = await startRawServer();
  client = createRomaClient({
    endpoint: srv.url,
    projectId: PROJECT,
    auth: tokenProvider('t0ken'),
    retry: { limit: 0, baseMs: 1, maxDelayMs: 1 },
  });
  inst = client.instance(INSTANCE);
});
after(() => srv.close());

const last = () => {
  const r = srv.requests[srv.requests.length - 1];
  assert.ok(r, 'a request was sent');
  const u = new URL(r.url, srv.url);
  return {
    method: r.method,
    path: u.pathname,
    query: u.searchParams,
    body: r.body ? JSON.parse(r.body) : undefined,
  };
};

describe('documented quirks in answers', () => {
  it('4.3.6: auth_code_auth_type (examples) reads as app_code_auth_type; 4.2.2-style timestamp typo parses', async () => {
    srv.respond(
      json(200, {
        total: 1,
        size: 1,
        apis: [
          {
            id: '5f918d104dc84480a75166ba99efff21',
            name: 'API_demo',
            type: 1,
            auth_type: 'APP',
            auth_opt: { auth_code_auth_type: 'DISABLE' },
            register_time: '2020-07-31T06:55:55Z.866474185Z',
            update_time: '2020-08-03T01:36:00.592970615Z',
            run_env_name: '',
            publish_id: '',
          },
        ],
      }),
    );
    const page = await inst.apis.list({ name: 'API', precise_search: 'name' });
    const a = page.items[0];
    assert.ok(a);
    assert.equal((a.auth_opt as Record<string, unknown>).app_code_auth_type, 'DISABLE');
    assert.equal(a.register_time, '2020-07-31T06:55:55.866Z');
    assert.equal(a.update_time, '2020-08-03T01:36:00.592Z');
    const q = last();
    assert.equal(q.path, `${BASE}/apis`);
    assert.equal(q.query.get('precise_search'), 'name');
  });

  it('4.7.5: is_includ_special_throttle (table spelling) and a boolean adaptive flag normalise', async () => {
    srv.respond(
      json(200, {
        id: '3437448ad06f4e0c91a224183116e965',
        name: 'throttle_demo',
        create_time: '2020-07-31T08:44:02.205366118Z',
        api_call_limits: 800,
        app_call_limits: 300,
        time_unit: 'SECOND',
        enable_adaptive_control: false,
        bind_num: 0,
        is_includ_special_throttle: 2,
      }),
    );
    const t = await inst.throttles.get('3437448ad06f4e0c91a224183116e965');
    assert.equal(t.is_inclu_special_throttle, 2);
    assert.equal(t.enable_adaptive_control, 'FALSE');
    srv.respond(
      json(200, {
        id: 'x',
        name: 'throttle_b',
        is_inclu_special_throttle: true,
        enable_adaptive_control: 'true',
      }),
    );
    const t2 = await inst.throttles.get('x');
    assert.equal(t2.is_inclu_special_throttle, 1);
    assert.equal(t2.enable_adaptive_control, 'TRUE');
  });

  it('4.20.4 ttn / 4.20.5 ttd read as ttl', async () => {
    srv.respond(
      json(200, { total: 1, size: 1, authorizer_list: [{ id: 'a1', name: 'auth_demo', ttd: 60 }] }),
    );
    const list = await inst.authorizers.list();
    assert.equal(list.items[0]?.ttl, 60);
    srv.respond(json(200, { id: 'a1', name: 'auth_demo', ttn: 30 }));
    assert.equal((await inst.authorizers.get('a1')).ttl, 30);
  });

  it('4.1.1: Long create_time, bracketed available_zone_ids string; list rows with a numeric-string create_time', async () => {
    srv.respond(
      json(200, {
        id: INSTANCE,
        instance_name: 'roma-demo',
        status: 'Running',
        instance_statuses: 6,
        spec: 'ROMA_PROFESSIONAL',
        create_time: 1596177355,
        available_zone_ids: '[region01, region02]',
        supported_features: ['green_tunnel'],
      }),
    );
    const d = await client.instances.get(INSTANCE);
    assert.equal(d.create_time, 1596177355);
    assert.equal(last().path, `/v2/${PROJECT}/apic/instances/${INSTANCE}`);
    srv.respond(
      json(200, {
        total: 1,
        size: 1,
        instances: [{ id: INSTANCE, name: 'roma-demo', create_time: '1596177355' }],
      }),
    );
    const l = await client.instances.list();
    assert.equal(l.items[0]?.create_time, 1596177355);
    assert.equal(last().path, `/v2/${PROJECT}/instances`);
  });

  it('4.13.4 api_type as a number although typed String; 4.18.5 api_type as a string enum', async () => {
    srv.respond(
      json(200, {
        total: 1,
        size: 1,
        apis: [
          {
            api_id: 'p1',
            api_name: 'a',
            api_type: 1,
            env_id: 'DEFAULT_ENVIRONMENT_RELEASE_ID',
            bind_id: 'b1',
          },
        ],
      }),
    );
    const bound = await inst.aclBindings.boundApis.list({ acl_id: 'acl1' });
    assert.equal(bound.items[0]?.bind_id, 'b1');
    assert.equal(last().query.get('acl_id'), 'acl1');
    srv.respond(
      json(200, {
        total: 1,
        size: 1,
        apis: [
          {
            req_uri: '/test/function',
            req_method: 'GET',
            match_mode: 'NORMAL',
            duplicated_apis: [
              { api_id: 'e25f', api_name: 'api_demo', group_name: 'DEFAULT', api_type: 'self-owned' },
            ],
          },
        ],
      }),
    );
    const dup = await inst.appAuths.duplicateApis('app1');
    assert.equal(dup[0]?.duplicated_apis?.[0]?.api_type, 'self-owned');
    assert.equal(last().path, `${BASE}/app-auths/duplicate-apis`);
    assert.equal(last().query.get('app_id'), 'app1');
  });

  it('4.18.1: a 5-digit-year auth_time and a String visit_params do not break the answer', async () => {
    srv.respond(
      json(201, {
        auths: [
          {
            api_id: '5f91',
            auth_result: { status: 'SUCCESS' },
            auth_time: '22020-08-04T04:02:22.482227344Z',
            id: 'dd29',
            app_id: '356d',
            auth_role: 'PROVIDER',
            auth_tunnel: 'NORMAL',
            visit_params: 'a,b',
          },
        ],
      }),
    );
    const r = await inst.appAuths.authorize({
      env_id: 'DEFAULT_ENVIRONMENT_RELEASE_ID',
      app_ids: ['356d'],
      api_ids: ['5f91'],
      visit_params: [{ api_id: '5f91', visit_param: 'a,b' }],
    });
    assert.equal(r[0]?.auth_time, '22020-08-04T04:02:22.482227344Z', 'kept as sent, never a crash');
    const q = last();
    assert.equal(q.method, 'POST');
    assert.equal(q.path, `${BASE}/app-auths`);
    assert.deepEqual(Object.keys(q.body).sort(), ['api_ids', 'app_ids', 'env_id', 'visit_params']);
  });
});

describe('what the client sends', () => {
  it('4.3.7 batch: action in the query, apis + env_id in the body; 4.8.6/4.13.3 batch unbind bodies', async () => {
    srv.respond(
      json(200, {
        success: [],
        failure: [{ api_id: 'x', error_code: 'APIG.3002', error_msg: 'Api x not found' }],
      }),
    );
    const r = await inst.apis.batchAction('offline', { apis: ['x'], env_id: 'e1' });
    assert.equal(r.failure[0]?.error_code, 'APIG.3002');
    let q = last();
    assert.equal(q.method, 'POST');
    assert.equal(q.path, `${BASE}/apis/publish`);
    assert.equal(q.query.get('action'), 'offline');
    assert.deepEqual(q.body, { apis: ['x'], env_id: 'e1' });
    srv.respond(json(200, { success_count: 1, failure: [] }));
    await inst.throttleBindings.batchUnbind(['b1']);
    q = last();
    assert.equal(q.method, 'PUT');
    assert.equal(q.path, `${BASE}/throttle-bindings`);
    assert.equal(q.query.get('action'), 'delete');
    assert.deepEqual(q.body, { throttle_bindings: ['b1'] });
    await inst.aclBindings.batchUnbind(['b2']);
    q = last();
    assert.equal(q.path, `${BASE}/acl-bindings`);
    assert.deepEqual(q.body, { acl_bindings: ['b2'] });
  });

  it('binding lookups are flat paths with the selector in the query (C7)', async () => {
    srv.respond(json(200, { total: 0, size: 0 }));
    const cases: Array<[() => Promise<unknown>, string, string]> = [
      [
        () => inst.throttleBindings.unboundApis.list({ throttle_id: 't' }),
        '/throttle-bindings/unbinded-apis',
        'throttle_id',
      ],
      [
        () => inst.throttleBindings.boundThrottles.list({ api_id: 'a' }),
        '/throttle-bindings/binded-throttles',
        'api_id',
      ],
      [() => inst.signBindings.boundSigns.list({ api_id: 'a' }), '/sign-bindings/binded-signs', 'api_id'],
      [() => inst.signBindings.unboundApis.list({ sign_id: 's' }), '/sign-bindings/unbinded-apis', 'sign_id'],
      [() => inst.aclBindings.boundAcls.list({ api_id: 'a' }), '/acl-bindings/binded-acls', 'api_id'],
      [
        () => inst.appAuths.unboundApis.list({ app_id: 'p', env_id: 'e' }),
        '/app-auths/unbinded-apis',
        'env_id',
      ],
      [() => inst.appAuths.boundApps.list({ api_id: 'a' }), '/app-auths/binded-apps', 'api_id'],
    ];
    for (const [run, path, param] of cases) {
      const page = (await run()) as { items: unknown[]; total: number };
      assert.deepEqual(page.items, [], `${path}: an absent list with total 0 is an empty page`);
      assert.equal(last().path, BASE + path);
      assert.ok(last().query.get(param), `${path} carries ${param}`);
    }
  });
});
