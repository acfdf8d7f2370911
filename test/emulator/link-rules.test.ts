/* eslint-disable @typescript-eslint/no-explicit-any -- JSON wire bodies are checked field by field */
// LINK emulator state rules and envelopes (MQS-LINK.md C3/C9/C10, ERRORS-MQS-LINK.md), over signed HTTP.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { seedLink } from '../../src/emulator/seed/link.ts';
import { call } from './support.ts';

let em: EmulatorHandle;
const p = (rest: string, instance?: string) =>
  `/v2/${em.projectId}/link/instances/${instance ?? em.instances[0]}${rest}`;

before(async () => {
  em = await startEmulator({ seed: 'demo' });
});
after(() => em.close());

async function devices(query: string): Promise<any[]> {
  const r = await call(em, 'GET', p(`/devices?limit=999&${query}`));
  assert.equal(r.status, 200);
  return r.body.items;
}

function assertLinkError(r: { status: number; body: any }, status: number, code: string): void {
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.equal(r.body.error_code, code);
  assert.equal(typeof r.body.error_msg, 'string');
  // Strict: the table's `request_id`, never the examples' `requestId`.
  assert.match(r.body.request_id, /-romalink-service01$/);
  assert.equal(r.body.requestId, undefined);
}

describe('LINK envelopes', () => {
  it('answers an unknown instance with 500 ROMA.00110002 (C9), not the unknown-route 404', async () => {
    const r = await call(em, 'GET', p('/devices', '00000000-0000-4000-a000-000000000000'));
    assertLinkError(r, 500, 'ROMA.00110002');
  });

  it('pages LINK lists: default 10, limit capped at 999, a non-integer limit is SCB.00000000', async () => {
    const d = await call(em, 'GET', p('/devices'));
    assert.equal(d.body.size, 10);
    assert.equal(d.body.total, 320);
    assert.ok(d.body.connect_address);
    const big = await call(em, 'GET', p('/devices?limit=5000'));
    assert.equal(big.body.size, 320);
    const bad = await call(em, 'GET', p('/devices?limit=ten'));
    assertLinkError(bad, 400, 'SCB.00000000');
    assert.match(bad.body.error_msg, /Parameter is \[limit\]\. Processor is \[query\]/);
  });

  it('filters devices by several online statuses and by product', async () => {
    const offline = await devices('online_status=0,2');
    assert.ok(offline.length > 0 && offline.every((d) => d.online_status !== 1));
    const product = offline[0].product.product_id;
    const ofProduct = await devices(`product_id=${product}`);
    assert.ok(ofProduct.every((d) => d.product.product_id === product));
  });
});

describe('LINK device rules', () => {
  it('refuses to delete an online device, takes it offline, then deletes it', async () => {
    const online = (await devices('online_status=1')).find((d) => d.device_type === 0);
    assertLinkError(await call(em, 'DELETE', p(`/devices/${online.id}`)), 500, 'ROMA.00111009');
    const off = await call(em, 'POST', p('/devices/force-offline'), { device_ids: [online.id, 42] });
    assert.equal(off.status, 200);
    assert.deepEqual(off.body.success, [{ id: online.id, device_name: online.device_name }]);
    assert.deepEqual(off.body.failed, [{ id: 42 }]);
    assert.equal((await call(em, 'GET', p(`/devices/${online.id}`))).body.online_status, 2);
    // A group membership does not block deleting the device itself.
    assert.equal((await call(em, 'DELETE', p(`/devices/${online.id}`))).status, 204);
    assertLinkError(await call(em, 'GET', p(`/devices/${online.id}`)), 404, 'ROMA.00110006');
  });

  it('refuses to delete a gateway that has sub-devices', async () => {
    const gw = (await devices('node_type=1')).find((d) => d.online_status !== 1);
    const subs = await call(em, 'GET', p(`/devices/${gw.id}/subsets?limit=999`));
    if (subs.body.total === 0) return; // this gateway has none in the seed
    assertLinkError(await call(em, 'DELETE', p(`/devices/${gw.id}`)), 500, 'ROMA.00111011');
  });

  it('sends commands only to online, enabled devices and only commands of the device product', async () => {
    const all = await devices('');
    const meter = (d: any) => d.product.product_name === 'SmartMeter_S3';
    const online = all.find((d) => meter(d) && d.online_status === 1 && d.status === 0);
    const offline = all.find((d) => meter(d) && d.online_status === 2 && d.status === 0);
    const disabled = all.find((d) => meter(d) && d.status === 1);
    const services = await call(em, 'GET', p(`/services?product_id=${online.product.product_id}&limit=50`));
    const relay = services.body.items.find((s: any) => s.service_name === 'relay');
    const cmds = await call(em, 'GET', p(`/services/${relay.service_id}/commands`));
    const sw = cmds.body.items[0];
    const body = {
      service_id: relay.service_id,
      command_id: sw.command_id,
      is_sync: true,
      requests: [{ parameter_name: 'state', parameter_value: 'off' }],
    };
    const ok = await call(em, 'POST', p(`/devices/${online.id}/send-command`), body);
    assert.equal(ok.status, 200);
    assert.deepEqual(
      ok.body.response.map((r: any) => r.parameter_name),
      ['result', 'relay_state'],
    );
    assertLinkError(
      await call(em, 'POST', p(`/devices/${offline.id}/send-command`), body),
      500,
      'ROMA.00111005',
    );
    assertLinkError(
      await call(em, 'POST', p(`/devices/${disabled.id}/send-command`), body),
      500,
      'ROMA.00111006',
    );
    const missing = await call(em, 'POST', p(`/devices/${online.id}/send-command`), {
      ...body,
      requests: [],
    });
    assertLinkError(missing, 400, 'ROMA.00110001');
    const sensor = all.find(
      (d) => d.product.product_name === 'TempSensor_T1' && d.online_status === 1 && d.status === 0,
    );
    assertLinkError(
      await call(em, 'POST', p(`/devices/${sensor.id}/send-command`), body),
      500,
      'ROMA.00111033',
    );
  });

  it('keeps node ids unique and device names unique within a product', async () => {
    const [d] = await devices('limit=1');
    const again = await call(em, 'POST', p('/devices'), {
      product: { product_id: d.product.product_id },
      device_name: 'another-name',
      node_id: d.node_id,
      app_id: d.app_id,
    });
    assertLinkError(again, 500, 'ROMA.00111003');
    const sameName = await call(em, 'POST', p('/devices'), {
      product: { product_id: d.product.product_id },
      device_name: d.device_name,
      node_id: 'UNIQUE_NODE_1',
      app_id: d.app_id,
    });
    assertLinkError(sameName, 500, 'ROMA.00111050');
  });
});

describe('LINK group rules', () => {
  it('nests groups at most 5 levels, needs an existing parent and unique names', async () => {
    const app = (await call(em, 'GET', p('/products?limit=1'))).body.items[0].app_id;
    let parent = 0;
    for (let level = 1; level <= 5; level++) {
      const r = await call(em, 'POST', p('/device-groups'), {
        parent_id: parent,
        name: `lvl-${level}`,
        app_id: app,
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      parent = r.body.id;
    }
    const sixth = await call(em, 'POST', p('/device-groups'), {
      parent_id: parent,
      name: 'lvl-6',
      app_id: app,
    });
    assertLinkError(sixth, 500, 'ROMA.00111304');
    const orphan = await call(em, 'POST', p('/device-groups'), {
      parent_id: 987654321,
      name: 'orphan',
      app_id: app,
    });
    assertLinkError(orphan, 500, 'ROMA.00111303');
    const dup = await call(em, 'POST', p('/device-groups'), { parent_id: 0, name: 'lvl-1', app_id: app });
    assertLinkError(dup, 500, 'ROMA.00111301');
  });

  it('refuses to delete a group (or a parent of one) that has devices', async () => {
    const app = (await call(em, 'GET', p('/products?limit=1'))).body.items[0].app_id;
    const tree = (await call(em, 'GET', p(`/device-groups?app_id=${app}`))).body.items;
    const north = tree.find((g: any) => g.name === 'north-plant');
    assertLinkError(await call(em, 'DELETE', p(`/device-groups/${north.id}`)), 500, 'ROMA.00111302');
    const warehouse = tree.find((g: any) => g.name === 'warehouse');
    assert.equal((await call(em, 'DELETE', p(`/device-groups/${warehouse.id}`))).status, 204);
    assertLinkError(await call(em, 'GET', p('/device-groups')), 400, 'SCB.00000000');
  });
});

describe('LINK product and rule rules', () => {
  it('refuses to delete a product with devices, and checks rule SQL and source topics', async () => {
    const products = (await call(em, 'GET', p('/products?limit=50'))).body.items;
    const meter = products.find((x: any) => x.name === 'SmartMeter_S3');
    assertLinkError(await call(em, 'DELETE', p(`/products/${meter.id}`)), 500, 'ROMA.00110703');
    const bad = await call(em, 'POST', p('/rules'), {
      name: 'bad_sql',
      app_id: meter.app_id,
      data_parsing_status: 1,
      sql_field: 'a',
    });
    assertLinkError(bad, 500, 'ROMA.00111605');
    const rule = await call(em, 'POST', p('/rules'), { name: 'topic_check', app_id: meter.app_id });
    assert.equal(rule.status, 200);
    const src = await call(em, 'POST', p(`/rules/${rule.body.rule_id}/sources`), {
      product_id: meter.id,
      topic: '/v1/whatever',
    });
    assertLinkError(src, 500, 'ROMA.00111613');
    const test = await call(em, 'POST', p('/rule-test'), {
      test_rule_express: 'SELECT power WHERE power > 100',
      test_data: '{"power": 50}',
    });
    assert.deepEqual(test.body, { test_result: '' });
  });

  it('exports products as CSV and refuses more than 500 ids', async () => {
    const ids = Array.from({ length: 501 }, (_, i) => i + 1).join(',');
    assertLinkError(await call(em, 'GET', p(`/products/export?product_ids=${ids}`)), 500, 'ROMA.00110717');
    const csv = await call(em, 'GET', p('/products/export'));
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    assert.match(csv.text, /^name,app_id,/);
  });
});

describe('LINK scale', () => {
  it('scale:N seeds N devices', async () => {
    const small = await startEmulator({ seed: { scale: 1200 } });
    try {
      const r = await call(
        small,
        'GET',
        `/v2/${small.projectId}/link/instances/${small.instances[0]}/devices?limit=1`,
      );
      assert.equal(r.body.total, 1200);
    } finally {
      await small.close();
    }
  });

  it('serves any page of 100,000 devices', async () => {
    const big = await startEmulator({ seed: 'demo' });
    try {
      const instance = big.instances[1] as string;
      seedLink(big.state, instance, { devices: 100_000, rich: false, seed: 7 });
      const path = `/v2/${big.projectId}/link/instances/${instance}/devices?offset=99990&limit=20`;
      const r = await call(big, 'GET', path);
      assert.equal(r.status, 200);
      assert.equal(r.body.total, 100_000);
      assert.equal(r.body.size, 10);
      const online = await call(big, 'GET', `${path.split('?')[0]}?online_status=1&limit=1`);
      assert.ok(online.body.total > 50_000 && online.body.total < 65_000);
    } finally {
      await big.close();
    }
  });
});

describe('LINK state file', () => {
  it('keeps devices, groups and shadows across a restart with --state', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rd-link-state-'));
    const statePath = join(dir, 'state.json');
    try {
      const first = await startEmulator({ seed: 'demo', statePath });
      const base = `/v2/${first.projectId}/link/instances/${first.instances[0]}`;
      const list = await call(first, 'GET', `${base}/devices?limit=1&online_status=1`);
      const d = list.body.items[0];
      const made = await call(first, 'POST', `${base}/devices`, {
        product: { product_id: d.product.product_id },
        device_name: 'persisted-device',
        node_id: 'PERSISTED_1',
        app_id: d.app_id,
      });
      assert.equal(made.status, 201);
      const shadow = (await call(first, 'GET', `${base}/devices/${d.id}/shadow`)).body;
      await first.close();
      const second = await startEmulator({ seed: 'demo', statePath });
      try {
        const again = await call(second, 'GET', `${base}/devices/${made.body.id}`);
        assert.equal(again.body.node_id, 'PERSISTED_1');
        assert.deepEqual((await call(second, 'GET', `${base}/devices/${d.id}/shadow`)).body, shadow);
        const all = await call(second, 'GET', `${base}/devices?limit=1`);
        assert.equal(all.body.total, 321);
        const next = await call(second, 'POST', `${base}/devices`, {
          product: { product_id: d.product.product_id },
          device_name: 'after-restart',
          node_id: 'PERSISTED_2',
          app_id: d.app_id,
        });
        assert.ok(next.body.id > made.body.id, 'ids continue after the saved ones');
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
