// Emulator rules of issue 14's families, over raw HTTP with a token: every endpoint has its route (never the
// unknown-route answer), and the limits and state rules answer the reference's codes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';

let em: EmulatorHandle;
let base: string;
let pub: string;

before(async () => {
  em = await startEmulator({ seed: 'demo' });
  base = `${em.endpoint}/v2/${em.projectId}/apic/instances/${em.instances[0]}`;
  pub = `${em.endpoint}/v2/${em.projectId}/instances/${em.instances[0]}`;
});
after(() => em.close());

async function call(
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, {
    method,
    headers: { 'x-auth-token': em.token, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = { text };
  }
  return { status: res.status, body: parsed };
}

// [method, path] of every endpoint of 4.6, 4.14, 4.16.3–4.16.11, 4.17, 4.19, 4.22.2, 4.23.1, 4.24.1, 4.25
// (APIC-MORE.md's table) and section 3 (PUBLIC-RESOURCES.md's table); `x` stands for any id.
const APIC: Array<[string, string]> = [
  ['POST', '/api-groups/x/domains'],
  ['POST', '/api-groups/x/domains/x/certificate'],
  ['PUT', '/api-groups/x/domains/x'],
  ['DELETE', '/api-groups/x/domains/x'],
  ['DELETE', '/api-groups/x/domains/x/certificate/x'],
  ['GET', '/api-groups/x/domains/x/certificate/x'],
  ['POST', '/openapi/export'],
  ['POST', '/openapi/import'],
  ['POST', '/openapi/livedata-apis/export'],
  ['POST', '/openapi/livedata-apis/import'],
  ['POST', '/apps/x/app-codes'],
  ['PUT', '/apps/x/app-codes'],
  ['GET', '/apps/x/app-codes'],
  ['GET', '/apps/x/app-codes/x'],
  ['DELETE', '/apps/x/app-codes/x'],
  ['GET', '/apps/x/bound-quota'],
  ['PUT', '/apps/x/app-acl'],
  ['GET', '/apps/x/app-acl'],
  ['DELETE', '/apps/x/app-acl'],
  ['POST', '/app-quotas'],
  ['PUT', '/app-quotas/x'],
  ['DELETE', '/app-quotas/x'],
  ['GET', '/app-quotas/x'],
  ['GET', '/app-quotas'],
  ['POST', '/app-quotas/x/binding-apps'],
  ['DELETE', '/app-quotas/x/bound-apps/x'],
  ['GET', '/app-quotas/x/bound-apps'],
  ['GET', '/app-quotas/x/bindable-apps'],
  ['POST', '/livedata-apis'],
  ['PUT', '/livedata-apis/x'],
  ['DELETE', '/livedata-apis/x'],
  ['GET', '/livedata-apis/x'],
  ['GET', '/livedata-apis'],
  ['POST', '/livedata-apis/x/scripts'],
  ['POST', '/livedata-apis/x/test'],
  ['GET', '/livedata-apis/x/test'],
  ['POST', '/livedata-apis/x/deploy'],
  ['GET', '/livedata-apis/x/deploy'],
  ['POST', '/livedata-apis/x/undeploy'],
  ['POST', '/livedata-apis/check'],
  ['GET', '/livedata-quota'],
  ['GET', '/data-sources'],
  ['POST', '/features'],
  ['GET', '/tags'],
  ['GET', '/project/configs'],
  ['POST', '/apps/x/configs'],
  ['PUT', '/apps/x/configs/x'],
  ['DELETE', '/apps/x/configs/x'],
  ['GET', '/apps/x/configs/x'],
  ['GET', '/apps/configs'],
];
const PUBLIC: Array<[string, string]> = [
  ['GET', '/validate-apps'],
  ['GET', '/apps'],
  ['POST', '/apps'],
  ['GET', '/apps/x'],
  ['PUT', '/apps/x'],
  ['DELETE', '/apps/x'],
  ['GET', '/apps/x/secret'],
  ['PUT', '/apps/x/secret'],
  ['GET', '/apps/x/users'],
  ['PUT', '/apps/x/users'],
  ['GET', '/apps/x/candidates'],
  ['GET', '/assets/archives/x'],
  ['POST', '/assets/export'],
  ['POST', '/assets/import'],
  ['GET', '/assets/jobs/x'],
  ['POST', '/assets/delete'],
  ['GET', '/validate-dictionaries'],
  ['GET', '/dictionaries'],
  ['POST', '/dictionaries'],
  ['GET', '/dictionaries/x'],
  ['PUT', '/dictionaries/x'],
  ['DELETE', '/dictionaries/x'],
];

describe('routing', () => {
  it('every endpoint of the families has its route', async () => {
    const stray: string[] = [];
    for (const [m, p] of APIC) {
      const r = await call(m, base + p, m === 'GET' || m === 'DELETE' ? undefined : {});
      if (r.status === 405 || r.body.error_code === 'APIG.0101') stray.push(`${m} ${p}`);
    }
    for (const [m, p] of PUBLIC) {
      const r = await call(m, pub + p, m === 'GET' || m === 'DELETE' ? undefined : {});
      if (r.status === 405 || r.body.error_code === 'APIG.0101') stray.push(`${m} ${p}`);
      // Section 3 errors carry the five fields of P3.
      if (r.status >= 400 && r.body.archive_id === undefined)
        assert.deepEqual(Object.keys(r.body).sort(), [
          'error_code',
          'error_details',
          'error_msg',
          'request_id',
          'suggestion',
        ]);
    }
    assert.deepEqual(stray, []);
  });
  it('3.4 answers without credentials; the APIC apps and the section-3 applications stay apart', async () => {
    const v = await fetch(`${em.endpoint}/v1`);
    assert.equal(v.status, 200);
    assert.equal(((await v.json()) as { version: { id: string } }).version.id, 'v1');
    const apic = await call('GET', `${base}/apps?limit=1`);
    const roma = await call('GET', `${pub}/apps?limit=1`);
    assert.ok('app_key' in ((apic.body.apps as object[])[0] as object));
    assert.ok('key' in ((roma.body.apps as object[])[0] as object));
  });
});

describe('rules', () => {
  it('at most 5 domains per group (403 APIG.3108)', async () => {
    const g = (await call('GET', `${base}/api-groups?limit=20`)).body.groups as Array<{
      id: string;
      url_domains: unknown[];
    }>;
    const empty = g.find((x) => x.url_domains.length === 0)!;
    for (let i = 0; i < 5; i++)
      assert.equal(
        (
          await call('POST', `${base}/api-groups/${empty.id}/domains`, {
            url_domain: `d${i}.limit.example.com`,
          })
        ).status,
        201,
      );
    const sixth = await call('POST', `${base}/api-groups/${empty.id}/domains`, {
      url_domain: 'd5.limit.example.com',
    });
    assert.equal(sixth.status, 403);
    assert.equal(sixth.body.error_code, 'APIG.3108');
    const bad = await call('POST', `${base}/api-groups/${empty.id}/domains`, {
      url_domain: 'x.example.com',
      min_ssl_version: 'TLSv1.0',
    });
    assert.equal(bad.body.error_code, 'APIG.2012');
  });
  it('at most 5 App Codes per app (403 APIG.3131); a GET of one answers 201 as printed', async () => {
    const app = ((await call('GET', `${base}/apps?limit=10`)).body.apps as Array<{ id: string }>)[6]!;
    let last = 0;
    let id = '';
    for (let i = 0; i < 6; i++) {
      const r = await call('PUT', `${base}/apps/${app.id}/app-codes`);
      last = r.status;
      if (r.status === 201) id = r.body.id as string;
      if (r.status !== 201) assert.equal(r.body.error_code, 'APIG.3131');
    }
    assert.equal(last, 403);
    assert.equal((await call('GET', `${base}/apps/${app.id}/app-codes/${id}`)).status, 201);
  });
  it('an app has at most one client quota; deleting a quota deletes its bindings', async () => {
    const quotas = (await call('GET', `${base}/app-quotas`)).body.quotas as Array<{
      app_quota_id: string;
      name: string;
      bound_app_num: number;
    }>;
    const mobile = quotas.find((q) => q.name === 'mobile_daily')!;
    const batch = quotas.find((q) => q.name === 'batch_minute')!;
    const bound = (await call('GET', `${base}/app-quotas/${mobile.app_quota_id}/bound-apps`)).body
      .apps as Array<{ app_id: string }>;
    const moved = await call('POST', `${base}/app-quotas/${batch.app_quota_id}/binding-apps`, {
      app_ids: [bound[0]!.app_id],
    });
    assert.equal(moved.status, 400);
    assert.equal((await call('DELETE', `${base}/app-quotas/${mobile.app_quota_id}`)).status, 204);
    assert.equal(
      (await call('GET', `${base}/apps/${bound[0]!.app_id}/bound-quota`)).body.error_code,
      'APIG.3067',
    );
    assert.equal(
      (await call('GET', `${base}/app-quotas/${mobile.app_quota_id}`)).body.error_code,
      'APIG.3093',
    );
  });
  it('configurations only on integration apps (412 APIG.3456)', async () => {
    // Every demo app is an integration app: make one a legacy APIG app in the state to check the rule.
    const store = em.state.stores.get(em.instances[0] as string)!;
    const legacy = [...store.data.apps.values()][7]!;
    legacy.app_type = 'apig';
    const r = await call('POST', `${base}/apps/${legacy.id}/configs`, {
      config_type: 'variable',
      config_name: 'x',
    });
    assert.equal(r.status, 412);
    assert.equal(r.body.error_code, 'APIG.3456');
  });
  it('a custom backend used by an LD authorizer cannot be undeployed (409 APIG.3460)', async () => {
    const store = em.state.stores.get(em.instances[0] as string)!;
    const deployed = [...store.data.ldApis.values()].find((a) => a.status === 4)!;
    const auth = [...store.data.authorizers.values()][0]!;
    const saved = { ...auth };
    Object.assign(auth, { authorizer_type: 'LD', ld_api_id: deployed.id });
    const r = await call('POST', `${base}/livedata-apis/${deployed.id}/undeploy`);
    Object.assign(auth, saved);
    assert.equal(r.status, 409);
    assert.equal(r.body.error_code, 'APIG.3460');
  });
  it('tenant quotas count what the instance holds', async () => {
    const r = await call('GET', `${base}/project/configs?limit=100`);
    const byName = new Map(
      (r.body.configs as Array<{ config_name: string; used: number; config_value: string }>).map((c) => [
        c.config_name,
        c,
      ]),
    );
    assert.equal(byName.get('APIGROUP_DOMAIN_NUM_LIMIT')?.config_value, '5');
    assert.ok((byName.get('API_NUM_LIMIT')?.used ?? 0) > 0);
  });
  it('a script that throws is a failed test, not a server error', async () => {
    const store = em.state.stores.get(em.instances[0] as string)!;
    const api = [...store.data.ldApis.values()].find((a) => a.name === 'sum_numbers')!;
    const code = Buffer.from('function execute(d) { throw new Error("boom"); }').toString('base64');
    await call('POST', `${base}/livedata-apis/${api.id}/scripts`, {
      api_type: 'function',
      scripts: [{ content: code }],
    });
    const r = await call('POST', `${base}/livedata-apis/${api.id}/test`, {});
    assert.equal(r.status, 200);
    assert.equal(r.body.test_status_code, '500');
    assert.match(String(r.body.test_response), /boom/);
    const loop = Buffer.from('function execute(d) { for(;;){} }').toString('base64');
    await call('POST', `${base}/livedata-apis/${api.id}/scripts`, {
      api_type: 'function',
      scripts: [{ content: loop }],
    });
    const r2 = await call('POST', `${base}/livedata-apis/${api.id}/test`, {});
    assert.equal(r2.body.test_status_code, '500');
  });
});
