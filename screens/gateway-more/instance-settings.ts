// Instance-level views: features (4.22), tags (4.23.1) and the tenant's quota usage as bars (4.24.1).
import type { ServiceVersion, TenantQuota } from '../../src/api/types/gateway-more.ts';
import type { Feature } from '../../src/api/types/instances.ts';
import { ageColumn, DASH, fields, str } from '../format.ts';
import { defineResource } from '../types.ts';
import { listOptions } from '../list-options.ts';

export const featuresScreen = defineResource<Feature>({
  id: 'features',
  title: 'Instance features',
  aliases: ['feature', 'feat'],
  instanceScoped: true,
  columns: [
    { id: 'name', title: 'NAME', minWidth: 16, get: (r) => r.name },
    {
      id: 'enabled',
      title: 'ENABLED',
      width: 8,
      get: (r) => (r.enable ? 'on' : 'off'),
      tone: (r) => (r.enable ? 'success' : 'muted'),
    },
    { id: 'config', title: 'CONFIG', minWidth: 16, maxWidth: 60, get: (r) => str(r.config) },
    ageColumn('updated', 'UPDATED', (r) => r.update_time),
  ],
  idOf: (r) => r.id ?? r.name,
  nameOf: (r) => r.name,
  list: (ctx) => ctx.client.instance(ctx.instanceId as string).features.listAll({}, listOptions(ctx)),
  summary: (r) => [
    {
      title: 'Feature',
      blocks: [
        fields(
          ['name', r.name],
          ['enabled', r.enable ? 'yes' : 'no'],
          ['config', r.config],
          ['updated', r.update_time],
        ),
      ],
    },
  ],
});

export interface TagRow {
  name: string;
}

export const tagsScreen = defineResource<TagRow>({
  id: 'tags',
  title: 'API tags',
  aliases: ['tag'],
  instanceScoped: true,
  columns: [{ id: 'name', title: 'TAG', minWidth: 16, get: (r) => r.name }],
  idOf: (r) => r.name,
  nameOf: (r) => r.name,
  list: async ({ client, instanceId, signal }) =>
    (await client.instance(instanceId as string).settings.tags.listAll({ signal })).map((name) => ({ name })),
  summary: (r) => [{ title: 'Tag', blocks: [fields(['tag', r.name])] }],
});

/** `████░░░░░░ 40%`; an unlimited or non-numeric quota shows its value only. */
export function usageBar(used: number | undefined, limit: string | undefined, width = 10): string {
  const max = Number(limit);
  if (used === undefined || !Number.isFinite(max) || max <= 0) return DASH;
  const ratio = Math.min(1, used / max);
  const full = Math.round(ratio * width);
  return `${'█'.repeat(full)}${'░'.repeat(width - full)} ${Math.round((used / max) * 100)}%`;
}

export function usageTone(q: TenantQuota): 'danger' | 'warning' | undefined {
  const max = Number(q.config_value);
  if (q.used === undefined || !Number.isFinite(max) || max <= 0) return undefined;
  const r = q.used / max;
  return r >= 0.9 ? 'danger' : r >= 0.75 ? 'warning' : undefined;
}

export const usageScreen = defineResource<TenantQuota>({
  id: 'usage',
  title: 'Quota usage',
  aliases: ['quota-usage', 'limits', 'configs'],
  instanceScoped: true,
  columns: [
    { id: 'name', title: 'QUOTA', minWidth: 22, get: (r) => r.config_name },
    {
      id: 'used',
      title: 'USED',
      width: 7,
      align: 'right',
      get: (r) => str(r.used),
      sortValue: (r) => r.used ?? -1,
    },
    { id: 'limit', title: 'LIMIT', width: 7, align: 'right', get: (r) => str(r.config_value) },
    {
      id: 'bar',
      title: 'USAGE',
      width: 15,
      get: (r) => usageBar(r.used, r.config_value),
      sortValue: (r) => (r.used ?? 0) / (Number(r.config_value) || Infinity),
      tone: usageTone,
    },
  ],
  idOf: (r) => r.config_name,
  nameOf: (r) => r.config_name,
  list: (ctx) => ctx.client.instance(ctx.instanceId as string).settings.quotas.listAll({}, listOptions(ctx)),
  summary: (r) => [
    {
      title: 'Quota',
      blocks: [
        fields(
          ['name', r.config_name],
          ['limit', r.config_value],
          ['used', r.used],
          ['usage', usageBar(r.used, r.config_value, 20)],
          ['since', r.config_time],
          ['remark', r.remark],
        ),
      ],
    },
  ],
});

/** 3.4: the service's API versions (no instance needed). */
export const versionsScreen = defineResource<ServiceVersion>({
  id: 'api-versions',
  title: 'Service API versions',
  aliases: ['about', 'versions-api'],
  // Listed like the instance's screens (the shell keys list slices by instance).
  instanceScoped: true,
  columns: [
    { id: 'id', title: 'VERSION', width: 8, get: (r) => r.id },
    {
      id: 'status',
      title: 'STATUS',
      width: 11,
      get: (r) => str(r.status),
      tone: (r) => (r.status === 'CURRENT' ? 'success' : undefined),
    },
    { id: 'updated', title: 'RELEASED', width: 22, get: (r) => str(r.updated) },
    { id: 'link', title: 'LINK', minWidth: 20, get: (r) => str(r.links?.[0]?.href) },
  ],
  idOf: (r) => r.id,
  nameOf: (r) => r.id,
  list: ({ client, signal }) => client.versions.list({ signal }),
  summary: (r) => [
    {
      title: 'API version',
      blocks: [
        fields(
          ['version', r.id],
          ['status', r.status],
          ['released', r.updated],
          ['micro-versions', `${str(r.min_version)} – ${str(r.version)}`],
        ),
      ],
    },
  ],
});
