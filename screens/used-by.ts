// Reverse lookups ("used by", issue 17): from a VPC channel, an authorizer, an environment, a policy
// (throttle, ACL, signature key), an app or a client quota to the APIs that use it. The answer is the
// APIs list itself (screens/apis.ts with `usedBy`/`usedById` params), so moving, filtering, Enter and
// every API capability work there as on `:apis`. Which calls each lookup makes, and what they cost, is
// written down in ARCHITECTURE.md "Reverse lookups".
import type { InstanceClient } from '../src/api/client.ts';
import type { ApiDetail, ApiSummary } from '../src/api/types/apis.ts';
import type { FetchContext } from './types.ts';

export type UsedByKind = 'vpc' | 'authorizer' | 'env' | 'throttle' | 'acl' | 'sign' | 'app' | 'quota';

/** Params of the APIs list that make it a reverse lookup. */
export const USED_BY = { kind: 'usedBy', id: 'usedById', name: 'usedByName' } as const;

type Calls = { signal: AbortSignal; onWarnings?: (w: string[]) => void };

interface Lookup {
  /** The descriptor the `usedBy` capability is bound on. */
  resource: string;
  /** "VPC channel", shown in the scope label and the capability's title. */
  noun: string;
  ref: (row: unknown) => { id: string; name: string };
  apis: (inst: InstanceClient, id: string, calls: Calls) => Promise<ApiSummary[]>;
}

const byIdName = (row: unknown) => {
  const r = row as { id: string; name?: string };
  return { id: r.id, name: r.name ?? r.id };
};

/** Keeps the rows of the APIs list (4.3.6) whose id is in `ids`: one walk of the list, whatever the count. */
async function apisWithIds(inst: InstanceClient, ids: Iterable<string>, calls: Calls): Promise<ApiSummary[]> {
  const want = new Set(ids);
  if (want.size === 0) return [];
  const all = await inst.apis.listAll({}, calls);
  return all.filter((a) => want.has(a.id));
}

/** Runs `fn` over `items`, at most `limit` at a time (the details of a scan). */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

const DETAIL_CONCURRENCY = 6;

/**
 * The APIs list, then the detail (4.3.5) of each candidate: the list carries no backend (4.3.6), so the
 * VPC channel and backend authorizers are only in the detail.
 */
async function scanDetails(
  inst: InstanceClient,
  calls: Calls,
  candidate: (a: ApiSummary) => boolean,
  uses: (a: ApiSummary, d: ApiDetail | undefined) => boolean,
): Promise<ApiSummary[]> {
  const all = await inst.apis.listAll({}, calls);
  const details = await mapLimit(all, DETAIL_CONCURRENCY, (a) =>
    candidate(a) ? inst.apis.get(a.id, calls) : Promise.resolve(undefined),
  );
  return all.filter((a, i) => uses(a, details[i]));
}

/** Policy backends (policy_https/functions/mocks) and the default backend, as one list. */
function backendsOf(
  d: ApiDetail,
): Array<{ authorizer_id?: string; vpc_channel_info?: { vpc_channel_id?: string } }> {
  return [
    ...(d.backend_api ? [d.backend_api] : []),
    ...(d.func_info ? [d.func_info] : []),
    ...(d.mock_info ? [d.mock_info] : []),
    ...(d.policy_https ?? []),
    ...(d.policy_functions ?? []),
    ...(d.policy_mocks ?? []),
  ] as Array<{ authorizer_id?: string; vpc_channel_info?: { vpc_channel_id?: string } }>;
}

export const LOOKUPS: Record<UsedByKind, Lookup> = {
  vpc: {
    resource: 'vpcs',
    noun: 'VPC channel',
    ref: byIdName,
    apis: (inst, id, calls) =>
      scanDetails(
        inst,
        calls,
        (a) => a.backend_type === 'HTTP',
        (_a, d) => d !== undefined && backendsOf(d).some((b) => b.vpc_channel_info?.vpc_channel_id === id),
      ),
  },
  authorizer: {
    resource: 'authorizers',
    noun: 'custom authorizer',
    ref: byIdName,
    // The frontend authorizer is in the list row; a backend one only in the detail.
    apis: (inst, id, calls) =>
      scanDetails(
        inst,
        calls,
        (a) => a.authorizer_id !== id,
        (a, d) =>
          a.authorizer_id === id || (d !== undefined && backendsOf(d).some((b) => b.authorizer_id === id)),
      ),
  },
  env: {
    resource: 'envs',
    noun: 'environment',
    ref: byIdName,
    apis: (inst, id, calls) => inst.apis.listAll({ env_id: id }, calls),
  },
  throttle: {
    resource: 'throttles',
    noun: 'throttling policy',
    ref: byIdName,
    apis: async (inst, id, calls) =>
      apisWithIds(
        inst,
        (await inst.throttleBindings.boundApis.listAll({ throttle_id: id }, calls)).map((b) => b.id),
        calls,
      ),
  },
  acl: {
    resource: 'acls',
    noun: 'ACL policy',
    ref: (row) => {
      const r = row as { id: string; acl_name?: string };
      return { id: r.id, name: r.acl_name ?? r.id };
    },
    apis: async (inst, id, calls) =>
      apisWithIds(
        inst,
        (await inst.aclBindings.boundApis.listAll({ acl_id: id }, calls)).map((b) => b.api_id),
        calls,
      ),
  },
  sign: {
    resource: 'signs',
    noun: 'signature key',
    ref: byIdName,
    apis: async (inst, id, calls) =>
      apisWithIds(
        inst,
        (await inst.signBindings.boundApis.listAll({ sign_id: id }, calls)).flatMap((b) =>
          b.api_id ? [b.api_id] : [],
        ),
        calls,
      ),
  },
  app: {
    resource: 'apps',
    noun: 'app',
    ref: byIdName,
    apis: async (inst, id, calls) => apisWithIds(inst, await authorizedApiIds(inst, [id], calls), calls),
  },
  quota: {
    resource: 'quotas',
    noun: 'client quota',
    ref: (row) => {
      const r = row as { app_quota_id: string; name?: string };
      return { id: r.app_quota_id, name: r.name ?? r.app_quota_id };
    },
    apis: async (inst, id, calls) => {
      const apps = await inst.appQuotas.boundApps(id).listAll({}, calls);
      return apisWithIds(
        inst,
        await authorizedApiIds(
          inst,
          apps.map((a) => a.app_id),
          calls,
        ),
        calls,
      );
    },
  },
};

/** 4.18.3 per app: the APIs the apps are authorized to call (in any environment). */
async function authorizedApiIds(
  inst: InstanceClient,
  appIds: readonly string[],
  calls: Calls,
): Promise<string[]> {
  const lists = await mapLimit(appIds, DETAIL_CONCURRENCY, (app_id) =>
    inst.appAuths.boundApis.listAll({ app_id }, calls),
  );
  return lists.flat().flatMap((a) => (a.api_id ? [a.api_id] : []));
}

const isKind = (k: string | undefined): k is UsedByKind => k !== undefined && k in LOOKUPS;

/** The APIs list's fetch when it is a reverse lookup; undefined for the plain list. */
export function usedByList(ctx: FetchContext): Promise<ApiSummary[]> | undefined {
  const kind = ctx.params[USED_BY.kind];
  const id = ctx.params[USED_BY.id];
  if (!isKind(kind) || !id) return undefined;
  const calls: Calls = { signal: ctx.signal, ...(ctx.warn ? { onWarnings: ctx.warn } : {}) };
  return LOOKUPS[kind].apis(ctx.client.instance(ctx.instanceId as string), id, calls);
}

/** Whether these APIs-list params are a reverse lookup's. */
export function isUsedByList(params: Readonly<Record<string, string>>): boolean {
  return isKind(params[USED_BY.kind]) && Boolean(params[USED_BY.id]);
}

/** Heading suffix of a reverse lookup: `used by throttling policy: partner_premium`. */
export function usedByLabel(params: Readonly<Record<string, string>>): string | undefined {
  const kind = params[USED_BY.kind];
  if (!isKind(kind)) return undefined;
  return `used by ${LOOKUPS[kind].noun}: ${params[USED_BY.name] ?? params[USED_BY.id] ?? ''}`;
}

/** Params of the APIs list answering "which APIs use this". */
export function usedByParams(kind: UsedByKind, row: unknown): Record<string, string> {
  const { id, name } = LOOKUPS[kind].ref(row);
  return { [USED_BY.kind]: kind, [USED_BY.id]: id, [USED_BY.name]: name };
}
