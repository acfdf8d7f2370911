// :rules (LINK 6.5): the rule engine — what each rule reads (sources) and where it forwards
// (destinations: the MQS topics of this instance, or devices).
import type { Rule, RuleDestination, RuleSource } from '../src/api/types/link.ts';
import { DASH, fields, table } from './format.ts';
import {
  destinationType,
  enabled,
  enabledColumn,
  linkOf,
  msTime,
  updatedColumn,
  zeroYes,
} from './link-format.ts';
import { definePart, defineResource } from './types.ts';
import { listOptions } from './list-options.ts';

export const rulesScreen = defineResource<Rule>({
  id: 'rules',
  title: 'Rules',
  aliases: ['rule', 'rule-engine'],
  instanceScoped: true,
  columns: [
    { id: 'name', title: 'NAME', minWidth: 18, get: (r) => r.name },
    enabledColumn(),
    { id: 'parsing', title: 'PARSING', width: 8, get: (r) => (r.data_parsing_status === 0 ? 'SQL' : 'raw') },
    { id: 'sql', title: 'RULE', minWidth: 16, get: (r) => r.rule_express || DASH },
    {
      id: 'app',
      title: 'APPLICATION',
      minWidth: 10,
      maxWidth: 16,
      get: (r) => r.app_name ?? r.app_id ?? DASH,
    },
    updatedColumn(),
  ],
  idOf: (r) => String(r.rule_id),
  nameOf: (r) => r.name,
  list: (ctx) => linkOf(ctx).rules.listAll({}, listOptions(ctx)),
  overviewParts: ['sources', 'destinations'],
  summary: (r, view) => {
    const sources = view.parts?.sources as RuleSource[] | undefined;
    const dests = view.parts?.destinations as RuleDestination[] | undefined;
    return [
      {
        title: 'Rule',
        blocks: [
          fields(
            ['name', r.name],
            ['id', r.rule_id],
            ['status', enabled(r.status)],
            ['data parsing', r.data_parsing_status === 0 ? 'enabled (SQL)' : 'disabled (raw payload)'],
            ['rule', r.rule_express],
            ['application', r.app_name ?? r.app_id],
            ['created', msTime(r.created_datetime)],
            ['updated', msTime(r.last_updated_datetime)],
            ['description', r.description],
          ),
        ],
      },
      {
        title: 'Flow',
        blocks: [
          fields(
            ['from', sources ? sources.map((s) => s.topic ?? DASH).join(', ') || 'no source' : '…'],
            [
              'to',
              dests
                ? dests.map((d) => `${destinationType(d.destination_type)} ${d.topic ?? ''}`).join(', ') ||
                  'no destination'
                : '…',
            ],
          ),
        ],
      },
    ];
  },
  parts: [
    definePart<Rule, RuleSource[]>({
      id: 'sources',
      title: 'Sources',
      fetch: (ctx, r) => linkOf(ctx).rules.sources(r.rule_id).listAll({}, { signal: ctx.signal }),
      render: (list) => [
        {
          title: `Sources (${list.length})`,
          blocks: [
            table(
              ['PRODUCT', 'DEVICE', 'TOPIC', 'BASE64', 'DEVICE INFO'],
              list.map((s) => [
                s.product_name,
                s.device_name || 'all devices',
                s.topic,
                zeroYes(s.is_base64),
                zeroYes(s.contain_device_info),
              ]),
            ),
          ],
        },
      ],
    }),
    definePart<Rule, RuleDestination[]>({
      id: 'destinations',
      title: 'Destinations',
      fetch: (ctx, r) => linkOf(ctx).rules.destinations(r.rule_id).listAll({}, { signal: ctx.signal }),
      render: (list) => [
        {
          title: `Destinations (${list.length})`,
          blocks: [
            table(
              ['TYPE', 'TOPIC', 'SERVER', 'NAME', 'SSL'],
              list.map((d) => [
                destinationType(d.destination_type),
                d.topic,
                d.server,
                d.destination_name,
                d.mqs_sasl_ssl ? 'yes' : 'no',
              ]),
            ),
          ],
        },
      ],
    }),
  ],
});
