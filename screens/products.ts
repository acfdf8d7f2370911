// :products (LINK 6.4): the product catalogue with device counts (6.4.3, fetched per visible row),
// its service model, topics and product secret. Enter lists the product's devices.
import type { LinkAuthentication, LinkService, Product, ProductTopic } from '../src/api/types/link.ts';
import { DASH, fields, mask, table } from './format.ts';
import { enabled, linkOf, msAgo, msTime, permission, productType, protocol } from './link-format.ts';
import { definePart, defineResource } from './types.ts';
import { listOptions } from './list-options.ts';

export const PRODUCT_DEVICE_COUNT = 'link.productDevices';

export const productsScreen = defineResource<Product>({
  id: 'products',
  title: 'Products',
  aliases: ['product', 'prod'],
  instanceScoped: true,
  columns: [
    { id: 'name', title: 'NAME', minWidth: 16, get: (r) => r.name },
    { id: 'model', title: 'MODEL', minWidth: 8, maxWidth: 16, get: (r) => r.model ?? DASH },
    {
      id: 'vendor',
      title: 'MANUFACTURER',
      minWidth: 12,
      maxWidth: 22,
      get: (r) => r.manufacturer_name ?? DASH,
    },
    { id: 'type', title: 'TYPE', width: 8, get: (r) => productType(r.product_type) },
    { id: 'protocol', title: 'PROTOCOL', width: 8, get: (r) => protocol(r.protocol_type) },
    {
      id: 'devices',
      title: 'DEVICES',
      width: 7,
      align: 'right',
      get: () => '…',
      lazy: {
        family: PRODUCT_DEVICE_COUNT,
        fetch: (ctx, r) => linkOf(ctx).products.deviceCount(r.id, { signal: ctx.signal }),
      },
    },
    {
      id: 'created',
      title: 'CREATED',
      width: 9,
      align: 'right',
      get: (r) => msAgo(r.created_datetime),
      sortValue: (r) => r.created_datetime ?? 0,
    },
  ],
  idOf: (r) => String(r.id),
  nameOf: (r) => r.name,
  list: (ctx) => linkOf(ctx).products.listAll({}, listOptions(ctx)),
  enter: (r) => ({
    screen: 'devices',
    params: { productId: String(r.id), productName: r.name },
    label: r.name,
  }),
  hasSecret: true,
  summary: (r) => [
    {
      title: 'Product',
      blocks: [
        fields(
          ['name', r.name],
          ['id', r.id],
          ['serial', r.product_serial],
          ['manufacturer', `${r.manufacturer_name ?? DASH} (${r.manufacturer_id ?? DASH})`],
          ['model', r.model],
          ['type', productType(r.product_type)],
          ['protocol', protocol(r.protocol_type)],
          ['device type', r.device_type],
          ['data format', r.data_format === 1 ? 'user-defined' : 'JSON'],
          ['version', r.version],
          ['template', r.template_id],
          ['application', r.app_name ?? r.app_id],
          ['created', msTime(r.created_datetime)],
          ['description', r.description],
        ),
      ],
    },
  ],
  parts: [
    definePart<Product, LinkService[]>({
      id: 'services',
      title: 'Services',
      fetch: (ctx, r) => linkOf(ctx).services.listAll({ product_id: r.id }, { signal: ctx.signal }),
      render: (list) => [
        {
          title: `Services (${list.length})`,
          blocks: [
            table(
              ['SERVICE', 'ID', 'STATUS', 'DESCRIPTION'],
              list.map((s) => [s.service_name, s.service_id, enabled(s.status), s.description]),
            ),
            { kind: 'text', text: 'Open :services for properties and commands.' },
          ],
        },
      ],
    }),
    definePart<Product, ProductTopic[]>({
      id: 'topics',
      title: 'Topics',
      fetch: (ctx, r) => linkOf(ctx).products.topics(r.id).listAll({}, { signal: ctx.signal }),
      render: (list) => [
        {
          title: `Custom topics (${list.length})`,
          blocks: [
            table(
              ['TOPIC', 'VERSION', 'PERMISSION', 'DESCRIPTION'],
              list.map((t) => [t.topic_name, t.version, permission(t.permission), t.description]),
            ),
          ],
        },
      ],
    }),
    definePart<Product, LinkAuthentication>({
      id: 'auth',
      title: 'Authentication',
      fetch: (ctx, r) => linkOf(ctx).products.authentication(r.id, { signal: ctx.signal }),
      render: (a, _r, view) => [
        {
          title: 'Authentication (one secret per product type)',
          blocks: [fields(['user name', a.user_name], ['password', mask(a.password, view.revealed)])],
        },
      ],
    }),
  ],
});
