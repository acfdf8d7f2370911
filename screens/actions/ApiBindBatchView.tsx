// `b` on the APIs list with marked APIs: bind one policy to all of them in one environment, in one call
// (4.8.1 / 4.11.1 / 4.13.1 take several publish_ids). APIs the rules refuse (unpublished there, slot
// taken) are left out before sending and named.
import { Text } from 'ink';
import { useState } from 'react';
import { POLICY_KIND_LIST } from '../../src/actions/policy-kinds.ts';
import { planBind } from '../../src/actions/preconditions.ts';
import type { PolicyKind } from '../../src/actions/types.ts';
import { keyIs } from '../../src/keys/keymap.ts';
import { useKeyHandler } from '../../src/keys/router.tsx';
import { sanitizeText } from '../../src/ui/sanitize.ts';
import { PolicyPicker } from './ApiBindingsView.tsx';
import { bindCandidatesRequest } from './data.ts';
import { ENV_SWITCH_HINT } from './env-switch.ts';
import { DialogFrame, useEnvDialog, type ApisDialogProps } from './flow-frame.tsx';
import { useResource } from './useResource.ts';

export function ApiBindBatchView(props: ApisDialogProps) {
  const { apis, onClose } = props;
  const { instanceId, choice, env, mutations, busy, theme } = useEnvDialog(props);
  const slice = useResource(bindCandidatesRequest(instanceId, apis, env));
  const [kind, setKind] = useState<PolicyKind | null>(null);
  const [notice, setNotice] = useState('');
  const candidates = slice.data ?? [];

  useKeyHandler(
    'modal',
    (key) => {
      if (kind) return false; // the policy picker has the keys
      if (keyIs('back', key.id)) onClose();
      else if (choice.onKey(key.id)) return true;
      else {
        const k = POLICY_KIND_LIST.find((x) => x.pickKey === key.id)?.kind;
        if (k && candidates.length > 0) setKind(k);
      }
      return true;
    },
    { active: !busy },
  );

  const published = candidates.filter((c) => c.publishId).length;
  return (
    <DialogFrame
      title={
        <>
          Bind a policy to the {apis.length} marked APIs in {sanitizeText(env.name)}
          {choice.position}
        </>
      }
      error={slice.error}
    >
      <Text color={theme.muted}>
        {slice.loading && !slice.data ? 'loading…' : `${published} of ${apis.length} published here`}
      </Text>
      {notice ? <Text color={theme.warning}>{sanitizeText(notice)}</Text> : null}
      {kind ? (
        <PolicyPicker
          kind={kind}
          instanceId={instanceId}
          onCancel={() => setKind(null)}
          onPick={(policy) => {
            setKind(null);
            const { actions } = mutations.getState();
            const plan = planBind(policy, candidates);
            const first = plan.refused[0];
            if (plan.allowed.length === 0 && first) {
              actions.refuse(first.refusal, { kind: 'bind', policy, targets: [] });
              return;
            }
            actions.propose({ kind: 'bind', policy, targets: plan.allowed });
            setNotice(
              first
                ? `${plan.refused.length} not sent: ${plan.refused.map((r) => `${r.candidate.api.name}: ${r.refusal.reason}`).join(' · ')}`
                : '',
            );
          }}
        />
      ) : (
        <Text color={theme.muted}>
          Bind which kind? t: throttling policy · s: signature key · a: ACL policy
          {choice.choices.length > 1 ? ` · ${ENV_SWITCH_HINT}` : ''} · Esc: close
        </Text>
      )}
    </DialogFrame>
  );
}
