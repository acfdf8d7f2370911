// The one place a mutation is shown: its confirmation (destructive ones need a typed `y`, Enter is not
// enough), a refusal with its reason, hint and alternative, the steps while it runs, and the outcome
// with per-item failures (code and message). Renders nothing when no mutation is in progress.
import { Box, Text } from 'ink';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { KEYMAP } from '../../src/keys/keymap.ts';
import { useKeyHandler } from '../../src/keys/router.tsx';
import { sanitizeText } from '../../src/ui/sanitize.ts';
import { useTheme } from '../../src/ui/theme.ts';
import type { ItemResult, StepProgress } from '../../src/actions/types.ts';
import { useMutationStore, useMutations } from './context.tsx';

const is = (cmd: 'confirm' | 'cancel' | 'submit', id: string): boolean =>
  (KEYMAP[cmd].keys as readonly string[]).includes(id);

const STEP_MARK: Record<StepProgress['status'], string> = {
  pending: '·',
  running: '…',
  ok: '✓',
  failed: '✗',
  skipped: '-',
};

export function MutationPanel({ width = 72 }: { width?: number }) {
  const store = useMutationStore();
  const phase = useMutations((s) => s.phase);
  const confirmation = useMutations((s) => s.confirmation);
  const refusal = useMutations((s) => s.refusal);
  const steps = useMutations((s) => s.steps);
  const outcome = useMutations((s) => s.outcome);
  const theme = useTheme().tokens;

  // Modal layer: while a mutation is shown, it owns the keyboard (every key is consumed).
  useKeyHandler(
    'modal',
    ({ id }) => {
      const { actions } = store.getState();
      if (phase === 'refused') {
        if (refusal?.alternative && (is('submit', id) || id === 'r')) actions.acceptAlternative();
        else if (is('cancel', id) || is('submit', id)) actions.dismiss();
        return true;
      }
      if (phase === 'done' && (is('cancel', id) || is('submit', id))) actions.dismiss();
      return true;
    },
    // The confirmation phase belongs to ConfirmDialog (same modal layer, registered later).
    { active: phase === 'refused' || phase === 'running' || phase === 'done' },
  );

  if (phase === 'idle') return null;

  if (phase === 'confirming' && confirmation) {
    const { actions } = store.getState();
    return (
      <ConfirmDialog
        action={confirmation.title}
        object={confirmation.effect}
        effect={
          confirmation.details.length > 0
            ? confirmation.details.join(' · ')
            : confirmation.destructive
              ? 'This is not undone automatically.'
              : ''
        }
        destructive={confirmation.destructive}
        onConfirm={() => void actions.confirm()}
        onCancel={() => actions.cancel()}
        width={width}
      />
    );
  }

  if (phase === 'refused' && refusal) {
    return (
      <Box flexDirection="column" borderStyle="round" borderColor={theme.warning} paddingX={1}>
        <Text bold color={theme.warning}>
          Not sent · {refusal.code}
        </Text>
        <Text>{sanitizeText(refusal.reason)}</Text>
        <Text color={theme.muted}>hint: {sanitizeText(refusal.hint)}</Text>
        {refusal.alternative ? (
          <Text>r/Enter: {sanitizeText(refusal.alternative.label)} · Esc: close</Text>
        ) : (
          <Text color={theme.muted}>Esc: close</Text>
        )}
      </Box>
    );
  }

  const failed = outcome?.result === 'failed';
  const border = !outcome
    ? theme.accent
    : failed
      ? theme.danger
      : outcome.result === 'partial'
        ? theme.warning
        : theme.success;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={border} paddingX={1}>
      {steps.length > 1 || !outcome ? steps.map((s, i) => <StepLine key={i} step={s} />) : null}
      {outcome ? (
        <>
          <Text bold color={border}>
            {sanitizeText(outcome.summary)}
          </Text>
          {outcome.error ? (
            <Text color={theme.muted}>
              hint: {sanitizeText(outcome.error.hint)}
              {outcome.error.requestId ? ` · request ${sanitizeText(outcome.error.requestId)}` : ''}
            </Text>
          ) : null}
          {outcome.items.length > 1 || outcome.items.some((i) => !i.ok || i.detail)
            ? outcome.items.map((it, i) => <ItemLine key={i} item={it} />)
            : null}
          <Text color={theme.muted}>Esc/Enter: close</Text>
        </>
      ) : null}
    </Box>
  );
}

function StepLine({ step }: { step: StepProgress }) {
  const theme = useTheme().tokens;
  const color = step.status === 'failed' ? theme.danger : step.status === 'ok' ? theme.success : theme.muted;
  return (
    <Text color={color}>
      {STEP_MARK[step.status]} {sanitizeText(step.label)}
      {step.errorCode ? ` — ${sanitizeText(step.errorCode)} ${sanitizeText(step.errorMsg ?? '')}` : ''}
    </Text>
  );
}

function ItemLine({ item }: { item: ItemResult }) {
  const theme = useTheme().tokens;
  if (item.ok) {
    return (
      <Text color={theme.success}>
        ✓ {sanitizeText(item.label)}
        {item.detail ? ` · ${sanitizeText(item.detail)}` : ''}
      </Text>
    );
  }
  return (
    <Text color={theme.danger}>
      ✗ {sanitizeText(item.label)} — {sanitizeText(item.errorCode ?? '')} {sanitizeText(item.errorMsg ?? '')}
    </Text>
  );
}
