// Read-only through the full shell, first half of the screens (the rest: readonly-keys-rest.test.tsx).
import { test } from 'node:test';
import { readOnlyWalk } from './readonly-walk.tsx';

test('read-only through the full shell: every action key on the even screens → zero writes', () =>
  readOnlyWalk((i) => i % 2 === 0));
