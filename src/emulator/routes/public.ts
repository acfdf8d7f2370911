// Public resources (PUBLIC-RESOURCES.md section 3): integration applications (3.1), asset jobs (3.2),
// dictionaries (3.3) under `/v2/{project_id}/instances/{instance_id}` (no `/apic/`, P1), and the service's
// API versions (3.4, no credentials). Errors use the five-field envelope of P3 and the ROMA.* codes.
import { randomBytes } from 'node:crypto';
import type { AssetJob, Dictionary, RomaApp } from '../model-more.ts';
import { isoSeconds, newId, type InstanceStore } from '../state.ts';
import { writeZip } from '../zip.ts';
import { ApiError, asObject, ok, type InstanceCtx, type RouteDef, type RouteResult } from './common.ts';

const BASE = '/v2/{project_id}/instances/{instance_id}';
export const ROLES = ['read', 'access', 'delete', 'modify', 'admin'];
const APP_NAME_RE = /^[A-Za-z0-9\u4e00-\u9fa5_.\- ()（）]{1,256}$/;
const APP_KEY_RE = /^[A-Za-z0-9\u4e00-\u9fa5_@.-]{3,200}$/;
const SECRET_RE = /^[A-Za-z0-9!@#$%+=./-]{8,128}$/;
const DICT_NAME_RE = /^[A-Za-z0-9\u4e00-\u9fa5_ ]{1,64}$/;
const DICT_CODE_RE = /^[A-Za-z0-9_ ]{1,64}$/;
/** How many progress queries a job answers Running before it ends (P9): tests see both states. */
export const ASSET_JOB_STEPS = 2;

class RomaError extends ApiError {}
const err = (status: number, code: string, msg: string) => new RomaError(status, code, msg);
const appNotFound = () => err(404, 'ROMA.00014001', 'application not found');
const dictNotFound = () => err(404, 'ROMA.00013011', 'dictionary does not exist');
const badParam = (name: string) => err(400, 'ROMA.00000101', `invalid parameter: ${name}`);

/** A section-3 route: the instance is looked up here, and errors get the P3 envelope. */
function pub(
  method: string,
  path: string,
  handler: (ctx: InstanceCtx) => RouteResult,
  opts: { instanceMissing?: number } = {},
): RouteDef {
  return {
    method,
    path: BASE + path,
    scope: 'root',
    handler: (ctx) => {
      try {
        const id = ctx.params['instance_id'] ?? '';
        const store = ctx.state.stores.get(id);
        if (!store || !ctx.state.instances.has(id))
          throw err(opts.instanceMissing ?? 400, 'ROMA.00014002', 'instance not found');
        return handler({ ...ctx, instanceId: id, store });
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        return {
          status: e.status,
          body: {
            error_code: e.code,
            error_msg: e.message,
            error_details: '',
            suggestion: '',
            request_id: randomBytes(16).toString('hex'),
          },
        };
      }
    },
  };
}

function obj(body: unknown): Record<string, unknown> {
  try {
    return asObject(body);
  } catch {
    throw badParam('body');
  }
}

function optStr(b: Record<string, unknown>, k: string): string | undefined {
  const v = b[k];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw badParam(k);
  return v;
}

/** P4: section-3 paging, offset 0–10000 and limit 1–500 (default 10). */
function pageOf<T>(items: T[], q: URLSearchParams, dflt = 10): { offset: number; limit: number; slice: T[] } {
  const num = (k: string, d: number, min: number, max: number): number => {
    const raw = q.get(k);
    if (raw === null || raw === '') return d;
    if (!/^\d+$/.test(raw)) throw badParam(k);
    const n = Number(raw);
    if (n < min || n > max) throw badParam(k);
    return n;
  };
  const offset = num('offset', 0, 0, 10000);
  const limit = num('limit', dflt, 1, 500);
  return { offset, limit, slice: items.slice(offset, offset + limit) };
}

// ---- 3.1 applications --------------------------------------------------------------------------------

export function appWire(a: RomaApp): Record<string, unknown> {
  const { secret: _s, members: _m, ...rest } = a;
  return rest;
}

function requireRomaApp(store: InstanceStore, id: string): RomaApp {
  const a = store.data.romaApps.get(id);
  if (!a) throw appNotFound();
  return a;
}

const randomKey = (n: number): string => {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(n)].map((b) => abc[b % abc.length]).join('');
};

function checkName(store: InstanceStore, name: string, selfId?: string): void {
  if (!APP_NAME_RE.test(name)) throw err(400, 'ROMA.4001029', 'Invalid application name.');
  for (const a of store.data.romaApps.values())
    if (a.name === name && a.id !== selfId) throw err(400, 'ROMA.4001028', 'The application already exists.');
}

function checkSecret(secret: string): void {
  if (!SECRET_RE.test(secret)) throw err(400, 'ROMA.4001041', 'Invalid application secret.');
}

/** What an application owns; it cannot be deleted while it owns anything (ROMA.4001033). */
export function resourcesOf(store: InstanceStore, appId: string): { groups: string[]; ldApis: string[] } {
  return {
    groups: [...store.data.groups.values()].filter((g) => g.roma_app_id === appId).map((g) => g.id),
    ldApis: [...store.data.ldApis.values()].filter((a) => a.roma_app_id === appId).map((a) => a.id),
  };
}

const CALLER = { user_id: 'f2a9c1d07e3b4c5d8e9f0a1b2c3d4e5f', user_name: 'demo_user' };

const appRoutes: RouteDef[] = [
  pub(
    'GET',
    '/validate-apps',
    ({ store, query }) => {
      const [name, id, key] = [query.get('name'), query.get('id'), query.get('key')];
      const a = [...store.data.romaApps.values()].find(
        (x) => (!name || x.name === name) && (!id || x.id === id) && (!key || x.key === key),
      );
      if (!a || (!name && !id && !key)) throw appNotFound();
      return ok({ id: a.id, name: a.name, remark: a.remark });
    },
    { instanceMissing: 404 },
  ),
  pub('GET', '/apps', ({ store, query }) => {
    const name = query.get('name');
    const role = query.get('auth_role');
    const userName = query.get('user_name');
    const fav = query.get('favorite');
    const owner = query.get('owner');
    const user = userName ? [...store.data.romaUsers.values()].find((u) => u.name === userName) : undefined;
    const items = [...store.data.romaApps.values()]
      .filter(
        (a) =>
          (!name || a.name.includes(name)) &&
          (!role || a.roles.includes(role) || a.roles.includes('admin')) &&
          (!userName || (user !== undefined && a.members.includes(user.id))) &&
          (fav === null || fav === '' || String(a.favorite) === fav) &&
          (owner === null || owner === '' || String(a.owner) === owner),
      )
      // Favourites first (3.1.2), then creation order.
      .sort((a, b) => Number(b.favorite) - Number(a.favorite));
    const p = pageOf(items, query);
    return ok({ total: items.length, size: p.slice.length, apps: p.slice.map(appWire) });
  }),
  pub('POST', '/apps', ({ store, body, nowMs }) => {
    const b = obj(body);
    const name = optStr(b, 'name');
    if (!name) throw err(400, 'ROMA.4001029', 'Invalid application name.');
    checkName(store, name);
    const remark = optStr(b, 'remark') ?? '';
    if (remark.length > 200) throw err(400, 'ROMA.4001030', 'The application description is too long.');
    const key = optStr(b, 'key') ?? randomKey(16);
    if (!APP_KEY_RE.test(key)) throw err(400, 'ROMA.4001040', 'Invalid application key.');
    if ([...store.data.romaApps.values()].some((a) => a.key === key))
      throw err(400, 'ROMA.00014012', 'The application key already exists.');
    const secret = optStr(b, 'secret') ?? randomKey(16);
    checkSecret(secret);
    const t = isoSeconds(nowMs);
    const app: RomaApp = {
      id: randomUuid(),
      name,
      remark,
      key,
      secret,
      roles: [...ROLES],
      create_time: t,
      update_time: t,
      owner: true,
      favorite: b['favorite'] === true,
      created_user: CALLER,
      last_updated_user: CALLER,
      members: [],
    };
    store.data.romaApps.set(app.id, app);
    return ok(appWire(app), 201);
  }),
  pub('GET', '/apps/{app_id}', ({ store, params }) =>
    ok(appWire(requireRomaApp(store, params['app_id'] ?? ''))),
  ),
  pub('PUT', '/apps/{app_id}', ({ store, params, body, nowMs }) => {
    const app = requireRomaApp(store, params['app_id'] ?? '');
    const b = obj(body);
    const name = optStr(b, 'name');
    if (name !== undefined) {
      checkName(store, name, app.id);
      app.name = name;
    }
    const remark = optStr(b, 'remark');
    if (remark !== undefined) {
      if (remark.length > 200) throw err(400, 'ROMA.4001030', 'The application description is too long.');
      app.remark = remark;
    }
    if (typeof b['favorite'] === 'boolean') app.favorite = b['favorite'];
    app.update_time = isoSeconds(nowMs);
    app.last_updated_user = CALLER;
    return ok(appWire(app));
  }),
  pub('DELETE', '/apps/{app_id}', ({ store, params }) => {
    const app = requireRomaApp(store, params['app_id'] ?? '');
    const r = resourcesOf(store, app.id);
    if (r.groups.length + r.ldApis.length > 0)
      throw err(400, 'ROMA.4001033', 'The application cannot be deleted because it contains resources.');
    store.data.romaApps.delete(app.id);
    return ok({ Message: 'success' });
  }),
  pub('GET', '/apps/{app_id}/secret', ({ store, params }) =>
    ok({ secret: requireRomaApp(store, params['app_id'] ?? '').secret }),
  ),
  pub('PUT', '/apps/{app_id}/secret', ({ store, params, body, nowMs }) => {
    const app = requireRomaApp(store, params['app_id'] ?? '');
    const secret = optStr(obj(body), 'secret') ?? randomKey(16);
    checkSecret(secret);
    app.secret = secret;
    app.update_time = isoSeconds(nowMs);
    return ok({ id: app.id, secret });
  }),
  pub('GET', '/apps/{app_id}/users', ({ store, params, query }) => {
    const app = requireRomaApp(store, params['app_id'] ?? '');
    const userName = query.get('user_name');
    const users = app.members
      .map((id) => store.data.romaUsers.get(id))
      .filter((u) => u !== undefined && (!userName || u.name === userName))
      .map((u) => ({ id: u!.id, name: u!.name }));
    return ok({ total: users.length, id: app.id, users });
  }),
  pub('PUT', '/apps/{app_id}/users', ({ store, params, body }) => {
    const app = requireRomaApp(store, params['app_id'] ?? '');
    const b = obj(body);
    const ids = b['users'] ?? [];
    if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string')) throw badParam('users');
    for (const id of ids as string[]) if (!store.data.romaUsers.get(id)?.enabled) throw badParam('users');
    // 3.1.10 replaces the whole member list; an empty list clears it.
    app.members = [...new Set(ids as string[])];
    const users = app.members.map((id) => ({ id, name: store.data.romaUsers.get(id)?.name ?? '' }));
    return ok({ total: users.length, id: app.id, users });
  }),
  pub('GET', '/apps/{app_id}/candidates', ({ store, params, query }) => {
    const app = requireRomaApp(store, params['app_id'] ?? '');
    const f = query.get('filter');
    if (f && f !== 'members') throw badParam('filter');
    const users = [...store.data.romaUsers.values()]
      .filter((u) => u.enabled && (f !== 'members' || !app.members.includes(u.id)))
      .map((u) => ({ id: u.id, name: u.name }));
    return ok({ users });
  }),
];

// ---- 3.2 assets ----------------------------------------------------------------------------------------

function runningJob(store: InstanceStore): boolean {
  return [...store.data.assetJobs.values()].some((j) => j.status === 'Running');
}

function newJob(store: InstanceStore, type: AssetJob['type'], appIds: string[], nowMs: number): AssetJob {
  // One asset job at a time, whatever its kind (7.4.1 ROMA.10012).
  if (runningJob(store)) throw err(400, 'ROMA.00010012', 'An asset management task is running.');
  const job: AssetJob = {
    id: randomBytes(16).toString('hex'),
    type,
    status: 'Running',
    progress_percent: 0,
    begin_time: isoSeconds(nowMs),
    reasons: [],
    app_ids: appIds,
    polls: 0,
  };
  store.data.assetJobs.set(job.id, job);
  return job;
}

/** The package of an export: one JSON file per application with what it owns (secrets left out). */
function exportArchive(store: InstanceStore, job: AssetJob): string {
  const files = job.app_ids.map((id) => {
    const app = store.data.romaApps.get(id);
    const groups = [...store.data.groups.values()].filter((g) => g.roma_app_id === id);
    const content = {
      application: app ? appWire(app) : { id },
      groups,
      apis: [...store.data.apis.values()].filter((a) => groups.some((g) => g.id === a.group_id)),
      livedata_apis: [...store.data.ldApis.values()].filter((a) => a.roma_app_id === id),
    };
    return { name: `apps/${app?.name ?? id}.json`, data: Buffer.from(JSON.stringify(content, null, 2)) };
  });
  const manifest = { format: 'roma-assets/1', job_id: job.id, apps: job.app_ids };
  const zip = writeZip([{ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) }, ...files]);
  const archiveId = randomBytes(16).toString('hex');
  store.data.assetArchives.set(archiveId, { id: archiveId, job_id: job.id, base64: zip.toString('base64') });
  return archiveId;
}

/** A delete job removes what the applications own: their groups (with APIs and publications) and custom backends. */
function deleteAssets(store: InstanceStore, appIds: string[]): void {
  for (const appId of appIds) {
    const r = resourcesOf(store, appId);
    for (const gid of r.groups) {
      for (const api of [...store.data.apis.values()].filter((a) => a.group_id === gid)) {
        for (const p of store.publicationsOfApi(api.id)) store.removePublication(p.publish_id);
        store.data.apis.delete(api.id);
      }
      store.data.groups.delete(gid);
    }
    for (const id of r.ldApis) store.data.ldApis.delete(id);
  }
}

function advance(store: InstanceStore, job: AssetJob, nowMs: number): void {
  if (job.status !== 'Running') return;
  job.polls++;
  job.progress_percent = Math.min(1, Math.round((job.polls / ASSET_JOB_STEPS) * 100) / 100);
  if (job.polls < ASSET_JOB_STEPS) return;
  const missing = job.app_ids.filter((id) => !store.data.romaApps.has(id));
  if (missing.length > 0) {
    job.status = 'Failed';
    job.reasons = missing.map((id) => ({
      resource_type: 'app',
      resource_name: id,
      error_code: 'ROMA.00014001',
      error_msg: 'application not found',
    }));
  } else {
    job.status = 'Success';
    if (job.type === 'exportAsset') job.archive_id = exportArchive(store, job);
    if (job.type === 'deleteAsset') deleteAssets(store, job.app_ids);
  }
  job.end_time = isoSeconds(nowMs);
}

function tasksOf(b: Record<string, unknown>): void {
  const t = b['tasks'];
  if (t === undefined || t === null) return;
  if (
    !Array.isArray(t) ||
    t.length > 100 ||
    !t.every((x) => x && typeof (x as { task_id?: unknown }).task_id === 'string')
  )
    throw badParam('tasks');
}

const assetRoutes: RouteDef[] = [
  pub('POST', '/assets/export', ({ store, body, nowMs }) => {
    const b = obj(body);
    const apps = b['apps'];
    if (!Array.isArray(apps) || apps.length === 0 || apps.length > 100) throw badParam('apps');
    const ids = apps.map((a) =>
      a && typeof a === 'object' ? (a as { app_id?: unknown }).app_id : undefined,
    );
    if (!ids.every((x): x is string => typeof x === 'string')) throw badParam('apps');
    tasksOf(b);
    // 3.2.2's own example answers an unknown application with 500 ROMA.4001027.
    if (ids.some((id) => !store.data.romaApps.has(id)))
      throw err(500, 'ROMA.4001027', 'not found application');
    return ok({ job_id: newJob(store, 'exportAsset', ids, nowMs).id });
  }),
  pub('POST', '/assets/import', ({ store, body, nowMs }) => {
    const b = obj(body);
    const name = optStr(b, 'apps');
    tasksOf(b);
    const app = name ? [...store.data.romaApps.values()].find((a) => a.name === name) : undefined;
    if (name && !app) throw appNotFound();
    return ok({ job_id: newJob(store, 'importAsset', app ? [app.id] : [], nowMs).id });
  }),
  pub('POST', '/assets/delete', ({ store, body, nowMs }) => {
    const b = obj(body);
    const appId = optStr(b, 'apps');
    if (!appId) throw badParam('apps');
    tasksOf(b);
    requireRomaApp(store, appId);
    return ok({ job_id: newJob(store, 'deleteAsset', [appId], nowMs).id });
  }),
  pub('GET', '/assets/jobs/{job_id}', ({ store, params, nowMs }) => {
    const job = store.data.assetJobs.get(params['job_id'] ?? '');
    if (!job) throw err(400, 'ROMA.00000101', 'job not found');
    advance(store, job, nowMs);
    const { app_ids: _a, polls: _p, ...wire } = job;
    return ok(wire);
  }),
  pub('GET', '/assets/archives/{archive_id}', ({ store, params }) => {
    const id = params['archive_id'] ?? '';
    const a = store.data.assetArchives.get(id);
    // 3.2.1's 404 example is `{ "archive_id": … }`, not an error envelope.
    if (!a) return { status: 404, body: { archive_id: id } };
    // Downloadable once (P10): the package goes, and its job becomes Finished without an archive_id.
    store.data.assetArchives.delete(id);
    const job = store.data.assetJobs.get(a.job_id);
    if (job) {
      job.status = 'Finished';
      delete job.archive_id;
    }
    return { status: 200, raw: { contentType: 'application/zip', data: Buffer.from(a.base64, 'base64') } };
  }),
];

// ---- 3.3 dictionaries ------------------------------------------------------------------------------------

function dictWire(d: Dictionary): Record<string, unknown> {
  const { order: _o, ...rest } = d;
  return rest;
}

function requireDict(store: InstanceStore, id: string): Dictionary {
  const d = store.data.dictionaries.get(id);
  if (!d) throw dictNotFound();
  return d;
}

function dictText(b: Record<string, unknown>, k: string, re: RegExp): string | undefined {
  const v = optStr(b, k);
  if (v !== undefined && v !== '' && !re.test(v)) throw badParam(k);
  return v;
}

function orderOf(b: Record<string, unknown>): number | undefined {
  const v = b['order'];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw badParam('order');
  return v;
}

const dictRoutes: RouteDef[] = [
  pub('GET', '/validate-dictionaries', ({ store, query }) => {
    const name = query.get('name');
    const code = query.get('code');
    const d = [...store.data.dictionaries.values()].find(
      (x) => (!name || x.name === name) && (!code || x.code === code),
    );
    if (!d || (!name && !code)) throw dictNotFound();
    return ok({ name: d.name, code: d.code });
  }),
  pub('GET', '/dictionaries', ({ store, query }) => {
    const parent = query.get('parent_code') ?? '';
    if (parent && ![...store.data.dictionaries.values()].some((d) => d.code === parent)) throw dictNotFound();
    const code = query.get('code');
    const name = query.get('name');
    const items = [...store.data.dictionaries.values()]
      .filter(
        (d) =>
          d.parent_code === parent && (!code || d.code.includes(code)) && (!name || d.name.includes(name)),
      )
      .sort((a, b) => a.order - b.order);
    const p = pageOf(items, query);
    return ok({ total: items.length, size: p.slice.length, dictionaries: p.slice.map(dictWire) });
  }),
  pub('POST', '/dictionaries', ({ store, body, nowMs }) => {
    const b = obj(body);
    const name = dictText(b, 'name', DICT_NAME_RE);
    const code = dictText(b, 'code', DICT_CODE_RE);
    if (!name) throw badParam('name');
    if (!code) throw badParam('code');
    const all = [...store.data.dictionaries.values()];
    if (all.some((d) => d.name === name || d.code === code))
      throw err(400, 'ROMA.00013012', 'The dictionary already exists.');
    const parent = optStr(b, 'parent_code') ?? '';
    if (parent && !all.some((d) => d.code === parent))
      throw err(400, 'ROMA.00013013', 'The parent dictionary is invalid.');
    const t = isoSeconds(nowMs);
    const d: Dictionary = {
      id: newId(),
      name,
      code,
      parent_code: parent,
      remark: optStr(b, 'remark') ?? '',
      extend_one: dictText(b, 'extend_one', DICT_NAME_RE) ?? '',
      extend_two: dictText(b, 'extend_two', DICT_NAME_RE) ?? '',
      type: 'user',
      order: orderOf(b) ?? 0,
      create_time: t,
      update_time: t,
    };
    store.data.dictionaries.set(d.id, d);
    return ok(dictWire(d), 201);
  }),
  pub('GET', '/dictionaries/{dict_id}', ({ store, params }) =>
    ok(dictWire(requireDict(store, params['dict_id'] ?? ''))),
  ),
  pub('PUT', '/dictionaries/{dict_id}', ({ store, params, body, nowMs }) => {
    const d = requireDict(store, params['dict_id'] ?? '');
    const b = obj(body);
    const name = dictText(b, 'name', DICT_NAME_RE);
    if (name) {
      if ([...store.data.dictionaries.values()].some((x) => x.name === name && x.id !== d.id))
        throw err(400, 'ROMA.00013012', 'The dictionary already exists.');
      d.name = name;
    }
    const remark = optStr(b, 'remark');
    if (remark !== undefined) d.remark = remark;
    const e1 = dictText(b, 'extend_one', DICT_NAME_RE);
    if (e1 !== undefined) d.extend_one = e1;
    const e2 = dictText(b, 'extend_two', DICT_NAME_RE);
    if (e2 !== undefined) d.extend_two = e2;
    d.order = orderOf(b) ?? d.order;
    d.update_time = isoSeconds(nowMs);
    return ok(dictWire(d));
  }),
  pub('DELETE', '/dictionaries/{dict_id}', ({ store, params }) => {
    const d = requireDict(store, params['dict_id'] ?? '');
    if (d.type === 'system') throw err(400, 'ROMA.00013014', 'The system dictionary cannot be deleted.');
    // Children go with their parent, all the way down (3.3.6 says "all of its child dictionaries").
    const doomed = new Set([d.code]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const x of store.data.dictionaries.values())
        if (doomed.has(x.parent_code) && !doomed.has(x.code)) {
          doomed.add(x.code);
          grew = true;
        }
    }
    for (const [id, x] of store.data.dictionaries) if (doomed.has(x.code)) store.data.dictionaries.delete(id);
    return { status: 204 };
  }),
];

// ---- 3.4 API versions ------------------------------------------------------------------------------------

const VERSIONS = [
  { id: 'v1', version: '', min_version: '', status: 'SUPPORTED', updated: '2018-02-12T02:12:12Z' },
  { id: 'v2', version: '', min_version: '', status: 'CURRENT', updated: '2020-06-28T12:20:21Z' },
];

function versionWire(v: (typeof VERSIONS)[number], host: string | undefined): Record<string, unknown> {
  return { ...v, links: [{ rel: 'self', href: `http://${host ?? 'localhost'}/${v.id}` }] };
}

const versionRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/',
    scope: 'root',
    noAuth: true,
    handler: ({ headers }) => ok({ versions: VERSIONS.map((v) => versionWire(v, headers?.['host'])) }),
  },
  {
    method: 'GET',
    path: '/{version}',
    scope: 'root',
    // 3.4.2 does not say whether it needs credentials; like 3.4.1 it is served without.
    noAuth: true,
    handler: ({ params, headers }) => {
      const v = VERSIONS.find((x) => x.id === params['version']);
      if (!v)
        throw new ApiError(
          404,
          'APIG.0101',
          'The API does not exist or has not been published in the environment',
        );
      return ok({ version: versionWire(v, headers?.['host']) });
    },
  },
];

function randomUuid(): string {
  const h = newId().replace(/-/g, '').padEnd(32, '0').slice(0, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const publicRoutes: RouteDef[] = [...appRoutes, ...assetRoutes, ...dictRoutes, ...versionRoutes];
