// Field-type schemas for the answers the client reads (from the APIC-CORE.md tables). Only fields the
// dashboard relies on are typed; everything else passes through untouched.
import type { ObjectSchema } from './validate.ts';

const s = 'string' as const;
const n = 'number' as const;
const b = 'boolean' as const;
const ss = 'strings' as const;

export const urlDomain: ObjectSchema = {
  fields: { id: s, domain: s, cname_status: n, ssl_id: s, min_ssl_version: s },
};

export const group: ObjectSchema = {
  required: ['id', 'name'],
  fields: {
    id: s,
    name: s,
    status: n,
    sl_domain: s,
    sl_domains: ss,
    remark: s,
    register_time: s,
    update_time: s,
    on_sell_status: n,
    is_default: n,
    version: s,
    roma_app_id: s,
    roma_app_name: s,
    url_domains: [urlDomain],
  },
};

const reqParam: ObjectSchema = {
  fields: {
    id: s,
    name: s,
    type: s,
    location: s,
    required: n,
    valid_enable: n,
    min_num: n,
    max_num: n,
    min_size: n,
    max_size: n,
    pass_through: n,
  },
};
const backendParam: ObjectSchema = { fields: { id: s, name: s, location: s, origin: s, value: s } };
const vpcInfo: ObjectSchema = {
  fields: {
    vpc_channel_id: s,
    vpc_channel_proxy_host: s,
    cascade_flag: b,
    ecs_name: 'any',
    vpc_channel_port: 'any',
  },
};
const policy: ObjectSchema = {
  fields: { id: s, name: s, effect_mode: s, conditions: 'any', backend_params: [backendParam] },
};

const apiBase = {
  id: s,
  name: s,
  type: n,
  version: s,
  req_protocol: s,
  req_method: s,
  req_uri: s,
  auth_type: s,
  auth_opt: 'object',
  cors: b,
  match_mode: s,
  backend_type: s,
  remark: s,
  group_id: s,
  group_name: s,
  authorizer_id: s,
  tags: ss,
  roma_app_id: s,
  status: n,
  arrange_necessary: n,
  register_time: s,
  update_time: s,
  run_env_name: s,
  run_env_id: s,
  publish_id: s,
  req_params: [reqParam],
} as const;

export const apiSummary: ObjectSchema = { required: ['id', 'name'], fields: apiBase };
export const apiDetail: ObjectSchema = {
  required: ['id', 'name'],
  fields: {
    ...apiBase,
    backend_params: [backendParam],
    func_info: 'object',
    mock_info: 'object',
    backend_api: {
      fields: {
        id: s,
        req_uri: s,
        req_method: s,
        url_domain: s,
        timeout: n,
        vpc_channel_status: n,
        vpc_channel_info: vpcInfo,
      },
    },
    policy_https: [policy],
    policy_functions: [policy],
    policy_mocks: [policy],
    sl_domain: s,
    sl_domains: ss,
    version_id: s,
    publish_time: s,
  },
};
export const apiRuntime: ObjectSchema = {
  required: ['id', 'name'],
  fields: { ...apiBase, sl_domain: s, sl_domains: ss },
};

export const publishResult: ObjectSchema = {
  required: ['api_id'],
  fields: { publish_id: s, api_id: s, api_name: s, env_id: s, remark: s, publish_time: s, version_id: s },
};
export const batchPublish: ObjectSchema = {
  fields: {
    success: [publishResult],
    failure: [{ fields: { api_id: s, api_name: s, error_code: s, error_msg: s } }],
  },
};
export const debugResult: ObjectSchema = { fields: { request: s, response: s, latency: n, log: s } };
export const apiVersion: ObjectSchema = {
  required: ['version_id'],
  fields: {
    version_id: s,
    version_no: s,
    api_id: s,
    env_id: s,
    env_name: s,
    remark: s,
    publish_time: s,
    status: n,
  },
};

export const env: ObjectSchema = {
  required: ['id', 'name'],
  fields: { id: s, name: s, remark: s, create_time: s },
};
export const envVariable: ObjectSchema = {
  required: ['id', 'variable_name'],
  fields: { id: s, variable_name: s, variable_value: s, env_id: s, group_id: s },
};

const throttleFields = {
  id: s,
  name: s,
  api_call_limits: n,
  app_call_limits: n,
  user_call_limits: n,
  ip_call_limits: n,
  time_interval: n,
  time_unit: s,
  remark: s,
  type: n,
  enable_adaptive_control: s,
  bind_num: n,
  is_inclu_special_throttle: n,
  create_time: s,
} as const;
export const throttle: ObjectSchema = { required: ['id', 'name'], fields: throttleFields };
export const throttleForApi: ObjectSchema = {
  required: ['id', 'name'],
  fields: { ...throttleFields, env_name: s, bind_id: s, bind_time: s },
};
export const throttleSpecial: ObjectSchema = {
  required: ['id'],
  fields: {
    id: s,
    call_limits: n,
    apply_time: s,
    app_name: s,
    app_id: s,
    object_id: s,
    object_type: s,
    object_name: s,
    throttle_id: s,
  },
};
export const throttleBinding: ObjectSchema = {
  required: ['id'],
  fields: { id: s, publish_id: s, scope: n, strategy_id: s, apply_time: s },
};

const publishedApiFields = {
  id: s,
  name: s,
  auth_type: s,
  run_env_name: s,
  run_env_id: s,
  group_name: s,
  group_id: s,
  publish_id: s,
  remark: s,
  req_uri: s,
  type: n,
} as const;
export const apiForThrottle: ObjectSchema = {
  required: ['id'],
  fields: { ...publishedApiFields, throttle_apply_id: s, throttle_name: s, apply_time: s },
};
export const apiForSign: ObjectSchema = {
  required: ['id'],
  fields: { ...publishedApiFields, signature_name: s },
};
export const apiForAcl: ObjectSchema = { required: ['id'], fields: { ...publishedApiFields, acl_name: s } };
export const apiOutline: ObjectSchema = { required: ['id'], fields: publishedApiFields };

export const batchDelete: ObjectSchema = {
  fields: {
    success_count: n,
    failure: [{ fields: { bind_id: s, error_code: s, error_msg: s, api_id: s, api_name: s } }],
  },
};

export const sign: ObjectSchema = {
  required: ['id', 'name'],
  fields: {
    id: s,
    name: s,
    sign_type: s,
    sign_key: s,
    sign_secret: s,
    update_time: s,
    create_time: s,
    bind_num: n,
    ldapi_bind_num: n,
  },
};
export const signBinding: ObjectSchema = {
  required: ['id'],
  fields: {
    id: s,
    publish_id: s,
    api_id: s,
    api_name: s,
    api_type: n,
    group_name: s,
    binding_time: s,
    env_id: s,
    env_name: s,
    sign_id: s,
    sign_name: s,
    sign_key: s,
    sign_secret: s,
    sign_type: s,
  },
};

export const acl: ObjectSchema = {
  required: ['id', 'acl_name'],
  fields: { id: s, acl_name: s, acl_type: s, acl_value: s, entity_type: s, bind_num: n, update_time: s },
};
/** 4.12.4 answer: `failure` items name the ACL policy, not a binding. */
export const aclBatchDelete: ObjectSchema = {
  fields: {
    success_count: n,
    failure: [{ fields: { acl_id: s, acl_name: s, error_code: s, error_msg: s } }],
  },
};
export const aclBinding: ObjectSchema = {
  required: ['id'],
  fields: { id: s, api_id: s, env_id: s, acl_id: s, create_time: s },
};
export const aclBoundApi: ObjectSchema = {
  required: ['api_id'],
  fields: {
    api_id: s,
    api_name: s,
    group_name: s,
    api_type: 'any',
    env_id: s,
    env_name: s,
    bind_id: s,
    bind_time: s,
    publish_id: s,
  },
};
export const apiBoundAcl: ObjectSchema = {
  required: ['acl_id'],
  fields: {
    acl_id: s,
    acl_name: s,
    entity_type: s,
    acl_type: s,
    acl_value: s,
    env_id: s,
    env_name: s,
    bind_id: s,
    bind_time: s,
  },
};

export const app: ObjectSchema = {
  required: ['id', 'name'],
  fields: {
    id: s,
    name: s,
    remark: s,
    creator: s,
    update_time: s,
    app_key: s,
    app_secret: s,
    register_time: s,
    status: n,
    app_type: s,
    roma_app_type: 'any',
    bind_num: n,
  },
};
export const appAuth: ObjectSchema = {
  required: ['id'],
  fields: {
    id: s,
    api_id: s,
    api_name: s,
    group_name: s,
    group_id: s,
    api_type: n,
    env_id: s,
    env_name: s,
    auth_role: s,
    auth_time: s,
    app_id: s,
    app_name: s,
    app_type: s,
    publish_id: s,
    auth_tunnel: s,
    auth_whitelist: ss,
    auth_blacklist: ss,
    visit_param: s,
  },
};
export const appAuthRelation: ObjectSchema = {
  fields: {
    id: s,
    api_id: s,
    app_id: s,
    auth_time: s,
    auth_role: s,
    auth_tunnel: s,
    visit_params: 'any',
    auth_result: { fields: { status: s, error_msg: s, error_code: s, api_name: s, app_name: s } },
  },
};
export const apiDuplication: ObjectSchema = {
  fields: {
    req_method: s,
    req_uri: s,
    match_mode: s,
    duplicated_apis: [{ fields: { api_id: s, api_name: s, group_name: s, group_id: s, api_type: 'any' } }],
  },
};

export const vpcMember: ObjectSchema = {
  required: ['id'],
  fields: { id: s, host: s, weight: n, ecs_id: s, ecs_name: s, status: n, vpc_channel_id: s, create_time: s },
};
const vpcFields = {
  id: s,
  name: s,
  type: n,
  port: n,
  balance_strategy: n,
  member_type: s,
  create_time: s,
  status: n,
  elb_id: s,
} as const;
export const vpcChannel: ObjectSchema = { required: ['id', 'name'], fields: vpcFields };
export const vpcChannelDetail: ObjectSchema = {
  required: ['id', 'name'],
  fields: {
    ...vpcFields,
    members: [vpcMember],
    vpc_health_config: { fields: { protocol: s, path: s, port: n, timeout: n, time_interval: n } },
  },
};

export const authorizer: ObjectSchema = {
  required: ['id', 'name'],
  fields: {
    id: s,
    name: s,
    type: s,
    authorizer_type: s,
    authorizer_uri: s,
    ttl: n,
    user_data: s,
    ld_api_id: s,
    need_body: b,
    create_time: s,
    roma_app_id: s,
    roma_app_name: s,
    identities: [{ fields: { name: s, location: s, validation: s } }],
  },
};

const statistic: ObjectSchema = {
  fields: {
    max_latency: n,
    avg_latency: n,
    req_count: n,
    req_count2xx: n,
    req_count4xx: n,
    req_count5xx: n,
    req_count_error: n,
    max_inner_latency: n,
    avg_inner_latency: n,
    max_backend_latency: n,
    avg_backend_latency: n,
    output_throughput: n,
    input_throughput: n,
    current_minute: n,
    cycle: s,
    api_id: s,
    group_id: s,
    provider: s,
    req_time: s,
    register_time: s,
    status: n,
  },
};
export const statistics: ObjectSchema = {
  fields: { code: s, start_time: n, end_time: n, list: [statistic] },
};

export const feature: ObjectSchema = {
  required: ['name'],
  fields: { id: s, name: s, enable: b, config: s, instance_id: s, update_time: s },
};

export const instance: ObjectSchema = {
  required: ['id'],
  fields: {
    id: s,
    project_id: s,
    instance_name: s,
    name: s,
    status: s,
    instance_statuses: n,
    spec: s,
    create_time: n,
    description: s,
    charging_mode: n,
    bandwidth_size: n,
    maintain_begin: s,
    maintain_end: s,
    ingress_ip: s,
    supported_features: ss,
    available_zone_ids: 'any',
    instance_version: s,
  },
};
export const instanceSummary: ObjectSchema = {
  required: ['id'],
  fields: {
    id: s,
    name: s,
    description: s,
    status: s,
    project_id: s,
    create_time: 'any',
    available_zone_ids: 'any',
    flavor_type: s,
  },
};
export const restriction: ObjectSchema = { fields: { restrict_cidrs: ss, resource_subnet_cidr: s } };
