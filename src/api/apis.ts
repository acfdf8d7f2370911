import {
  deleteAt,
  getObject,
  lister,
  optionalLister,
  send,
  seg,
  type Lister,
  type OptionalLister,
  type Scope,
} from './resource.ts';
import { normalizeApi, normalizeDebug } from './normalize.ts';
import * as S from './schemas.ts';
import type { CallOptions } from './types/common.ts';
import type {
  ApiActionRequest,
  ApiDebugRequest,
  ApiDebugResult,
  ApiDetail,
  ApiListQuery,
  ApiRuntime,
  ApiSummary,
  ApiVersion,
  ApiVersionDetail,
  ApiVersionListQuery,
  BatchPublishRequest,
  BatchPublishResult,
  PublishResult,
} from './types/apis.ts';
import { RomaError } from './errors.ts';
import type { ApiCheck, ApiWrite } from './types/writes.ts';

export interface ApisClient extends OptionalLister<ApiSummary, ApiListQuery> {
  /** 4.3.1 (name taken in the group: 400 APIG.3202; method + path taken: 400 APIG.3301). */
  create(body: ApiWrite, opts?: CallOptions): Promise<ApiDetail>;
  /** 4.3.2: the definition only; what an environment runs changes when it is published again. */
  update(apiId: string, body: ApiWrite, opts?: CallOptions): Promise<ApiDetail>;
  /** 4.3.14: null when free (204), else the refusal (APIG.3202 name / APIG.3301 path) as a RomaError. */
  check(body: ApiCheck, opts?: CallOptions): Promise<RomaError | null>;
  /** 4.3.5 */
  get(apiId: string, opts?: CallOptions): Promise<ApiDetail>;
  /** 4.3.3: refused while published in any environment (409 APIG.3416); take it offline first. */
  remove(apiId: string, opts?: CallOptions): Promise<void>;
  /** 4.3.4 publish (`online`) or take offline (`offline`) in one environment. */
  action(req: ApiActionRequest, opts?: CallOptions): Promise<PublishResult | undefined>;
  /** 4.3.7 */
  batchAction(
    action: 'online' | 'offline',
    req: BatchPublishRequest,
    opts?: CallOptions,
  ): Promise<BatchPublishResult>;
  /** 4.3.8 (POST, executes the API: refused in read-only mode). */
  debug(apiId: string, req: ApiDebugRequest, opts?: CallOptions): Promise<ApiDebugResult>;
  /** 4.3.12 version history of one API. */
  versions(apiId: string): Lister<ApiVersion, ApiVersionListQuery>;
  /** 4.3.10 */
  getVersion(versionId: string, opts?: CallOptions): Promise<ApiVersionDetail>;
  /** 4.3.9 */
  switchVersion(apiId: string, versionId: string, opts?: CallOptions): Promise<PublishResult>;
  /** 4.3.11 */
  offlineVersion(versionId: string, opts?: CallOptions): Promise<void>;
  /** 4.3.13; environment defaults to RELEASE on the server. */
  runtime(apiId: string, envId?: string, opts?: CallOptions): Promise<ApiRuntime>;
}

export function apisClient(scope: Scope): ApisClient {
  return {
    ...optionalLister<ApiSummary, ApiListQuery>(scope, '/apis', 'apis', S.apiSummary, normalizeApi),
    create: (body, opts) =>
      send(scope, { method: 'POST', path: '/apis', body, schema: S.apiDetail, norm: normalizeApi, ...opts }),
    update: (id, body, opts) =>
      send(scope, {
        method: 'PUT',
        path: `/apis/${seg(id)}`,
        body,
        schema: S.apiDetail,
        norm: normalizeApi,
        ...opts,
      }),
    async check(body, opts) {
      // A check, not a change: allowed in read-only mode.
      try {
        await scope.t.request({
          method: 'POST',
          path: `${scope.base}/apis/check`,
          body,
          signal: opts?.signal,
          allowInReadOnly: true,
        });
        return null;
      } catch (e) {
        if (e instanceof RomaError && e.status === 400) return e;
        throw e;
      }
    },
    get: (id, opts) =>
      getObject(scope, { path: `/apis/${seg(id)}`, schema: S.apiDetail, norm: normalizeApi, ...opts }),
    remove: (id, opts) => deleteAt(scope, `/apis/${seg(id)}`, opts),
    action: (req, opts) =>
      send(scope, { method: 'POST', path: '/apis/action', body: req, schema: S.publishResult, ...opts }),
    async batchAction(action, req, opts) {
      const r = await send<BatchPublishResult | undefined>(scope, {
        method: 'POST',
        path: '/apis/publish',
        body: req,
        schema: S.batchPublish,
        query: { action },
        ...opts,
      });
      return { ...r, success: r?.success ?? [], failure: r?.failure ?? [] };
    },
    async debug(apiId, req, opts) {
      const r = await send<ApiDebugResult | undefined>(scope, {
        method: 'POST',
        path: `/apis/debug/${seg(apiId)}`,
        body: req,
        schema: S.debugResult,
        norm: normalizeDebug,
        ...opts,
      });
      return r ?? {};
    },
    versions: (apiId) =>
      lister<ApiVersion, ApiVersionListQuery>(
        scope,
        `/apis/publish/${seg(apiId)}`,
        'api_versions',
        S.apiVersion,
      ),
    getVersion: (versionId, opts) =>
      getObject(scope, {
        path: `/apis/versions/${seg(versionId)}`,
        schema: S.apiDetail,
        norm: normalizeApi,
        ...opts,
      }),
    switchVersion: (apiId, versionId, opts) =>
      send(scope, {
        method: 'PUT',
        path: `/apis/publish/${seg(apiId)}`,
        body: { version_id: versionId },
        schema: S.publishResult,
        ...opts,
      }),
    offlineVersion: (versionId, opts) => deleteAt(scope, `/apis/versions/${seg(versionId)}`, opts),
    runtime: (apiId, envId, opts) =>
      getObject(scope, {
        path: `/apis/runtime/${seg(apiId)}`,
        schema: S.apiRuntime,
        norm: normalizeApi,
        query: { env_id: envId },
        ...opts,
      }),
  };
}
