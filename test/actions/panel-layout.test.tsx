// The mutation panel lays its text out inside its box at any width: long outcome lines wrap within
// the border (never over it), even when the panel shares a short screen with a view below it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Box, Text } from 'ink';
import { render } from 'ink-testing-library';
import { KeyRouterProvider } from '../../src/keys/router.tsx';
import { createMutationStore } from '../../src/store/mutations.ts';
import type { MutationPort } from '../../src/actions/port.ts';
import { displayWidth } from '../../src/ui/text.ts';
import { MutationProvider } from '../../screens/actions/context.tsx';
import { MutationPanel } from '../../screens/actions/MutationPanel.tsx';
import { wrapToWidth } from '../../screens/actions/wrap.ts';
import { settle } from '../helpers/ink.ts';

const LONG_NAME = 'pay-callback-with-a-rather-long-name-for-the-settlement-service';
const REQUEST_ID = '0000018e2f3a9b7c1d2e3f405162738495a6b7c8d9e0';

function doneStore() {
  // layout only: the outcome is set directly, nothing is sent
  const store = createMutationStore({
    port: {} as MutationPort,
    readOnly: false,
    identity: { who: 'w', profile: 'p', instance: 'i' },
  });
  store.setState({
    phase: 'done',
    steps: [],
    outcome: {
      result: 'failed',
      summary: `Publish API ${LONG_NAME} to RELEASE: failed — APIG.3002 The API does not exist or was deleted`,
      items: [
        { label: `${LONG_NAME} in RELEASE`, id: 'a', ok: false, errorCode: 'APIG.3002', errorMsg: 'gone' },
        { label: 'orders', id: 'b', ok: true, detail: `publish id ${REQUEST_ID}` },
      ],
      requestIds: [REQUEST_ID],
      error: {
        code: 'APIG.3002',
        message: 'gone',
        hint: 'Refresh the list: the API was deleted',
        requestId: REQUEST_ID,
      },
    },
  });
  return store;
}

for (const width of [80, 100]) {
  test(`outcome at ${width} columns: every line inside the border, nothing lost, not squeezed`, async () => {
    const store = doneStore();
    const r = render(
      <KeyRouterProvider>
        <MutationProvider store={store}>
          {/* like the shell: a fixed-height area shared with the view below */}
          <Box height={16} flexDirection="column" overflow="hidden">
            <MutationPanel width={width} />
            <Box height={12}>
              <Text>the list below</Text>
            </Box>
          </Box>
        </MutationProvider>
      </KeyRouterProvider>,
    );
    try {
      await settle();
      const lines = (r.lastFrame() ?? '').split('\n');
      const top = lines.findIndex((l) => l.startsWith('╭'));
      const bottom = lines.findIndex((l) => l.startsWith('╰'));
      assert.ok(top >= 0 && bottom > top, 'the box is drawn whole');
      for (const l of lines.slice(top, bottom + 1)) {
        assert.equal(displayWidth(l), width, `line is ${width} columns: ${JSON.stringify(l)}`);
      }
      for (const l of lines.slice(top + 1, bottom)) {
        assert.ok(
          l.startsWith('│ ') && l.endsWith(' │'),
          `text stays inside the border: ${JSON.stringify(l)}`,
        );
      }
      const text = lines
        .slice(top + 1, bottom)
        .map((l) => l.slice(2, -2).trim())
        .join(' ');
      assert.ok(text.includes(LONG_NAME), 'the long name is whole');
      assert.ok(text.includes(REQUEST_ID), 'the request id is whole');
      assert.ok(text.includes('Esc/Enter: close'), 'the last line was not squeezed out');
    } finally {
      r.unmount();
    }
  });
}

test('wrapToWidth: breaks at spaces, cuts words wider than the line, counts wide characters', () => {
  assert.deepEqual(wrapToWidth('aaa bbb ccc', 7), ['aaa bbb', 'ccc']);
  assert.deepEqual(wrapToWidth('abcdefghij', 4), ['abcd', 'efgh', 'ij']);
  assert.deepEqual(wrapToWidth('接口 发布 失败', 5), ['接口', '发布', '失败']);
  for (const l of wrapToWidth(`x ${REQUEST_ID} y`, 10)) assert.ok(displayWidth(l) <= 10);
});
