// Say why before sending: the rules of C8 checked against what the dashboard already knows, so the
// service's refusal is predicted and a sensible path is offered instead of a bare error.
import { POLICY_KINDS } from './policy-kinds.ts';
import type {
  ApiRef,
  BindingRef,
  EnvRef,
  MutationAction,
  PolicyRef,
  PublicationRef,
  VersionRef,
} from './types.ts';

export type RefusalCode =
  | 'READ_ONLY'
  | 'NOT_PUBLISHED'
  | 'ALREADY_BOUND'
  | 'THROTTLE_TAKEN'
  | 'SIGN_TAKEN'
  | 'ACL_TYPE_TAKEN'
  | 'ALREADY_AUTHORIZED'
  | 'VERSION_IN_EFFECT'
  | 'VERSION_NOT_IN_EFFECT'
  | 'NOTHING_SELECTED'
  | 'DEVICE_NOT_ONLINE'
  | 'DEVICE_DISABLED'
  | 'DEVICE_ONLINE';

export interface Refusal {
  code: RefusalCode;
  /** Why the service would refuse, naming the object and environment. */
  reason: string;
  hint: string;
  /** The sensible path instead, if there is one ("replace the current policy"). */
  alternative?: { label: string; action: MutationAction };
}

export const READ_ONLY_REFUSAL: Refusal = {
  code: 'READ_ONLY',
  reason: 'Read-only mode: mutations are disabled',
  hint: 'Restart without --read-only (or unset read_only in the profile) to change anything.',
};

/**
 * What the dashboard knows about one API in one environment before binding:
 * `publishId` undefined = not published there; `current` = this kind's bindings there now.
 */
export interface BindCandidate {
  api: ApiRef;
  env: EnvRef;
  publishId?: string;
  current: BindingRef[];
}

export interface BindPlan {
  /** Publications that can be bound as asked. */
  allowed: PublicationRef[];
  /** Candidates that would be refused, each with a reason and maybe an alternative. */
  refused: Array<{ candidate: BindCandidate; refusal: Refusal }>;
}

/** One candidate against the rules of 4.8.1 / 4.11.1 / 4.13.1. */
export function checkBindCandidate(policy: PolicyRef, c: BindCandidate): Refusal | null {
  const where = `API ${c.api.name} in ${c.env.name}`;
  if (!c.publishId) {
    return {
      code: 'NOT_PUBLISHED',
      reason: `${where}: not published — bindings attach to a publication record`,
      hint: `Publish ${c.api.name} to ${c.env.name} first (p on the API), then bind.`,
      alternative: {
        label: `Publish ${c.api.name} to ${c.env.name}`,
        action: { kind: 'publish', api: c.api, env: c.env },
      },
    };
  }
  if (c.current.some((b) => b.policy.id === policy.id)) {
    return {
      code: 'ALREADY_BOUND',
      reason: `${where}: ${POLICY_KINDS[policy.kind].noun} ${policy.name} is already bound`,
      hint: 'Nothing to do.',
    };
  }
  const target: PublicationRef = { publishId: c.publishId, api: c.api, env: c.env };
  const spec = POLICY_KINDS[policy.kind];
  const conflicting = c.current.filter((b) => spec.conflicts(policy, b.policy));
  if (conflicting.length === 0) return null;
  const names = conflicting.map((b) => b.policy.name).join(', ');
  // A replace needs the old binding ids; lists that only name the current policy cannot offer it.
  const replace = conflicting.every((b) => b.bindingId !== '')
    ? {
        label: `Replace ${names} with ${policy.name} (unbind, then bind)`,
        action: { kind: 'replace', policy, target, current: conflicting } as const,
      }
    : undefined;
  return {
    code: spec.taken.code,
    reason: `${where} already has ${spec.taken.what(policy)} ${names}; ${spec.taken.rule}`,
    hint: spec.taken.hint,
    ...(replace ? { alternative: replace } : {}),
  };
}

export function planBind(policy: PolicyRef, candidates: BindCandidate[]): BindPlan {
  const plan: BindPlan = { allowed: [], refused: [] };
  for (const c of candidates) {
    const refusal = checkBindCandidate(policy, c);
    if (refusal) plan.refused.push({ candidate: c, refusal });
    else if (c.publishId) plan.allowed.push({ publishId: c.publishId, api: c.api, env: c.env });
  }
  return plan;
}

/** Offline / bind / authorize need the API to be published in the environment. */
export function checkOffline(api: ApiRef, env: EnvRef, published: boolean): Refusal | null {
  if (published) return null;
  return {
    code: 'NOT_PUBLISHED',
    reason: `API ${api.name} is not published in ${env.name}; there is nothing to take offline`,
    hint: 'Pick the environment the API is published in.',
  };
}

/**
 * Batch offline: only the marked APIs published in `env` can go offline; the rest would fail with
 * APIG.3015 (no publication record), so they are left out before sending. None published → refused.
 */
export function planBatchOffline(
  apis: readonly ApiRef[],
  env: EnvRef,
  isPublished: (api: ApiRef) => boolean,
): { send: ApiRef[]; skipped: ApiRef[]; refusal: Refusal | null } {
  const send = apis.filter(isPublished);
  const skipped = apis.filter((a) => !isPublished(a));
  const refusal: Refusal | null =
    send.length === 0
      ? {
          code: 'NOT_PUBLISHED',
          reason: `None of the ${apis.length} marked APIs is published in ${env.name}; there is nothing to take offline`,
          hint: 'Pick the environment they are published in.',
        }
      : null;
  return { send, skipped, refusal };
}

export function checkSwitchVersion(
  api: ApiRef,
  env: EnvRef,
  version: VersionRef & { inEffect: boolean },
): Refusal | null {
  if (!version.inEffect) return null;
  return {
    code: 'VERSION_IN_EFFECT',
    reason: `Version ${version.versionNo} of API ${api.name} is already in effect in ${env.name}`,
    hint: 'Pick an earlier version to roll back to.',
  };
}

/** 4.3.11 takes offline "an API version that is in effect"; other versions are history only. */
export function checkOfflineVersion(
  api: ApiRef,
  env: EnvRef,
  version: VersionRef & { inEffect: boolean },
): Refusal | null {
  if (version.inEffect) return null;
  return {
    code: 'VERSION_NOT_IN_EFFECT',
    reason: `Version ${version.versionNo} of API ${api.name} is not in effect in ${env.name}`,
    hint: 'Only the version in effect can be taken offline; switch to it first or pick the one marked in effect.',
  };
}

/** Authorize: pairs already authorized are refused up front (the service answers APIG.3316). */
export function checkAuthorize(
  pairs: Array<{ app: ApiRef; api: ApiRef }>,
  existing: Array<{ appId: string; apiId: string }>,
  env: EnvRef,
): { fresh: Array<{ app: ApiRef; api: ApiRef }>; refused: Refusal[] } {
  const have = new Set(existing.map((e) => `${e.appId}\u0000${e.apiId}`));
  const fresh: Array<{ app: ApiRef; api: ApiRef }> = [];
  const refused: Refusal[] = [];
  for (const p of pairs) {
    if (have.has(`${p.app.id}\u0000${p.api.id}`)) {
      refused.push({
        code: 'ALREADY_AUTHORIZED',
        reason: `App ${p.app.name} is already authorized for API ${p.api.name} in ${env.name}`,
        hint: 'Nothing to do for this pair.',
      });
    } else fresh.push(p);
  }
  return { fresh, refused };
}

export function checkNonEmpty(count: number, what: string): Refusal | null {
  if (count > 0) return null;
  return {
    code: 'NOTHING_SELECTED',
    reason: `No ${what} selected`,
    hint: 'Mark items with space, or move the cursor onto one.',
  };
}
