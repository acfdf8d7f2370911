// :devices (LINK 6.2): the fleet with its connection state in colour; the detail shows the overview,
// the shadow (reported values, and desired ones where a server sends them), topics, sub-devices and
// the device secret (masked until `x`). Device data is hostile: every cell goes through sanitizeText.
import type { Device, DeviceTopic, LinkAuthentication, ShadowService } from '../src/api/types/link.ts';
import { DASH, fields, mask, str, table } from './format.ts';
import { deviceState, deviceStateColor, linkOf, msAgo, msTime, nodeType, permission } from './link-format.ts';
import { definePart, defineResource } from './types.ts';
import { listOptions } from './list-options.ts';

export const devicesScreen = defineResource<Device>({
  id: 'devices',
  title: 'Devices',
  aliases: ['device', 'dev'],
  instanceScoped: true,
  columns: [
    // narrow terminals keep what on-call asks first: which device, is it up, when was it last seen
    { id: 'name', title: 'NAME', minWidth: 18, priority: 1, get: (r) => r.device_name },
    { id: 'node', title: 'NODE ID', minWidth: 14, priority: 3, get: (r) => r.node_id ?? DASH },
    {
      id: 'status',
      title: 'STATUS',
      width: 9,
      priority: 1,
      get: (r) => deviceState(r),
      color: (r, theme) => deviceStateColor(r, theme),
    },
    {
      id: 'product',
      title: 'PRODUCT',
      minWidth: 12,
      priority: 3,
      maxWidth: 24,
      get: (r) => r.product?.product_name ?? DASH,
    },
    { id: 'type', title: 'TYPE', width: 10, priority: 4, get: (r) => nodeType(r.node_type) },
    { id: 'tags', title: 'TAGS', minWidth: 8, maxWidth: 20, priority: 4, get: (r) => str(r.tags) },
    {
      id: 'seen',
      title: 'LAST ONLINE',
      width: 11,
      priority: 2,
      align: 'right',
      get: (r) => msAgo(r.last_active_time),
      sortValue: (r) => r.last_active_time ?? 0,
    },
  ],
  idOf: (r) => String(r.id),
  nameOf: (r) => r.device_name,
  list: async (ctx) =>
    (await linkOf(ctx)).devices.listAll(
      ctx.params.productId ? { product_id: Number(ctx.params.productId) } : {},
      listOptions(ctx),
    ),
  listPage: async (ctx, offset, limit) =>
    (await linkOf(ctx)).devices.list(
      { ...(ctx.params.productId ? { product_id: Number(ctx.params.productId) } : {}), offset, limit },
      { signal: ctx.signal },
    ),
  scopeLabel: (params) => (params.productName ? `product: ${params.productName}` : undefined),
  hasSecret: true,
  summary: (r) => [
    {
      title: 'Device',
      blocks: [
        fields(
          ['name', r.device_name],
          ['id', r.id],
          ['node id', r.node_id],
          ['client id', r.client_id],
          ['state', deviceState(r)],
          ['product', r.product?.product_name],
          ['node type', nodeType(r.node_type)],
          [
            'gateway',
            r.parent_device_name ? `${r.parent_device_name} (${str(r.parent_device_id)})` : undefined,
          ],
          ['application', r.app_name ?? r.app_id],
          ['tags', r.tags],
          ['client ip', r.client_ip],
          ['firmware', r.version],
          ['keep-alive', r.keep_alive ? `${r.keep_alive} s` : undefined],
          ['last online', msTime(r.last_active_time)],
          ['last login', msTime(r.last_login_datetime)],
          ['created', msTime(r.created_datetime)],
          ['updated', msTime(r.last_updated_datetime)],
          ['description', r.description],
        ),
      ],
    },
    {
      title: 'Access',
      blocks: [fields(['MQTT', r.connect_address], ['MQTTS', r.ssl_connect_address])],
    },
  ],
  parts: [
    definePart<Device, ShadowService[]>({
      id: 'shadow',
      title: 'Shadow',
      live: true,
      fetch: async (ctx, r) => (await linkOf(ctx)).devices.shadow(r.id, { signal: ctx.signal }),
      render: (services) => [
        {
          title: 'Shadow (desired vs reported)',
          blocks: [
            table(
              ['SERVICE', 'PROPERTY', 'DESIRED', 'REPORTED', 'UPDATED'],
              services.flatMap((s) =>
                (s.properties ?? []).map((p) => [
                  s.service_name,
                  p.property_name,
                  p.desired_value,
                  p.property_value,
                  msTime(p.property_updated_date),
                ]),
              ),
              'nothing reported yet',
            ),
            {
              kind: 'text',
              text: '6.2.10 returns the last reported values; DESIRED shows only where the service sends desired ones.',
            },
          ],
        },
      ],
    }),
    definePart<Device, DeviceTopic[]>({
      id: 'topics',
      title: 'Topics',
      fetch: async (ctx, r) => (await linkOf(ctx)).devices.topics(r.id).listAll({}, { signal: ctx.signal }),
      render: (topics) => [
        {
          title: `Topics (${topics.length})`,
          blocks: [
            table(
              ['TOPIC', 'PERMISSION', 'KIND', 'DESCRIPTION'],
              topics.map((t) => [
                t.name,
                permission(t.permission),
                t.is_private === 1 ? 'custom' : 'basic',
                t.description,
              ]),
            ),
          ],
        },
      ],
    }),
    definePart<Device, Device[]>({
      id: 'children',
      title: 'Sub-devices',
      fetch: async (ctx, r) =>
        r.node_type === 1
          ? (await linkOf(ctx)).devices.subDevices(r.id).listAll({}, { signal: ctx.signal })
          : Promise.resolve([]),
      render: (subs, r) => [
        {
          title: r.node_type === 1 ? `Sub-devices (${subs.length})` : 'Sub-devices',
          blocks: [
            table(
              ['NAME', 'NODE ID', 'STATE', 'LAST ONLINE'],
              subs.map((d) => [d.device_name, d.node_id, deviceState(d), msAgo(d.last_active_time)]),
              r.node_type === 1 ? 'none' : 'not a gateway',
            ),
          ],
        },
      ],
    }),
    definePart<Device, LinkAuthentication>({
      id: 'auth',
      title: 'Authentication',
      fetch: async (ctx, r) => (await linkOf(ctx)).devices.authentication(r.id, { signal: ctx.signal }),
      render: (a, _r, view) => [
        {
          title: 'Authentication (one secret per device)',
          blocks: [fields(['user name', a.user_name], ['password', mask(a.password, view.revealed)])],
        },
      ],
    }),
  ],
});
