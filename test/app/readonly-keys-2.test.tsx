// Read-only through the full shell, second third of the screens (the others: readonly-keys/-3.test.tsx).
import { test } from 'node:test';
import { readOnlyWalk } from './readonly-walk.tsx';

test('read-only through the full shell: every key a writable session binds on screens 1, 4, 7… → zero writes', () =>
  readOnlyWalk((i) => i % 3 === 1));
