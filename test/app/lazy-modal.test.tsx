// A dialog whose code is in a family's chunk (lazyModal): until its module has loaded the modal layer
// says so and keeps the keys from the list beneath; then the dialog itself shows. A module that
// cannot load is said with its reason, and any key closes it.
import assert from 'node:assert/strict';
import { Text } from 'ink';
import { after, before, test } from 'node:test';
import { familyModule, lazyModal } from '../../src/app/lazy-modal.tsx';
import { registerModal, type ModalProps } from '../../src/app/modals.tsx';
import { listKey } from '../../src/app/data.ts';
import { settle, waitForFrame } from '../helpers/ink.ts';
import { until } from '../helpers/until.ts';
import { startHarness, type Harness } from './harness.tsx';
import { deferred } from '../helpers/deferred.ts';

let h: Harness;
before(async () => {
  h = await startHarness({ rootScreen: 'apis' });
  await until('apis loaded', () => {
    const s = h.store.getState();
    return ((s.resources.apis?.[listKey(s.instanceId, {})]?.data as unknown[] | undefined)?.length ?? 0) > 1;
  });
});
after(async () => {
  await h?.close();
});

const selected = () => h.store.getState().stack.at(-1)?.list.selectedIndex;

test('loading… while the module loads, keys kept from the list, then the dialog', async () => {
  const load = deferred<{ Dialog: (p: ModalProps) => React.JSX.Element }>();
  const views = familyModule(() => load.promise);
  registerModal(
    'test.lazy',
    lazyModal(views, (m) => m.Dialog),
  );
  const before = selected();
  h.store.getState().actions.pushModal({ kind: 'test.lazy', props: { who: 'order-events' } });
  await waitForFrame(h.ui, (f) => f.includes('loading…'));
  h.ui.stdin.write('j');
  await settle();
  assert.equal(selected(), before, 'the key did not move the list beneath');
  load.resolve({ Dialog: ({ props }) => <Text>dialog of {String(props.who)}</Text> });
  await waitForFrame(h.ui, (f) => f.includes('dialog of order-events'));
  assert.ok(views.current(), 'the module is kept for the next one');
  h.store.getState().actions.popModal();
  await settle();
});

test('a module that cannot load: its reason shows, and a key closes the dialog', async () => {
  registerModal(
    'test.broken',
    lazyModal(
      familyModule(() => Promise.reject(new Error('chunk missing'))),
      () => () => null,
    ),
  );
  h.store.getState().actions.pushModal({ kind: 'test.broken', props: {} });
  await waitForFrame(h.ui, (f) => f.includes('cannot load this dialog: chunk missing'));
  h.ui.stdin.write('x');
  await until('closed', () => h.store.getState().modals.length === 0);
});
