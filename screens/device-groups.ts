// :device-groups (LINK 6.1): the group tree of every integration application, flattened with its
// nesting shown by indentation (6.1.2 needs an app id: the applications are those of the products).
import type { DeviceGroup, DeviceGroupNode } from '../src/api/types/link.ts';
import { fields } from './format.ts';
import { linkOf } from './link-format.ts';
import type { FetchContext } from './types.ts';
import { definePart, defineResource } from './types.ts';

export interface GroupRow {
  id: number;
  name: string;
  depth: number;
  parentId: number;
  appId: string;
  children: number;
  /** The path from the root: `north-plant / line-1`. */
  path: string;
}

export function flattenTree(
  nodes: readonly DeviceGroupNode[],
  appId: string,
  depth = 1,
  parent = '',
): GroupRow[] {
  const out: GroupRow[] = [];
  for (const n of nodes) {
    const path = parent ? `${parent} / ${n.name}` : n.name;
    out.push({
      id: n.id,
      name: n.name,
      depth,
      parentId: n.parent_id ?? 0,
      appId: n.app_id ?? appId,
      children: n.children?.length ?? 0,
      path,
    });
    out.push(...flattenTree(n.children ?? [], appId, depth + 1, path));
  }
  return out;
}

export async function listGroups(
  ctx: Pick<FetchContext, 'client' | 'instanceId' | 'signal'>,
): Promise<GroupRow[]> {
  const link = await linkOf(ctx);
  const products = await link.products.listAll({}, { signal: ctx.signal });
  const apps = [...new Set(products.map((p) => p.app_id).filter((a): a is string => Boolean(a)))];
  const trees = await Promise.all(apps.map((a) => link.deviceGroups.tree(a, { signal: ctx.signal })));
  return trees.flatMap((t, i) => flattenTree(t, apps[i] as string));
}

export const deviceGroupsScreen = defineResource<GroupRow>({
  id: 'device-groups',
  title: 'Device groups',
  aliases: ['device-group', 'dgroups', 'dg'],
  instanceScoped: true,
  columns: [
    {
      id: 'name',
      title: 'GROUP',
      minWidth: 20,
      get: (r) => `${'  '.repeat(r.depth - 1)}${r.depth > 1 ? '└ ' : ''}${r.name}`,
    },
    { id: 'level', title: 'LEVEL', width: 5, align: 'right', get: (r) => `${r.depth}/5` },
    { id: 'children', title: 'SUBGROUPS', width: 9, align: 'right', get: (r) => String(r.children) },
    { id: 'id', title: 'ID', width: 10, get: (r) => String(r.id) },
  ],
  idOf: (r) => String(r.id),
  nameOf: (r) => r.name,
  list: listGroups,
  summary: (r) => [
    {
      title: 'Device group',
      blocks: [
        fields(
          ['name', r.name],
          ['id', r.id],
          ['path', r.path],
          ['level', `${r.depth} of 5`],
          ['subgroups', r.children],
        ),
      ],
    },
  ],
  parts: [
    definePart<GroupRow, DeviceGroup>({
      id: 'detail',
      title: 'Detail',
      fetch: async (ctx, r) => (await linkOf(ctx)).deviceGroups.get(r.id, { signal: ctx.signal }),
      render: (g) => [
        {
          title: 'Group detail (6.1.4)',
          blocks: [
            fields(
              ['description', g.description],
              ['application', g.app_name ?? g.app_id],
              ['created', g.created_datetime],
              ['updated', g.last_updated_datetime],
              ['created by', g.created_user?.user_name],
            ),
            {
              kind: 'text',
              text: 'The reference has no call listing a group’s devices: add devices from :devices (marked rows).',
            },
          ],
        },
      ],
    }),
  ],
});
