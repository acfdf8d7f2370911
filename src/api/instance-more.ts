// Instance settings and reads: feature configuration (4.22.2), tags (4.23.1), tenant quotas and their use (4.24.1).
import { RomaError } from './errors.ts';
import { optionalLister, pageFrom, send, type OptionalLister, type Scope } from './resource.ts';
import { normalizeGeneric } from './normalize.ts';
import { atBoundary, type ObjectSchema } from './validate.ts';
import type { CallOptions, Page, PageQuery } from './types/common.ts';
import type { Feature } from './types/instances.ts';
import type { FeatureConfigRequest, TenantQuota } from './types/gateway-more.ts';
import { listAll } from './paginate.ts';

const s = 'string' as const;
export const tenantQuotaSchema: ObjectSchema = {
  required: ['config_name'],
  fields: { config_id: s, config_name: s, config_value: s, config_time: s, remark: s, used: 'number' },
};
const featureSchema: ObjectSchema = {
  required: ['name'],
  fields: { id: s, name: s, enable: 'boolean', config: s, instance_id: s, update_time: s },
};

export interface InstanceSettingsClient {
  /** 4.22.2: creates or changes the feature's setting. */
  configureFeature(req: FeatureConfigRequest, opts?: CallOptions): Promise<Feature>;
  /** 4.23.1: a page of tag names. */
  tags: {
    list(query?: PageQuery, opts?: CallOptions): Promise<Page<string>>;
    listAll(opts?: CallOptions): Promise<string[]>;
  };
  /** 4.24.1 */
  quotas: OptionalLister<TenantQuota, PageQuery>;
}

export function instanceSettingsClient(scope: Scope): InstanceSettingsClient {
  const tagsPage = async (query: PageQuery, signal?: AbortSignal): Promise<Page<string>> => {
    const path = `${scope.base}/tags`;
    const res = await scope.t.request({ method: 'GET', path, query: { ...query }, signal });
    if (res.body === undefined)
      throw new RomaError({ kind: 'shape', method: 'GET', path, errorMsg: 'empty body' });
    return atBoundary('GET', path, res.headers.get('x-request-id') ?? undefined, () => {
      // Tags are bare strings: wrap them as records for the shared page reader, then unwrap.
      const body = res.body as Record<string, unknown>;
      const tags = Array.isArray(body.tags) ? body.tags.map((t) => ({ t })) : body.tags;
      const p = pageFrom<{ t: string }>(
        { ...body, tags },
        'tags',
        { required: ['t'], fields: { t: s } },
        normalizeGeneric,
        { ...query },
      );
      return { ...p, items: p.items.map((x) => x.t) };
    });
  };
  return {
    configureFeature: (req, opts) =>
      send(scope, { method: 'POST', path: '/features', body: req, schema: featureSchema, ...opts }),
    tags: {
      list: (query, opts) => tagsPage(query ?? {}, opts?.signal),
      listAll: (opts) =>
        listAll((offset, limit, signal) => tagsPage({ offset, limit }, signal), {
          signal: opts?.signal,
          label: 'tags',
        }),
    },
    quotas: optionalLister(scope, '/project/configs', 'configs', tenantQuotaSchema),
  };
}
