import type { Feature, Instance, InstanceRestriction, InstanceSummary } from '../src/api/types/instances.ts';
import type { StatisticsResult } from '../src/api/types/metrics.ts';
import { fields, str, table } from './format.ts';
import { pulseSections } from './pulse-stats.ts';
import { definePart, defineResource, type CellTone } from './types.ts';

export const instancesScreen = defineResource<InstanceSummary>({
  id: 'instances',
  title: 'Instances',
  aliases: ['instance', 'inst', 'i'],
  instanceScoped: false,
  columns: [
    { id: 'name', title: 'NAME', minWidth: 20, priority: 1, get: (r) => str(r.name ?? r.instance_name) },
    {
      id: 'status',
      title: 'STATUS',
      width: 10,
      priority: 2,
      get: (r) => str(r.status),
      tone: (r) => statusTone(r.status),
    },
    { id: 'flavor', title: 'FLAVOR', width: 14, priority: 4, get: (r) => str(r.flavor_type ?? r.flavor_id) },
    { id: 'ip', title: 'PUBLIC IP', width: 15, priority: 3, get: (r) => str(r.publicip_address) },
    { id: 'id', title: 'ID', width: 36, priority: 5, get: (r) => r.id },
  ],
  idOf: (r) => r.id,
  nameOf: (r) => String(r.name ?? r.instance_name ?? r.id),
  list: ({ client, signal, warn }) =>
    client.instances.list({}, { signal }).then((p) => {
      if (p.warnings && p.warnings.length > 0) warn?.(p.warnings);
      return p.items;
    }),
  summary: (r) => [
    {
      title: 'Instance',
      blocks: [
        fields(
          ['name', r.name ?? r.instance_name],
          ['id', r.id],
          ['status', r.status],
          ['flavor', r.flavor_type ?? r.flavor_id],
          ['charge', r.charge_type],
          ['maintenance', r.maintain_begin ? `${r.maintain_begin} – ${r.maintain_end ?? '?'}` : undefined],
        ),
      ],
    },
  ],
  // Choosing an instance makes it current for every other screen.
  onChoose: (r, store) => store.getState().actions.setInstance(r.id),
  parts: [
    definePart<InstanceSummary, Instance>({
      id: 'detail',
      title: 'Details',
      fetch: ({ client, signal, warn }, r) => client.instances.get(r.id, { signal, onWarnings: warn }),
      render: (d) => [
        {
          title: 'Spec',
          blocks: [
            fields(
              ['spec', d.spec],
              ['status', d.status],
              ['version', d.instance_version],
              ['type', d.type],
              ['zones', d.available_zone_ids],
              ['vpc', d.vpc_id],
              ['subnet', d.subnet_id],
              ['bandwidth', d.bandwidth_size === undefined ? undefined : `${d.bandwidth_size} Mbit/s`],
              [
                'maintenance',
                d.maintain_begin ? `${d.maintain_begin} – ${d.maintain_end ?? '?'}` : undefined,
              ],
            ),
          ],
        },
        {
          title: 'Addresses',
          blocks: [
            fields(
              ['ingress', d.ingress_ip],
              ['ingress v6', d.ingress_ip_v6],
              ['EIP', d.eip_address],
              ['egress (NAT EIP)', d.nat_eip_address],
            ),
          ],
        },
      ],
    }),
    definePart<InstanceSummary, InstanceRestriction>({
      id: 'restriction',
      title: 'Restriction',
      fetch: ({ client, signal }, r) => client.instances.restriction(r.id, { signal }),
      render: (d) => [
        {
          title: 'Restriction',
          blocks: [
            fields(['restricted CIDRs', d.restrict_cidrs], ['resource subnet', d.resource_subnet_cidr]),
          ],
        },
      ],
    }),
    definePart<InstanceSummary, Feature[]>({
      id: 'features',
      title: 'Features',
      fetch: ({ client, signal }, r) => client.instances.features(r.id).listAll({}, { signal }),
      render: (list) => [
        {
          title: `Features (${list.length})`,
          blocks: [
            table(
              ['NAME', 'ENABLED', 'CONFIG'],
              list.map((f) => [
                f.name,
                f.enable === undefined ? undefined : f.enable ? 'yes' : 'no',
                f.config,
              ]),
            ),
          ],
        },
      ],
    }),
    definePart<InstanceSummary, StatisticsResult>({
      id: 'pulse',
      title: 'Pulse',
      live: true,
      fetch: ({ client, signal }, r) =>
        client
          .instance(r.id)
          .metrics.query({ mode: 'INSTANCE', cycle: 'minute', duration: '1h' }, { signal }),
      render: (d) => [
        ...pulseSections('Pulse — last 60 min, whole instance, per minute', d, 60),
        {
          title: 'Top APIs',
          blocks: [{ kind: 'text', text: ':pulse ranks the APIs by errors and latency' }],
        },
      ],
    }),
  ],
});

/** RUNNING is fine, FROZEN and failures are not, anything in between is on its way. */
export function statusTone(status: unknown): CellTone | undefined {
  if (status === 'RUNNING') return 'success';
  if (typeof status !== 'string' || status === '') return undefined;
  if (/FROZEN|FAIL|ERROR/.test(status)) return 'danger';
  return 'warning';
}
