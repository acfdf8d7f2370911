// The policy side of bindings (a throttling policy, signature key or ACL): its bound APIs (4.8.3 /
// 4.11.5 / 4.13.4) and the published APIs not bound to it (4.8.4 / 4.11.4 / 4.13.5). Tab switches
// the two lists, Space marks rows; `b`/Enter binds the marked (or selected) candidates, refusing
// those the rules forbid (with "replace" when one is refused); `u` unbinds the marked (or selected)
// bound APIs — in one batch call for throttles and ACLs (4.8.6 / 4.13.3), per binding for keys (4.11.2).
import { Text } from 'ink';
import { useState } from 'react';
import { POLICY_KINDS } from '../../src/actions/policy-kinds.ts';
import { planBind } from '../../src/actions/preconditions.ts';
import type { PolicyRef } from '../../src/actions/types.ts';
import { commandsForKey, keyIs } from '../../src/keys/keymap.ts';
import { useKeyHandler } from '../../src/keys/router.tsx';
import { useStore } from '../../src/store/index.ts';
import { sanitizeText } from '../../src/ui/sanitize.ts';
import { useTheme } from '../../src/ui/theme.ts';
import { dialogScope } from '../../src/app/marks-after-batch.ts';
import { useMutationStore, useMutations } from './context.tsx';
import { policyBindingsRequest } from './data.ts';
import { PickList, usePickCursor } from './PickList.tsx';
import { useResource } from './useResource.ts';
import { DialogFrame } from './flow-frame.tsx';

export type PolicyTab = 'bound' | 'candidates';

export function PolicyBindingsView({
  policy,
  initialTab = 'bound',
  onClose,
}: {
  policy: PolicyRef;
  initialTab?: PolicyTab;
  onClose: () => void;
}) {
  const instanceId = useStore((s) => s.instanceId) ?? '';
  const slice = useResource(policyBindingsRequest(instanceId, policy));
  const mutations = useMutationStore();
  const busy = useMutations((s) => s.phase !== 'idle');
  const optimistic = useMutations((s) => s.optimistic);
  const theme = useTheme().tokens;
  const [tab, setTab] = useState<PolicyTab>(initialTab);
  const [notice, setNotice] = useState('');
  const bound = slice.data?.bound ?? [];
  const candidates = slice.data?.candidates ?? [];
  const candidateId = (i: number) => `${candidates[i]?.api.id ?? ''}|${candidates[i]?.env.id ?? ''}`;
  const rowIds = tab === 'bound' ? bound.map((b) => b.bindingId) : candidates.map((_, i) => candidateId(i));
  const nav = usePickCursor(rowIds);
  const { marked } = nav;

  const bind = () => {
    const { actions } = mutations.getState();
    const chosen = candidates.filter((_, i) => marked.has(candidateId(i)));
    const at = candidates[nav.index];
    const picked = chosen.length > 0 ? chosen : at ? [at] : [];
    if (picked.length === 0) return;
    const plan = planBind(policy, picked);
    const first = plan.refused[0];
    if (plan.allowed.length === 0 && first) {
      actions.refuse(first.refusal, { kind: 'bind', policy, targets: [] });
      return;
    }
    actions.propose({ kind: 'bind', policy, targets: plan.allowed }, { scope: dialogScope(chosen.length) });
    if (first) {
      // the others are bound; say which were left out and why
      setNotice(`${plan.refused.length} not sent: ${plan.refused.map((r) => r.refusal.reason).join(' · ')}`);
    }
    nav.dispatch({ type: 'clearMarks' });
  };

  const unbind = () => {
    const { actions } = mutations.getState();
    const chosen = bound.filter((b) => marked.has(b.bindingId));
    const at = bound[nav.index];
    const picked = chosen.length > 0 ? chosen : at ? [at] : [];
    if (picked.length === 0) return;
    actions.propose(
      { kind: 'unbind', bindings: picked },
      {
        optimistic: Object.fromEntries(picked.map((b) => [`binding:${b.bindingId}`, false])),
        scope: dialogScope(chosen.length),
      },
    );
    nav.dispatch({ type: 'clearMarks' });
  };
  useKeyHandler(
    'modal',
    (key) => {
      const cmds = commandsForKey(key.id, ['list', 'actions', 'global']);
      if (keyIs('back', key.id)) onClose();
      else if (keyIs('nextTab', key.id)) {
        setTab((t) => (t === 'bound' ? 'candidates' : 'bound'));
        nav.reset();
      } else if (nav.onPickKey(key.id, { marks: true })) return true;
      else if (cmds.includes('refresh') || cmds.includes('help')) return false;
      else if (tab === 'candidates' && (cmds.includes('bind') || keyIs('submit', key.id))) bind();
      else if (tab === 'bound' && cmds.includes('unbind')) unbind();
      return true;
    },
    { active: !busy },
  );

  const heading = `${POLICY_KINDS[policy.kind].noun} ${sanitizeText(policy.name)}${policy.aclType ? ` (${policy.aclType})` : ''}`;
  return (
    <DialogFrame
      title={`Bindings of ${heading} · ${tab === 'bound' ? '[Bound APIs]  Not bound ' : ' Bound APIs  [Not bound]'}`}
      error={slice.error}
    >
      {tab === 'bound' ? (
        <PickList
          rows={bound.map((b) => ({
            id: b.bindingId,
            text: `${b.api.name.padEnd(24)} ${b.env.name}`,
            dim: optimistic[`binding:${b.bindingId}`] === false,
          }))}
          nav={nav}
          empty={slice.loading ? 'loading…' : 'Bound to no API.'}
        />
      ) : (
        <PickList
          rows={candidates.map((c, i) => ({
            id: candidateId(i),
            text: `${c.api.name.padEnd(24)} ${c.env.name}${
              c.current.length > 0 ? `  (has ${c.current.map((b) => b.policy.name).join(', ')})` : ''
            }`,
          }))}
          nav={nav}
          empty={slice.loading ? 'loading…' : 'No published API left to bind.'}
        />
      )}
      {notice ? <Text color={theme.warning}>{sanitizeText(notice)}</Text> : null}
      <Text color={theme.muted}>
        Tab: {tab === 'bound' ? 'not bound APIs' : 'bound APIs'} · Space: mark ·{' '}
        {tab === 'bound' ? 'u: unbind marked/selected' : 'b/Enter: bind marked/selected'} · Esc: close
      </Text>
    </DialogFrame>
  );
}
