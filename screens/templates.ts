// :templates (LINK 6.3): product templates and the services a product created from them inherits.
import type { LinkService, ProductTemplate } from '../src/api/types/link.ts';
import { fields, table } from './format.ts';
import { enabled, enabledColumn, linkOf, msTime, updatedColumn } from './link-format.ts';
import { definePart, defineResource } from './types.ts';
import { listOptions } from './list-options.ts';

export const templatesScreen = defineResource<ProductTemplate>({
  id: 'templates',
  title: 'Product templates',
  aliases: ['template', 'tpl', 'product-templates'],
  instanceScoped: true,
  columns: [
    { id: 'name', title: 'NAME', minWidth: 18, get: (r) => r.name },
    enabledColumn(),
    { id: 'description', title: 'DESCRIPTION', minWidth: 16, get: (r) => r.description ?? '' },
    updatedColumn(),
  ],
  idOf: (r) => String(r.id),
  nameOf: (r) => r.name,
  list: (ctx) => linkOf(ctx).productTemplates.listAll({}, listOptions(ctx)),
  summary: (r) => [
    {
      title: 'Product template',
      blocks: [
        fields(
          ['name', r.name],
          ['id', r.id],
          ['status', enabled(r.status)],
          ['created', msTime(r.created_datetime)],
          ['updated', msTime(r.last_updated_datetime)],
          ['description', r.description],
        ),
      ],
    },
  ],
  parts: [
    definePart<ProductTemplate, LinkService[]>({
      id: 'services',
      title: 'Services',
      fetch: (ctx, r) => linkOf(ctx).services.listAll({ product_template_id: r.id }, { signal: ctx.signal }),
      render: (list) => [
        {
          title: `Services (${list.length})`,
          blocks: [
            table(
              ['SERVICE', 'ID', 'STATUS'],
              list.map((s) => [s.service_name, s.service_id, enabled(s.status)]),
            ),
          ],
        },
      ],
    }),
  ],
});
