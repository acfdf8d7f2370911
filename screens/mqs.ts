// `:mqs` — message integration of the project (5.1.1), the current instance first: status, specification,
// partitions used, connection addresses and SASL/SSL. An instance without MQS is named in the status line.
import type { MqsInstance, MqsTopicPage } from '../src/api/types/mqs.ts';
import { mqsViews, preloadViews } from './family-views.ts';
import { fields, str, table } from './format.ts';
import { definePart, defineResource } from './types.ts';

function sasl(r: MqsInstance): string {
  if (r.ssl_enable === true) return `SASL_SSL (user ${r.access_user ?? '?'})`;
  if (r.ssl_enable === false) return 'PLAINTEXT';
  return '—';
}

/** Every address a client may connect to, by what it is for. */
export function addressesOf(r: MqsInstance): Array<[string, string]> {
  const out: Array<[string, string | undefined]> = [
    ['kafka (private)', r.kafka_private_connect_address],
    ['kafka (public)', r.public_connect_address || (r.enable_publicip ? r.publicip_address : undefined)],
    ['broker IPs', r.connect_address],
    ['REST', r.rest_enable ? r.rest_connect_address : undefined],
    ['connector', r.mqs_connector_enable ? r.mqs_connector_address : undefined],
  ];
  return out.filter((x): x is [string, string] => typeof x[1] === 'string' && x[1] !== '');
}

export const mqsScreen = defineResource<MqsInstance>({
  id: 'mqs',
  title: 'Message integration',
  aliases: ['mq', 'message-integration'],
  instanceScoped: true,
  columns: [
    { id: 'name', title: 'NAME', minWidth: 20, get: (r) => str(r.name) },
    { id: 'status', title: 'STATUS', width: 9, get: (r) => str(r.status) },
    { id: 'spec', title: 'SPEC', width: 8, get: (r) => str(r.specification) },
    { id: 'parts', title: 'MAX PARTS', width: 9, align: 'right', get: (r) => str(r.partition_num) },
    { id: 'ssl', title: 'SECURITY', width: 9, get: (r) => (r.ssl_enable ? 'SASL_SSL' : 'PLAIN') },
    { id: 'address', title: 'KAFKA ADDRESS', minWidth: 16, get: (r) => str(r.kafka_private_connect_address) },
  ],
  idOf: (r) => r.instance_id,
  nameOf: (r) => r.name ?? r.instance_id,
  async list({ client, instanceId, signal, warn }) {
    // 5.1.1 loads the family's client itself; the views follow it
    const list = await preloadViews(
      mqsViews,
      client.mqs.instances({ signal, ...(warn ? { onWarnings: warn } : {}) }),
    );
    const current = list.instances.filter((i) => i.instance_id === instanceId);
    if (current.length === 0 && instanceId) {
      warn?.([
        `message integration is not enabled on the current instance ${instanceId} (:ctx picks another)`,
      ]);
    }
    return [...current, ...list.instances.filter((i) => i.instance_id !== instanceId)];
  },
  summary: (r) => [
    {
      title: 'Message integration instance',
      blocks: [
        fields(
          ['name', r.name],
          ['instance id', r.instance_id],
          ['status', r.status],
          ['engine', r.engine ? `${r.engine} ${r.engine_version ?? ''}`.trim() : undefined],
          [
            'specification',
            r.specification ? `${r.specification} (${r.resource_spec_code ?? '?'})` : r.resource_spec_code,
          ],
          ['max partitions', r.partition_num],
          [
            'storage',
            r.total_storage_space === undefined
              ? undefined
              : `${r.used_storage_space ?? '?'} of ${r.total_storage_space} GB used`,
          ],
          ['security', sasl(r)],
          ['nodes', r.node_num],
          ['maintenance', r.maintain_begin ? `${r.maintain_begin}–${r.maintain_end ?? '?'} UTC` : undefined],
          ['message query', r.message_query_inst_enable],
        ),
      ],
    },
    {
      title: 'Connection addresses',
      blocks: [table(['FOR', 'ADDRESS'], addressesOf(r), 'no address published')],
    },
  ],
  overviewParts: ['usage'],
  parts: [
    definePart<MqsInstance, MqsTopicPage>({
      id: 'usage',
      title: 'Partitions',
      fetch: async ({ client, signal }, r) =>
        (await client.mqs.instance(r.instance_id)).topics.list({}, { signal }),
      render: (p) => {
        const max = p.max_partitions;
        const used =
          max !== undefined && p.remain_partitions !== undefined ? max - p.remain_partitions : undefined;
        return [
          {
            title: 'Partitions',
            blocks: [
              fields(
                ['topics', p.total],
                ['partitions used', used === undefined ? undefined : `${used} of ${max}`],
              ),
              table(
                ['TOPIC', 'PARTITIONS'],
                p.topics.map((t) => [t.name, t.partition]),
              ),
            ],
          },
        ];
      },
    }),
  ],
});
