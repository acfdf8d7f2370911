// Rule test (LINK 6.5.4): type sample device data, Enter runs the rule on it in the service, the
// result (or the refusal with its code) is shown. Changes nothing, so it is not a mutation; the call
// goes through the dashboard store like every read of the flows.
import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import type { RuleTestResult } from '../../src/api/types/link.ts';
import { useKeyHandler } from '../../src/keys/router.tsx';
import { selectSlice, useActions, useStore } from '../../src/store/index.ts';
import { sanitizeText } from '../../src/ui/sanitize.ts';
import { useTheme } from '../../src/ui/theme.ts';
import { ruleTestRequest, type RuleTestTarget } from './link-requests.ts';

const MAX_DATA = 2000;

export function sampleData(fields: readonly string[]): string {
  const names = fields.filter((f) => f !== '*' && /^[A-Za-z_]\w*$/.test(f));
  return JSON.stringify(Object.fromEntries((names.length ? names : ['value']).map((f) => [f, 0])));
}

export function RuleTestView({ target, onClose }: { target: RuleTestTarget; onClose: () => void }) {
  const theme = useTheme().tokens;
  const actions = useActions();
  const [data, setData] = useState(() => sampleData(target.fields));
  const [run, setRun] = useState(0);
  const selector = useMemo(
    () => selectSlice<RuleTestResult>('actions.ruleTest', `${target.instanceId}|${target.ruleId}|${run}`),
    [target, run],
  );
  const slice = useStore(selector);

  useKeyHandler('modal', (key) => {
    if (key.id === 'escape') onClose();
    else if (key.id === 'return') {
      const next = run + 1;
      setRun(next);
      void actions.load(ruleTestRequest(target, data, next));
    } else if (key.id === 'ctrl+u') setData('');
    else if (key.id === 'backspace' || key.id === 'delete') setData((d) => d.slice(0, -1));
    else if (key.input && !key.ctrl && !key.meta) setData((d) => (d + key.input).slice(0, MAX_DATA));
    return true;
  });

  const result = slice.data?.test_result;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.accent} paddingX={1}>
      <Text bold>Test rule {sanitizeText(target.name)}</Text>
      <Text color={theme.muted}>{sanitizeText(target.express || 'raw payload (no SQL)')}</Text>
      <Text>
        Data: {sanitizeText(data)}
        <Text inverse> </Text>
      </Text>
      {run === 0 ? null : slice.loading ? (
        <Text color={theme.muted}>testing…</Text>
      ) : slice.error ? (
        <Text color={theme.danger}>
          {sanitizeText(slice.error.errorCode ?? slice.error.kind)}:{' '}
          {sanitizeText(slice.error.errorMsg ?? '')} — {sanitizeText(slice.error.hint)}
        </Text>
      ) : (
        <Text color={result ? theme.success : theme.warning}>
          Result: {result ? sanitizeText(result) : 'no match (the rule forwards nothing for this data)'}
        </Text>
      )}
      <Text color={theme.muted}>Enter: run the test · Ctrl-U: clear · Esc: close</Text>
    </Box>
  );
}
