// Read-only through the full shell, second half of the screens (the first: readonly-keys.test.tsx).
import { test } from 'node:test';
import { readOnlyWalk } from './readonly-walk.tsx';

test('read-only through the full shell: every action key on the odd screens → zero writes', () =>
  readOnlyWalk((i) => i % 2 === 1));
