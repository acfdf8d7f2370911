// :services (LINK 6.6): the service models of products and templates — properties, and commands with
// their request and response properties (what a command form is built from).
import type { LinkCommand, LinkProperty, LinkService } from '../src/api/types/link.ts';
import { DASH, fields, table } from './format.ts';
import { enabled, enabledColumn, linkOf, msTime, updatedColumn } from './link-format.ts';
import type { DetailBlock } from './types.ts';
import { definePart, defineResource } from './types.ts';
import { listOptions } from './list-options.ts';

export interface CommandModel {
  command: LinkCommand;
  requests: LinkProperty[];
  responses: LinkProperty[];
}

const range = (p: LinkProperty): string =>
  p.data_type === 'integer' || p.data_type === 'number'
    ? `${p.min ?? '?'}..${p.max ?? '?'}${p.step ? ` step ${p.step}` : ''}`
    : p.enum_list
      ? p.enum_list
      : p.max_length
        ? `≤ ${p.max_length} chars`
        : DASH;

function propTable(list: LinkProperty[]): DetailBlock {
  return table(
    ['PROPERTY', 'TYPE', 'REQUIRED', 'RANGE', 'UNIT', 'DESCRIPTION'],
    list.map((p) => [
      p.property_name,
      p.data_type,
      p.required === 1 ? 'yes' : 'no',
      range(p),
      p.unit,
      p.description,
    ]),
  );
}

export const servicesScreen = defineResource<LinkService>({
  id: 'services',
  title: 'Services',
  aliases: ['service', 'svc', 'models'],
  instanceScoped: true,
  columns: [
    { id: 'name', title: 'NAME', minWidth: 16, get: (r) => r.service_name },
    {
      id: 'owner',
      title: 'OWNER',
      minWidth: 12,
      get: (r) =>
        r.product_id !== undefined
          ? `product ${r.product_id}`
          : r.product_template_id !== undefined
            ? `template ${r.product_template_id}`
            : DASH,
    },
    enabledColumn(),
    { id: 'description', title: 'DESCRIPTION', minWidth: 12, get: (r) => r.description ?? '' },
    updatedColumn(),
  ],
  idOf: (r) => String(r.service_id),
  nameOf: (r) => r.service_name,
  list: (ctx) => linkOf(ctx).services.listAll({}, listOptions(ctx)),
  summary: (r) => [
    {
      title: 'Service',
      blocks: [
        fields(
          ['name', r.service_name],
          ['id', r.service_id],
          ['product', r.product_id],
          ['template', r.product_template_id],
          ['status', enabled(r.status)],
          ['created', msTime(r.created_datetime)],
          ['updated', msTime(r.last_updated_datetime)],
          ['description', r.description],
        ),
      ],
    },
  ],
  parts: [
    definePart<LinkService, LinkProperty[]>({
      id: 'properties',
      title: 'Properties',
      fetch: (ctx, r) => linkOf(ctx).services.properties(r.service_id).listAll({}, { signal: ctx.signal }),
      render: (list) => [{ title: `Properties (${list.length})`, blocks: [propTable(list)] }],
    }),
    definePart<LinkService, CommandModel[]>({
      id: 'commands',
      title: 'Commands',
      fetch: (ctx, r) => commandModels(ctx, r.service_id),
      render: (list) =>
        list.length === 0
          ? [{ title: 'Commands', blocks: [{ kind: 'text', text: 'none' }] }]
          : list.map((m) => ({
              title: `Command ${m.command.command_name}${m.command.description ? ` — ${m.command.description}` : ''}`,
              blocks: [
                { kind: 'text', text: 'request' },
                propTable(m.requests),
                { kind: 'text', text: 'response' },
                propTable(m.responses),
              ],
            })),
    }),
  ],
});

/** A service's commands with their request and response properties (6.6.9, 6.6.14, 6.6.18). */
export async function commandModels(
  ctx: Parameters<typeof linkOf>[0] & { signal: AbortSignal },
  serviceId: number,
): Promise<CommandModel[]> {
  const cmds = linkOf(ctx).services.commands(serviceId);
  const list = await cmds.listAll({}, { signal: ctx.signal });
  return Promise.all(
    list.map(async (command) => {
      const [requests, responses] = await Promise.all([
        cmds.requests(command.command_id).listAll({}, { signal: ctx.signal }),
        cmds.responses(command.command_id).listAll({}, { signal: ctx.signal }),
      ]);
      return { command, requests, responses };
    }),
  );
}
