import { RomaError } from './errors.ts';
import {
  getObject,
  getPage,
  optionalLister,
  serviceScope,
  type OptionalLister,
  type Scope,
} from './resource.ts';
import { normalizeInstance } from './normalize.ts';
import * as S from './schemas.ts';
import type { CallOptions, Page, PageQuery } from './types/common.ts';
import type {
  Feature,
  Instance,
  InstanceListQuery,
  InstanceRestriction,
  InstanceSummary,
} from './types/instances.ts';

export interface InstanceListResult extends Page<InstanceSummary> {
  /** 'list' when the project-wide list answered; 'profile' when it was missing/forbidden and the named ids were read one by one. */
  source: 'list' | 'profile';
}

export interface InstancesClient {
  /** `GET /v2/{project_id}/instances` (OUTSIDE-SEED.md), falling back to the profile's instance ids. */
  list(query?: InstanceListQuery, opts?: CallOptions): Promise<InstanceListResult>;
  /** 4.1.1 */
  get(instanceId: string, opts?: CallOptions): Promise<Instance>;
  /** 4.1.2 */
  restriction(instanceId: string, opts?: CallOptions): Promise<InstanceRestriction>;
  /** 4.22.1 */
  features(instanceId: string): OptionalLister<Feature, PageQuery>;
}

/** The APIC scope of an instance (`serviceScope(projectScope, 'apic', id)`). */
export function instanceScope(projectScope: Scope, instanceId: string): Scope {
  return serviceScope(projectScope, 'apic', instanceId);
}

/** Statuses meaning "this deployment has no list call (or we may not use it)": fall back to named ids. */
const FALLBACK_STATUSES = new Set([403, 404, 405, 501]);

export function instancesClient(projectScope: Scope, namedIds: readonly string[]): InstancesClient {
  const get = (id: string, opts?: CallOptions) =>
    getObject<Instance>(instanceScope(projectScope, id), {
      path: '',
      schema: S.instance,
      norm: normalizeInstance,
      ...opts,
    });
  return {
    async list(query, opts) {
      try {
        const page = await getPage<InstanceSummary>(projectScope, {
          path: '/instances',
          itemsKey: 'instances',
          schema: S.instanceSummary,
          norm: normalizeInstance,
          query: { ...query },
          ...opts,
        });
        return { ...page, source: 'list' };
      } catch (e) {
        const fallback =
          e instanceof RomaError &&
          (e.kind === 'http' || e.kind === 'bad-body') &&
          FALLBACK_STATUSES.has(e.status ?? 0);
        if (!fallback || namedIds.length === 0) throw e;
        const items = await Promise.all(namedIds.map((id) => get(id, opts)));
        const rows: InstanceSummary[] = items.map((i) => {
          const { available_zone_ids: zones, ...rest } = i;
          return {
            ...rest,
            name: i.instance_name ?? i.name,
            available_zone_ids: typeof zones === 'string' ? [zones] : zones,
          };
        });
        return { items: rows, total: rows.length, size: rows.length, offset: 0, source: 'profile' };
      }
    },
    get,
    restriction: (id, opts) =>
      getObject(instanceScope(projectScope, id), { path: '/restriction', schema: S.restriction, ...opts }),
    features: (id) =>
      optionalLister<Feature, PageQuery>(instanceScope(projectScope, id), '/features', 'features', S.feature),
  };
}
