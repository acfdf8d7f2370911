// Pure logic of the capability binding: which keys a view binds for a session, the read-only gate, and
// the delete mutation built from a descriptor's remove capability.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionSubject, describeAction } from '../../src/actions/confirm.ts';
import { planSteps } from '../../src/actions/execute.ts';
import type { MutationPort } from '../../src/actions/port.ts';
import { bindCapabilities } from '../../src/app/actions.ts';
import { deleteAction } from '../../src/app/remove.ts';
import { decideSession } from '../../src/app/session.ts';
import { viewKeys } from '../../src/app/view-keys.ts';
import { defineResource, type RemoveContext } from '../../screens/types.ts';

interface Row {
  id: string;
  name: string;
}

const removed: string[] = [];
const thing = defineResource<Row>({
  id: 'things',
  title: 'Things',
  aliases: [],
  instanceScoped: true,
  columns: [{ id: 'name', title: 'NAME', get: (r) => r.name }],
  idOf: (r) => r.id,
  nameOf: (r) => r.name,
  list: async () => [],
  summary: () => [],
  create: { title: 'New thing', open: () => {} },
  edit: { title: 'Edit thing', open: () => {} },
  remove: {
    noun: 'thing',
    describe: (rows) => `${rows.map((r) => r.name).join(', ')} vanish`,
    single: async (_ctx, r) => void removed.push(r.id),
  },
  actions: [
    { command: 'versions', title: 'Look', run: () => {} },
    { command: 'publish', title: 'Change', dangerous: true, views: ['list'], run: () => {} },
  ],
});

const RW = decideSession({ readOnly: false }, { readOnly: false });

test('read-only is decided from the header or the client, with a reason', () => {
  assert.equal(RW.readOnly, false);
  for (const gate of [
    decideSession({ readOnly: true }, { readOnly: false }),
    decideSession({}, { readOnly: true }),
  ]) {
    assert.equal(gate.readOnly, true);
    assert.match(gate.readOnlyReason, /read-only/);
  }
});

test('a view binds what the descriptor declares: create in lists, remove in lists, views honoured', () => {
  const list = bindCapabilities(thing, 'list', RW).bound.map((c) => c.command);
  const detail = bindCapabilities(thing, 'detail', RW).bound.map((c) => c.command);
  assert.deepEqual(list, ['create', 'edit', 'remove', 'versions', 'publish']);
  assert.deepEqual(detail, ['edit', 'versions']);
  assert.ok(viewKeys(thing, 'list', RW).commands.includes('mark'));
});

test('read-only: dangerous capabilities are not bound, and are listed as unavailable with the reason', () => {
  const ro = decideSession({ readOnly: true }, { readOnly: false });
  const b = bindCapabilities(thing, 'list', ro);
  assert.deepEqual(
    b.bound.map((c) => c.command),
    ['versions'],
  );
  assert.deepEqual(
    b.unavailable.map((u) => u.command),
    ['create', 'edit', 'remove', 'publish'],
  );
  assert.ok(b.unavailable.every((u) => u.reason === ro.readOnlyReason));
  const keys = viewKeys(thing, 'list', ro);
  assert.ok(!keys.commands.includes('remove'));
  assert.equal(keys.titles.remove, 'Delete thing');
});

test('a view of a resource without capabilities lists no action key and no marks', () => {
  const { create: _c, edit: _e, remove: _r, actions: _a, ...rest } = thing;
  const keys = viewKeys({ ...rest, id: 'bare' }, 'list', RW).commands;
  for (const c of ['create', 'edit', 'remove', 'mark', 'markAll', 'reveal'] as const)
    assert.ok(!keys.includes(c), c);
});

test('D builds one destructive delete naming the rows; without a batch call it sends one delete per row', async () => {
  const rows = [
    { id: 'a', name: 'alpha' },
    { id: 'b', name: 'beta' },
  ];
  const ctx = {} as RemoveContext;
  const action = deleteAction(thing, thing.remove as never, rows, ctx);
  const c = describeAction(action);
  assert.equal(c.title, 'Delete 2 things');
  assert.equal(c.effect, 'alpha, beta vanish');
  assert.equal(c.destructive, true);
  assert.deepEqual(actionSubject(action), { object: 'things:alpha(a),beta(b)', env: '-' });
  const port = {
    send: async <T>(call: () => Promise<T>) => ({ data: await call() }),
  } as unknown as MutationPort;
  const steps = planSteps(port, action);
  assert.deepEqual(
    steps.map((s) => s.label),
    ['delete thing alpha', 'delete thing beta'],
  );
  for (const s of steps) await s.run();
  assert.deepEqual(removed, ['a', 'b']);
});
