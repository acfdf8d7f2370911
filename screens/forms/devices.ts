// Form spec of LINK devices: create (6.2.1) and modify (6.2.6). Field rules from MQS-LINK.md 6.2.1;
// 6.2.6 changes only the name, status, description and tags, so the product, node id, parent and
// password are shown fixed when editing and only the modifiable fields are sent.
import type { Device, DeviceCreate, DeviceUpdate } from '../../src/api/types/link.ts';
import { optInt, optText, textOf } from '../../src/forms/engine.ts';
import type { FormSpec, FormValues } from '../../src/forms/types.ts';

/** 6.2.1: Chinese, the listed Chinese and English punctuation, letters, digits; 2–64 characters. */
export const DEVICE_NAME = /^[\u4e00-\u9fa5A-Za-z0-9()（）。；，：“”、？《》_#.?'@%&!\- ]+$/;
/** 6.2.1: usually the MAC or IMEI; letters, digits, _ and -. */
export const NODE_ID = /^[A-Za-z0-9_-]+$/;
/** 6.2.1: at least one digit, one upper-case and one lower-case letter and one special character. */
const STRONG = /^(?=.*\d)(?=.*[A-Z])(?=.*[a-z])(?=.*[^A-Za-z0-9]).+$/;

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** Tags are typed comma-separated; the wire carries a list. */
function tagsOf(v: FormValues): string[] {
  return textOf(v['tags'])
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

function updateBody(v: FormValues): DeviceUpdate {
  return {
    device_name: textOf(v['device_name']).trim(),
    status: Number(textOf(v['status']) || '0'),
    description: textOf(v['description']),
    tags: tagsOf(v),
  };
}

function createBody(v: FormValues): DeviceCreate {
  const parent = optInt(v, 'parent_device_id');
  const password = optText(v, 'password');
  return {
    device_name: textOf(v['device_name']).trim(),
    node_id: textOf(v['node_id']).trim(),
    product: { product_id: optInt(v, 'product_id') as number },
    app_id: textOf(v['app_id']).trim(),
    status: Number(textOf(v['status']) || '0'),
    ...(parent !== undefined ? { parent_device_id: parent } : {}),
    ...(password !== undefined ? { password } : {}),
    description: textOf(v['description']),
    tags: tagsOf(v),
  };
}

export const deviceForm: FormSpec<Device> = {
  noun: 'device',
  fields: [
    {
      kind: 'text',
      key: 'device_name',
      label: 'name',
      required: true,
      minLength: 2,
      maxLength: 64,
      pattern: DEVICE_NAME,
      patternHint: "letters, digits, Chinese, spaces and ()_#.?'-@%&!",
    },
    {
      kind: 'text',
      key: 'node_id',
      label: 'node id',
      required: true,
      fixedOnEdit: true,
      minLength: 2,
      maxLength: 64,
      pattern: NODE_ID,
      patternHint: 'letters, digits, _ and - (usually the MAC or IMEI)',
    },
    {
      kind: 'integer',
      key: 'product_id',
      label: 'product id',
      required: true,
      fixedOnEdit: true,
      min: 1,
      help: 'see :products',
    },
    {
      kind: 'text',
      key: 'app_id',
      label: 'app id',
      fixedOnEdit: true,
      maxLength: 36,
      help: "empty: the product's app",
    },
    {
      kind: 'choice',
      key: 'status',
      label: 'status',
      required: true,
      choices: [
        { value: '0', label: 'enabled (0)' },
        { value: '1', label: 'disabled (1)' },
      ],
    },
    {
      kind: 'integer',
      key: 'parent_device_id',
      label: 'gateway id',
      fixedOnEdit: true,
      min: 1,
      help: 'empty: not a sub-device',
    },
    {
      kind: 'secret',
      key: 'password',
      label: 'password',
      fixedOnEdit: true,
      minLength: 8,
      maxLength: 32,
      pattern: STRONG,
      patternHint: 'a digit, an upper-case and a lower-case letter and a special character',
      help: 'empty: generated',
    },
    { kind: 'text', key: 'description', label: 'description', maxLength: 200 },
    { kind: 'text', key: 'tags', label: 'tags', help: 'comma-separated' },
  ],
  blank: () => ({ status: '0' }),
  fromItem: (d) => ({
    device_name: d.device_name,
    node_id: str(d.node_id),
    product_id: str(d.product?.product_id),
    app_id: str(d.app_id),
    status: str(d.status ?? 0),
    parent_device_id: str(d.parent_device_id),
    password: '',
    description: str(d.description),
    tags: (d.tags ?? []).join(', '),
  }),
  // A copy is another physical device: its node id is its own, and so is its secret.
  copyOf: (d) => ({
    ...deviceForm.fromItem(d),
    device_name: `${d.device_name}_copy`.slice(0, 64),
    node_id: '',
  }),
  body: (v, mode) => (mode === 'edit' ? updateBody(v) : createBody(v)),
  async create({ client }, body) {
    const req = body as DeviceCreate;
    // 6.2.1 needs the app the product belongs to; without one typed, it is the product's.
    const link = await client.link();
    const appId = req.app_id || str((await link.products.get(req.product.product_id as number)).app_id);
    const d = await link.devices.create({ ...req, app_id: appId });
    return { id: String(d.id), name: d.device_name };
  },
  async update({ client }, item, body) {
    const d = await (await client.link()).devices.update(item.id, body as DeviceUpdate);
    return { id: String(d.id), name: d.device_name };
  },
  nameOf: (v) => textOf(v['device_name']),
  idOf: (d) => String(d.id),
};
