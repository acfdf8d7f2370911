// Runs one confirmed action against the port, step by step, and turns every answer (including partial
// batch failures) into a MutationOutcome. Never retries: a failed step stops the action and is reported.
import { describeAction, pluralNoun } from './confirm.ts';
import { POLICY_KIND_LIST, POLICY_KINDS } from './policy-kinds.ts';
import { toActionError } from './errors.ts';
import type { MutationPort, Sent } from './port.ts';
import type {
  ActionError,
  BindingRef,
  ItemResult,
  MutationAction,
  MutationOutcome,
  PolicyKind,
  PolicyRef,
  PublicationRef,
  StepProgress,
} from './types.ts';

export type ProgressListener = (steps: readonly StepProgress[]) => void;

interface Step {
  label: string;
  run: () => Promise<StepResult>;
}

interface StepResult {
  items: ItemResult[];
  requestId?: string;
}

const nounOf = (kind: PolicyKind): string => POLICY_KINDS[kind].noun;

function pubLabel(t: { api: { name: string }; env: { name: string } }): string {
  return `${t.api.name} in ${t.env.name}`;
}

function withRequestId<T>(sent: Sent<T>, items: ItemResult[]): StepResult {
  return sent.requestId ? { items, requestId: sent.requestId } : { items };
}

function bindStep(port: MutationPort, policy: PolicyRef, targets: PublicationRef[]): Step {
  return {
    label: `bind ${nounOf(policy.kind)} ${policy.name} to ${targets.map(pubLabel).join(', ')}`,
    async run() {
      const sent = await port.bind(
        policy.kind,
        policy.id,
        targets.map((t) => t.publishId),
      );
      const created = new Map(sent.data.map((b) => [b.publish_id ?? '', b]));
      const items = targets.map((t): ItemResult => {
        // 4.13.1 echoes api_id/env_id instead of publish_id: match either way.
        const b =
          created.get(t.publishId) ?? sent.data.find((x) => x.api_id === t.api.id && x.env_id === t.env.id);
        return b
          ? { label: pubLabel(t), id: t.publishId, ok: true, detail: `binding ${b.id}` }
          : {
              label: pubLabel(t),
              id: t.publishId,
              ok: false,
              errorCode: 'NOT_BOUND',
              errorMsg: 'The service answered without a binding for this API',
            };
      });
      return withRequestId(sent, items);
    },
  };
}

function unbindOneStep(port: MutationPort, b: BindingRef): Step {
  return {
    label: `unbind ${nounOf(b.policy.kind)} ${b.policy.name} from ${pubLabel(b)}`,
    async run() {
      const sent = await port.unbind(b.policy.kind, b.bindingId);
      return withRequestId(sent, [{ label: `${b.policy.name} ✕ ${pubLabel(b)}`, id: b.bindingId, ok: true }]);
    },
  };
}

function unbindSteps(port: MutationPort, bindings: BindingRef[]): Step[] {
  const steps: Step[] = [];
  // kinds with a batch unbind first (one call for several), then the others one DELETE each
  const kinds = [
    ...POLICY_KIND_LIST.filter((k) => k.batchUnbind),
    ...POLICY_KIND_LIST.filter((k) => !k.batchUnbind),
  ];
  for (const spec of kinds) {
    const group = bindings.filter((b) => b.policy.kind === spec.kind);
    if (group.length > 1 && spec.batchUnbind) {
      steps.push({
        label: `unbind ${group.length} ${spec.noun} bindings`,
        async run() {
          const sent = await port.batchUnbind(
            spec.kind,
            group.map((b) => b.bindingId),
          );
          const failed = new Map((sent.data.failure ?? []).map((f) => [f.bind_id ?? '', f]));
          const items = group.map((b): ItemResult => {
            const f = failed.get(b.bindingId);
            const label = `${b.policy.name} ✕ ${pubLabel(b)}`;
            return f
              ? {
                  label,
                  id: b.bindingId,
                  ok: false,
                  errorCode: f.error_code ?? 'UNKNOWN',
                  errorMsg: f.error_msg ?? '',
                }
              : { label, id: b.bindingId, ok: true };
          });
          return withRequestId(sent, items);
        },
      });
    } else for (const b of group) steps.push(unbindOneStep(port, b));
  }
  return steps;
}

function publishDetail(r: { publish_id?: string; version_id?: string }): string {
  return `publish id ${r.publish_id ?? '?'}, version ${r.version_id ?? '?'}`;
}

function deleteSteps(port: MutationPort, action: Extract<MutationAction, { kind: 'delete' }>): Step[] {
  const { via, items, noun } = action;
  const batch = via.batch?.bind(via);
  if (items.length > 1 && batch) {
    return [
      {
        label: `delete ${items.length} ${pluralNoun(noun)}`,
        async run() {
          const sent = await port.send(() => batch(items.map((i) => i.id)));
          const failed = new Map(sent.data.failures.map((f) => [f.id, f]));
          const results = items.map((i): ItemResult => {
            const f = failed.get(i.id);
            return f
              ? { label: i.name, id: i.id, ok: false, errorCode: f.code, errorMsg: f.message }
              : { label: i.name, id: i.id, ok: true };
          });
          return withRequestId(sent, results);
        },
      },
    ];
  }
  // No batch call: one DELETE each, stopping at the first refusal.
  return items.map((i) => ({
    label: `delete ${noun} ${i.name}`,
    async run() {
      const sent = await port.send(() => via.single(i.id));
      return withRequestId(sent, [{ label: i.name, id: i.id, ok: true }]);
    },
  }));
}

export function planSteps(port: MutationPort, action: MutationAction): Step[] {
  switch (action.kind) {
    case 'delete':
      return deleteSteps(port, action);
    case 'publish':
      return [
        {
          label: `publish ${action.api.name} to ${action.env.name}`,
          async run() {
            const sent = await port.publish(action.api.id, action.env.id, action.remark || undefined);
            return withRequestId(sent, [
              { label: pubLabel(action), id: action.api.id, ok: true, detail: publishDetail(sent.data) },
            ]);
          },
        },
      ];
    case 'offline':
      return [
        {
          label: `take ${action.api.name} offline in ${action.env.name}`,
          async run() {
            const sent = await port.offline(action.api.id, action.env.id);
            return withRequestId(sent, [{ label: pubLabel(action), id: action.api.id, ok: true }]);
          },
        },
      ];
    case 'batch-publish':
    case 'batch-offline': {
      const online = action.kind === 'batch-publish';
      return [
        {
          label: `${online ? 'publish' : 'take offline'} ${action.apis.length} APIs in ${action.env.name}`,
          async run() {
            const remark = online ? action.remark : undefined;
            const sent = await port.batchPublish(
              online ? 'online' : 'offline',
              action.apis.map((a) => a.id),
              action.env.id,
              remark || undefined,
            );
            const ok = new Map((sent.data.success ?? []).map((s) => [s.api_id ?? '', s]));
            const failed = new Map((sent.data.failure ?? []).map((f) => [f.api_id ?? '', f]));
            const items = action.apis.map((a): ItemResult => {
              const f = failed.get(a.id);
              if (f) {
                return {
                  label: a.name,
                  id: a.id,
                  ok: false,
                  errorCode: f.error_code ?? 'UNKNOWN',
                  errorMsg: f.error_msg ?? '',
                };
              }
              const s = ok.get(a.id);
              if (s)
                return { label: a.name, id: a.id, ok: true, ...(online ? { detail: publishDetail(s) } : {}) };
              return {
                label: a.name,
                id: a.id,
                ok: false,
                errorCode: 'NO_RESULT',
                errorMsg: 'The service reported neither success nor failure for this API',
              };
            });
            return withRequestId(sent, items);
          },
        },
      ];
    }
    case 'switch-version':
      return [
        {
          label: `switch ${action.api.name} in ${action.env.name} to version ${action.version.versionNo}`,
          async run() {
            const sent = await port.switchVersion(action.api.id, action.version.versionId);
            return withRequestId(sent, [
              { label: pubLabel(action), id: action.api.id, ok: true, detail: publishDetail(sent.data) },
            ]);
          },
        },
      ];
    case 'offline-version':
      return [
        {
          label: `take version ${action.version.versionNo} of ${action.api.name} offline`,
          async run() {
            const sent = await port.offlineVersion(action.version.versionId);
            return withRequestId(sent, [{ label: pubLabel(action), id: action.version.versionId, ok: true }]);
          },
        },
      ];
    case 'bind':
      return [bindStep(port, action.policy, action.targets)];
    case 'unbind':
      return unbindSteps(port, action.bindings);
    case 'replace':
      return [
        ...action.current.map((b) => unbindOneStep(port, b)),
        bindStep(port, action.policy, [action.target]),
      ];
    case 'authorize':
      return [
        {
          label: `authorize ${action.apps.length} app(s) for ${action.apis.length} API(s) in ${action.env.name}`,
          async run() {
            const sent = await port.authorize(
              action.env.id,
              action.apps.map((a) => a.id),
              action.apis.map((a) => a.id),
            );
            const appName = new Map(action.apps.map((a) => [a.id, a.name]));
            const apiName = new Map(action.apis.map((a) => [a.id, a.name]));
            const items = sent.data.map((r): ItemResult => {
              const label = `${appName.get(r.app_id ?? '') ?? r.auth_result?.app_name ?? r.app_id} → ${
                apiName.get(r.api_id ?? '') ?? r.auth_result?.api_name ?? r.api_id
              }`;
              const status = (r.auth_result?.status ?? 'SUCCESS').toUpperCase();
              if (status === 'SUCCESS') return { label, id: r.id ?? '', ok: true };
              if (status === 'SKIPPED')
                return { label, id: r.id ?? '', ok: true, detail: 'skipped (already authorized)' };
              // FILAED (sic, 4.18.1) or anything else unknown is a failure.
              return {
                label,
                id: r.id ?? '',
                ok: false,
                errorCode: r.auth_result?.error_code ?? status,
                errorMsg: r.auth_result?.error_msg ?? '',
              };
            });
            return withRequestId(sent, items);
          },
        },
      ];
    case 'revoke':
      return action.auths.map((a) => ({
        label: `revoke ${a.app.name} → ${a.api.name} in ${a.env.name}`,
        async run() {
          const sent = await port.revoke(a.authId);
          return withRequestId(sent, [{ label: `${a.app.name} → ${pubLabel(a)}`, id: a.authId, ok: true }]);
        },
      }));
  }
}

/** Runs the steps in order; stops at the first step that throws (later steps are marked skipped). */
export async function runAction(
  port: MutationPort,
  action: MutationAction,
  onProgress: ProgressListener = () => {},
): Promise<MutationOutcome> {
  const steps = planSteps(port, action);
  const progress: StepProgress[] = steps.map((s) => ({ label: s.label, status: 'pending' }));
  const items: ItemResult[] = [];
  const requestIds: string[] = [];
  let error: ActionError | undefined;
  onProgress([...progress]);
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (!step) continue;
    if (error) {
      progress[i] = { label: step.label, status: 'skipped' };
      continue;
    }
    progress[i] = { label: step.label, status: 'running' };
    onProgress([...progress]);
    try {
      const r = await step.run();
      items.push(...r.items);
      if (r.requestId) requestIds.push(r.requestId);
      const stepFailed = r.items.some((it) => !it.ok);
      progress[i] = { label: step.label, status: stepFailed ? 'failed' : 'ok' };
    } catch (err) {
      error = toActionError(err);
      if (error.requestId) requestIds.push(error.requestId);
      progress[i] = { label: step.label, status: 'failed', errorCode: error.code, errorMsg: error.message };
    }
    onProgress([...progress]);
  }
  if (error) onProgress([...progress]);
  const okCount = items.filter((i) => i.ok).length;
  const failCount = items.length - okCount;
  const result: MutationOutcome['result'] =
    error && okCount === 0 ? 'failed' : error || failCount > 0 ? (okCount > 0 ? 'partial' : 'failed') : 'ok';
  return {
    result,
    summary: summarize(action, result, okCount, failCount, error),
    items,
    requestIds,
    ...(error ? { error } : {}),
  };
}

function summarize(
  action: MutationAction,
  result: MutationOutcome['result'],
  okCount: number,
  failCount: number,
  error: ActionError | undefined,
): string {
  const title = describeAction(action).title;
  if (result === 'ok') return `${title}: done${okCount > 1 ? ` (${okCount} items)` : ''}`;
  if (result === 'failed')
    return `${title} failed: ${error ? `${error.code} ${error.message}` : `${failCount} failed`}`;
  const stopped = error ? `; stopped at ${error.code} ${error.message}` : '';
  const gap =
    action.kind === 'replace'
      ? `; API ${action.target.api.name} in ${action.target.env.name} is now without a ${nounOf(action.policy.kind)} — bind one again`
      : '';
  return `${title}: ${okCount} done, ${failCount} failed${stopped}${gap}`;
}
