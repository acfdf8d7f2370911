// Read-only through the full shell, last third of the screens (the others: readonly-keys/-2.test.tsx).
import { test } from 'node:test';
import { readOnlyWalk } from './readonly-walk.tsx';

test('read-only through the full shell: every key a writable session binds on screens 2, 5, 8… → zero writes', () =>
  readOnlyWalk((i) => i % 3 === 2));
