// The second and third parts of the listed-keys walk (see listed-keys.test.tsx).
import { test } from 'node:test';
import { RESOURCES } from '../../screens/registry.ts';
import { walkViews } from './listed-keys-walk.tsx';

const third = Math.ceil(RESOURCES.length / 3);

test('every key listed in views 2/3 is handled there, and every listed capability does something', () =>
  walkViews(RESOURCES.slice(third, 2 * third)));
