// The pure form engine: field rules, dependent fields, the review diff, server errors mapped to fields,
// and the form store's editing without a screen.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkField,
  diffValues,
  displayValue,
  fieldOfServerError,
  validateForm,
  visibleFields,
} from '../../src/forms/engine.ts';
import type { Field, FormSpec } from '../../src/forms/types.ts';
import { createFormStore } from '../../src/store/forms.ts';
import { throttleForm, throttleRelations } from '../../screens/forms/policies.ts';

const name: Field = {
  kind: 'text',
  key: 'name',
  label: 'name',
  required: true,
  minLength: 3,
  maxLength: 8,
  pattern: /^[a-z]+$/,
  patternHint: 'lower case',
};
const limit: Field = {
  kind: 'integer',
  key: 'limit',
  label: 'limit',
  required: true,
  min: 1,
  max: 100,
  unit: 'calls',
};
const type: Field = {
  kind: 'choice',
  key: 'type',
  label: 'type',
  required: true,
  choices: [
    { value: '1', label: 'one' },
    { value: '2', label: 'two' },
  ],
};
const secret: Field = { kind: 'secret', key: 'secret', label: 'secret' };
const members: Field = {
  kind: 'rows',
  key: 'members',
  label: 'members',
  required: true,
  uniqueBy: 'host',
  columns: [
    { kind: 'text', key: 'host', label: 'host', required: true },
    { kind: 'integer', key: 'weight', label: 'weight', min: 0, max: 100 },
  ],
  when: (v) => v['type'] === '2',
};
const json: Field = { kind: 'longtext', key: 'body', label: 'body', json: true };

const spec = {
  noun: 'thing',
  fields: [name, type, limit, secret, members, json],
  blank: () => ({}),
  fromItem: () => ({}),
  body: () => ({}),
  create: async () => ({ id: '1', name: 'x' }),
  nameOf: () => 'x',
  idOf: () => '1',
} satisfies FormSpec<unknown>;

describe('field rules', () => {
  it('required, length, pattern', () => {
    assert.equal(checkField(name, ''), 'required');
    assert.equal(checkField(name, 'ab'), 'at least 3 characters');
    assert.equal(checkField(name, 'abcdefghi'), 'at most 8 characters');
    assert.equal(checkField(name, 'Abc'), 'lower case');
    assert.equal(checkField(name, 'abc'), null);
  });
  it('integer range and whole numbers; an optional empty field passes', () => {
    assert.equal(checkField(limit, '0'), 'at least 1');
    assert.equal(checkField(limit, '101'), 'at most 100');
    assert.equal(checkField(limit, '1.5'), 'a whole number');
    assert.equal(checkField(limit, '42'), null);
    assert.equal(checkField({ ...limit, required: false }, ''), null);
  });
  it('enum, JSON, rows (cells and uniqueness)', () => {
    assert.equal(checkField(type, '3'), 'one of 1, 2');
    assert.equal(checkField(json, '{"a":'), 'not valid JSON');
    assert.equal(checkField(json, '{"a":1}'), null);
    assert.equal(checkField(members, []), 'at least one row');
    assert.equal(checkField(members, [{ host: 'a', weight: '101' }]), 'row 1 weight: at most 100');
    assert.equal(
      checkField(members, [
        { host: 'a', weight: '1' },
        { host: 'a', weight: '2' },
      ]),
      'row 2: a appears twice',
    );
  });
});

describe('dependent fields', () => {
  it('a field shows, is checked and diffed only while its condition holds', () => {
    assert.ok(!visibleFields(spec, { type: '1' }).some((f) => f.key === 'members'));
    assert.ok(visibleFields(spec, { type: '2' }).some((f) => f.key === 'members'));
    const base = { name: 'abc', limit: '5', secret: '', body: '' };
    assert.equal(validateForm(spec, { ...base, type: '1' }, 'create')['members'], undefined);
    assert.equal(validateForm(spec, { ...base, type: '2' }, 'create')['members'], 'at least one row');
  });
});

describe('review diff', () => {
  it('lists only changed fields, old → new, with units, choice labels and masked secrets', () => {
    const before = { name: 'abc', type: '1', limit: '200', secret: 'old-secret', body: '' };
    const after = {
      ...before,
      limit: '400',
      type: '2',
      secret: 'new-secret',
      members: [{ host: 'h', weight: '1' }],
    };
    const changes = diffValues(spec, before, after);
    assert.deepEqual(
      changes.map((c) => `${c.label}: ${c.from} → ${c.to}`),
      ['type: one → two', 'limit: 200 calls → 400 calls', 'secret: •••••• → ••••••', 'members: (none) → h 1'],
    );
    assert.deepEqual(
      diffValues(spec, before, { ...before, name: ' abc ' }),
      [],
      'surrounding spaces are no change',
    );
    assert.equal(displayValue(secret, 'abc', true), 'abc');
  });
});

describe('server errors on fields', () => {
  it('maps parameterName (and its variants) to the field, wire names and list columns included', () => {
    const msg = (p: string) =>
      `Invalid parameter value,parameterName:${p}. Please refer to the support documentation`;
    assert.equal(fieldOfServerError(spec, msg('limit')), 'limit');
    assert.equal(
      fieldOfServerError(spec, 'The request parameters must be specified, parameter name:members'),
      'members',
    );
    assert.equal(fieldOfServerError(spec, msg('members[0].host')), 'members');
    assert.equal(fieldOfServerError(spec, msg('host')), 'members');
    assert.equal(fieldOfServerError(spec, msg('unknown_field')), null);
    assert.equal(fieldOfServerError(spec, 'The request throttling policy name already exists.'), null);
    assert.equal(fieldOfServerError(throttleForm, msg('app_calls')), 'app_call_limits');
  });
});

describe('throttle rules across fields (4.7.1)', () => {
  it('user ≤ API, app ≤ user (or API), IP ≤ API', () => {
    assert.deepEqual(
      throttleRelations({
        api_call_limits: '100',
        user_call_limits: '50',
        app_call_limits: '60',
        ip_call_limits: '100',
      }),
      {
        app_call_limits: 'at most the user limit (50)',
      },
    );
    assert.deepEqual(
      throttleRelations({ api_call_limits: '100', app_call_limits: '101', ip_call_limits: '101' }),
      {
        app_call_limits: 'at most the API limit (100)',
        ip_call_limits: 'at most the API limit (100)',
      },
    );
  });
});

describe('form store (no screen)', () => {
  const store = () =>
    createFormStore({
      spec: spec as FormSpec<unknown>,
      mode: 'create',
      ctx: { client: {} as never, params: {} },
      readOnly: false,
      identity: { who: 't', profile: 'p', instance: 'i' },
    });

  it('types into the focused field, cycles choices, and reviews only when every rule passes', () => {
    const s = store();
    const a = s.getState().actions;
    assert.equal(a.review(), false);
    assert.equal(s.getState().errors['name'], 'required');
    assert.equal(s.getState().focus, 0, 'cursor on the first error');
    a.type('abc');
    assert.equal(s.getState().errors['name'], undefined, 'fixing a field clears its error');
    a.move(1);
    a.cycle(1);
    assert.equal(s.getState().values['type'], '1');
    a.cycle(1);
    assert.equal(s.getState().values['type'], '2');
    // type 2 shows the member rows: add one and fill it
    const slotsBefore = s.getState().focus;
    a.move(3); // limit, secret, members "add a row"
    a.addRow();
    assert.ok(s.getState().focus > slotsBefore);
    a.type('10.0.0.1');
    a.move(1);
    a.type('5');
    assert.deepEqual(s.getState().values['members'], [{ host: '10.0.0.1', weight: '5' }]);
    assert.equal(a.review(), false, 'limit still missing');
    assert.ok(s.getState().errors['limit']);
    a.type('7');
    assert.equal(a.review(), true);
    assert.equal(s.getState().phase, 'review');
    a.back();
    assert.equal(s.getState().phase, 'edit');
  });

  it('never sends in read-only mode', async () => {
    const s = createFormStore({
      spec: { ...spec, create: async () => assert.fail('sent') } as FormSpec<unknown>,
      mode: 'create',
      values: { name: 'abc', type: '1', limit: '3' },
      ctx: { client: {} as never, params: {} },
      readOnly: true,
      identity: { who: 't', profile: 'p', instance: 'i' },
    });
    assert.equal(s.getState().actions.review(), true);
    assert.equal(await s.getState().actions.submit(), false);
  });
});

describe('name check as the field is left (4.2.6 / 4.3.14)', () => {
  it('asks the check when leaving a changed name; a taken name stays an error through the review', async () => {
    const asked: string[] = [];
    const s = createFormStore({
      spec: {
        ...spec,
        nameCheck: {
          field: 'name',
          check: async (_ctx, value) => {
            asked.push(value);
            return value === 'taken' ? 'APIG.3201: the name already exists' : null;
          },
        },
      } as FormSpec<unknown>,
      mode: 'create',
      values: { type: '1', limit: '3' },
      ctx: { client: {} as never, params: {} },
      readOnly: false,
      identity: { who: 't', profile: 'p', instance: 'i' },
    });
    const a = s.getState().actions;
    a.type('taken');
    a.move(1);
    await s.whenSettled();
    assert.deepEqual(asked, ['taken']);
    assert.equal(s.getState().errors['name'], 'APIG.3201: the name already exists');
    assert.equal(a.review(), false, 'the review keeps the refusal');
    a.clear();
    a.type('free');
    a.move(1);
    await s.whenSettled();
    assert.equal(s.getState().errors['name'], undefined);
    assert.equal(a.review(), true);
  });
});
