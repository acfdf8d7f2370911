// Client contract for issue 14's endpoints, over real HTTP against the emulator: every call of
// APIC-MORE.md 4.6, 4.14, 4.16.3–4.16.11, 4.17, 4.19, 4.22.2, 4.23.1, 4.24.1, 4.25 and PUBLIC-RESOURCES.md 3.x.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { type InstanceClient, type RomaClient } from '../../src/api/client.ts';
import { RomaError } from '../../src/api/errors.ts';
import { operationsOf, parseOpenApiText } from '../../src/api/openapi-doc.ts';
import { rolesOf } from '../../src/api/public-resources.ts';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { readZip } from '../../src/emulator/zip.ts';
import { clientOf } from '../helpers/emulator-client.ts';

const fixture = (f: string) => readFileSync(new URL(`../fixtures/tls/${f}`, import.meta.url), 'utf8');

let em: EmulatorHandle;
let client: RomaClient;
let inst: InstanceClient;

before(async () => {
  em = await startEmulator({ seed: 'demo' });
  client = clientOf(em);
  inst = client.instance(em.instances[0] as string);
});
after(() => em.close());

async function refused(p: Promise<unknown>, status: number, code: string): Promise<void> {
  await assert.rejects(p, (e: RomaError) => {
    assert.equal(e.kind, 'http');
    assert.equal(e.status, status);
    assert.equal(e.errorCode, code);
    return true;
  });
}

describe('domains and certificates (4.6)', () => {
  it('binds a domain, uploads, reads and deletes its certificate, changes TLS, unbinds', async () => {
    const groups = await inst.groups.list({ limit: 50 });
    const g = groups.items.find((x) => (x.url_domains ?? []).length === 0)!;
    const d = await inst.domains.bind(g.id, { url_domain: 'api.example.com' });
    assert.equal(d.url_domain, 'api.example.com');
    assert.equal(d.min_ssl_version, 'TLSv1.1');
    await refused(inst.domains.bind(g.id, { url_domain: 'api.example.com' }), 400, 'APIG.3305');
    await refused(inst.domains.bind(g.id, { url_domain: 'not a domain' }), 400, 'APIG.2024');
    await refused(
      inst.domains.uploadCertificate(g.id, d.id, {
        name: 'cert_api',
        cert_content: fixture('api-example.cert.pem'),
        private_key: fixture('other.key.pem'),
      }),
      400,
      'APIG.2101',
    );
    await refused(
      inst.domains.uploadCertificate(g.id, d.id, {
        name: 'cert_api',
        cert_content: 'junk',
        private_key: 'junk',
      }),
      400,
      'APIG.2106',
    );
    const withCert = await inst.domains.uploadCertificate(g.id, d.id, {
      name: 'cert_api',
      cert_content: fixture('api-example.cert.pem'),
      private_key: fixture('api-example.key.pem'),
    });
    assert.equal(withCert.ssl_name, 'cert_api');
    const cert = await inst.domains.certificate(g.id, d.id, withCert.ssl_id!);
    assert.equal(cert.common_name, 'api.example.com');
    assert.deepEqual(cert.san, ['api.example.com', 'www.example.com']);
    assert.ok(Date.parse(cert.not_after!) > Date.now());
    assert.equal(JSON.stringify(cert).includes('PRIVATE KEY'), false);
    const updated = await inst.domains.update(g.id, d.id, 'TLSv1.2');
    assert.equal(updated.min_ssl_version, 'TLSv1.2');
    const other = groups.items.find((x) => x.id !== g.id)!;
    await refused(inst.domains.unbind(other.id, d.id), 400, 'APIG.3474');
    await inst.domains.deleteCertificate(g.id, d.id, withCert.ssl_id!);
    await refused(inst.domains.certificate(g.id, d.id, withCert.ssl_id!), 404, 'APIG.3021');
    await inst.domains.unbind(g.id, d.id);
    await refused(inst.domains.unbind(g.id, d.id), 404, 'APIG.3020');
    // The group's own detail lists its domains.
    assert.equal((await inst.groups.get(g.id)).url_domains?.length ?? 0, 0);
  });
  it('the demo has certificates with real expiry dates', async () => {
    const groups = await inst.groups.listAll({});
    const withCerts = groups.flatMap((g) =>
      (g.url_domains ?? []).filter((d) => d.ssl_id).map((d) => ({ g, d })),
    );
    assert.ok(withCerts.length >= 4);
    const first = withCerts[0]!;
    const c = await inst.domains.certificate(first.g.id, first.d.id, first.d.ssl_id!);
    assert.ok(c.not_after);
  });
});

describe('OpenAPI (4.14)', () => {
  it('exports a group in an environment and imports it back into a new group without loss', async () => {
    const apis = await inst.apis.listAll({});
    const published = apis.find((a) => a.run_env_id && a.run_env_id !== '')!;
    const envId = published.run_env_id!.split('|')[0]!;
    for (const type of ['json', 'yaml'] as const) {
      const text = await inst.openapi.exportApis({
        group_id: published.group_id!,
        env_id: envId,
        define: 'all',
        type,
      });
      const { doc, format } = parseOpenApiText(text);
      assert.equal(format, type);
      const ops = operationsOf(doc);
      assert.ok(ops.length > 0);
      doc.info = { ...doc.info, title: `copy_${type}_${Date.now() % 100000}` };
      const r = await inst.openapi.importApis(
        {
          name: `g.${type}`,
          text:
            type === 'json'
              ? JSON.stringify(doc)
              : text.replace(/^  title: .*$/m, `  title: "${doc.info.title}"`),
        },
        { is_create_group: true },
      );
      assert.equal(r.failure.length, 0);
      assert.equal(r.success.length, ops.length);
      const copy = await inst.apis.listAll({ group_id: r.group_id });
      assert.deepEqual(
        copy.map((a) => `${a.req_method} ${a.req_uri} ${a.name} ${a.auth_type}`).sort(),
        ops.map((o) => `${o.method} ${o.path} ${o.name} ${o.authType}`).sort(),
      );
      // Importing the same file again in merge mode keeps every API and reports each conflict.
      const again = await inst.openapi.importApis(
        { name: 'again.json', text: JSON.stringify(doc) },
        { is_create_group: false, group_id: r.group_id! },
      );
      assert.equal(again.success.length, 0);
      assert.ok(again.failure.every((f) => f.error_code === 'APIG.3301'));
    }
  });
  it('refuses files that are not Swagger 2.0', async () => {
    await refused(inst.openapi.importApis({ name: 'x.json', text: '{nope' }, {}), 400, 'APIG.3600');
    await refused(
      inst.openapi.importApis({ name: 'x.json', text: '{"openapi":"3.0.0","paths":{}}' }, {}),
      400,
      'APIG.3601',
    );
    await refused(
      inst.openapi.exportApis({ group_id: '00000000000000000000000000000000' }),
      404,
      'APIG.3001',
    );
  });
  it('exports and imports custom backends', async () => {
    const text = await inst.openapi.exportLivedata({});
    const ops = operationsOf(parseOpenApiText(text).doc);
    assert.ok(ops.length >= 4);
    const merge = await inst.openapi.importLivedata({ name: 'ld.json', text }, { api_mode: 'merge' });
    assert.equal(merge.failure.length, ops.length);
    const over = await inst.openapi.importLivedata({ name: 'ld.json', text }, { api_mode: 'override' });
    assert.ok(over.success.every((s) => s.action === 'update'));
  });
});

describe('app extras (4.16.3–4.16.11, 4.25)', () => {
  it('App Codes: create, generate, list, read, delete', async () => {
    const app = (await inst.apps.list({ limit: 10 })).items[4]!;
    const codes = inst.appCodes.of(app.id);
    const mine = 'A' + 'b1+/='.repeat(13);
    const c = await codes.create(mine);
    assert.equal(c.app_code, mine);
    await refused(codes.create(mine), 400, 'APIG.3311');
    await refused(codes.create('short'), 400, 'APIG.2012');
    const g = await codes.generate();
    assert.equal(g.app_code?.length, 64);
    const list = await codes.listAll({});
    assert.ok(list.some((x) => x.id === c.id) && list.some((x) => x.id === g.id));
    assert.equal((await codes.get(c.id)).app_code, mine);
    await codes.remove(c.id);
    await refused(codes.get(c.id), 404, 'APIG.3082');
    await refused(inst.appCodes.of('nope').list({}), 404, 'APIG.3004');
  });
  it('access control: set, read, delete', async () => {
    const app = (await inst.apps.list({ limit: 10 })).items[5]!;
    assert.deepEqual((await inst.appAcl.get(app.id)).app_acl_values, []);
    const set = await inst.appAcl.set(app.id, {
      app_acl_type: 'DENY',
      app_acl_values: ['10.0.0.1', '10.1.0.0/16'],
    });
    assert.equal(set.app_acl_type, 'DENY');
    await refused(
      inst.appAcl.set(app.id, { app_acl_type: 'DENY', app_acl_values: ['10.0.0.300'] }),
      400,
      'APIG.2012',
    );
    assert.deepEqual((await inst.appAcl.get(app.id)).app_acl_values, ['10.0.0.1', '10.1.0.0/16']);
    await inst.appAcl.remove(app.id);
    assert.deepEqual((await inst.appAcl.get(app.id)).app_acl_values, []);
  });
  it('configurations: create, list, read, update, delete', async () => {
    const app = (await inst.apps.list({ limit: 10 })).items[1]!;
    const c = await inst.appConfigs.create(app.id, {
      config_type: 'variable',
      config_name: 'timeout_ms',
      config_value: '3000',
    });
    await refused(
      inst.appConfigs.create(app.id, { config_type: 'variable', config_name: 'timeout_ms' }),
      409,
      'APIG.3457',
    );
    const list = await inst.appConfigs.listAll({ app_id: app.id });
    assert.ok(list.some((x) => x.id === c.id));
    const u = await inst.appConfigs.update(app.id, c.id, { config_type: 'variable', config_value: '5000' });
    assert.equal(u.config_value, '5000');
    assert.equal((await inst.appConfigs.get(app.id, c.id)).config_value, '5000');
    await inst.appConfigs.remove(app.id, c.id);
    await refused(inst.appConfigs.get(app.id, c.id), 404, 'APIG.3091');
  });
});

describe('client quotas (4.17, 4.16.8)', () => {
  it('create, list, bind/unbind apps, bound quota of an app, delete', async () => {
    const q = await inst.appQuotas.create({
      name: 'contract_quota',
      call_limits: 10,
      time_unit: 'MINUTE',
      time_interval: 1,
      reset_time: '2024-06-01 00:00:00',
    });
    await refused(
      inst.appQuotas.create({ name: 'contract_quota', call_limits: 1, time_unit: 'DAY', time_interval: 1 }),
      400,
      'APIG.3325',
    );
    assert.ok(
      (await inst.appQuotas.listAll({ name: 'contract' })).some((x) => x.app_quota_id === q.app_quota_id),
    );
    const bindable = await inst.appQuotas.bindableApps(q.app_quota_id).listAll({});
    assert.ok(bindable.length > 0 && bindable.every((a) => a.bound_time === '0001-01-01T00:00:00Z'));
    const app = bindable[0]!;
    assert.equal(await inst.boundQuota(app.app_id), null);
    const applies = await inst.appQuotas.bindApps(q.app_quota_id, [app.app_id]);
    assert.equal(applies[0]?.app_id, app.app_id);
    assert.equal((await inst.boundQuota(app.app_id))?.app_quota_id, q.app_quota_id);
    assert.equal((await inst.appQuotas.get(q.app_quota_id)).bound_app_num, 1);
    assert.equal((await inst.appQuotas.boundApps(q.app_quota_id).listAll({}))[0]?.app_id, app.app_id);
    const u = await inst.appQuotas.update(q.app_quota_id, {
      name: 'contract_quota',
      call_limits: 20,
      time_unit: 'MINUTE',
      time_interval: 2,
    });
    assert.equal(u.call_limits, 20);
    await inst.appQuotas.unbindApp(q.app_quota_id, app.app_id);
    assert.equal(await inst.boundQuota(app.app_id), null);
    await inst.appQuotas.remove(q.app_quota_id);
    await refused(inst.appQuotas.get(q.app_quota_id), 404, 'APIG.3093');
  });
});

describe('custom backends (4.19)', () => {
  it('create, check, script, test, deploy, history, undeploy, delete', async () => {
    const appId = (await inst.integrationApps.list({})).items[0]!.id;
    const api = await inst.livedata.create({
      name: 'contract_ld',
      path: '/contract',
      method: 'POST',
      version: 'v1.0',
      roma_app_id: appId,
    });
    assert.equal(api.status, 1);
    assert.equal(await inst.livedata.check({ type: 'name', ld_api_name: 'contract_ld' }), false);
    assert.equal(await inst.livedata.check({ type: 'name', ld_api_name: 'free_name_x' }), true);
    await refused(inst.livedata.deploy(api.id, { deploy_front_api: false }), 403, 'APIG.3484');
    const code = 'function execute(data) { return { twice: Number(data.n) * 2 }; }';
    const scripted = await inst.livedata.setScripts(api.id, {
      api_type: 'function',
      scripts: [{ content: Buffer.from(code).toString('base64') }],
    });
    assert.equal(scripted.type, 'function');
    const t = await inst.livedata.test(api.id, [{ name: 'n', in: 'Parameters', default: '21' }]);
    assert.equal(t.test_status_code, '200');
    assert.deepEqual(JSON.parse(t.test_response!), { twice: 42 });
    assert.equal((await inst.livedata.tests(api.id).listAll({}))[0]?.test_id, t.test_id);
    const groups = await inst.groups.list({ limit: 1 });
    const envs = await inst.envs.list({});
    const d = await inst.livedata.deploy(api.id, {
      auth_type: 'NONE',
      group_id: groups.items[0]!.id,
      env_id: envs.items[0]!.id,
      protocol: 'HTTPS',
    });
    assert.ok(d.api_id);
    assert.equal((await inst.apis.get(d.api_id!)).req_uri, '/contract');
    await refused(inst.livedata.remove(api.id), 403, 'APIG.3483');
    assert.equal((await inst.livedata.deployments(api.id))[0]?.id, d.id);
    await inst.livedata.undeploy(api.id);
    await refused(inst.livedata.undeploy(api.id), 403, 'APIG.3486');
    await inst.livedata.update(api.id, {
      name: 'contract_ld2',
      path: '/contract',
      method: 'POST',
      version: 'v1.1',
      roma_app_id: appId,
    });
    assert.equal((await inst.livedata.get(api.id)).name, 'contract_ld2');
    await inst.livedata.remove(api.id);
    await refused(inst.livedata.get(api.id), 404, 'APIG.3084');
  });
  it('quota, data sources and the list filters', async () => {
    const quota = await inst.livedata.quota();
    assert.ok(Number(quota.api) > 0 && Number(quota.api_used) >= 4);
    const appId = (await inst.integrationApps.list({})).items.find((a) => a.name === 'order_platform')!.id;
    const ds = await inst.livedata.dataSources.listAll({ app_id: appId });
    assert.ok(ds.length >= 2 && ds.every((d) => !('password' in d)));
    const deployed = await inst.livedata.listAll({ status: '4' });
    assert.ok(deployed.length >= 1 && deployed.every((a) => a.status === 4));
  });
});

describe('instance settings (4.22.2, 4.23.1, 4.24.1)', () => {
  it('configures a feature, lists tags and quota usage', async () => {
    const f = await inst.settings.configureFeature({ name: 'app_api_key', enable: false, config: 'off' });
    assert.equal(f.enable, false);
    assert.equal((await inst.features.listAll({})).find((x) => x.name === 'app_api_key')?.enable, false);
    await refused(inst.settings.configureFeature({ name: 'app-api-key', enable: true }), 400, 'APIG.2000');
    const tags = await inst.settings.tags.listAll();
    assert.ok(tags.length > 0 && tags.every((t) => typeof t === 'string'));
    const q = await inst.settings.quotas.listAll({});
    const apisQuota = q.find((x) => x.config_name === 'API_NUM_LIMIT')!;
    assert.equal(apisQuota.used, (await inst.apis.list({ limit: 1 })).total);
  });
});

describe('public resources (section 3)', () => {
  it('integration applications: find, list, create, update, secret, members, delete', async () => {
    const apps = inst.integrationApps;
    const list = await apps.listAll({});
    assert.ok(list.length >= 4);
    assert.ok(list[0]!.favorite, 'favourites first');
    assert.ok(rolesOf(list[0]!).includes('read'));
    assert.equal((await apps.find({ name: list[0]!.name }))?.id, list[0]!.id);
    assert.equal(await apps.find({ name: 'no_such_app' }), null);
    const a = await apps.create({ name: 'contract app', remark: 'made by a test' });
    assert.equal('secret' in a, false);
    await refused(apps.create({ name: 'contract app' }), 400, 'ROMA.4001028');
    const s1 = await apps.secret(a.id);
    const s2 = await apps.resetSecret(a.id);
    assert.notEqual(s1, s2);
    assert.equal(await apps.secret(a.id), s2);
    assert.equal((await apps.update(a.id, { remark: 'changed' })).remark, 'changed');
    const cands = await apps.candidates(a.id, false);
    const set = await apps.setMembers(a.id, [cands[0]!.id]);
    assert.equal(set.users.length, 1);
    assert.equal((await apps.members(a.id)).users[0]?.id, cands[0]!.id);
    assert.equal(
      (await apps.candidates(a.id, true)).some((u) => u.id === cands[0]!.id),
      false,
    );
    await apps.remove(a.id);
    await refused(apps.get(a.id), 404, 'ROMA.00014001');
    const owning = list.find((x) => x.name === 'order_platform')!;
    await refused(apps.remove(owning.id), 400, 'ROMA.4001033');
  });
  it('assets: export job with progress, download once, import and delete jobs', async () => {
    const app = (await inst.integrationApps.listAll({})).find((x) => x.name === 'partner_hub')!;
    const jobId = await inst.assets.exportApps([app.id]);
    await refused(inst.assets.importApps(), 400, 'ROMA.00010012');
    let job = await inst.assets.job(jobId);
    assert.equal(job.status, 'Running');
    while (job.status === 'Running') job = await inst.assets.job(jobId);
    assert.equal(job.status, 'Success');
    const zip = await inst.assets.download(job.archive_id!);
    const files = readZip(zip).map((f) => f.name);
    assert.ok(files.includes('manifest.json') && files.includes('apps/partner_hub.json'));
    assert.equal(zip.includes(Buffer.from('"secret"')), false);
    assert.equal((await inst.assets.job(jobId)).status, 'Finished');
    await assert.rejects(inst.assets.download(job.archive_id!), (e: RomaError) => e.status === 404);
    const imp = await inst.assets.importApps(app.name);
    while ((await inst.assets.job(imp)).status === 'Running');
    const del = await inst.assets.deleteApp(app.id);
    let dj = await inst.assets.job(del);
    while (dj.status === 'Running') dj = await inst.assets.job(del);
    assert.equal(dj.status, 'Success');
    assert.equal((await inst.livedata.listAll({ app_id: app.id })).length, 0);
  });
  it('dictionaries: find, tree list, create, update, delete with children', async () => {
    const d = inst.dictionaries;
    const top = await d.listAll({});
    assert.ok(top.some((x) => x.code === 'COUNTRY'));
    assert.equal((await d.listAll({ parent_code: 'COUNTRY' })).length, 3);
    assert.deepEqual(await d.find({ code: 'COUNTRY' }), { name: 'Country', code: 'COUNTRY' });
    assert.equal(await d.find({ code: 'NOPE' }), null);
    const country = top.find((x) => x.code === 'COUNTRY')!;
    await refused(d.remove(country.id), 400, 'ROMA.00013014');
    const parent = await d.create({ name: 'Contract', code: 'CONTRACT' });
    await d.create({ name: 'Child one', code: 'CONTRACT_1', parent_code: 'CONTRACT' });
    await refused(d.create({ name: 'Other', code: 'X', parent_code: 'MISSING' }), 400, 'ROMA.00013013');
    await refused(d.create({ name: 'Contract', code: 'CONTRACT2' }), 400, 'ROMA.00013012');
    assert.equal((await d.update(parent.id, { remark: 'changed' })).remark, 'changed');
    assert.equal((await d.get(parent.id)).remark, 'changed');
    await d.remove(parent.id);
    assert.equal(await d.find({ code: 'CONTRACT_1' }), null);
  });
  it('a missing instance answers the section-3 envelope', async () => {
    await refused(client.instance('nope').integrationApps.list({}), 400, 'ROMA.00014002');
  });
});

describe('API versions (3.4)', () => {
  it('lists versions and reads one, without credentials', async () => {
    const versions = await client.versions.list();
    assert.deepEqual(
      versions.map((v) => v.id),
      ['v1', 'v2'],
    );
    assert.equal((await client.versions.get('v2')).status, 'CURRENT');
    const res = await fetch(`${em.endpoint}/`);
    assert.equal(res.status, 200);
    assert.equal((await fetch(`${em.endpoint}/v2/${em.projectId}/instances`)).status, 401);
  });
});
