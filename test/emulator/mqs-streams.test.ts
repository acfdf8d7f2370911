// The emulator's MQS message logs: ordered in time, never in the future, cut by retention, sized by scale:N.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createRomaClient } from '../../src/api/client.ts';
import { tokenProvider } from '../../src/auth/providers.ts';
import { startEmulator } from '../../src/emulator/index.ts';
import {
  endOffset,
  firstRetained,
  lowerBound,
  messageAt,
  mqsOf,
  timeAt,
} from '../../src/emulator/mqs-state.ts';
import { seedMqs } from '../../src/emulator/seed/mqs.ts';
import { seedDemo } from '../../src/emulator/seed/demo.ts';
import { seedScale } from '../../src/emulator/seed/scale.ts';
import { createState } from '../../src/emulator/state.ts';

const NOW = Date.UTC(2026, 10, 30, 6, 0, 0);

describe('MQS message logs', () => {
  it('times rise with the offset in every partition and end before now', () => {
    const state = createState('p');
    const ids = seedDemo(state, { backendHost: '127.0.0.1:1' });
    seedMqs(state, 'demo', NOW);
    const inst = mqsOf(state).get(ids[0] as string)!;
    for (const t of inst.topics.values()) {
      for (let p = 0; p < t.partition; p++) {
        const end = endOffset(t, p);
        for (let o = 1; o < end; o++) assert.ok(timeAt(t, p, o) > timeAt(t, p, o - 1), `${t.name} ${p}@${o}`);
        if (end > 0) assert.ok(timeAt(t, p, end - 1) <= NOW, `${t.name} has a message in the future`);
      }
    }
    assert.equal(mqsOf(state).has(ids[2] as string), false, 'the frozen instance has no MQS');
  });

  it('lowerBound finds the first message at or after a time; retention hides older ones', () => {
    const state = createState('p');
    const ids = seedDemo(state, { backendHost: '127.0.0.1:1' });
    seedMqs(state, 'demo', NOW);
    const t = mqsOf(state)
      .get(ids[0] as string)!
      .topics.get('iot-telemetry')!;
    const at = timeAt(t, 2, 100);
    assert.equal(lowerBound(t, 2, at), 100);
    assert.equal(lowerBound(t, 2, at + 1), 101);
    t.retention_time = 1;
    const first = firstRetained(t, 2, NOW);
    assert.ok(first > 0 && timeAt(t, 2, first) >= NOW - 3_600_000);
    assert.ok(timeAt(t, 2, first - 1) < NOW - 3_600_000);
    assert.equal(messageAt(t, 2, endOffset(t, 2)), undefined);
  });

  it('scale:N gives every partition N messages without materialising them', () => {
    const state = createState('p');
    const ids = seedScale(state, 20_000, '127.0.0.1:1');
    seedMqs(state, { scale: 20_000 }, NOW);
    const t = mqsOf(state)
      .get(ids[0] as string)!
      .topics.get('order-events')!;
    assert.equal(endOffset(t, 0), 20_000);
    assert.equal(t.appended[0]?.length, 0);
    assert.match(messageAt(t, 1, 19_999)?.key ?? '', /^order-\d+$/);
  });

  it('--state keeps topics, policies and resent messages across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rd-mqs-state-'));
    const statePath = join(dir, 'state.json');
    try {
      const first = await startEmulator({ seed: 'demo', statePath });
      const id = first.instances[0] as string;
      const mqs = await createRomaClient({
        endpoint: first.endpoint,
        projectId: first.projectId,
        auth: tokenProvider(first.token),
      })
        .instance(id)
        .mqs();
      const owner = mqsOf(first.state).get(id)!.topics.get('order-events')!.app_id;
      await mqs.topics.create({ name: 'kept-topic', app_id: owner, access_policy: 'all', partition: 1 });
      await mqs.messages.resend({ topic: 'order-events', partition: 0, message_offset: 237 });
      const end = endOffset(mqsOf(first.state).get(id)!.topics.get('order-events')!, 0);
      await first.close();
      const second = await startEmulator({ statePath });
      try {
        const rec = mqsOf(second.state).get(id)!;
        assert.ok(rec.topics.has('kept-topic'));
        const t = rec.topics.get('order-events')!;
        assert.equal(endOffset(t, 0), end);
        assert.equal(messageAt(t, 0, end - 1)?.key, 'order-4711');
        assert.equal(rec.resends.length, 1);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
