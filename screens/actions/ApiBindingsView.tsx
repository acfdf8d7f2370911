// Bindings of one API in one environment (throttle, signature key, ACLs). `b` binds a policy (pick the
// kind with t/s/a, then the policy): refused before sending when the API is unpublished there or the
// slot is taken, with "replace" offered. `u` unbinds the selected binding (optimistically hidden).
import { POLICY_KIND_LIST, POLICY_KINDS } from '../../src/actions/policy-kinds.ts';
import { Text } from 'ink';
import { useState } from 'react';
import { checkBindCandidate } from '../../src/actions/preconditions.ts';
import type { PolicyKind, PolicyRef } from '../../src/actions/types.ts';
import { keyIs } from '../../src/keys/keymap.ts';
import { useKeyHandler } from '../../src/keys/router.tsx';
import { sanitizeText } from '../../src/ui/sanitize.ts';
import { useMutations } from './context.tsx';
import { apiBindingsRequest, policiesRequest, policyRefs } from './data.ts';
import { PickList, usePickCursor } from './PickList.tsx';
import { useResource } from './useResource.ts';
import { ENV_SWITCH_HINT } from './env-switch.ts';
import { ChoicePicker, DialogFrame, useEnvDialog, type ApiDialogProps } from './flow-frame.tsx';

const kindForKey = (id: string): PolicyKind | undefined =>
  POLICY_KIND_LIST.find((k) => k.pickKey === id)?.kind;
const labelOf = (kind: PolicyKind): string => POLICY_KINDS[kind].short;

export function ApiBindingsView(props: ApiDialogProps) {
  const { api, onClose } = props;
  const { instanceId, choice, env, mutations, busy, readOnly, theme } = useEnvDialog(props);
  const slice = useResource(apiBindingsRequest(instanceId, api, env));
  const optimistic = useMutations((s) => s.optimistic);
  const [picking, setPicking] = useState<PolicyKind | 'kind' | null>(null);
  const bindings = slice.data?.bindings ?? [];
  const nav = usePickCursor(bindings.map((b) => b.bindingId));

  useKeyHandler(
    'modal',
    (key) => {
      const { actions } = mutations.getState();
      if (picking === 'kind') {
        const kind = kindForKey(key.id);
        if (kind) setPicking(kind);
        else if (keyIs('back', key.id)) setPicking(null);
        return true;
      }
      if (picking) return false; // the policy picker below handles its keys
      const b = bindings[nav.index];
      if (keyIs('back', key.id)) onClose();
      else if (choice.onKey(key.id))
        nav.reset(); // another environment, another list
      else if (nav.onPickKey(key.id)) return true;
      else if (keyIs('bind', key.id)) setPicking('kind');
      else if (keyIs('unbind', key.id) && b)
        actions.propose(
          { kind: 'unbind', bindings: [b] },
          { optimistic: { [`binding:${b.bindingId}`]: false } },
        );
      return true;
    },
    { active: !busy },
  );

  return (
    <DialogFrame
      title={
        <>
          Bindings of {sanitizeText(api.name)} in {sanitizeText(env.name)}
          {choice.position}
          {slice.data && !slice.data.publishId ? (
            <Text color={theme.warning}> · not published here</Text>
          ) : null}
          {readOnly ? <Text color={theme.warning}> · read-only: bind/unbind disabled</Text> : null}
        </>
      }
      error={slice.error}
    >
      <PickList
        rows={bindings.map((b) => ({
          id: b.bindingId,
          text: `${labelOf(b.policy.kind).padEnd(8)} ${b.policy.name}${b.policy.aclType ? ` (${b.policy.aclType})` : ''}`,
          dim: optimistic[`binding:${b.bindingId}`] === false,
        }))}
        nav={nav}
        empty={slice.loading ? 'loading…' : 'No throttling policy, signature key or ACL bound here.'}
      />
      {picking === 'kind' ? (
        <Text color={theme.accent}>
          Bind which kind? t: throttling policy · s: signature key · a: ACL policy · Esc
        </Text>
      ) : picking ? (
        <PolicyPicker
          kind={picking}
          instanceId={instanceId}
          onCancel={() => setPicking(null)}
          onPick={(policy) => {
            setPicking(null);
            const { actions } = mutations.getState();
            const candidate = {
              api,
              env,
              ...(slice.data?.publishId ? { publishId: slice.data.publishId } : {}),
              current: bindings.filter((x) => x.policy.kind === policy.kind),
            };
            const refusal = checkBindCandidate(policy, candidate);
            if (refusal) actions.refuse(refusal, { kind: 'bind', policy, targets: [] });
            else if (candidate.publishId)
              actions.propose({
                kind: 'bind',
                policy,
                targets: [{ publishId: candidate.publishId, api, env }],
              });
          }}
        />
      ) : (
        <Text color={theme.muted}>
          b: bind a policy · u: unbind the selected one
          {choice.choices.length > 1 ? ` · ${ENV_SWITCH_HINT}` : ''} · Esc: close
        </Text>
      )}
    </DialogFrame>
  );
}

export function PolicyPicker({
  kind,
  instanceId,
  onPick,
  onCancel,
}: {
  kind: PolicyKind;
  instanceId: string;
  onPick: (p: PolicyRef) => void;
  onCancel: () => void;
}) {
  const slice = useResource(policiesRequest(instanceId, kind), { select: policyRefs(kind), cached: true });
  return (
    <ChoicePicker
      heading={`Pick the ${labelOf(kind)} (Enter) · Esc`}
      items={(slice.data ?? []).map((p) => ({
        label: p.name,
        value: p,
        ...(p.aclType ? { note: p.aclType } : {}),
      }))}
      source={slice}
      empty="None defined."
      width={60}
      limit={12}
      onPick={onPick}
      onCancel={onCancel}
    />
  );
}
