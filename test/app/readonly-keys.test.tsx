// Read-only through the full shell, first third of the screens (the others: readonly-keys-2/-3.test.tsx).
import { test } from 'node:test';
import { readOnlyWalk } from './readonly-walk.tsx';

test('read-only through the full shell: every key a writable session binds on screens 0, 3, 6… → zero writes', () =>
  readOnlyWalk((i) => i % 3 === 0));
