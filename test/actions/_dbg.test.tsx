import { test } from 'node:test';
import { render } from 'ink-testing-library';
import { Text } from 'ink';
import { KeyRouterProvider, useKeyHandler } from '../../src/keys/router.tsx';
import { settle } from '../helpers/ink.ts';
import { useState } from 'react';

function K() {
  const [k, setK] = useState('');
  useKeyHandler('modal', (e) => { setK((x) => x + e.id); return true; });
  return <Text>keys={k}</Text>;
}
test('dbg', async () => {
  const r = render(<KeyRouterProvider><K /></KeyRouterProvider>);
  await settle();
  r.stdin.write('y');
  await new Promise((res) => setTimeout(res, 200));
  console.log(r.lastFrame());
  r.unmount();
});
