// Public resources (section 3) under `/v2/{project_id}/instances/{instance_id}` (no `/apic/`, P1):
// integration applications (3.1), asset jobs (3.2), dictionaries (3.3); and the service's API versions (3.4).
import {
  deleteAt,
  getObject,
  optionalLister,
  send,
  seg,
  type OptionalLister,
  type Scope,
} from './resource.ts';
import { atBoundary, validateObject, type ObjectSchema } from './validate.ts';
import type { CallOptions } from './types/common.ts';
import type {
  AppMembers,
  AssetJob,
  Dictionary,
  DictionaryQuery,
  DictionaryRequest,
  IntegrationApp,
  IntegrationAppQuery,
  IntegrationAppRequest,
  ServiceVersion,
} from './types/gateway-more.ts';
import type { Transport } from './transport.ts';

const s = 'string' as const;
const b = 'boolean' as const;
const user: ObjectSchema = { fields: { user_id: s, user_name: s } };
export const integrationAppSchema: ObjectSchema = {
  required: ['id', 'name'],
  fields: {
    id: s,
    name: s,
    remark: s,
    key: s,
    roles: 'strings',
    create_time: s,
    update_time: s,
    owner: b,
    favorite: b,
    created_user: user,
    last_updated_user: user,
  },
};
const members: ObjectSchema = {
  fields: { total: 'number', id: s, users: [{ required: ['id'], fields: { id: s, name: s } }] },
};
export const assetJobSchema: ObjectSchema = {
  required: ['id'],
  fields: {
    id: s,
    type: s,
    status: s,
    progress_percent: 'number',
    archive_id: s,
    begin_time: s,
    end_time: s,
    reasons: 'any',
  },
};
export const dictionarySchema: ObjectSchema = {
  required: ['id', 'name', 'code'],
  fields: {
    id: s,
    name: s,
    code: s,
    parent_code: s,
    remark: s,
    extend_one: s,
    extend_two: s,
    type: s,
    create_time: s,
    update_time: s,
  },
};
const versionSchema: ObjectSchema = {
  required: ['id'],
  fields: { id: s, version: s, min_version: s, status: s, updated: s, links: 'any' },
};

/** 3.1.2 roles arrive as one comma-joined string in an array (P8): split them. */
export function rolesOf(app: IntegrationApp): string[] {
  return (app.roles ?? [])
    .flatMap((r) => r.split(','))
    .map((r) => r.trim())
    .filter(Boolean);
}

export interface IntegrationAppsClient extends OptionalLister<IntegrationApp, IntegrationAppQuery> {
  /** 3.1.1: the application with this name/id/key, or null (404). */
  find(q: { name?: string; id?: string; key?: string }, opts?: CallOptions): Promise<IntegrationApp | null>;
  get(id: string, opts?: CallOptions): Promise<IntegrationApp>;
  create(req: IntegrationAppRequest, opts?: CallOptions): Promise<IntegrationApp>;
  update(id: string, req: IntegrationAppRequest, opts?: CallOptions): Promise<IntegrationApp>;
  /** 3.1.6 (answered 200 `{ Message }`) */
  remove(id: string, opts?: CallOptions): Promise<void>;
  /** 3.1.7 */
  secret(id: string, opts?: CallOptions): Promise<string>;
  /** 3.1.8: a new random secret unless one is given. */
  resetSecret(id: string, secret?: string, opts?: CallOptions): Promise<string>;
  /** 3.1.9 */
  members(id: string, opts?: CallOptions): Promise<AppMembers>;
  /** 3.1.10: replaces the whole member list. */
  setMembers(id: string, userIds: string[], opts?: CallOptions): Promise<AppMembers>;
  /** 3.1.11 */
  candidates(id: string, onlyNonMembers: boolean, opts?: CallOptions): Promise<AppMembers['users']>;
}

export interface AssetsClient {
  /** 3.2.2 → job id */
  exportApps(appIds: string[], opts?: CallOptions): Promise<string>;
  /** 3.2.3 → job id */
  importApps(appName?: string, opts?: CallOptions): Promise<string>;
  /** 3.2.5 → job id */
  deleteApp(appId: string, opts?: CallOptions): Promise<string>;
  /** 3.2.4 */
  job(jobId: string, opts?: CallOptions): Promise<AssetJob>;
  /** 3.2.1: the package's bytes (downloadable once). */
  download(archiveId: string, opts?: CallOptions): Promise<Buffer>;
}

export interface DictionariesClient extends OptionalLister<Dictionary, DictionaryQuery> {
  /** 3.3.1: the dictionary with this name/code, or null (404). */
  find(
    q: { name?: string; code?: string },
    opts?: CallOptions,
  ): Promise<{ name?: string; code?: string } | null>;
  get(id: string, opts?: CallOptions): Promise<Dictionary>;
  create(req: DictionaryRequest, opts?: CallOptions): Promise<Dictionary>;
  update(id: string, req: DictionaryRequest, opts?: CallOptions): Promise<Dictionary>;
  remove(id: string, opts?: CallOptions): Promise<void>;
}

async function orNull<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (e) {
    if ((e as { status?: number }).status === 404) return null;
    throw e;
  }
}

export function publicScope(projectScope: Scope, instanceId: string): Scope {
  return { t: projectScope.t, base: `${projectScope.base}/instances/${seg(instanceId)}` };
}

export function integrationAppsClient(scope: Scope): IntegrationAppsClient {
  const one = (id: string) => `/apps/${seg(id)}`;
  const secretOf = (o: unknown): string =>
    atBoundary('GET', scope.base, undefined, () =>
      String(validateObject(o ?? {}, { required: ['secret'], fields: { secret: s } }).secret),
    );
  return {
    ...optionalLister<IntegrationApp, IntegrationAppQuery>(scope, '/apps', 'apps', integrationAppSchema),
    find: (q, opts) =>
      orNull(
        getObject(scope, {
          path: '/validate-apps',
          query: q,
          schema: { required: ['id'], fields: { id: s, name: s, remark: s } },
          ...opts,
        }),
      ),
    get: (id, opts) => getObject(scope, { path: one(id), schema: integrationAppSchema, ...opts }),
    create: (req, opts) =>
      send(scope, { method: 'POST', path: '/apps', body: req, schema: integrationAppSchema, ...opts }),
    update: (id, req, opts) =>
      send(scope, { method: 'PUT', path: one(id), body: req, schema: integrationAppSchema, ...opts }),
    remove: async (id, opts) => {
      await send(scope, { method: 'DELETE', path: one(id), ...opts });
    },
    secret: async (id, opts) =>
      secretOf(
        await getObject(scope, { path: `${one(id)}/secret`, schema: { fields: { secret: s } }, ...opts }),
      ),
    resetSecret: async (id, secret, opts) =>
      secretOf(
        await send(scope, {
          method: 'PUT',
          path: `${one(id)}/secret`,
          body: secret === undefined ? {} : { secret },
          ...opts,
        }),
      ),
    members: (id, opts) =>
      getObject<AppMembers>(scope, { path: `${one(id)}/users`, schema: members, ...opts }).then(withUsers),
    setMembers: (id, users, opts) =>
      send<AppMembers>(scope, {
        method: 'PUT',
        path: `${one(id)}/users`,
        body: { users },
        schema: members,
        ...opts,
      }).then(withUsers),
    candidates: async (id, only, opts) =>
      withUsers(
        await getObject<AppMembers>(scope, {
          path: `${one(id)}/candidates`,
          query: only ? { filter: 'members' } : {},
          schema: members,
          ...opts,
        }),
      ).users,
  };
}

function withUsers(m: AppMembers): AppMembers {
  return { ...m, users: m.users ?? [] };
}

export function assetsClient(scope: Scope): AssetsClient {
  const jobId = (o: unknown): string =>
    atBoundary('POST', scope.base, undefined, () =>
      String(validateObject(o ?? {}, { required: ['job_id'], fields: { job_id: s } }).job_id),
    );
  return {
    exportApps: async (ids, opts) =>
      jobId(
        await send(scope, {
          method: 'POST',
          path: '/assets/export',
          body: { apps: ids.map((app_id) => ({ app_id })) },
          ...opts,
        }),
      ),
    importApps: async (name, opts) =>
      jobId(
        await send(scope, {
          method: 'POST',
          path: '/assets/import',
          body: name === undefined ? {} : { apps: name },
          ...opts,
        }),
      ),
    deleteApp: async (id, opts) =>
      jobId(await send(scope, { method: 'POST', path: '/assets/delete', body: { apps: id }, ...opts })),
    job: (id, opts) => getObject(scope, { path: `/assets/jobs/${seg(id)}`, schema: assetJobSchema, ...opts }),
    async download(id, opts) {
      const res = await scope.t.request({
        method: 'GET',
        path: `${scope.base}/assets/archives/${seg(id)}`,
        accept: 'bytes',
        signal: opts?.signal,
      });
      return Buffer.isBuffer(res.body) ? res.body : Buffer.alloc(0);
    },
  };
}

export function dictionariesClient(scope: Scope): DictionariesClient {
  const one = (id: string) => `/dictionaries/${seg(id)}`;
  return {
    ...optionalLister<Dictionary, DictionaryQuery>(scope, '/dictionaries', 'dictionaries', dictionarySchema),
    find: (q, opts) =>
      orNull(
        getObject(scope, {
          path: '/validate-dictionaries',
          query: q,
          schema: { fields: { name: s, code: s } },
          ...opts,
        }),
      ),
    get: (id, opts) => getObject(scope, { path: one(id), schema: dictionarySchema, ...opts }),
    create: (req, opts) =>
      send(scope, { method: 'POST', path: '/dictionaries', body: req, schema: dictionarySchema, ...opts }),
    update: (id, req, opts) =>
      send(scope, { method: 'PUT', path: one(id), body: req, schema: dictionarySchema, ...opts }),
    remove: (id, opts) => deleteAt(scope, one(id), opts),
  };
}

export interface VersionsClient {
  /** 3.4.1 */
  list(opts?: CallOptions): Promise<ServiceVersion[]>;
  /** 3.4.2 */
  get(version: string, opts?: CallOptions): Promise<ServiceVersion>;
}

export function versionsClient(t: Transport): VersionsClient {
  const root: Scope = { t, base: '' };
  return {
    async list(opts) {
      const o = await getObject<Record<string, unknown>>(root, {
        path: '/',
        schema: { fields: { versions: [versionSchema] } },
        ...opts,
      });
      return (o.versions as ServiceVersion[] | undefined) ?? [];
    },
    async get(version, opts) {
      const o = await getObject<Record<string, unknown>>(root, {
        path: `/${seg(version)}`,
        schema: { required: ['version'], fields: { version: versionSchema } },
        ...opts,
      });
      return o.version as ServiceVersion;
    },
  };
}
