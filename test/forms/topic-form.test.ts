// The MQS topic form (5.2.2/5.2.3) as pure rules: its field checks, the 7.4.3 codes mapped to fields,
// and the bodies (modify sends only what 5.2.3 can change).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completeValues, validateForm } from '../../src/forms/engine.ts';
import { topicFieldOfError, topicForm } from '../../screens/forms/topics.ts';

test('7.4.3 refusals land on their field; an unnamed one on none', () => {
  assert.equal(topicFieldOfError('MQS.00400101', 'Invalid topic name.'), 'name');
  assert.equal(topicFieldOfError('MQS.00400102', 'Invalid partition.'), 'partition');
  assert.equal(topicFieldOfError('MQS.00400861', 'The number of replicas …'), 'replication');
  assert.equal(topicFieldOfError('MQS.00400105', 'Invalid retention time.'), 'retention_time');
  assert.equal(topicFieldOfError('MQS.00400800', 'Invalid app_id in the request.'), 'app_id');
  assert.equal(
    topicFieldOfError('MQS.00400085', 'The message body … not in JSON format, The error key is partition.'),
    'partition',
  );
  assert.equal(topicFieldOfError('MQS.00403003', 'This role does not have the permission'), null);
});

test('5.2.2 rules: name pattern and length, ranges; blank defaults pass once name and app are set', () => {
  const blank = completeValues(topicForm, topicForm.blank({} as never));
  assert.deepEqual(Object.keys(validateForm(topicForm, blank, 'create')).sort(), ['app_id', 'name']);
  const ok = { ...blank, name: 'abc', app_id: 'app-1' };
  assert.deepEqual(validateForm(topicForm, ok, 'create'), {});
  const bad = validateForm(
    topicForm,
    { ...ok, name: `a${'b'.repeat(200)}`, partition: '0', replication: '4', retention_time: '721' },
    'create',
  );
  assert.deepEqual(Object.keys(bad).sort(), ['name', 'partition', 'replication', 'retention_time']);
  assert.ok(validateForm(topicForm, { ...ok, name: 'a.b' }, 'create')['name']);
});

test('bodies: create carries the 5.2.2 fields; modify only the 5.2.3 ones', () => {
  const v = completeValues(topicForm, {
    ...topicForm.blank({} as never),
    name: 'refunds',
    app_id: 'app-1',
    access_policy: 'pub',
    tag: 'a || b',
  });
  assert.deepEqual(topicForm.body(v, 'create'), {
    name: 'refunds',
    app_id: 'app-1',
    access_policy: 'pub',
    partition: 3,
    replication: 3,
    retention_time: 72,
    sync_replication: false,
    sync_message_flush: false,
    tag: 'a || b',
    description: '',
    sensitive_word: '',
  });
  assert.deepEqual(topicForm.body({ ...v, retention_time: '48' }, 'edit'), {
    name: 'refunds',
    retention_time: 48,
    sync_replication: false,
    sync_message_flush: false,
    description: '',
    sensitive_word: '',
  });
});
