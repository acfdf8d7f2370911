// Data dictionaries (section 3.3): a tree by code; Enter opens a dictionary's children.
import type { Dictionary } from '../../src/api/types/gateway-more.ts';
import { ageColumn, fields, str } from '../format.ts';
import { defineResource } from '../types.ts';
import { listOptions } from '../list-options.ts';

export const dictionariesScreen = defineResource<Dictionary>({
  id: 'dictionaries',
  title: 'Dictionaries',
  aliases: ['dictionary', 'dict', 'dicts'],
  instanceScoped: true,
  columns: [
    { id: 'name', title: 'NAME', minWidth: 14, get: (r) => r.name },
    { id: 'code', title: 'CODE', minWidth: 12, get: (r) => r.code },
    {
      id: 'type',
      title: 'TYPE',
      width: 7,
      get: (r) => str(r.type),
      tone: (r) => (r.type === 'system' ? 'muted' : undefined),
    },
    { id: 'remark', title: 'REMARK', minWidth: 12, get: (r) => str(r.remark) },
    ageColumn('updated', 'UPDATED', (r) => r.update_time),
  ],
  idOf: (r) => r.id,
  nameOf: (r) => r.name,
  list: (ctx) =>
    ctx.client
      .instance(ctx.instanceId as string)
      .dictionaries.listAll(
        ctx.params['parentCode'] ? { parent_code: ctx.params['parentCode'] } : {},
        listOptions(ctx),
      ),
  scopeLabel: (p) => (p['parentName'] ? `in ${p['parentName']}` : undefined),
  enter: (r) => ({
    screen: 'dictionaries',
    params: { parentCode: r.code, parentName: r.name },
    label: r.name,
  }),
  summary: (r) => [
    {
      title: 'Dictionary',
      blocks: [
        fields(
          ['name', r.name],
          ['code', r.code],
          ['id', r.id],
          ['parent', r.parent_code || 'top level'],
          ['type', r.type === 'system' ? 'system (editable, cannot be deleted)' : r.type],
          ['extension 1', r.extend_one],
          ['extension 2', r.extend_two],
          ['created', r.create_time],
          ['updated', r.update_time],
          ['remark', r.remark],
        ),
      ],
    },
  ],
});
