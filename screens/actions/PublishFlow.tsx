// Publish / take offline one API or several marked APIs: pick the environment, give
// an optional remark when publishing, then hand the action to the mutations store for confirmation.
// The environment picker is the shared SelectList (the one list cursor, behind the key router).
import { keyIs } from '../../src/keys/keymap.ts';
import { Box, Text } from 'ink';
import { useState } from 'react';
import { SelectList } from '../../components/SelectList.tsx';
import { useKeyHandler } from '../../src/keys/router.tsx';
import { checkNonEmpty, checkOffline, planBatchOffline } from '../../src/actions/preconditions.ts';
import type { ApiRef, EnvRef, MutationAction } from '../../src/actions/types.ts';
import { sanitizeText } from '../../src/ui/sanitize.ts';
import { useTheme } from '../../src/ui/theme.ts';
import { useMutationStore } from './context.tsx';

export interface PublishFlowProps {
  mode: 'publish' | 'offline';
  /** One API (the selected one) or the marked ones; more than one makes it a batch (4.3.7). */
  apis: ApiRef[];
  envs: EnvRef[];
  /** api id → ids of the environments it is published in (from the API list's run_env_id). */
  publishedIn: Readonly<Record<string, readonly string[]>>;
  onDone: () => void;
  width?: number;
}

const REMARK_MAX = 255;

export function PublishFlow({ mode, apis, envs, publishedIn, onDone, width = 72 }: PublishFlowProps) {
  const store = useMutationStore();
  const theme = useTheme().tokens;
  const [env, setEnv] = useState<EnvRef | null>(null);
  const [remark, setRemark] = useState('');
  const readOnly = store.getState().readOnly;

  const propose = (chosen: EnvRef, text: string): void => {
    const { actions } = store.getState();
    const empty = checkNonEmpty(apis.length, 'API');
    if (empty) {
      actions.refuse(empty);
      onDone();
      return;
    }
    let action: MutationAction;
    const first = apis[0];
    if (apis.length === 1 && first) {
      if (mode === 'offline') {
        const refusal = checkOffline(first, chosen, (publishedIn[first.id] ?? []).includes(chosen.id));
        if (refusal) {
          actions.refuse(refusal, { kind: 'offline', api: first, env: chosen });
          onDone();
          return;
        }
        action = { kind: 'offline', api: first, env: chosen };
      } else action = { kind: 'publish', api: first, env: chosen, ...(text ? { remark: text } : {}) };
    } else if (mode === 'offline') {
      const plan = planBatchOffline(apis, chosen, (a) => (publishedIn[a.id] ?? []).includes(chosen.id));
      if (plan.refusal) {
        actions.refuse(plan.refusal);
        onDone();
        return;
      }
      action = {
        kind: 'batch-offline',
        apis: plan.send,
        env: chosen,
        ...(plan.skipped.length > 0 ? { skipped: plan.skipped } : {}),
      };
    } else action = { kind: 'batch-publish', apis, env: chosen, ...(text ? { remark: text } : {}) };
    actions.propose(action);
    onDone();
  };

  const title =
    apis.length === 1 && apis[0]
      ? `${mode === 'publish' ? 'Publish' : 'Take offline'} API ${sanitizeText(apis[0].name)}`
      : `${mode === 'publish' ? 'Publish' : 'Take offline'} ${apis.length} marked APIs`;

  const choices =
    mode === 'offline' && apis.length === 1 && apis[0]
      ? envs.filter((e) => (publishedIn[apis[0]?.id ?? ''] ?? []).includes(e.id))
      : envs;

  // Modal layer. While picking, the SelectList below has the keys (its Esc closes the flow); with no
  // environment to pick, Esc closes; afterwards the remark is typed here.
  useKeyHandler('modal', (key) => {
    if (!env) {
      if (choices.length > 0) return false;
      if (keyIs('back', key.id)) onDone();
      return true;
    }
    if (keyIs('back', key.id)) setEnv(null);
    else if (keyIs('submit', key.id)) propose(env, remark.trim());
    else if (keyIs('inputDeleteBack', key.id) || keyIs('inputDeleteForward', key.id))
      setRemark((r) => r.slice(0, -1));
    else if (key.input && !key.ctrl && !key.meta) setRemark((r) => (r + key.input).slice(0, REMARK_MAX));
    return true;
  });

  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.accent} paddingX={1}>
      <Text bold>{title}</Text>
      {readOnly ? <Text color={theme.warning}>Read-only mode: this will not be sent.</Text> : null}
      {!env ? (
        choices.length === 0 ? (
          <Text color={theme.warning}>
            Not published in any environment — nothing to take offline. Esc: close
          </Text>
        ) : (
          <>
            <Text color={theme.muted}>Environment (Enter to choose, Esc to cancel):</Text>
            <SelectList
              items={choices.map((e) => ({ label: e.name, value: e }))}
              width={Math.max(10, width - 4)}
              onCancel={onDone}
              onSelect={({ value: chosen }) => {
                if (mode === 'offline') propose(chosen, '');
                else setEnv(chosen);
              }}
            />
          </>
        )
      ) : (
        <>
          <Text>
            Environment: <Text bold>{sanitizeText(env.name)}</Text>
          </Text>
          <Text>
            Remark (optional): {sanitizeText(remark)}
            <Text inverse> </Text>
          </Text>
          <Text color={theme.muted}>Enter: continue to confirmation · Esc: back</Text>
        </>
      )}
    </Box>
  );
}
