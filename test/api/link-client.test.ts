// The LINK client contract: every one of the 72 device-integration calls, through the typed client,
// over real HTTP against the emulator. The route table of the emulator is the checklist: each route
// must have been hit at least once, and none of the calls fell through to the unknown-route answer.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createRomaClient, type LinkClient, type RequestEvent } from '../../src/api/client.ts';
import { RomaError } from '../../src/api/errors.ts';
import { akskProvider } from '../../src/auth/providers.ts';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { linkRoutes } from '../../src/emulator/routes/link.ts';

let em: EmulatorHandle;
let link: LinkClient;
const events: RequestEvent[] = [];

before(async () => {
  em = await startEmulator({ seed: 'demo' });
  const client = createRomaClient({
    endpoint: em.endpoint,
    projectId: em.projectId,
    auth: akskProvider({ ak: em.ak, sk: em.sk, projectId: em.projectId }),
    onRequest: (e) => events.push(e),
  });
  link = await client.link(em.instances[0] as string);
});
after(() => em.close());

async function refused(p: Promise<unknown>, code: string): Promise<RomaError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof RomaError, String(e));
    assert.equal(e.errorCode, code, `${e.errorCode} ${e.errorMsg}`);
    return e;
  }
  assert.fail(`expected ${code}`);
}

/** Which route template a request path (`/v2/p/link/instances/i/devices/5`) belongs to. */
function templateOf(method: string, path: string): string | undefined {
  const parts = path.split('/').filter(Boolean);
  let best: { key: string; literal: number } | undefined;
  for (const r of linkRoutes()) {
    if (r.method !== method) continue;
    const segs = r.path.split('/').filter(Boolean);
    if (segs.length !== parts.length) continue;
    let literal = 0;
    const ok = segs.every((s, i) => {
      if (s.startsWith('{')) return true;
      literal++;
      return s === parts[i];
    });
    if (ok && (!best || literal > best.literal)) best = { key: `${r.method} ${r.path}`, literal };
  }
  return best?.key;
}

describe('LINK client — all 72 calls', () => {
  it('drives every endpoint through the typed client', async () => {
    const app = (await link.products.list({ limit: 1 })).items[0]?.app_id as string;
    assert.ok(app, 'demo products carry an app id');

    // 6.3 product templates
    const tpl = await link.productTemplates.create({ name: 'contract_tpl', status: 0, description: 'x' });
    assert.equal(typeof tpl.id, 'number');
    const tpls = await link.productTemplates.list({ name: 'contract_tpl' });
    assert.equal(tpls.items.length, 1);
    assert.equal((await link.productTemplates.update(tpl.id, { description: 'y' })).description, 'y');

    // 6.4 products
    const prod = await link.products.create({
      app_id: app,
      name: 'ContractProduct',
      manufacturer_id: 'contract-mf',
      manufacturer_name: 'Contract MF',
      model: 'C-1',
      product_type: 0,
      protocol_type: 0,
    });
    assert.ok(prod.product_serial);
    const gwProd = await link.products.create({
      app_id: app,
      name: 'ContractGateway',
      manufacturer_id: 'contract-mf',
      manufacturer_name: 'Contract MF',
      model: 'C-GW',
      product_type: 1,
      protocol_type: 0,
    });
    assert.equal((await link.products.list({ name: 'ContractProduct' })).total, 1);
    assert.equal((await link.products.get(prod.id)).model, 'C-1');
    assert.equal((await link.products.update(prod.id, { description: 'updated' })).description, 'updated');
    assert.equal(await link.products.deviceCount(prod.id), 0);
    const topic = await link.products
      .topics(prod.id)
      .create({ name: 'status', version: 'v1', permission: 0 });
    assert.equal(typeof topic.topic_id, 'string');
    assert.equal((await link.products.topics(prod.id).list({})).items[0]?.topic_name, 'status');
    assert.equal(
      (await link.products.topics(prod.id).update(topic.topic_id, { description: 'd' })).description,
      'd',
    );
    await link.products.topics(prod.id).remove(topic.topic_id);
    const pAuth = await link.products.authentication(prod.id);
    const pReset = await link.products.resetAuthentication(prod.id);
    assert.notEqual(pReset.password, pAuth.password);
    const csv = await link.products.exportCsv([prod.id]);
    assert.match(csv, /ContractProduct/);
    const imported = await link.products.importCsv(
      csv.replace(/ContractProduct/g, 'ImportedProduct').replace(/C-1/g, 'C-IMP'),
    );
    assert.deepEqual([imported.succ_num, imported.fail_num], [1, 0]);

    // 6.6 services, properties, commands, request and response properties
    const svc = await link.services.create({ product_id: prod.id, service_name: 'ctl', status: 0 });
    assert.equal((await link.services.list({ product_id: prod.id })).items[0]?.service_name, 'ctl');
    assert.equal((await link.services.get(svc.service_id)).service_id, svc.service_id);
    assert.equal((await link.services.update(svc.service_id, { description: 'svc' })).description, 'svc');
    await link.services
      .properties(svc.service_id)
      .create({ property_name: 'level', data_type: 'integer', required: 0 });
    assert.equal((await link.services.properties(svc.service_id).list({})).total, 1);
    const cmds = link.services.commands(svc.service_id);
    const cmd = await cmds.create({ name: 'set_level' });
    assert.equal(cmd.command_name, 'set_level');
    assert.equal((await cmds.list({})).items.length, 1);
    assert.equal((await cmds.get(cmd.command_id)).command_name, 'set_level');
    assert.equal((await cmds.update(cmd.command_id, { description: 'c' })).description, 'c');
    const req = await cmds
      .requests(cmd.command_id)
      .create({ property_name: 'level', data_type: 'integer', required: 1, min: '0', max: '10' });
    assert.equal((await cmds.requests(cmd.command_id).list({})).total, 1);
    assert.equal((await cmds.requests(cmd.command_id).update(req.property_id, { unit: '%' })).unit, '%');
    const extra = await cmds
      .requests(cmd.command_id)
      .create({ property_name: 'note', data_type: 'string', required: 0 });
    await cmds.requests(cmd.command_id).remove(extra.property_id);
    const resp = await cmds
      .responses(cmd.command_id)
      .create({ property_name: 'result', data_type: 'string', required: 0 });
    assert.equal((await cmds.responses(cmd.command_id).list({})).total, 1);
    assert.equal((await cmds.responses(cmd.command_id).get(resp.property_id)).property_name, 'result');
    assert.equal(
      (await cmds.responses(cmd.command_id).update(resp.property_id, { description: 'r' })).description,
      'r',
    );
    const extraResp = await cmds
      .responses(cmd.command_id)
      .create({ property_name: 'code', data_type: 'integer', required: 0 });
    await cmds.responses(cmd.command_id).remove(extraResp.property_id);

    // 6.2 devices
    const dev = await link.devices.create({
      product: { product_id: prod.id },
      device_name: 'contract-dev-1',
      node_id: 'CONTRACT_1',
      app_id: app,
    });
    assert.equal(dev.online_status, 0);
    const gw = await link.devices.create({
      product: { product_id: gwProd.id },
      device_name: 'contract-gw',
      node_id: 'CONTRACT_GW',
      app_id: app,
    });
    const list = await link.devices.list({ product_id: prod.id });
    assert.deepEqual(
      list.items.map((d) => d.id),
      [dev.id],
    );
    assert.equal((await link.devices.get(dev.id)).node_id, 'CONTRACT_1');
    assert.equal((await link.devices.update(dev.id, { description: 'moved' })).description, 'moved');
    const topics = await link.devices.topics(dev.id).list({});
    assert.ok(topics.items.some((t) => t.name === '/v1/devices/CONTRACT_1/datas'));
    assert.deepEqual(
      (await link.devices.shadow(dev.id)).map((s) => s.service_name),
      ['ctl'],
    );
    const dAuth = await link.devices.authentication(dev.id);
    assert.ok(dAuth.password && dAuth.password !== '*****');
    assert.notEqual((await link.devices.resetAuthentication(dev.id)).password, dAuth.password);
    await refused(
      link.devices.sendCommand(dev.id, {
        service_id: svc.service_id,
        command_id: cmd.command_id,
        is_sync: true,
      }),
      'ROMA.00111005',
    );
    const off = await link.devices.forceOffline([dev.id]);
    assert.deepEqual(
      off.failed.map((d) => d.id),
      [dev.id],
    );
    const subs = await link.devices.addSubDevices(gw.id, [dev.id]);
    assert.equal(subs[0]?.parent_device_id, gw.id);
    assert.deepEqual(
      (await link.devices.subDevices(gw.id).list({})).items.map((d) => d.id),
      [dev.id],
    );

    // 6.1 device groups
    const top = await link.deviceGroups.create({ parent_id: 0, name: 'contract-top', app_id: app });
    const child = await link.deviceGroups.create({ parent_id: top.id, name: 'contract-child', app_id: app });
    const tree = await link.deviceGroups.tree(app);
    const node = tree.find((g) => g.id === top.id);
    assert.deepEqual(
      node?.children?.map((c) => c.id),
      [child.id],
    );
    assert.equal((await link.deviceGroups.get(child.id)).parent_id, top.id);
    assert.equal((await link.deviceGroups.update(child.id, { description: 'g' })).description, 'g');
    await link.deviceGroups.addDevices(child.id, [dev.id]);
    await refused(link.deviceGroups.remove(top.id), 'ROMA.00111302');
    await link.deviceGroups.removeDevice(child.id, dev.id);
    await link.deviceGroups.remove(top.id);

    // 6.5 rules
    const rule = await link.rules.create({
      name: 'contract_rule',
      app_id: app,
      data_parsing_status: 0,
      sql_field: 'level',
      sql_where: 'level > 1',
    });
    assert.equal(rule.rule_express, 'SELECT level WHERE level > 1');
    assert.equal((await link.rules.list({ name: 'contract_rule' })).total, 1);
    assert.equal((await link.rules.get(rule.rule_id)).name, 'contract_rule');
    assert.equal((await link.rules.update(rule.rule_id, { description: 'rr' })).description, 'rr');
    const tested = await link.rules.test({
      test_rule_express: rule.rule_express as string,
      test_data: '{"level":3,"x":1}',
    });
    assert.equal(tested.test_result, '{"level":3}');
    const src = await link.rules
      .sources(rule.rule_id)
      .add({ product_id: prod.id, topic: `${prod.product_serial}/out/+` });
    assert.equal((await link.rules.sources(rule.rule_id).list({})).items[0]?.source_id, src.source_id);
    await link.rules.sources(rule.rule_id).remove(src.source_id);
    const dst = await link.rules.destinations(rule.rule_id).add({
      destination_type: 0,
      app_id: app,
      topic: 'T_contract',
      server: '192.168.0.20:9092',
    });
    assert.equal((await link.rules.destinations(rule.rule_id).list({})).items[0]?.topic, 'T_contract');
    await link.rules.destinations(rule.rule_id).remove(dst.destination_id);
    const other = await link.rules.create({ name: 'contract_rule_2', app_id: app });
    await link.rules.remove(rule.rule_id);
    const batch = await link.rules.batchDelete([other.rule_id, 999_999_999]);
    assert.deepEqual(
      batch.map((b) => b.ret_status),
      ['successful', 'error'],
    );

    // tear down in dependency order: sub-device, gateway, command, service, product, template
    await link.devices.remove(dev.id);
    await link.devices.remove(gw.id);
    await cmds.remove(cmd.command_id);
    await link.services.remove(svc.service_id);
    await link.products.remove(prod.id);
    await link.productTemplates.remove(tpl.id);

    const hit = new Set<string>();
    for (const e of events) {
      const t = templateOf(e.method, e.path);
      assert.ok(t, `no LINK route for ${e.method} ${e.path}`);
      hit.add(t);
    }
    const all = linkRoutes().map((r) => `${r.method} ${r.path}`);
    assert.equal(all.length, 72);
    assert.deepEqual(
      all.filter((k) => !hit.has(k)),
      [],
    );
    // The unknown-route answer is APIG.0101; no LINK call may have produced it.
    assert.ok(em.stats.log.every((l) => l.status !== 405));
  });
});
