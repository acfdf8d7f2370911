// The mutation calls the action runner needs, in wire shapes. `client-port.ts` adapts RomaClient to it;
// keeping the runner on this narrow port keeps it independent of the client's module layout.
import type { BatchDeleteResult } from '../api/types/common.ts';
import type { MqsPort, MqsReadPort } from './mqs.ts';
import type { LinkPort } from './link.ts';
import type { CallResult, ResourceCall } from './resource-calls.ts';
import type { PolicyKind, PublicationRef } from './types.ts';

/** PublishResp (4.3.4 / 4.3.7 / 4.3.9). */
export interface PublishRecord {
  publish_id?: string;
  api_id?: string;
  api_name?: string;
  env_id?: string;
  remark?: string;
  publish_time?: string;
  version_id?: string;
}

/** BatchFailure (4.3.7). */
export interface BatchPublishFailure {
  api_id?: string;
  api_name?: string;
  error_code?: string;
  error_msg?: string;
}

export interface BatchPublishResult {
  success?: PublishRecord[];
  failure?: BatchPublishFailure[];
}

/** One created binding, whichever kind (4.8.1 throttle_applies / 4.11.1 bindings / 4.13.1 acl_bindings). */
export interface CreatedBinding {
  id: string;
  publish_id?: string;
  api_id?: string;
  env_id?: string;
}

/** ApiAuthRelations (4.18.1). `auth_result.status` is SUCCESS | SKIPPED | FILAED (sic). */
export interface AuthRelation {
  id?: string;
  api_id?: string;
  app_id?: string;
  auth_result?: {
    status?: string;
    error_code?: string;
    error_msg?: string;
    api_name?: string;
    app_name?: string;
  };
}

/** A successful call's answer plus the request id the service gave it, when it gave one. */
export interface Sent<T> {
  data: T;
  requestId?: string;
}

/** A version of an API in one environment (4.3.12); `inEffect` is status 1. */
export interface VersionState {
  versionId: string;
  versionNo: string;
  inEffect: boolean;
}

/** A policy bound to an API in one environment (4.8.5 / 4.11.5 / 4.13.5). */
export interface BoundPolicy {
  bindingId: string;
  policyId: string;
  policyName: string;
}

/** An APP's authorization for an API in one environment (4.18.3). */
export interface AuthState {
  authId: string;
  apiId: string;
}

/** The reads the runner uses after an unknown outcome, to show what is true now. */
export interface ReadBackPort {
  publications(apiId: string): Promise<PublicationRef[]>;
  versions(apiId: string, envId: string): Promise<VersionState[]>;
  boundPolicies(kind: PolicyKind, apiId: string, envId: string): Promise<BoundPolicy[]>;
  authorizations(appId: string, envId: string): Promise<AuthState[]>;
  /** Message integration reads (src/actions/mqs.ts); absent on ports that have none (tests). */
  mqs?: MqsReadPort;
}

export interface MutationPort {
  /** Reads for the re-check after a change whose answer could not be read. */
  readBack: ReadBackPort;
  publish(apiId: string, envId: string, remark?: string): Promise<Sent<PublishRecord>>;
  offline(apiId: string, envId: string): Promise<Sent<PublishRecord>>;
  batchPublish(
    action: 'online' | 'offline',
    apiIds: string[],
    envId: string,
    remark?: string,
  ): Promise<Sent<BatchPublishResult>>;
  switchVersion(apiId: string, versionId: string): Promise<Sent<PublishRecord>>;
  offlineVersion(versionId: string): Promise<Sent<void>>;
  bind(kind: PolicyKind, policyId: string, publishIds: string[]): Promise<Sent<CreatedBinding[]>>;
  unbind(kind: PolicyKind, bindingId: string): Promise<Sent<void>>;
  /** 4.8.6 / 4.13.3: only kinds whose table entry has `batchUnbind` (signature keys have none). */
  batchUnbind(kind: PolicyKind, bindingIds: string[]): Promise<Sent<BatchDeleteResult>>;
  authorize(envId: string, appIds: string[], apiIds: string[]): Promise<Sent<AuthRelation[]>>;
  revoke(authId: string): Promise<Sent<void>>;
  /** Message integration calls; absent on ports that have none (tests). */
  mqs?: MqsPort;
  /** Device integration of the same instance (absent where LINK is not wired). */
  link?: LinkPort;
  /** Any other write (a descriptor's capability calls the client itself): sent once, its request id kept. */
  send<T>(call: () => Promise<T>): Promise<Sent<T>>;
  /** The `call` action kind: one call of resource-calls.ts. */
  call(call: ResourceCall): Promise<Sent<CallResult>>;
}
