// The MQS client (section 5) against the emulator over real HTTP: every one of the 13 calls, the 7.4.3
// refusals, message windows and offsets, resend and its trace, access policies, import/export.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { createRomaClient, type RomaClient } from '../../src/api/client.ts';
import { RomaError } from '../../src/api/errors.ts';
import { isMqsNotEnabled, type MqsClient } from '../../src/api/mqs/client.ts';
import { tokenProvider } from '../../src/auth/providers.ts';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { mqsOf } from '../../src/emulator/mqs-state.ts';

// a fixed clock (tokens, not AK/SK signatures, which check the time): the streams end near NOW
const NOW = Date.UTC(2026, 10, 30, 6, 0, 0);
const MIN = 60_000;
let em: EmulatorHandle;
let client: RomaClient;
let mqs: MqsClient;

function clientFor(readOnly = false): RomaClient {
  return createRomaClient({
    endpoint: em.endpoint,
    projectId: em.projectId,
    auth: tokenProvider(em.token),
    readOnly,
    sleep: async () => {},
  });
}

before(async () => {
  em = await startEmulator({ seed: 'demo', now: () => NOW });
  client = clientFor();
  mqs = await client.instance(em.instances[0] as string).mqs();
});
afterEach(() => em.setFaults(null));
after(() => em.close());

async function refused(p: Promise<unknown>, status: number, code: string): Promise<RomaError> {
  let caught: RomaError | undefined;
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof RomaError, String(e));
    assert.equal(e.kind, 'http');
    assert.equal(e.status, status);
    assert.equal(e.errorCode, code);
    assert.ok(e.hint.length > 0);
    caught = e;
    return true;
  });
  return caught as RomaError;
}

describe('MQS instances (5.1)', () => {
  it('lists the instances with message integration and reads one, folding the example spellings', async () => {
    const list = await client.mqs.instances();
    assert.equal(list.instance_num, 2, 'the frozen instance has no message integration');
    const d = await mqs.detail();
    assert.equal(d.instance_id, em.instances[0]);
    assert.equal(d.partition_num, 300, 'sent as the string "300", read as a number');
    assert.equal(d.mqs_connector_enable, true, 'mq5_connector_enable folded onto the table name');
    assert.ok(d.kafka_private_connect_address?.includes(':9093'));
    assert.ok(Array.isArray(d.listeners) && d.listeners.length === 3);
  });

  it('an instance without message integration answers 404 MQS.00404022', async () => {
    const e = await refused(
      (await client.mqs.instance(em.instances[2] as string)).detail(),
      404,
      'MQS.00404022',
    );
    assert.ok(isMqsNotEnabled(e));
    assert.match(e.hint, /message integration/);
  });

  it('the misprinted prefixes mq5/mqc are not served (strict emulator)', async () => {
    const res = await fetch(`${em.endpoint}/v2/${em.projectId}/mq5/instances/${em.instances[0]}/topics`, {
      headers: { 'X-Auth-Token': em.token },
    });
    assert.equal(res.status, 404);
    assert.equal(((await res.json()) as { error_code: string }).error_code, 'MQS.00404001');
  });
});

describe('topics (5.2)', () => {
  it('lists the demo topics with partitions used and filters by app and policy', async () => {
    const all = await mqs.topics.list();
    assert.ok(all.total >= 6);
    const names = all.topics.map((t) => t.name);
    for (const n of ['order-events', 'billing-invoices', 'iot-telemetry', 'audit-log', 'partner-inbox']) {
      assert.ok(names.includes(n), n);
    }
    const used = all.topics.reduce((s, t) => s + (t.partition ?? 0), 0);
    assert.equal(all.remain_partitions, (all.max_partitions ?? 0) - used);
    const page = await mqs.topics.list({ limit: 2, offset: 1 });
    assert.deepEqual(
      page.topics.map((t) => t.name),
      names.slice(1, 3),
    );
    const subs = await mqs.topics.list({ app_name: 'bi_dashboard', access_policy: 'sub' });
    assert.ok(subs.topics.some((t) => t.name === 'order-events'));
    assert.ok(subs.policies.every((p) => p.app_name === 'bi_dashboard' && p.access_policy === 'sub'));
  });

  it('create follows 5.2.2: name, partition, replication, retention, policy and app are checked', async () => {
    const apps = await client.instance(em.instances[0] as string).apps.listAll();
    const app = apps[0]!;
    const base = { app_id: app.id, access_policy: 'all' as const };
    await refused(mqs.topics.create({ ...base, name: '1bad' }), 400, 'MQS.00400101');
    await refused(mqs.topics.create({ ...base, name: 'order-events' }), 400, 'MQS.00400101');
    await refused(mqs.topics.create({ ...base, name: 'ok-topic', partition: 51 }), 400, 'MQS.00400102');
    await refused(mqs.topics.create({ ...base, name: 'ok-topic', replication: 4 }), 400, 'MQS.00400103');
    await refused(mqs.topics.create({ ...base, name: 'ok-topic', retention_time: 721 }), 400, 'MQS.00400105');
    await refused(
      mqs.topics.create({ ...base, name: 'ok-topic', access_policy: 'both' as never }),
      400,
      'MQS.00400800',
    );
    await refused(mqs.topics.create({ ...base, name: 'ok-topic', app_id: 'nope' }), 400, 'MQS.00400800');
    assert.deepEqual(await mqs.topics.create({ ...base, name: 'ok-topic', partition: 2, tag: 'a || b&c' }), {
      name: 'ok-topic',
    });
    const t = (await mqs.topics.list({ name: 'ok-topic' })).topics[0];
    assert.equal(t?.partition, 2);
    assert.equal(t?.app_id, app.id);
  });

  it('modify answers 204, 206 when some topics were skipped, 403 without the modify permission', async () => {
    assert.deepEqual(await mqs.topics.update([{ name: 'ok-topic', retention_time: 24 }]), { partial: false });
    assert.equal((await mqs.topics.list({ name: 'ok-topic' })).topics[0]?.retention_time, 24);
    assert.deepEqual(
      await mqs.topics.update([
        { name: 'ok-topic', description: 'x' },
        { name: 'no-such-topic', description: 'y' },
      ]),
      { partial: true },
    );
    await refused(mqs.topics.update([{ name: 'audit-log', retention_time: 1 }]), 403, 'MQS.00403003');
    await refused(mqs.topics.update([{ name: 'ok-topic', retention_time: 0 }]), 400, 'MQS.00400105');
  });

  it('export then import: AddNew refuses existing topics, Merge updates, a prefix makes new app names', async () => {
    const file = await mqs.topics.exportFile(['ok-topic']);
    const parsed = JSON.parse(file) as { topics: Array<{ name: string; policies: unknown[] }> };
    assert.equal(parsed.topics.length, 1);
    await refused(mqs.topics.importFile(file, 'topics.json'), 400, 'MQS.00400101');
    await mqs.topics.importFile(file.replace('"ok-topic"', '"ok-topic-copy"'), 'topics.json', {
      prefix: 'dr_',
    });
    const access = await mqs.topics.access('ok-topic-copy');
    assert.ok(access.policies.every((p) => p.app_name?.startsWith('dr_')));
    await mqs.topics.importFile(file.replace('"retention_time":24', '"retention_time":48'), 'topics.json', {
      mode: 'Merge',
    });
    assert.equal((await mqs.topics.list({ name: 'ok-topic' })).topics[0]?.retention_time, 48);
    await refused(mqs.topics.importFile('not json', 'x.json'), 400, 'MQS.00400005');
    await refused(mqs.topics.exportFile(['no-such-topic']), 400, 'MQS.00400101');
  });

  it('both batch deletes report per topic; a topic without the delete permission stays', async () => {
    assert.deepEqual(await mqs.topics.remove(['ok-topic', 'audit-log']), [
      { id: 'ok-topic', success: true },
      { id: 'audit-log', success: false },
    ]);
    assert.deepEqual(await mqs.topics.removeMany(['ok-topic-copy', 'never-was']), [
      { id: 'ok-topic-copy', success: true },
      { id: 'never-was', success: false },
    ]);
    const names = (await mqs.topics.list()).topics.map((t) => t.name);
    assert.ok(names.includes('audit-log') && !names.includes('ok-topic'));
  });
});

describe('access policies (5.3)', () => {
  it('grant and revoke replace the policy list; the owner stays, unknown apps are refused', async () => {
    const before = await mqs.topics.access('billing-invoices');
    const apps = await client.instance(em.instances[0] as string).apps.listAll();
    const newcomer = apps.find((a) => !before.policies.some((p) => p.user_name === a.id))!;
    const current = before.policies.map((p) => ({
      app_id: p.user_name as string,
      app_name: p.app_name as string,
      access_policy: p.access_policy as 'all' | 'pub' | 'sub',
      owner: p.owner === true,
      tag: p.tag ?? '',
    }));
    await mqs.topics.setAccess([
      {
        name: 'billing-invoices',
        policies: [...current, { app_id: newcomer.id, app_name: newcomer.name, access_policy: 'sub' }],
      },
    ]);
    const granted = await mqs.topics.access('billing-invoices');
    assert.equal(granted.total, before.total + 1);
    assert.ok(granted.policies.some((p) => p.user_name === newcomer.id && p.access_policy === 'sub'));
    await refused(
      mqs.topics.setAccess([{ name: 'billing-invoices', policies: current.filter((p) => !p.owner) }]),
      400,
      'MQS.00400800',
    );
    await refused(
      mqs.topics.setAccess([
        {
          name: 'billing-invoices',
          policies: [...current, { app_id: 'ghost', app_name: 'ghost', access_policy: 'pub' }],
        },
      ]),
      400,
      'MQS.00400800',
    );
    await mqs.topics.setAccess([{ name: 'billing-invoices', policies: current }]);
    assert.equal((await mqs.topics.access('billing-invoices')).total, before.total);
    await refused(mqs.topics.access('no-such-topic'), 400, 'MQS.00400101');
  });
});

describe('messages (5.4)', () => {
  it('a time window lists every partition newest first, pages without overlap, asc reverses', async () => {
    const w = { topic: 'order-events', start_time: NOW - 30 * MIN, end_time: NOW };
    const p1 = await mqs.messages.query({ ...w, limit: 5 });
    const p2 = await mqs.messages.query({ ...w, limit: 5, offset: 5 });
    assert.ok(p1.total > 10, `total ${p1.total}`);
    const all = [...p1.messages, ...p2.messages];
    const times = all.map((m) => m.timestamp as number);
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
    assert.ok(times.every((t) => t >= w.start_time && t <= w.end_time));
    assert.equal(new Set(all.map((m) => `${m.partition}@${m.message_offset}`)).size, 10);
    assert.ok(new Set(all.map((m) => m.partition)).size > 1, 'all partitions are searched');
    const asc = await mqs.messages.query({ ...w, limit: 3, asc: true });
    assert.ok((asc.messages[0]?.timestamp as number) <= (asc.messages[2]?.timestamp as number));
    assert.equal(asc.total, p1.total);
  });

  it('partition + message_offset reads one message; the stream is the same in a second emulator', async () => {
    const one = await mqs.messages.query({ topic: 'order-events', partition: 0, message_offset: 237 });
    assert.equal(one.size, 1);
    const m = one.messages[0]!;
    assert.equal(m.key, 'order-4711', 'order 4711 is in the stream');
    assert.equal(JSON.parse(m.value as string).order_id, 4711);
    const twin = await startEmulator({ seed: 'demo', now: () => NOW });
    try {
      const c = createRomaClient({
        endpoint: twin.endpoint,
        projectId: twin.projectId,
        auth: tokenProvider(twin.token),
      });
      const again = await (
        await c.instance(twin.instances[0] as string).mqs()
      ).messages.query({
        topic: 'order-events',
        partition: 0,
        message_offset: 237,
      });
      assert.deepEqual(again.messages[0], m);
    } finally {
      await twin.close();
    }
    const none = await mqs.messages.query({ topic: 'order-events', partition: 0, message_offset: 99_999 });
    assert.equal(none.total, 0);
  });

  it('carries binary, hostile and huge values as data; a huge value comes only by offset', async () => {
    const tele = await mqs.messages.query({
      topic: 'iot-telemetry',
      start_time: NOW - 60 * MIN,
      end_time: NOW,
      limit: 50,
    });
    assert.ok(
      tele.messages.some((m) => m.tag === 'raw' && /[\u0000-\u0008\u0080-\u00ff]/.test(m.value ?? '')),
    );
    assert.ok(tele.messages.some((m) => m.tag === 'json'));
    const inbox = await mqs.messages.query({
      topic: 'partner-inbox',
      start_time: 0,
      end_time: NOW,
      limit: 100,
    });
    assert.ok(
      inbox.messages.some((m) => (m.value ?? '').includes('\u001b') || (m.key ?? '').includes('\u001b')),
    );
    const huge = inbox.messages.find((m) => m.huge_message === true)!;
    assert.ok(huge, 'a huge message is in the inbox');
    assert.equal(huge.value, '');
    const full = await mqs.messages.query({
      topic: 'partner-inbox',
      partition: huge.partition,
      message_offset: huge.message_offset,
    });
    assert.equal(full.messages[0]?.value?.length, (huge.size ?? 0) - 'huge'.length);
  });

  it('refuses bad queries with 7.4.3 codes', async () => {
    await refused(mqs.messages.query({ topic: '' }), 400, 'MQS.00400800');
    await refused(
      mqs.messages.query({ topic: 'no-such-topic', partition: 0, message_offset: 0 }),
      400,
      'MQS.00400101',
    );
    await refused(mqs.messages.query({ topic: 'order-events', start_time: NOW }), 400, 'MQS.00400800');
    await refused(
      mqs.messages.query({ topic: 'order-events', start_time: NOW, end_time: NOW - 1 }),
      400,
      'MQS.00400800',
    );
    await refused(
      mqs.messages.query({ topic: 'order-events', partition: 9, message_offset: 0 }),
      400,
      'MQS.00400102',
    );
    await refused(
      mqs.messages.query({ topic: 'order-events', start_time: 0, end_time: NOW, limit: 101 }),
      400,
      'MQS.00400800',
    );
  });

  it('resend appends a copy that a later window query finds again', async () => {
    const w = await mqs.messages.query({
      topic: 'billing-invoices',
      start_time: NOW - 6 * 60 * MIN,
      end_time: NOW - 5 * 60 * MIN,
      limit: 1,
    });
    const orig = w.messages[0]!;
    const echo = await mqs.messages.resend({
      topic: orig.topic,
      partition: orig.partition,
      message_offset: orig.message_offset,
    });
    assert.deepEqual(echo, {
      topic: orig.topic,
      partition: orig.partition,
      message_offset: orig.message_offset,
    });
    const recent = await mqs.messages.query({
      topic: 'billing-invoices',
      start_time: NOW - MIN,
      end_time: NOW,
      limit: 100,
    });
    const copy = recent.messages.find(
      (m) => m.message_id === orig.message_id && m.message_offset !== orig.message_offset,
    );
    assert.ok(copy, 'the resent copy is in the last minute');
    assert.equal(copy.key, orig.key);
    assert.equal(copy.value, orig.value);
    assert.equal(copy.partition, orig.partition);
    const rec = mqsOf(em.state)
      .get(em.instances[0] as string)!
      .resends.at(-1)!;
    assert.equal(rec.new_offset, copy.message_offset);
  });

  it('resend is refused when the producing app may no longer publish, and is never retried', async () => {
    // legacy_portal produced order events but holds only `sub` on the topic now
    const apps = await client.instance(em.instances[0] as string).apps.listAll();
    const legacy = apps.find((a) => a.name === 'legacy_portal')!;
    const w = await mqs.messages.query({ topic: 'order-events', start_time: 0, end_time: NOW, limit: 100 });
    const m = w.messages.find((x) => x.app_id === legacy.id)!;
    assert.ok(m);
    await refused(
      mqs.messages.resend({ topic: m.topic, partition: m.partition, message_offset: m.message_offset }),
      403,
      'MQS.00403003',
    );
    await refused(
      mqs.messages.resend({ topic: 'order-events', partition: 0, message_offset: 1e6 }),
      400,
      'MQS.00400800',
    );
    em.setFaults('5xx=1');
    const posts = em.stats.byMethod['POST'] ?? 0;
    await assert.rejects(mqs.messages.resend({ topic: 'order-events', partition: 0, message_offset: 237 }));
    assert.equal((em.stats.byMethod['POST'] ?? 0) - posts, 1, 'a resend is sent once');
    em.setFaults(null);
    await assert.rejects(
      (
        await clientFor(true)
          .instance(em.instances[0] as string)
          .mqs()
      ).messages.resend({ topic: 'order-events', partition: 0, message_offset: 237 }),
      (e: unknown) => e instanceof RomaError && e.kind === 'read-only',
    );
  });

  it('none of the 13 calls fell through to the unknown-route answer', () => {
    const mqsCalls = em.stats.log.filter((l) => l.path.includes('/mqs/'));
    assert.ok(mqsCalls.length > 0);
    const routes = new Set(
      mqsCalls.map(
        (l) =>
          `${l.method} ${l.path.replace(/instances\/[^/]+/, 'instances/I').replace(/topics\/[^/]+\/accesspolicy/, 'topics/T/accesspolicy')}`,
      ),
    );
    assert.equal(routes.size, 13, [...routes].join('\n'));
  });
});
