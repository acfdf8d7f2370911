// The vocabulary of mutations: what the user asked for, described with names (for confirmation texts,
// result lists and the audit log) and ids (for the wire). Pure data; no I/O here.
import type { MqsAction } from './mqs.ts';

export interface Ref {
  id: string;
  name: string;
}

export type ApiRef = Ref;
export type EnvRef = Ref;
export type AppRef = Ref;

export type PolicyKind = 'throttle' | 'sign' | 'acl';

export interface PolicyRef extends Ref {
  kind: PolicyKind;
  /** ACL only: PERMIT (whitelist) or DENY (blacklist); one of each type per API per environment. */
  aclType?: string;
}

/** A publication record: one API in one environment (bindings target these, 4.8.1/4.11.1/4.13.1). */
export interface PublicationRef {
  publishId: string;
  api: ApiRef;
  env: EnvRef;
}

/** An existing binding of a policy to an API in an environment (unbind takes the binding id). */
export interface BindingRef {
  bindingId: string;
  policy: PolicyRef;
  api: ApiRef;
  env: EnvRef;
}

export interface VersionRef {
  versionId: string;
  versionNo: string;
}

/** An APP authorization record (4.18.3/4.18.6); revoke takes its id (4.18.2). */
export interface AuthRef {
  authId: string;
  app: AppRef;
  api: ApiRef;
  env: EnvRef;
}

import type { LinkAction } from './link.ts';
import type { ResourceCall } from './resource-calls.ts';

export type MutationAction =
  | { kind: 'publish'; api: ApiRef; env: EnvRef; remark?: string }
  | { kind: 'offline'; api: ApiRef; env: EnvRef }
  | { kind: 'batch-publish'; apis: ApiRef[]; env: EnvRef; remark?: string }
  /** `skipped`: marked APIs not published in `env`, left out before sending (shown in the confirmation). */
  | { kind: 'batch-offline'; apis: ApiRef[]; env: EnvRef; skipped?: ApiRef[] }
  | { kind: 'switch-version'; api: ApiRef; env: EnvRef; version: VersionRef }
  | { kind: 'offline-version'; api: ApiRef; env: EnvRef; version: VersionRef }
  | { kind: 'bind'; policy: PolicyRef; targets: PublicationRef[] }
  | { kind: 'unbind'; bindings: BindingRef[] }
  /** "Replace the current policy": unbind the old binding(s), then bind the new policy; step by step. */
  | { kind: 'replace'; policy: PolicyRef; target: PublicationRef; current: BindingRef[] }
  | { kind: 'authorize'; apps: AppRef[]; apis: ApiRef[]; env: EnvRef }
  | { kind: 'revoke'; auths: AuthRef[] }
  /** Device integration (LINK): force offline, delete devices, send a command, reset a secret (link.ts). */
  | LinkAction
  /** `D` on any resource with a remove capability: `via` sends the deletes (bound to the instance's client). */
  | { kind: 'delete'; resource: string; noun: string; items: Ref[]; effect: string; via: RemoveCalls }
  /** One call on another family (resource-calls.ts): domains, certificates, custom backends, quotas, secrets… */
  | {
      kind: 'call';
      call: ResourceCall;
      title: string;
      effect: string;
      object: string;
      env?: string;
      destructive: boolean;
    }
  /** Message integration (resend, topic access, delete/import topics): src/actions/mqs.ts. */
  | MqsAction;

/** The deletes of one resource, bound to the client: one DELETE each, or the batch call when it has one. */
export interface RemoveCalls {
  single(id: string): Promise<void>;
  batch?(ids: string[]): Promise<{ failures: ReadonlyArray<{ id: string; code: string; message: string }> }>;
}

export type MutationKind = MutationAction['kind'];

/** One item of a per-item result list (batch publish, batch unbind, multi-target bind, authorize). */
export interface ItemResult {
  /** What the item is, by name: "pay-callback", "pay-callback in RELEASE", "app-1 → pay-callback". */
  label: string;
  id: string;
  ok: boolean;
  errorCode?: string;
  errorMsg?: string;
  /** Extra facts on success: new publish id and version for publish. */
  detail?: string;
  /** Neither known done nor known not done (a failed batch whose re-read failed too). */
  unknown?: boolean;
}

export type StepStatus = 'pending' | 'running' | 'ok' | 'failed' | 'skipped' | 'unknown';

export interface StepProgress {
  label: string;
  status: StepStatus;
  errorCode?: string;
  errorMsg?: string;
}

/**
 * The outcome of a whole action, for the result pane and the audit log. `unknown`: a change was sent but
 * its answer could not be read (RomaError `outcome: 'unknown'`), so it may or may not have been applied;
 * the objects were then re-read and `reread` says what is true now.
 */
export interface MutationOutcome {
  result: 'ok' | 'partial' | 'failed' | 'unknown';
  summary: string;
  items: ItemResult[];
  requestIds: string[];
  /** Typed failure of the whole action (not per-item), with a hint for the user. */
  error?: ActionError;
  /** After an unknown outcome: one line per re-read object ("pay in RELEASE is published …"). */
  reread?: string[];
  /**
   * A batch that failed as a whole: the same action for the items re-read as not done. Offered in the
   * result (a key), proposed for confirmation like any action; never sent by itself.
   */
  retry?: MutationAction;
}

export interface ActionError {
  code: string;
  message: string;
  hint: string;
  status?: number;
  requestId?: string;
  /** The change may or may not have been applied (its answer could not be read). */
  outcome?: 'unknown';
}
