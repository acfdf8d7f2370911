// The one table of mutation kinds: for each kind whether it is destructive (typed `y` to confirm), its
// confirmation text (object, environment, effect), its audit subject and the steps it sends. Adding a
// mutation is adding an entry here (and its variant in types.ts); confirm.ts and execute.ts only look
// kinds up in this table.
import { describeLinkAction, linkSubject, linkSteps, type LinkAction } from './link.ts';
import { describeMqs, mqsReadBack, mqsSteps, mqsSubject, type MqsAction, type MqsKind } from './mqs.ts';
import { POLICY_KIND_LIST, POLICY_KINDS } from './policy-kinds.ts';
import type { MutationPort, ReadBackPort, Sent } from './port.ts';
import { authorization, binding, publication, versionInEffect } from './readback.ts';
import { recoverBatchPublish, type Recovery } from './batch-recovery.ts';
import type {
  ActionError,
  BindingRef,
  ItemResult,
  MutationAction,
  MutationKind,
  PolicyKind,
  PolicyRef,
  PublicationRef,
} from './types.ts';

/** The confirmation of an action, without `destructive` (the table's own field). */
export interface ConfirmationText {
  title: string;
  effect: string;
  details: string[];
}

export type ActionOf<K extends MutationKind> = Extract<MutationAction, { kind: K }>;

export interface MutationKindSpec<K extends MutationKind> {
  /** Needs a typed `y`; per action where the kind does not decide (a `call`). */
  destructive: boolean | ((action: ActionOf<K>) => boolean);
  describe(action: ActionOf<K>): ConfirmationText;
  /** Short object/environment description for the audit log and the status line. */
  subject(action: ActionOf<K>): { object: string; env: string };
  steps(port: MutationPort, action: ActionOf<K>): Step[];
  /** After an unknown outcome: re-read what the action touched, one line per object (readback.ts). */
  reread(port: ReadBackPort, action: ActionOf<K>): Promise<string[]>;
  /** A batch call that failed as a whole: what is true per item now, and the action for the rest. */
  recover?(port: ReadBackPort, action: ActionOf<K>, error: ActionError): Promise<Recovery>;
}

const MAX_LISTED = 8;

export function listNames(names: string[]): string[] {
  const shown = names.slice(0, MAX_LISTED).map((n) => `• ${n}`);
  if (names.length > MAX_LISTED) shown.push(`… and ${names.length - MAX_LISTED} more`);
  return shown;
}

/** "policy" → "policies", "key" → "keys", "API" → "APIs". */
export function pluralNoun(noun: string): string {
  return /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`;
}

export function plural(n: number, one: string, many = pluralNoun(one)): string {
  return `${n} ${n === 1 ? one : many}`;
}

const nounOf = (kind: PolicyKind): string => POLICY_KINDS[kind].noun;

export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export interface Step {
  label: string;
  run: () => Promise<StepResult>;
}

export interface StepResult {
  items: ItemResult[];
  requestId?: string;
}

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

function publicationSubject(action: ActionOf<'publish' | 'offline' | 'switch-version' | 'offline-version'>): {
  object: string;
  env: string;
} {
  return { object: `api:${action.api.name}(${action.api.id})`, env: action.env.name };
}

function batchSubject(action: ActionOf<'batch-publish' | 'batch-offline'>): { object: string; env: string } {
  return { object: `apis:${action.apis.map((a) => a.id).join(',')}`, env: action.env.name };
}

function batchPublishSteps(port: MutationPort, action: ActionOf<'batch-publish' | 'batch-offline'>): Step[] {
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

/** Device integration: one kind, `op` says which call (link.ts has the texts and steps). */
const LINK_KIND: MutationKindSpec<'link'> = {
  destructive: (action: LinkAction) => describeLinkAction(action).destructive,
  describe: (action) => describeLinkAction(action),
  subject: (action) => linkSubject(action),
  steps: (port, action) => linkSteps(port.link, action),
  // Device integration has no read-back yet: say where the truth is instead of guessing it.
  reread: (_port, action) =>
    Promise.resolve([`${describeLinkAction(action).title}: outcome unknown; refresh the list with r`]),
};

/** Message integration kinds share one row shape (mqs.ts has the texts, steps and re-reads). */
function mqsKind<K extends MqsKind>(): MutationKindSpec<K> {
  return {
    destructive: (action) => describeMqs(action as MqsAction).destructive,
    describe: (action) => describeMqs(action as MqsAction),
    subject: (action) => mqsSubject(action as MqsAction),
    steps: (port, action) => mqsSteps(port.mqs, action as MqsAction),
    reread: (port, action) => mqsReadBack(port.mqs, action as MqsAction),
  };
}

export const MUTATION_KINDS: { readonly [K in MutationKind]: MutationKindSpec<K> } = {
  link: LINK_KIND,
  'resend-messages': mqsKind(),
  'grant-topic-access': mqsKind(),
  'revoke-topic-access': mqsKind(),
  'delete-topics': mqsKind(),
  'import-topics': mqsKind(),
  call: {
    destructive: (action) => action.destructive,
    describe: (action) => ({ title: action.title, effect: action.effect, details: [] }),
    subject: (action) => ({ object: action.object, env: action.env ?? '' }),
    steps: (port, action) => [
      {
        label: action.title,
        async run() {
          const sent = await port.call(action.call);
          const r = sent.data;
          const failed = (r.failures ?? []).map((f): ItemResult => ({
            label: f.label,
            id: f.label,
            ok: false,
            ...(f.code ? { errorCode: f.code } : {}),
            ...(f.msg ? { errorMsg: f.msg } : {}),
          }));
          const ok = (r.successes ?? []).map((s): ItemResult => ({ label: s, id: s, ok: true }));
          const items: ItemResult[] =
            failed.length + ok.length > 0
              ? [...ok, ...failed]
              : [
                  {
                    label: action.object,
                    id: action.object,
                    ok: true,
                    ...(r.detail ? { detail: r.detail } : {}),
                  },
                ];
          return withRequestId(sent, items);
        },
      },
    ],
    // One-call actions of other families have no read-back here: say so rather than guess.
    reread: (_port, action) =>
      Promise.resolve([`${action.object}: not re-read; refresh the view with r to see what is true now`]),
  },
  publish: {
    destructive: false,
    describe: (action) => {
      return {
        title: 'Publish API',
        effect: `API ${action.api.name} starts serving its current definition in ${action.env.name}`,
        details: action.remark ? [`remark: ${action.remark}`] : [],
      };
    },
    subject: publicationSubject,
    steps: (port, action) => {
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
    },
    reread: (port, action) => Promise.all([publication(port, action.api, action.env)]),
  },
  offline: {
    destructive: true,
    describe: (action) => {
      return {
        title: 'Take API offline',
        effect: `API ${action.api.name} stops serving in ${action.env.name}`,
        details: [],
      };
    },
    subject: publicationSubject,
    steps: (port, action) => {
      return [
        {
          label: `take ${action.api.name} offline in ${action.env.name}`,
          async run() {
            const sent = await port.offline(action.api.id, action.env.id);
            return withRequestId(sent, [{ label: pubLabel(action), id: action.api.id, ok: true }]);
          },
        },
      ];
    },
    reread: (port, action) => Promise.all([publication(port, action.api, action.env)]),
  },
  'batch-publish': {
    destructive: false,
    describe: (action) => {
      return {
        title: 'Publish APIs',
        effect: `${action.apis.length === 1 ? '1 API starts' : `${action.apis.length} APIs start`} serving in ${action.env.name}`,
        details: [
          ...listNames(action.apis.map((a) => a.name)),
          ...(action.remark ? [`remark: ${action.remark}`] : []),
        ],
      };
    },
    subject: batchSubject,
    steps: batchPublishSteps,
    reread: (port, action) => Promise.all(action.apis.map((a) => publication(port, a, action.env))),
    recover: recoverBatchPublish,
  },
  'batch-offline': {
    destructive: true,
    describe: (action) => {
      return {
        title: 'Take APIs offline',
        effect: `${action.apis.length === 1 ? '1 API stops' : `${action.apis.length} APIs stop`} serving in ${action.env.name}`,
        details: [
          ...listNames(action.apis.map((a) => a.name)),
          ...(action.skipped?.length
            ? [
                `left out, not published in ${action.env.name}: ${action.skipped.map((a) => a.name).join(', ')}`,
              ]
            : []),
        ],
      };
    },
    subject: batchSubject,
    steps: batchPublishSteps,
    reread: (port, action) => Promise.all(action.apis.map((a) => publication(port, a, action.env))),
    recover: recoverBatchPublish,
  },
  'switch-version': {
    destructive: true,
    describe: (action) => {
      return {
        title: 'Switch API version',
        effect: `API ${action.api.name} serves version ${action.version.versionNo} in ${action.env.name} (replaces the version in effect)`,
        details: [],
      };
    },
    subject: publicationSubject,
    steps: (port, action) => {
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
    },
    reread: (port, action) => Promise.all([versionInEffect(port, action.api, action.env)]),
  },
  'offline-version': {
    destructive: true,
    describe: (action) => {
      return {
        title: 'Take version offline',
        effect: `API ${action.api.name} stops serving in ${action.env.name} (version ${action.version.versionNo} taken offline)`,
        details: [],
      };
    },
    subject: publicationSubject,
    steps: (port, action) => {
      return [
        {
          label: `take version ${action.version.versionNo} of ${action.api.name} offline`,
          async run() {
            const sent = await port.offlineVersion(action.version.versionId);
            return withRequestId(sent, [{ label: pubLabel(action), id: action.version.versionId, ok: true }]);
          },
        },
      ];
    },
    reread: (port, action) => Promise.all([versionInEffect(port, action.api, action.env)]),
  },
  bind: {
    destructive: false,
    describe: (action) => {
      const noun = nounOf(action.policy.kind);
      const envs = [...new Set(action.targets.map((t) => t.env.name))].join(', ');
      return {
        title: `Bind ${noun}`,
        effect:
          action.targets.length === 1 && action.targets[0]
            ? `${cap(noun)} ${action.policy.name} applies to API ${action.targets[0].api.name} in ${action.targets[0].env.name}`
            : `${cap(noun)} ${action.policy.name} applies to ${plural(action.targets.length, 'API')} in ${envs}`,
        details: action.targets.length > 1 ? listNames(action.targets.map((t) => t.api.name)) : [],
      };
    },
    subject: (action) => {
      return {
        object: `${action.policy.kind}:${action.policy.name}(${action.policy.id}) → ${action.targets.map((t) => t.api.id).join(',')}`,
        env: [...new Set(action.targets.map((t) => t.env.name))].join(','),
      };
    },
    steps: (port, action) => {
      return [bindStep(port, action.policy, action.targets)];
    },
    reread: (port, action) =>
      Promise.all(action.targets.map((t) => binding(port, action.policy, t.api, t.env))),
  },
  unbind: {
    destructive: true,
    describe: (action) => {
      const first = action.bindings[0];
      if (action.bindings.length === 1 && first) {
        const noun = nounOf(first.policy.kind);
        return {
          title: `Unbind ${noun}`,
          effect: `${cap(noun)} ${first.policy.name} no longer applies to API ${first.api.name} in ${first.env.name}`,
          details: [],
        };
      }
      const kinds = [...new Set(action.bindings.map((b) => nounOf(b.policy.kind)))].join('/');
      return {
        title: `Unbind ${kinds}`,
        effect: `${plural(action.bindings.length, 'binding')} removed: the ${kinds} no longer applies to these APIs`,
        details: listNames(action.bindings.map((b) => `${b.policy.name} ✕ ${b.api.name} in ${b.env.name}`)),
      };
    },
    subject: (action) => {
      return {
        object: `bindings:${action.bindings.map((b) => b.bindingId).join(',')}`,
        env: [...new Set(action.bindings.map((b) => b.env.name))].join(','),
      };
    },
    steps: (port, action) => {
      return unbindSteps(port, action.bindings);
    },
    reread: (port, action) => Promise.all(action.bindings.map((b) => binding(port, b.policy, b.api, b.env))),
  },
  replace: {
    destructive: true,
    describe: (action) => {
      const noun = nounOf(action.policy.kind);
      const old = action.current.map((b) => b.policy.name).join(', ');
      return {
        title: `Replace ${noun}`,
        effect: `API ${action.target.api.name} in ${action.target.env.name}: ${noun} ${old} is replaced by ${action.policy.name}`,
        details: [
          ...action.current.map((b, i) => `${i + 1}. unbind ${b.policy.name}`),
          `${action.current.length + 1}. bind ${action.policy.name}`,
          `Between the steps the API runs without this ${noun}.`,
        ],
      };
    },
    subject: (action) => {
      return {
        object: `${action.policy.kind}:${action.policy.name}(${action.policy.id}) → api:${action.target.api.id}`,
        env: action.target.env.name,
      };
    },
    steps: (port, action) => {
      return [
        ...action.current.map((b) => unbindOneStep(port, b)),
        bindStep(port, action.policy, [action.target]),
      ];
    },
    reread: (port, action) =>
      Promise.all([
        ...action.current.map((b) => binding(port, b.policy, b.api, b.env)),
        binding(port, action.policy, action.target.api, action.target.env),
      ]),
  },
  authorize: {
    destructive: false,
    describe: (action) => {
      return {
        title: 'Authorize apps',
        effect:
          action.apps.length === 1 && action.apis.length === 1 && action.apps[0] && action.apis[0]
            ? `App ${action.apps[0].name} may call API ${action.apis[0].name} in ${action.env.name}`
            : `${plural(action.apps.length, 'app')} may call ${plural(action.apis.length, 'API')} in ${action.env.name}`,
        details:
          action.apps.length * action.apis.length > 1
            ? listNames(action.apps.flatMap((app) => action.apis.map((api) => `${app.name} → ${api.name}`)))
            : [],
      };
    },
    subject: (action) => {
      return {
        object: `apps:${action.apps.map((a) => a.id).join(',')} → apis:${action.apis.map((a) => a.id).join(',')}`,
        env: action.env.name,
      };
    },
    steps: (port, action) => {
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
    },
    reread: (port, action) =>
      Promise.all(
        action.apps.flatMap((app) => action.apis.map((api) => authorization(port, app, api, action.env))),
      ),
  },
  revoke: {
    destructive: true,
    describe: (action) => {
      const first = action.auths[0];
      if (action.auths.length === 1 && first) {
        return {
          title: 'Revoke authorization',
          effect: `App ${first.app.name} can no longer call API ${first.api.name} in ${first.env.name}`,
          details: [],
        };
      }
      return {
        title: 'Revoke authorizations',
        effect: `${plural(action.auths.length, 'authorization')} revoked: these apps can no longer call these APIs`,
        details: listNames(action.auths.map((a) => `${a.app.name} → ${a.api.name} in ${a.env.name}`)),
      };
    },
    subject: (action) => {
      return {
        object: `auths:${action.auths.map((a) => a.authId).join(',')}`,
        env: [...new Set(action.auths.map((a) => a.env.name))].join(','),
      };
    },
    steps: (port, action) => {
      return action.auths.map((a) => ({
        label: `revoke ${a.app.name} → ${a.api.name} in ${a.env.name}`,
        async run() {
          const sent = await port.revoke(a.authId);
          return withRequestId(sent, [{ label: `${a.app.name} → ${pubLabel(a)}`, id: a.authId, ok: true }]);
        },
      }));
    },
    reread: (port, action) => Promise.all(action.auths.map((a) => authorization(port, a.app, a.api, a.env))),
  },
  delete: {
    destructive: true,
    describe: (action) => {
      const first = action.items[0];
      return {
        title: `Delete ${plural(action.items.length, action.noun).replace(/^1 /, '')}`,
        effect: action.effect,
        details:
          action.items.length === 1 && first
            ? [`id ${first.id}`]
            : listNames(action.items.map((i) => i.name)),
      };
    },
    subject: (action) => {
      return {
        object: `${action.resource}:${action.items.map((i) => `${i.name}(${i.id})`).join(',')}`,
        env: '-',
      };
    },
    steps: (port, action) => {
      return deleteSteps(port, action);
    },
    reread: (_port, action) =>
      // no generic read of one object yet: the refreshed list (done after every change) is the re-read
      Promise.resolve(
        action.items.map(
          (i) => `${action.noun} ${i.name}: see the refreshed list (r) for whether it is gone`,
        ),
      ),
  },
};

/** The table entry of an action's kind. */
export function mutationKind<K extends MutationKind>(action: ActionOf<K>): MutationKindSpec<K> {
  return MUTATION_KINDS[action.kind as K] as unknown as MutationKindSpec<K>;
}
