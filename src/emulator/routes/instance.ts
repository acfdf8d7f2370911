// Instances (OUTSIDE-SEED list, 4.1.1 detail, 4.1.2 restriction, 4.22.1 features), groups (4.2.4-4.2.6),
// environments (4.4.4) and environment variables (4.5.4).
import type { Instance } from '../model.ts';
import {
  ApiError,
  asObject,
  exactFilter,
  filterIter,
  invalidParam,
  listWhere,
  noContent,
  ok,
  optString,
  page,
  reqString,
  requireQuery,
  route,
  textFilter,
  type RouteDef,
} from './common.ts';

const LIST_STATUSES = [
  'CREATING',
  'CREATE_FAILED',
  'RUNNING',
  'DELETING',
  'DELETE_FALIED',
  'ERROR',
  'FREEZING',
  'FROZEN',
];

function instanceListItem(i: Instance): Record<string, unknown> {
  return {
    id: i.id,
    name: i.name,
    description: i.description,
    flavor_id: i.flavor_id,
    flavor_type: i.flavor_type,
    cpu_arch: i.cpu_arch,
    vpc_id: i.vpc_id,
    subnet_id: i.subnet_id,
    security_group_id: i.security_group_id,
    publicip_enable: i.publicip_enable,
    publicip_id: i.publicip_id,
    publicip_address: i.publicip_address,
    status: i.status,
    error_code: i.error_code,
    error_msg: i.error_msg,
    charge_type: i.charge_type,
    project_id: i.project_id,
    create_time: String(i.create_time),
    update_time: String(i.update_time),
    maintain_begin: i.maintain_begin,
    maintain_end: i.maintain_end,
    available_zone_ids: i.available_zone_ids,
    enterprise_project_id: i.enterprise_project_id,
  };
}

function instanceDetail(i: Instance): Record<string, unknown> {
  return {
    id: i.id,
    project_id: i.project_id,
    instance_name: i.instance_name,
    status: i.detail_status,
    instance_statuses: i.instance_statuses,
    spec: i.spec,
    create_time: i.create_time,
    enterprise_project_id: i.enterprise_project_id,
    eip_address: i.eip_address,
    charging_mode: i.charging_mode,
    cbc_metadata: '',
    description: i.description,
    vpc_id: i.vpc_id,
    subnet_id: i.subnet_id,
    security_group_id: i.security_group_id,
    maintain_begin: i.maintain_begin,
    maintain_end: i.maintain_end,
    ingress_ip: i.ingress_ip,
    user_id: i.user_id,
    nat_eip_address: i.nat_eip_address,
    bandwidth_size: i.bandwidth_size,
    // 4.1.1 types this as a String (example "[region01, region02]").
    available_zone_ids: `[${i.available_zone_ids.join(', ')}]`,
    instance_version: i.instance_version,
    supported_features: i.supported_features,
    // Documented in 4.1.1's table; IPv6 is "only some AZs", the rest "not supported yet": empty values.
    type: '',
    nat_eip_ipv6_cidr: '',
    eip_ipv6_address: '',
    ingress_ip_v6: '',
    virsubnet_id: '',
    roma_eip_address: '',
    listeners: {},
  };
}

export const instanceRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/v2/{project_id}/instances',
    scope: 'root',
    handler: ({ state, query }) => {
      const status = query.get('status');
      if (status && !LIST_STATUSES.includes(status)) throw invalidParam('status');
      const items = filterIter(state.instances.values(), (i) => !status || i.status === status);
      return page(items, query, 'instances', instanceListItem);
    },
  },
  route('GET', '/', ({ state, instanceId }) =>
    ok(instanceDetail(state.instances.get(instanceId) as Instance)),
  ),
  route('GET', '/restriction', ({ state, instanceId }) => {
    const i = state.instances.get(instanceId) as Instance;
    return ok({ restrict_cidrs: i.restrict_cidrs, resource_subnet_cidr: i.resource_subnet_cidr });
  }),
  route('GET', '/features', ({ store, query }) =>
    page(store.data.features.values(), query, 'features', (f) => f),
  ),

  route('GET', '/api-groups', ({ store, query }) =>
    listWhere(
      store.data.groups.values(),
      query,
      'groups',
      (g, { exact, text }) =>
        exact('id', g.id) && text('name', g.name) && exact('roma_app_id', g.roma_app_id),
    ),
  ),
  route('GET', '/api-groups/{group_id}', ({ store, params }) => {
    const id = params['group_id'] ?? '';
    const g = store.data.groups.get(id);
    if (!g) throw new ApiError(404, 'APIG.3001', `API group ${id} does not exist`);
    return ok(g);
  }),
  route('POST', '/api-groups/check', ({ store, body }) => {
    const b = asObject(body);
    const name = reqString(b, 'group_name', { min: 3, max: 64 });
    const romaApp = optString(b, 'roma_app_id') ?? '';
    for (const g of store.data.groups.values()) {
      if (g.name === name && (romaApp === '' ? g.version !== 'V2' : g.roma_app_id === romaApp)) {
        throw new ApiError(400, 'APIG.3201', 'The API group name already exists');
      }
    }
    return noContent();
  }),

  route('GET', '/envs', ({ store, query }) => {
    const text = textFilter(query);
    return page(
      filterIter(store.data.envs.values(), (e) => text('name', e.name)),
      query,
      'envs',
      (e) => e,
    );
  }),

  route('GET', '/env-variables', ({ store, query }) => {
    const groupId = requireQuery(query, 'group_id');
    if (!store.data.groups.has(groupId))
      throw new ApiError(404, 'APIG.3001', `API group ${groupId} does not exist`);
    const exact = exactFilter(query);
    const precise = (query.get('precise_search') ?? '').split(',').map((s) => s.trim());
    const nameQ = query.get('variable_name');
    const items = filterIter(
      store.data.envVariables.values(),
      (v) =>
        v.group_id === groupId &&
        exact('env_id', v.env_id) &&
        (!nameQ ||
          (precise.includes('name') || precise.includes('variable_name')
            ? v.variable_name === nameQ
            : v.variable_name.includes(nameQ))),
    );
    return page(items, query, 'variables', (v) => v);
  }),
];
