// The one table of policy kinds (throttling policy 4.7/4.8, signature key 4.10/4.11, ACL policy
// 4.12/4.13): nouns, the client calls to bind/unbind and list, the "one per API per environment" rule.
// Everything that differs between the kinds is here; no other module branches on a policy kind.
import type { InstanceClient } from '../api/client.ts';
import type { BatchDeleteResult } from '../api/types/common.ts';
import type { CreatedBinding } from './port.ts';
import type { BindCandidate } from './preconditions.ts';
import type { BindingRef, PolicyKind, PolicyRef, Ref } from './types.ts';

/** A policy's bound APIs (to unbind) and its "not bound" published APIs (to bind), with what they have now. */
export interface PolicyBindingsData {
  bound: BindingRef[];
  candidates: BindCandidate[];
}

/** A binding of an API in an environment as the API-side lists show it (4.8.5 / 4.11.5 / 4.13.4). */
export interface ApiSideBinding {
  bindingId: string;
  policy: PolicyRef;
  /** Environment id or name the row names, when it names one (the query filtered by environment already). */
  envId?: string;
  envName?: string;
}

export interface PolicyKindSpec {
  kind: PolicyKind;
  /** "throttling policy": confirmations, step labels, refusals. */
  noun: string;
  /** Short label in the API's bindings view: "throttle", "sign key", "ACL". */
  short: string;
  /** Key choosing the kind in the API's bindings view (`t` / `s` / `a`). */
  pickKey: string;
  /** Resource (descriptor id) whose rows are policies of this kind. */
  resource: string;
  /** A row of that resource as a policy reference. */
  refOf(row: unknown): PolicyRef;
  /** Refusal of a second policy on the same publication. */
  taken: {
    code: 'THROTTLE_TAKEN' | 'SIGN_TAKEN' | 'ACL_TYPE_TAKEN';
    /** What the publication already has: "throttling policy", "PERMIT ACL policy". */
    what: (policy: PolicyRef) => string;
    rule: string;
    hint: string;
  };
  /** Whether an existing binding to `other` conflicts with binding `policy` (same kind; ACLs: same type). */
  conflicts(policy: PolicyRef, other: PolicyRef): boolean;
  bind(c: InstanceClient, policyId: string, publishIds: string[]): Promise<CreatedBinding[]>;
  unbind(c: InstanceClient, bindingId: string): Promise<void>;
  /** 4.8.6 / 4.13.3; signature keys have none (one DELETE each). */
  batchUnbind?: (c: InstanceClient, bindingIds: string[]) => Promise<BatchDeleteResult>;
  // Every policy of the kind is the policy screen's list (`resource`), read through the store.
  /** The policy's bound and not-bound published APIs (4.8.3+4.8.4 / 4.11.3+4.11.4 / 4.13.4+4.13.5). */
  listBindings(
    c: InstanceClient,
    policy: PolicyRef,
    query: { env_id?: string },
    signal: AbortSignal,
  ): Promise<PolicyBindingsData>;
  /** The kind's bindings of one API in one environment (4.8.5 / 4.11.5 / 4.13.4 by API). */
  listApiBindings(
    c: InstanceClient,
    query: { api_id: string; env_id: string },
    signal: AbortSignal,
  ): Promise<ApiSideBinding[]>;
}

const envRef = (id?: string, name?: string): Ref => ({ id: id ?? '', name: name ?? id ?? '' });

const aclRef = (a: { id: string; acl_name?: string; acl_type?: string }): PolicyRef => ({
  kind: 'acl',
  id: a.id,
  name: a.acl_name ?? a.id,
  ...(a.acl_type ? { aclType: a.acl_type } : {}),
});

const throttle: PolicyKindSpec = {
  kind: 'throttle',
  noun: 'throttling policy',
  short: 'throttle',
  pickKey: 't',
  resource: 'throttles',
  refOf: (row) => {
    const t = row as { id: string; name: string };
    return { kind: 'throttle', id: t.id, name: t.name };
  },
  taken: {
    code: 'THROTTLE_TAKEN',
    what: () => 'throttling policy',
    rule: 'one throttling policy per API per environment',
    hint: 'Replace the current policy, or unbind it first.',
  },
  conflicts: (_policy, other) => other.kind === 'throttle',
  bind: (c, id, publishIds) => c.throttleBindings.bind({ strategy_id: id, publish_ids: publishIds }),
  unbind: (c, id) => c.throttleBindings.unbind(id),
  batchUnbind: (c, ids) => c.throttleBindings.batchUnbind(ids),
  async listBindings(c, policy, q, signal) {
    const [bound, unbound] = await Promise.all([
      c.throttleBindings.boundApis.listAll({ throttle_id: policy.id, ...q }, { signal }),
      c.throttleBindings.unboundApis.listAll({ throttle_id: policy.id, ...q }, { signal }),
    ]);
    return {
      bound: bound.map((a) => ({
        bindingId: a.throttle_apply_id ?? '',
        policy,
        api: { id: a.id, name: a.name ?? a.id },
        env: envRef(a.run_env_id, a.run_env_name),
      })),
      candidates: unbound.map((a) => {
        const api = { id: a.id, name: a.name ?? a.id };
        const e = envRef(a.run_env_id, a.run_env_name);
        // 4.8.4 rows carry the API's current throttle binding, if any (another policy).
        const current: BindingRef[] = a.throttle_apply_id
          ? [
              {
                bindingId: a.throttle_apply_id,
                policy: { kind: 'throttle', id: '', name: a.throttle_name ?? 'another policy' },
                api,
                env: e,
              },
            ]
          : [];
        return { api, env: e, ...(a.publish_id ? { publishId: a.publish_id } : {}), current };
      }),
    };
  },
  async listApiBindings(c, q, signal) {
    // 4.8.5 rows have env_name but no env_id
    return (await c.throttleBindings.boundThrottles.listAll(q, { signal })).map((t) => ({
      bindingId: t.bind_id ?? '',
      policy: { kind: 'throttle', id: t.id, name: t.name },
      ...(t.env_name ? { envName: t.env_name } : {}),
    }));
  },
};

const sign: PolicyKindSpec = {
  kind: 'sign',
  noun: 'signature key',
  short: 'sign key',
  pickKey: 's',
  resource: 'signs',
  refOf: (row) => {
    const k = row as { id: string; name: string };
    return { kind: 'sign', id: k.id, name: k.name };
  },
  taken: {
    code: 'SIGN_TAKEN',
    what: () => 'signature key',
    rule: 'one signature key per API per environment',
    hint: 'Replace the current key, or unbind it first.',
  },
  conflicts: (_policy, other) => other.kind === 'sign',
  bind: (c, id, publishIds) => c.signBindings.bind({ sign_id: id, publish_ids: publishIds }),
  unbind: (c, id) => c.signBindings.unbind(id),
  async listBindings(c, policy, q, signal) {
    const [bound, unbound] = await Promise.all([
      c.signBindings.boundApis.listAll({ sign_id: policy.id, ...q }, { signal }),
      c.signBindings.unboundApis.listAll({ sign_id: policy.id, ...q }, { signal }),
    ]);
    return {
      bound: bound.map((b) => ({
        bindingId: b.id,
        policy,
        api: { id: b.api_id ?? '', name: b.api_name ?? b.api_id ?? '' },
        env: envRef(b.env_id, b.env_name),
      })),
      candidates: unbound.map((a) => {
        const api = { id: a.id, name: a.name ?? a.id };
        const e = envRef(a.run_env_id, a.run_env_name);
        // 4.11.4 names the key already bound (signature_name) but not the binding id: replace
        // then needs the API-side view, so the candidate is refused with that advice.
        const current: BindingRef[] = a.signature_name
          ? [{ bindingId: '', policy: { kind: 'sign', id: '', name: a.signature_name }, api, env: e }]
          : [];
        return { api, env: e, ...(a.publish_id ? { publishId: a.publish_id } : {}), current };
      }),
    };
  },
  async listApiBindings(c, q, signal) {
    return (await c.signBindings.boundSigns.listAll(q, { signal })).map((s) => ({
      bindingId: s.id,
      policy: { kind: 'sign', id: s.sign_id ?? '', name: s.sign_name ?? s.sign_id ?? '' },
      ...(s.env_id ? { envId: s.env_id } : {}),
    }));
  },
};

const acl: PolicyKindSpec = {
  kind: 'acl',
  noun: 'ACL policy',
  short: 'ACL',
  pickKey: 'a',
  resource: 'acls',
  refOf: (row) => aclRef(row as { id: string; acl_name?: string; acl_type?: string }),
  taken: {
    code: 'ACL_TYPE_TAKEN',
    what: (p) => `${p.aclType ?? ''} ACL policy`,
    rule: 'one ACL policy of each type per API per environment',
    hint: 'Replace the current ACL policy of that type, or unbind it first.',
  },
  // An ACL whose type is unknown is treated as conflicting: tolerant as a client means not promising a
  // bind the service may refuse.
  conflicts: (policy, other) =>
    other.kind === 'acl' &&
    (!other.aclType || !policy.aclType || other.aclType.toUpperCase() === policy.aclType.toUpperCase()),
  bind: (c, id, publishIds) => c.aclBindings.bind({ acl_id: id, publish_ids: publishIds }),
  unbind: (c, id) => c.aclBindings.unbind(id),
  batchUnbind: (c, ids) => c.aclBindings.batchUnbind(ids),
  async listBindings(c, policy, q, signal) {
    const [bound, unbound] = await Promise.all([
      c.aclBindings.boundApis.listAll({ acl_id: policy.id, ...q }, { signal }),
      c.aclBindings.unboundApis.listAll({ acl_id: policy.id, ...q }, { signal }),
    ]);
    return {
      bound: bound.map((b) => ({
        bindingId: b.bind_id ?? '',
        policy,
        api: { id: b.api_id, name: b.api_name ?? b.api_id },
        env: envRef(b.env_id, b.env_name),
      })),
      // 4.13.5 rows name at most one bound ACL without its type: the service decides; we don't guess.
      candidates: unbound.map((a) => ({
        api: { id: a.id, name: a.name ?? a.id },
        env: envRef(a.run_env_id, a.run_env_name),
        ...(a.publish_id ? { publishId: a.publish_id } : {}),
        current: [],
      })),
    };
  },
  async listApiBindings(c, q, signal) {
    return (await c.aclBindings.boundAcls.listAll(q, { signal })).map((a) => ({
      bindingId: a.bind_id ?? '',
      policy: aclRef({
        id: a.acl_id,
        acl_name: a.acl_name ?? a.acl_id,
        ...(a.acl_type ? { acl_type: a.acl_type } : {}),
      }),
      ...(a.env_id ? { envId: a.env_id } : {}),
    }));
  },
};

export const POLICY_KINDS: Readonly<Record<PolicyKind, PolicyKindSpec>> = { throttle, sign, acl };

/** The kinds in display order. */
export const POLICY_KIND_LIST: readonly PolicyKindSpec[] = [throttle, sign, acl];

export function policyKind(kind: PolicyKind): PolicyKindSpec {
  return POLICY_KINDS[kind];
}
