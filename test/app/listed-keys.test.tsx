// Every key a view lists is handled there (the walk in listed-keys-walk.tsx, split over three files so
// each stays within the runner's per-file time), and n/e/D are listed only where declared.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionsOf, RESOURCES } from '../../screens/registry.ts';
import { viewKeys } from '../../src/app/view-keys.ts';
import type { Command } from '../../src/keys/keymap.ts';
import { walkViews } from './listed-keys-walk.tsx';

const third = Math.ceil(RESOURCES.length / 3);

test('every key listed in the first third of the views is handled there, and every listed capability does something', () =>
  walkViews(RESOURCES.slice(0, third)));

test('a view lists n, e and D only where the resource declares that capability', () => {
  const session = { readOnly: false, readOnlyReason: '' };
  for (const d of RESOURCES) {
    const declared = new Set(actionsOf(d).map((a) => a.command));
    if (d.create) declared.add('create');
    if (d.edit) declared.add('edit');
    if (d.remove) declared.add('remove');
    for (const view of ['list', 'detail'] as const) {
      const listed: Command[] = viewKeys(d, view, session).commands;
      for (const c of ['create', 'edit', 'remove'] as const)
        if (listed.includes(c)) assert.ok(declared.has(c), `${d.id} ${view} lists ${c} without declaring it`);
    }
  }
});
