// Issue 14 leftovers over real HTTP against the emulator: integration application members (3.1.9–3.1.11)
// through the client and the `integrationApp.members` call, custom backends (4.19.1/4.19.9) created and
// deployed with their frontend API through the form spec and the client, and the refusals with the
// reference's codes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runResourceCall } from '../../src/actions/resource-calls.ts';
import type { InstanceClient } from '../../src/api/client.ts';
import { RomaError } from '../../src/api/errors.ts';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import type { InstanceStore } from '../../src/emulator/state.ts';
import { completeValues } from '../../src/forms/engine.ts';
import { ldApiForm, type LdApiWrite } from '../../screens/forms/backends.ts';
import { clientOf } from '../helpers/emulator-client.ts';

let em: EmulatorHandle;
let inst: InstanceClient;
let db: InstanceStore;

before(async () => {
  em = await startEmulator({ seed: 'demo' });
  inst = clientOf(em, { retry: { limit: 0 } }).instance(em.instances[0] as string);
  db = em.state.stores.get(em.instances[0] as string)!;
});
after(() => em.close());

async function refused(p: Promise<unknown>, status: number, code: string): Promise<RomaError> {
  let err: RomaError | undefined;
  await assert.rejects(p, (e: RomaError) => {
    assert.equal(e.kind, 'http');
    assert.equal(e.status, status);
    assert.equal(e.errorCode, code);
    err = e;
    return true;
  });
  return err!;
}

const appNamed = async (name: string) =>
  (await inst.integrationApps.listAll({})).find((a) => a.name === name)!;

describe('integration application members (3.1.9–3.1.11)', () => {
  it('the call reads the list, adds and removes, and keeps the members it was not told about', async () => {
    const app = await appNamed('iot_integration');
    const before = await inst.integrationApps.members(app.id);
    assert.ok(before.users.length >= 2);
    const [keep, drop] = before.users;
    const candidates = await inst.integrationApps.candidates(app.id, true);
    assert.ok(candidates.length > 0);
    assert.equal(
      candidates.some((c) => before.users.some((u) => u.id === c.id)),
      false,
      'filter=members leaves members out',
    );
    const all = await inst.integrationApps.candidates(app.id, false);
    assert.ok(
      before.users.every((u) => all.some((c) => c.id === u.id)),
      'without the filter members are in',
    );
    const join = candidates[0]!;
    const r = await runResourceCall(inst, {
      op: 'integrationApp.members',
      id: app.id,
      add: [join.id],
      remove: [drop!.id],
    });
    assert.match(r.detail ?? '', new RegExp(join.name ?? join.id));
    const after = (await inst.integrationApps.members(app.id)).users.map((u) => u.id);
    assert.ok(after.includes(keep!.id));
    assert.ok(after.includes(join.id));
    assert.equal(after.includes(drop!.id), false);
    assert.equal(after.length, before.users.length);
  });
  it('refuses unknown and disabled users (400 ROMA.00000101) and unknown applications (404 ROMA.00014001)', async () => {
    const app = await appNamed('iot_integration');
    const members = (await inst.integrationApps.members(app.id)).users.map((u) => u.id);
    await refused(
      inst.integrationApps.setMembers(app.id, [...members, 'f'.repeat(32)]),
      400,
      'ROMA.00000101',
    );
    const disabled = [...db.data.romaUsers.values()].find((u) => !u.enabled)!;
    await refused(inst.integrationApps.setMembers(app.id, [disabled.id]), 400, 'ROMA.00000101');
    assert.deepEqual(
      (await inst.integrationApps.members(app.id)).users.map((u) => u.id),
      members,
      'a refused change leaves the list as it was',
    );
    const candidates = await inst.integrationApps.candidates(app.id, false);
    assert.equal(
      candidates.some((c) => c.id === disabled.id),
      false,
      'users in an abnormal state are no candidates',
    );
    const missing = '00000000-0000-0000-0000-000000000000';
    await refused(inst.integrationApps.members(missing), 404, 'ROMA.00014001');
    await refused(inst.integrationApps.candidates(missing, true), 404, 'ROMA.00014001');
    await refused(
      runResourceCall(inst, { op: 'integrationApp.members', id: missing, add: [], remove: [] }),
      404,
      'ROMA.00014001',
    );
  });
  it('an empty list clears the members (3.1.10)', async () => {
    const app = await appNamed('finance_ops');
    const cleared = await inst.integrationApps.setMembers(app.id, []);
    assert.equal(cleared.users.length, 0);
    assert.equal((await inst.integrationApps.members(app.id)).users.length, 0);
  });
});

describe('custom backends: form spec over HTTP and the 4.19 rules', () => {
  const ctx = () => ({ client: inst, params: {} });
  it('creates a data backend with its script (Base64) and edits it back through the form spec', async () => {
    const app = await appNamed('order_platform');
    const ds = (await inst.livedata.dataSources.listAll({ app_id: app.id }))[0]!;
    const values = completeValues(ldApiForm, {
      ...ldApiForm.blank({ client: inst, params: { romaAppId: app.id } }),
      // the application and the data source typed by name: resolved before anything is sent
      roma_app_id: app.name,
      name: 'orders_by_day',
      path: '/orders/by-day',
      api_type: 'data',
      script: 'SELECT day, count(*) FROM orders GROUP BY day',
      ds_id: ds.name,
      object_name: 'days',
      parameters: [
        { name: 'day', in: 'Parameters', required: 'yes', default: '2024-01-01', description: '' },
      ],
    });
    const body = ldApiForm.body(values, 'create') as LdApiWrite;
    assert.equal(body.scripts?.api_type, 'data');
    const saved = await ldApiForm.create(ctx(), body);
    const got = await inst.livedata.get(saved.id);
    assert.equal(got.roma_app_id, app.id);
    assert.equal(got.type, 'data');
    assert.equal(got.scripts?.[0]?.ds_id, ds.id);
    assert.equal(Buffer.from(got.scripts?.[0]?.content ?? '', 'base64').toString(), values['script']);
    assert.deepEqual(
      got.parameters?.map((p) => [p.name, p.required]),
      [['day', true]],
    );
    // the form shows what was saved; an untouched script is not sent again
    const again = ldApiForm.fromItem(got);
    assert.equal(again['script'], values['script']);
    const edit = ldApiForm.body({ ...again, description: 'per day' }, 'edit', got) as LdApiWrite;
    assert.equal(edit.scripts, undefined);
    await ldApiForm.update!(ctx(), got, edit);
    assert.equal((await inst.livedata.get(saved.id)).description, 'per day');
  });
  it('refuses what 4.19.1 does not allow with APIG.2011 naming the parameter; duplicates APIG.3215/3314', async () => {
    const app = await appNamed('order_platform');
    const def = { path: '/rules', method: 'GET' as const, version: '1.0', roma_app_id: app.id };
    for (const [name, field] of [
      ['_starts_badly', 'name'],
      ['no<angle>', 'name'],
      ['x'.repeat(101), 'name'],
    ] as const) {
      const e = await refused(inst.livedata.create({ ...def, name }), 400, 'APIG.2011');
      assert.match(e.errorMsg ?? '', new RegExp(`parameterName:${field}`));
    }
    // 100 characters with the allowed punctuation are fine
    const long = `a${'b'.repeat(90)}(x)-y.z:、`;
    assert.equal((await inst.livedata.create({ ...def, name: long })).name, long);
    const e = await refused(
      inst.livedata.create({
        ...def,
        path: '/rules2',
        name: 'bad_param',
        parameters: [{ name: '1st', in: 'Parameters' }],
      }),
      400,
      'APIG.2011',
    );
    assert.match(e.errorMsg ?? '', /parameterName:parameters\[0\]/);
    await inst.livedata.create({
      ...def,
      path: '/rules3',
      name: 'body_param',
      parameters: [{ name: 'application/json', in: 'Body', default: '{"a":1}' }],
    });
    await refused(inst.livedata.create({ ...def, path: '/other', name: long }), 400, 'APIG.3215');
    await refused(inst.livedata.create({ ...def, name: 'same_path' }), 400, 'APIG.3314');
  });
  it('deploys with its frontend API (4.19.9): group, environment and authorizer checked; the API is published', async () => {
    const app = await appNamed('order_platform');
    const ld = await inst.livedata.create({
      name: 'front_me',
      path: '/front/me',
      method: 'GET',
      version: '1.0',
      roma_app_id: app.id,
    });
    await inst.livedata.setScripts(ld.id, {
      api_type: 'function',
      scripts: [{ content: Buffer.from('function execute(d) { return 1; }').toString('base64') }],
    });
    const group = (await inst.groups.list({ limit: 1 })).items[0]!;
    const req = { group_id: group.id, env_id: 'DEFAULT_ENVIRONMENT_RELEASE_ID', protocol: 'HTTPS' };
    await refused(inst.livedata.deploy(ld.id, { ...req, auth_type: 'AUTHORIZER' }), 400, 'APIG.2001');
    await refused(
      inst.livedata.deploy(ld.id, { ...req, auth_type: 'AUTHORIZER', authorizer_id: 'nope' }),
      404,
      'APIG.3081',
    );
    await refused(
      inst.livedata.deploy(ld.id, { ...req, auth_type: 'NONE', protocol: 'FTP' }),
      400,
      'APIG.2012',
    );
    await refused(
      inst.livedata.deploy(ld.id, { ...req, auth_type: 'NONE', group_id: 'nope' }),
      404,
      'APIG.3001',
    );
    assert.equal((await inst.livedata.get(ld.id)).status, 1, 'a refused deploy changes nothing');
    const d = await inst.livedata.deploy(ld.id, { ...req, auth_type: 'NONE' });
    const front = await inst.apis.get(d.api_id!);
    assert.equal(front.req_uri, '/front/me');
    assert.equal(front.group_id, group.id);
    assert.match(front.run_env_name ?? '', /RELEASE/);
    assert.equal((await inst.livedata.deployments(ld.id))[0]?.api_id, d.api_id);
    // a second backend on the same method + path cannot publish a frontend API there (APIG.3301)
    await inst.livedata.undeploy(ld.id);
    const twin = await inst.livedata.create({
      name: 'front_twin',
      path: '/front/me',
      method: 'GET',
      version: '1.0',
      roma_app_id: (await appNamed('partner_hub')).id,
    });
    await inst.livedata.setScripts(twin.id, {
      api_type: 'function',
      scripts: [{ content: Buffer.from('function execute(d) { return 2; }').toString('base64') }],
    });
    await refused(inst.livedata.deploy(twin.id, { ...req, auth_type: 'NONE' }), 400, 'APIG.3301');
  });
});
