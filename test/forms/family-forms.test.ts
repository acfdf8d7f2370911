// The device and topic forms load with their families; their `n`/`e` are registered at start from a
// shape (noun, editable) that must match the specs the keys then open.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deviceForm } from '../../screens/forms/devices.ts';
import { topicForm } from '../../screens/forms/topics.ts';
import { actionsOf, resourceById } from '../../screens/registry.ts';
import { installCapabilities } from '../../src/app/capabilities.ts';

test('n/e of :devices and :topics are titled from their specs and exist where the spec can update', () => {
  installCapabilities();
  for (const [id, spec] of [
    ['devices', deviceForm],
    ['topics', topicForm],
  ] as const) {
    const d = resourceById(id);
    assert.ok(d, id);
    const titles = Object.fromEntries(actionsOf(d).map((a) => [a.command, a.title]));
    assert.equal(titles['create'], `New ${spec.noun}`);
    assert.equal(titles['edit'], spec.update ? `Edit the ${spec.noun}` : undefined);
  }
});
