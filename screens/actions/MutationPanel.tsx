// The one place a mutation is shown: its confirmation (destructive ones need a typed `y`, Enter is not
// enough), a refusal with its reason, hint and alternative, the steps while it runs, and the outcome
// with per-item failures (code and message). Renders nothing when no mutation is in progress.
// Every outcome has one shape (issue 11): the title "<verb object>: done|failed|…", then one line per item
// (what and where). A success closes by itself after `autoCloseMs` or on any key; failures, partial and
// unknown outcomes stay until Esc/Enter.
import { Box, Text } from 'ink';
import { useEffect } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { commandKeysLabel, keyIs } from '../../src/keys/keymap.ts';
import { useKeyHandler } from '../../src/keys/router.tsx';
import { sanitizeText } from '../../src/ui/sanitize.ts';
import { useTheme } from '../../src/ui/theme.ts';
import type { ItemResult, MutationAction, StepProgress } from '../../src/actions/types.ts';
import { useMutationStore, useMutations } from './context.tsx';
import { wrapClamped } from './wrap.ts';

const STEP_MARK: Record<StepProgress['status'], string> = {
  pending: '·',
  running: '…',
  ok: '✓',
  failed: '✗',
  skipped: '-',
  unknown: '?',
};

export interface MutationPanelProps {
  width?: number;
  /** A successful outcome closes by itself after this many ms (absent: only on a key). */
  autoCloseMs?: number;
  /** Called when a successful outcome closed by itself (unread, perhaps), with its title line. */
  onSuccessClosed?: (summary: string) => void;
}

export function MutationPanel({ width = 72, autoCloseMs, onSuccessClosed }: MutationPanelProps) {
  const store = useMutationStore();
  const phase = useMutations((s) => s.phase);
  const confirmation = useMutations((s) => s.confirmation);
  const scope = useMutations((s) => s.scope);
  const confirmYes = useMutations((s) => s.confirmYes);
  const refusal = useMutations((s) => s.refusal);
  const steps = useMutations((s) => s.steps);
  const outcome = useMutations((s) => s.outcome);
  const theme = useTheme().tokens;
  const succeeded = phase === 'done' && outcome?.result === 'ok';
  const closeSuccess = (byItself: boolean): void => {
    const o = store.getState().outcome;
    store.getState().actions.dismiss();
    if (o && byItself) onSuccessClosed?.(o.summary);
  };

  useEffect(() => {
    if (!succeeded || autoCloseMs === undefined) return;
    const t = setTimeout(() => {
      if (store.getState().outcome === outcome) closeSuccess(true);
    }, autoCloseMs);
    return () => clearTimeout(t);
    // closeSuccess reads the store; the outcome object identifies the panel that armed the timer
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [succeeded, outcome, autoCloseMs, store]);

  // Modal layer: while a mutation is shown, it owns the keyboard (every key is consumed).
  useKeyHandler(
    'modal',
    ({ id }) => {
      const { actions } = store.getState();
      if (phase === 'refused') {
        if (refusal?.alternative && (keyIs('submit', id) || id === 'r')) actions.acceptAlternative();
        else if (keyIs('cancel', id) || keyIs('submit', id)) actions.dismiss();
        return true;
      }
      if (succeeded) closeSuccess(false);
      // a batch that failed as a whole: the rest is proposed again, to be confirmed like any action
      else if (phase === 'done' && outcome?.retry && keyIs('retryRest', id))
        actions.propose(outcome.retry, {
          scope: `Retry: acts on the ${countOf(outcome.retry)} items re-read as not done`,
        });
      else if (phase === 'done' && (keyIs('cancel', id) || keyIs('submit', id))) actions.dismiss();
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
        yesFocused={confirmYes}
        onFocusChange={(yes) => actions.focusConfirm(yes)}
        {...(scope ? { scope } : {})}
        onConfirm={() => void actions.confirm()}
        onCancel={() => actions.cancel()}
        width={width}
      />
    );
  }

  // border (2) + padding (2): every line is wrapped here to the inner width, so nothing overflows
  const inner = Math.max(10, width - 4);
  const box = {
    width,
    flexShrink: 0,
    flexDirection: 'column' as const,
    borderStyle: 'round' as const,
    paddingX: 1,
  };

  if (phase === 'refused' && refusal) {
    return (
      <Box {...box} borderColor={theme.warning}>
        <Lines text={`Not sent · ${refusal.code}`} width={inner} color={theme.warning} bold />
        <Lines text={sanitizeText(refusal.reason)} width={inner} />
        <Lines text={`hint: ${sanitizeText(refusal.hint)}`} width={inner} color={theme.muted} />
        {refusal.alternative ? (
          <Lines text={`r/Enter: ${sanitizeText(refusal.alternative.label)} · Esc: close`} width={inner} />
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
      : outcome.result === 'partial' || outcome.result === 'unknown'
        ? theme.warning
        : theme.success;
  const items = outcome ? outcome.items : [];
  // failures first: they are what needs reading when the list is cut
  const shownItems = [...items.filter((i) => !i.ok), ...items.filter((i) => i.ok)].slice(0, MAX_ITEMS);
  return (
    <Box {...box} borderColor={border}>
      {steps.length > 1 || !outcome ? steps.map((s, i) => <StepLine key={i} step={s} width={inner} />) : null}
      {outcome ? (
        <>
          <Lines text={sanitizeText(outcome.summary)} width={inner} color={border} bold max={4} />
          {outcome.error ? (
            <Lines
              text={`hint: ${sanitizeText(outcome.error.hint)}${
                outcome.error.requestId ? ` · request ${sanitizeText(outcome.error.requestId)}` : ''
              }`}
              width={inner}
              color={theme.muted}
              max={3}
            />
          ) : null}
          {outcome.reread ? (
            <>
              <Text color={theme.muted}>Re-read now:</Text>
              {outcome.reread.slice(0, MAX_ITEMS).map((l, i) => (
                <Lines key={i} text={`· ${sanitizeText(l)}`} width={inner} />
              ))}
            </>
          ) : null}
          {shownItems.map((it, i) => (
            <ItemLine key={i} item={it} width={inner} />
          ))}
          {items.length > shownItems.length ? (
            <Text color={theme.muted}>… {items.length - shownItems.length} more (see the audit log)</Text>
          ) : null}
          {outcome.retry ? (
            <Text color={theme.warning}>
              {`${commandKeysLabel('retryRest')}: retry the ${countOf(outcome.retry)} not done (asks first)`}
            </Text>
          ) : null}
          <Text color={theme.muted}>
            {succeeded
              ? `Esc/Enter: close · any key closes it${autoCloseMs !== undefined ? ' · closes by itself' : ''}`
              : 'Esc/Enter: close'}
          </Text>
        </>
      ) : null}
    </Box>
  );
}

const MAX_ITEMS = 8;

/** One logical line, wrapped to `width` columns (at most `max` lines). */
function Lines({
  text,
  width,
  color,
  bold,
  max = 2,
}: {
  text: string;
  width: number;
  color?: string;
  bold?: boolean;
  max?: number;
}) {
  return (
    <>
      {wrapClamped(text, width, max).map((l, i) => (
        <Text key={i} {...(color ? { color } : {})} {...(bold ? { bold } : {})} wrap="truncate">
          {l}
        </Text>
      ))}
    </>
  );
}

function StepLine({ step, width }: { step: StepProgress; width: number }) {
  const theme = useTheme().tokens;
  const color =
    step.status === 'failed'
      ? theme.danger
      : step.status === 'unknown'
        ? theme.warning
        : step.status === 'ok'
          ? theme.success
          : theme.muted;
  const error = step.errorCode
    ? ` — ${sanitizeText(step.errorCode)} ${sanitizeText(step.errorMsg ?? '')}`
    : '';
  return (
    <Lines
      text={`${STEP_MARK[step.status]} ${sanitizeText(step.label)}${error}`}
      width={width}
      color={color}
    />
  );
}

/** How many items a retry acts on (the batch kinds name their APIs). */
function countOf(action: MutationAction): number {
  return 'apis' in action ? action.apis.length : 1;
}

function ItemLine({ item, width }: { item: ItemResult; width: number }) {
  const theme = useTheme().tokens;
  if (item.unknown) {
    return (
      <Lines
        text={`? ${sanitizeText(item.label)} — ${sanitizeText(item.errorMsg ?? 'outcome unknown')}`}
        width={width}
        color={theme.warning}
      />
    );
  }
  if (item.ok) {
    const detail = item.detail ? ` · ${sanitizeText(item.detail)}` : '';
    return <Lines text={`✓ ${sanitizeText(item.label)}${detail}`} width={width} color={theme.success} />;
  }
  return (
    <Lines
      text={`✗ ${sanitizeText(item.label)} — ${sanitizeText(item.errorCode ?? '')} ${sanitizeText(item.errorMsg ?? '')}`}
      width={width}
      color={theme.danger}
    />
  );
}
