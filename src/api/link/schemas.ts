// Field-type schemas of the LINK answers the dashboard reads (MQS-LINK.md section 6 tables).
// Ids are integers on the wire (C6); product topic ids arrive as strings or numbers and are read as text.
import type { ObjectSchema } from '../validate.ts';

const s = 'string' as const;
const n = 'number' as const;
const b = 'boolean' as const;
const ss = 'strings' as const;

const user: ObjectSchema = { fields: { user_id: s, user_name: s } };
export const authentication: ObjectSchema = { fields: { user_name: s, password: s } };

export const productReferer: ObjectSchema = {
  fields: { product_id: n, product_name: s, manufacturer_id: s, model: s, protocol_type: n, product_type: n },
};

export const deviceGroup: ObjectSchema = {
  required: ['id', 'name'],
  fields: {
    id: n,
    name: s,
    parent_id: n,
    description: s,
    app_id: s,
    app_name: s,
    permissions: ss,
    created_user: user,
    last_updated_user: user,
    created_datetime: s,
    last_updated_datetime: s,
  },
};

const groupLeaf: ObjectSchema = {
  required: ['id', 'name'],
  fields: { id: n, name: s, parent_id: n, app_id: s, permissions: ss, children: 'any' },
};
/** Five levels at most (ROMA.00111304); deeper `children` are kept unchecked. */
export const deviceGroupNode: ObjectSchema = [1, 2, 3, 4].reduce<ObjectSchema>(
  (inner) => ({ ...groupLeaf, fields: { ...groupLeaf.fields, children: [inner] } }),
  groupLeaf,
);

export const device: ObjectSchema = {
  required: ['id', 'device_name'],
  fields: {
    id: n,
    device_name: s,
    node_id: s,
    client_id: s,
    parent_device_id: n,
    parent_device_name: s,
    product: productReferer,
    app_id: s,
    app_name: s,
    status: n,
    online_status: n,
    description: s,
    authentication,
    tags: ss,
    created_datetime: n,
    last_updated_datetime: n,
    last_login_datetime: n,
    last_active_time: n,
    node_type: n,
    device_type: n,
    client_ip: s,
    keep_alive: s,
    version: s,
    plugin_id: n,
    connect_address: s,
    ssl_connect_address: s,
    permissions: ss,
    created_user: user,
    last_updated_user: user,
  },
};

const deviceSimple: ObjectSchema = { required: ['id'], fields: { id: n, device_name: s } };
export const forceOffline: ObjectSchema = { fields: { success: [deviceSimple], failed: [deviceSimple] } };

export const deviceTopic: ObjectSchema = {
  required: ['id', 'name'],
  fields: { id: n, name: s, description: s, permission: n, is_private: n },
};

const shadowValue: ObjectSchema = {
  required: ['property_name'],
  fields: { property_name: s, property_value: s, property_updated_date: n, desired_value: s },
};
export const shadowService: ObjectSchema = {
  fields: { service_id: n, service_name: s, properties: [shadowValue] },
};

const commandParameter: ObjectSchema = { fields: { parameter_name: s, parameter_value: s } };
export const sendCommand: ObjectSchema = {
  fields: { service_id: n, command_id: n, is_sync: b, response: [commandParameter] },
};

export const productTemplate: ObjectSchema = {
  required: ['id', 'name'],
  fields: {
    id: n,
    name: s,
    description: s,
    status: n,
    created_datetime: n,
    last_updated_datetime: n,
    created_user: user,
  },
};

export const product: ObjectSchema = {
  required: ['id', 'name'],
  fields: {
    id: n,
    name: s,
    product_serial: s,
    app_id: s,
    app_name: s,
    manufacturer_id: s,
    manufacturer_name: s,
    model: s,
    product_type: n,
    protocol_type: n,
    description: s,
    device_type: s,
    version: s,
    data_format: n,
    template_id: n,
    authentication,
    created_datetime: n,
    permissions: ss,
  },
};

export const devicesSummary: ObjectSchema = { fields: { summary: n } };

export const productTopic: ObjectSchema = {
  required: ['topic_id'],
  fields: { topic_id: s, topic_name: s, product_id: n, permission: n, version: s, description: s },
};

export const productImport: ObjectSchema = {
  fields: { succ_num: n, fail_num: n, fail_objects_ids: ss },
};

export const rule: ObjectSchema = {
  required: ['rule_id', 'name'],
  fields: {
    rule_id: n,
    name: s,
    app_id: s,
    app_name: s,
    description: s,
    status: n,
    data_parsing_status: n,
    sql_field: s,
    sql_where: s,
    rule_express: s,
    created_datetime: n,
    last_updated_datetime: n,
    permissions: ss,
  },
};

export const ruleBatchItem: ObjectSchema = { required: ['id'], fields: { id: s, ret_status: s } };
export const ruleTest: ObjectSchema = { fields: { test_result: s } };

export const ruleDestination: ObjectSchema = {
  required: ['destination_id'],
  fields: {
    destination_id: n,
    destination_type: n,
    app_id: s,
    destination_name: s,
    topic: s,
    server: s,
    token: s,
    tag: s,
    mqs_sasl_ssl: b,
    user_name: s,
    password: s,
  },
};

export const ruleSource: ObjectSchema = {
  required: ['source_id'],
  fields: {
    source_id: n,
    product_id: n,
    device_id: n,
    topic: s,
    device_name: s,
    product_name: s,
    is_base64: n,
    contain_device_info: n,
  },
};

export const service: ObjectSchema = {
  required: ['service_id', 'service_name'],
  fields: {
    service_id: n,
    service_name: s,
    product_id: n,
    product_template_id: n,
    description: s,
    status: n,
    created_datetime: n,
    last_updated_datetime: n,
  },
};

export const property: ObjectSchema = {
  required: ['property_id', 'property_name'],
  fields: {
    property_id: n,
    property_name: s,
    description: s,
    data_type: s,
    required: n,
    min: s,
    max: s,
    step: s,
    max_length: n,
    unit: s,
    enum_list: s,
  },
};

export const command: ObjectSchema = {
  required: ['command_id', 'command_name'],
  fields: { command_id: n, command_name: s, service_id: n, description: s },
};
