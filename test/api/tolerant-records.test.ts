// One bad record must not fail a whole list: over real HTTP (a raw loopback server answering what a
// careless gateway could), bad fields are coerced, repaired or removed, unusable records dropped,
// and each repair is reported in page.warnings; a wrong envelope is still a `shape` error.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createRomaClient, type InstanceClient } from '../../src/api/client.ts';
import type { RomaError } from '../../src/api/errors.ts';
import { tokenProvider } from '../../src/auth/providers.ts';
import { json, startRawServer, type RawServer } from '../helpers/raw-server.ts';

const goodApi = (id: string) => ({ id, name: `api_${id}`, group_id: 'g1', req_method: 'GET', type: 1 });

describe('tolerant list records', () => {
  let server: RawServer;
  let inst: InstanceClient;
  before(async () => {
    server = await startRawServer();
    const client = createRomaClient({
      endpoint: server.url,
      projectId: 'p',
      auth: tokenProvider('token-value'),
      retry: { limit: 0, baseMs: 1, maxDelayMs: 1 },
    });
    inst = client.instance('i');
  });
  after(() => server.close());

  it('keeps the other records when one API has an object for a name', async () => {
    server.respond(
      json(200, {
        total: 3,
        size: 3,
        apis: [goodApi('a1'), { ...goodApi('a2'), name: { zh: '名字', en: 'name' } }, goodApi('a3')],
      }),
    );
    const page = await inst.apis.list();
    assert.deepEqual(
      page.items.map((a) => a.id),
      ['a1', 'a2', 'a3'],
    );
    assert.equal(page.items[1]?.name, '{"zh":"名字","en":"name"}', 'an object name is shown as JSON text');
    assert.equal(page.total, 3);
    assert.equal(page.warnings?.length, 1);
    assert.match(page.warnings?.[0] ?? '', /apis\[1\]\.name: expected string, got object/);
    assert.equal(page.items[0]?.warnings, undefined, 'no warning attached to good records');
  });

  it('coerces where the meaning is clear and removes a non-numeric limit', async () => {
    server.respond(
      json(200, {
        total: 3,
        size: 3,
        throttles: [
          { id: 't1', name: 'ok', api_call_limits: '100', time_interval: 1, time_unit: 'SECOND' },
          { id: 't2', name: 42, api_call_limits: 'lots', time_interval: '1', time_unit: 'SECOND' },
          { id: 't3', name: 'n', api_call_limits: 5, time_interval: 1, time_unit: 'MINUTE' },
        ],
      }),
    );
    const page = await inst.throttles.list();
    assert.deepEqual(
      page.items.map((t) => [t.id, t.name, t.api_call_limits, t.time_interval]),
      [
        ['t1', 'ok', 100, 1],
        ['t2', '42', undefined, 1],
        ['t3', 'n', 5, 1],
      ],
    );
    assert.deepEqual(page.warnings, [
      '$.throttles[1].api_call_limits: expected number, got string "lots"; removed',
    ]);
  });

  it('drops a record that is not an object or lacks a required field, and says so', async () => {
    server.respond(
      json(200, {
        total: 4,
        size: 4,
        apis: [goodApi('a1'), 'not a record', { ...goodApi('a3'), id: null }, [goodApi('a4')]],
      }),
    );
    const page = await inst.apis.list();
    assert.deepEqual(
      page.items.map((a) => a.id),
      ['a1'],
    );
    assert.deepEqual(page.warnings, [
      '$.apis[1]: dropped, expected an object, got string "not a record"',
      '$.apis[2]: dropped, required field id is missing',
      '$.apis[3]: dropped, expected an object, got array',
    ]);
  });

  it('repairs nested records: bad array elements dropped, wrong-typed arrays removed', async () => {
    server.respond(
      json(200, {
        total: 1,
        size: 1,
        apis: [
          {
            ...goodApi('a1'),
            tags: ['x', 7, { k: 1 }],
            req_params: [{ name: 'q', location: 'QUERY' }, 5, { name: ['arr'], required: 'yes' }],
            cors: 'maybe',
          },
        ],
      }),
    );
    const page = await inst.apis.list();
    const a = page.items[0];
    assert.ok(a);
    assert.deepEqual(a.tags, ['x', '7', '{"k":1}']);
    assert.deepEqual(a.req_params, [{ name: 'q', location: 'QUERY' }, { name: '["arr"]' }]);
    assert.equal(a.cors, undefined);
    assert.equal(page.warnings?.length, 5);
  });

  it('listAll hands each page’s warnings to onWarnings', async () => {
    server.respond(
      json(200, { total: 2, size: 2, apis: [goodApi('a1'), { ...goodApi('a2'), status: 'on' }] }),
    );
    const seen: string[] = [];
    const all = await inst.apis.listAll({}, { onWarnings: (w) => seen.push(...w) });
    assert.equal(all.length, 2);
    assert.deepEqual(seen, ['$.apis[1].status: expected number, got string "on"; removed']);
  });

  it('LINK records: camelCase keys read as the table names; keys named like Object members stay inert', async () => {
    const link = await createRomaClient({
      endpoint: server.url,
      projectId: 'p',
      auth: tokenProvider('token-value'),
      retry: { limit: 0, baseMs: 1, maxDelayMs: 1 },
    }).link('i');
    // JSON.parse makes own properties of all three; none may become a key or value of another field.
    const hostile = '{"constructor": "c", "toString": "t", "__proto__": {"x": 1}, "hasOwnProperty": 1}';
    const devices = [
      { id: 1, device_name: 'd1', nodeId: 'camel-node', clientIp: '10.0.0.1' },
      { ...JSON.parse(hostile), id: 2, device_name: 'd2', node_id: 'snake-node' },
    ];
    for (let round = 0; round < 2; round++) {
      server.respond(json(200, { total: 2, size: 2, items: devices }));
      const page = await link.devices.list({});
      assert.deepEqual(
        page.items.map((d) => [d.id, d.node_id, d.client_ip]),
        [
          [1, 'camel-node', '10.0.0.1'],
          [2, 'snake-node', undefined],
        ],
        `round ${round}`,
      );
      for (const d of page.items) {
        const junk = Object.keys(d).filter((k) => /native code|\[object /.test(k));
        assert.deepEqual(junk, [], `round ${round}: no key made of an Object member`);
      }
    }
  });

  it('a wrong envelope is still a shape error', async () => {
    for (const body of [
      { total: 1, apis: { a1: goodApi('a1') } },
      [goodApi('a1')],
      'text',
      { total: 'many' },
    ]) {
      server.respond(json(200, body));
      await assert.rejects(
        inst.apis.list(),
        (e: RomaError) => e.kind === 'shape' && e.hint.length > 0,
        JSON.stringify(body),
      );
    }
  });
});
