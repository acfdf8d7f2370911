// The MQS mutations through the action runner and the real client against the emulator: confirmation
// texts name objects and effects, each resend reports on its own, per-topic delete results.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { clientPort } from '../../src/actions/client-port.ts';
import { describeAction, actionSubject } from '../../src/actions/confirm.ts';
import { runAction } from '../../src/actions/execute.ts';
import type { MutationAction } from '../../src/actions/types.ts';
import { createRomaClient } from '../../src/api/client.ts';
import { tokenProvider } from '../../src/auth/providers.ts';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { messageAt, mqsOf } from '../../src/emulator/mqs-state.ts';

let em: EmulatorHandle;
before(async () => {
  em = await startEmulator({ seed: 'demo' });
});
after(() => em.close());

const port = () =>
  clientPort(
    createRomaClient({
      endpoint: em.endpoint,
      projectId: em.projectId,
      auth: tokenProvider(em.token),
    }).instance(em.instances[0] as string),
  );

describe('MQS actions', () => {
  it('confirmations name the objects and the effect; removing access and deleting are destructive', () => {
    const resend: MutationAction = {
      kind: 'resend-messages',
      messages: [{ topic: 'order-events', partition: 0, offset: 237, key: 'order-4711' }],
    };
    const c = describeAction(resend);
    assert.equal(c.title, 'Resend messages');
    assert.match(c.effect, /1 message of topic order-events is published again/);
    assert.deepEqual(c.details, ['• order-events p0@237 (order-4711)']);
    assert.equal(c.destructive, true);
    assert.deepEqual(actionSubject(resend), { object: 'messages:order-events/0@237', env: 'mqs' });
    const del = describeAction({ kind: 'delete-topics', topics: ['a', 'b'] });
    assert.match(del.effect, /2 topics and every message in them are deleted for good/);
    assert.equal(del.destructive, true);
    const grant = describeAction({
      kind: 'grant-topic-access',
      topic: 't',
      app: { id: '1', name: 'app1' },
      access: 'sub',
      policies: [],
    });
    assert.equal(grant.effect, 'App app1 gets subscribe on topic t');
    assert.equal(grant.destructive, false);
  });

  it('resends each message on its own: a refused one is reported, the others are sent', async () => {
    const inst = mqsOf(em.state).get(em.instances[0] as string)!;
    const t = inst.topics.get('order-events')!;
    const legacy = t.policies.find((p) => p.app_name === 'legacy_portal')!;
    // find one message produced by legacy_portal (sub only now) and one by an app that may publish
    let bad: number | undefined;
    for (let o = 0; bad === undefined && o < 480; o++) {
      if (messageAt(t, 0, o)?.app_id === legacy.app_id) bad = o;
    }
    assert.ok(bad !== undefined);
    const before = inst.resends.length;
    const out = await runAction(port(), {
      kind: 'resend-messages',
      messages: [
        { topic: 'order-events', partition: 0, offset: bad, key: '' },
        { topic: 'order-events', partition: 0, offset: 237, key: 'order-4711' },
      ],
    });
    assert.equal(out.result, 'partial');
    assert.equal(out.items[0]?.ok, false);
    assert.equal(out.items[0]?.errorCode, 'MQS.00403003');
    assert.equal(out.items[1]?.ok, true);
    assert.equal(inst.resends.length, before + 1);
    assert.equal(inst.resends.at(-1)?.message_offset, 237);
  });

  it('delete reports per topic; import then creates what was exported', async () => {
    const out = await runAction(port(), { kind: 'delete-topics', topics: ['dead-letters', 'audit-log'] });
    assert.equal(out.result, 'partial');
    assert.deepEqual(
      out.items.map((i) => [i.label, i.ok]),
      [
        ['dead-letters', true],
        ['audit-log', false],
      ],
    );
    const text = JSON.stringify({
      topics: [
        {
          name: 'dead-letters',
          partition: 1,
          policies: [
            {
              app_id: mqsOf(em.state)
                .get(em.instances[0] as string)!
                .topics.get('order-events')!.app_id,
              app_name: 'x',
              access_policy: 'all',
              owner: true,
            },
          ],
        },
      ],
    });
    const imp = await runAction(port(), {
      kind: 'import-topics',
      file: 'f.json',
      text,
      mode: 'AddNew',
      names: ['dead-letters'],
    });
    assert.equal(imp.result, 'ok', imp.summary);
    assert.ok(
      mqsOf(em.state)
        .get(em.instances[0] as string)!
        .topics.has('dead-letters'),
    );
  });

  it('a resend whose answer is lost is not reported failed: the copy is looked for and named', async () => {
    const inst = mqsOf(em.state).get(em.instances[0] as string)!;
    const t = inst.topics.get('billing-invoices')!;
    const orig = messageAt(t, 1, 100)!;
    em.setFaults('garble=1');
    try {
      const out = await runAction(port(), {
        kind: 'resend-messages',
        messages: [
          { topic: 'billing-invoices', partition: 1, offset: 100, key: orig.key, messageId: orig.message_id },
        ],
      });
      assert.equal(out.result, 'unknown', out.summary);
      assert.equal(inst.resends.at(-1)?.message_offset, 100, 'the emulator applied it');
      assert.match(out.reread?.[0] ?? '', /a copy is at p1@\d+ \(it was resent\)/);
    } finally {
      em.setFaults(null);
    }
  });
});
