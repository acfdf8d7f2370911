// LINK 6.1 device groups and 6.2 devices, with the state rules of 7.4.4 (MQS-LINK.md C10):
// group names unique, parents exist, at most 5 levels, no delete while devices are in the group;
// no delete of an online device or a gateway with sub-devices; commands only to online, enabled
// devices and only for the services/commands of the device's product.
import type { RouteDef } from './common.ts';
import {
  LINK_CONNECT,
  PERMISSIONS,
  dateOnly,
  type DeviceRec,
  type GroupRec,
  type LinkStore,
} from './link-store.ts';
import {
  badParam,
  bodyOf,
  created,
  fail,
  found,
  gone,
  int,
  intArray,
  invalid,
  linkPage,
  linkPaging,
  linkRoute,
  notFound,
  okBody,
  pathId,
  queryInt,
  queryText,
  secretFor,
  text,
  userNameFor,
  where,
  type Body,
  type LinkCtx,
} from './link-common.ts';

const MAX_GROUP_LEVELS = 5;
const DEVICE_NAME_RE = /^[\u4e00-\u9fa5A-Za-z0-9()（）。；，：“”、？《》_#.?'@%&!\- ]+$/;
const NODE_ID_RE = /^[A-Za-z0-9_-]+$/;

export function groupJson(link: LinkStore, g: GroupRec, appName = link.apps.get(g.app_id) ?? '') {
  return {
    permissions: PERMISSIONS,
    parent_id: g.parent_id,
    id: g.id,
    name: g.name,
    description: g.description,
    app_id: g.app_id,
    created_user: link.user,
    last_updated_user: link.user,
    created_datetime: g.created,
    last_updated_datetime: g.updated,
    app_name: appName,
  };
}

function groupTree(link: LinkStore, parentId: number, appId: string): unknown[] {
  const out: unknown[] = [];
  for (const g of link.groups.values()) {
    if (g.parent_id !== parentId || g.app_id !== appId) continue;
    out.push({
      permissions: PERMISSIONS,
      id: g.id,
      name: g.name,
      parent_id: g.parent_id,
      children: groupTree(link, g.id, appId),
      app_id: g.app_id,
    });
  }
  return out;
}

export function deviceJson(link: LinkStore, d: DeviceRec) {
  const p = link.products.get(d.product_id);
  const parent = d.parent_id === null ? undefined : link.devices.get(d.parent_id);
  return {
    permissions: PERMISSIONS,
    id: d.id,
    ...(parent ? { parent_device_id: parent.id, parent_device_name: parent.device_name } : {}),
    product: {
      product_id: d.product_id,
      product_name: p?.name ?? '',
      manufacturer_id: p?.manufacturer_id ?? '',
      model: p?.model ?? '',
      protocol_type: p?.protocol_type ?? 0,
      product_type: p?.product_type ?? 0,
    },
    device_name: d.device_name,
    client_id: d.client_id,
    node_id: d.node_id,
    app_id: d.app_id,
    app_name: link.apps.get(d.app_id) ?? '',
    status: d.status,
    online_status: d.online_status,
    description: d.description,
    // The password is never returned by lists and details (examples show "*****"): 6.2.12 reads it.
    authentication: { user_name: d.auth.user_name, password: '*****' },
    created_user: link.user,
    last_updated_user: link.user,
    tags: d.tags,
    created_datetime: d.created,
    last_updated_datetime: d.updated,
    ...LINK_CONNECT,
    last_login_datetime: d.last_login,
    node_type: d.node_type,
    device_type: d.node_type,
    client_ip: d.client_ip,
    keep_alive: d.keep_alive,
    last_active_time: d.last_active,
    version: d.version,
    plugin_id: p?.protocol_type === 2 ? 1 : p?.protocol_type === 4 ? 2 : 0,
  };
}

/** Topics every device has (6.2.7 "basic"), then the custom topics of its product. */
function deviceTopics(link: LinkStore, d: DeviceRec) {
  const p = link.products.get(d.product_id);
  const serial = p?.product_serial ?? '';
  const base = [
    { name: `/v1/devices/${d.node_id}/datas`, permission: 0, description: 'Device data report' },
    { name: `/v1/devices/${d.node_id}/commands`, permission: 1, description: 'Command delivery' },
    { name: `/v1/devices/${d.node_id}/commandResponse`, permission: 0, description: 'Command response' },
    { name: `${serial}/out/${d.node_id}`, permission: 0, description: 'Device data (product serial)' },
    { name: `${serial}/in/${d.node_id}`, permission: 1, description: 'Command delivery (product serial)' },
  ].map((t, i) => ({ id: d.id * 100 + i + 1, ...t, is_private: 0 }));
  const custom = [...link.productTopics.values()]
    .filter((t) => t.product_id === d.product_id)
    .map((t) => ({
      id: t.topic_id,
      name: `${serial}/out/${d.node_id}/${t.version}/${t.topic_name}`,
      permission: t.permission,
      description: t.description,
      is_private: 1,
    }));
  return [...base, ...custom];
}

function checkGroupName(link: LinkStore, name: string, appId: string, self?: number): void {
  for (const g of link.groups.values())
    if (g.name === name && g.app_id === appId && g.id !== self)
      throw fail('ROMA.00111301', `The group name ${name} already exists. Change the name and try again.`);
}

function checkParent(link: LinkStore, parentId: number, height: number, self?: number): void {
  if (parentId === 0) return;
  if (!link.groups.has(parentId))
    throw fail(
      'ROMA.00111303',
      `The parent group ${parentId} does not exist. Change the parent group and try again.`,
    );
  if (self !== undefined && link.groupSubtree(self).includes(parentId))
    throw invalid('parent_id', 'a group cannot be moved under itself');
  if (link.groupDepth(parentId) + height > MAX_GROUP_LEVELS)
    throw fail(
      'ROMA.00111304',
      'The group supports a maximum of five levels. Create subgroups under other groups.',
    );
}

function groupRoutes(): RouteDef[] {
  const one = '/device-groups/{group_id}';
  return [
    linkRoute('POST', '/device-groups', 'link-device-groups.save', (ctx) => {
      const b = bodyOf(ctx);
      const parentId = int(b, 'parent_id', { required: true, min: 0 }) as number;
      const name = text(b, 'name', { required: true, min: 2, max: 64, names: true }) as string;
      const description = text(b, 'description', { max: 200 }) ?? '';
      const appId = text(b, 'app_id', { required: true, max: 36 }) as string;
      checkGroupName(ctx.link, name, appId);
      checkParent(ctx.link, parentId, 1);
      const day = dateOnly(ctx.nowMs);
      const g: GroupRec = {
        id: ctx.link.nextId(),
        name,
        parent_id: parentId,
        description,
        app_id: appId,
        created: day,
        updated: day,
        devices: new Set(),
      };
      ctx.link.groups.set(g.id, g);
      return okBody(groupJson(ctx.link, g));
    }),
    linkRoute('GET', '/device-groups', 'link-device-groups.selectGroupNodeTree', (ctx) => {
      const appId = queryText(ctx, 'app_id');
      if (!appId) throw badParam(ctx.op, 'app_id', 'query');
      const items = groupTree(ctx.link, 0, appId);
      return okBody({ total: items.length, size: items.length, items });
    }),
    linkRoute('DELETE', one, 'link-device-groups.delete', (ctx) => {
      const id = pathId(ctx, 'group_id');
      found(ctx.link.groups, id);
      const subtree = ctx.link.groupSubtree(id);
      if (subtree.some((gid) => (ctx.link.groups.get(gid)?.devices.size ?? 0) > 0))
        throw fail(
          'ROMA.00111302',
          'The current group is associated with devices and cannot be deleted. Delete the devices first.',
        );
      for (const gid of subtree) ctx.link.groups.delete(gid);
      return gone();
    }),
    linkRoute('GET', one, 'link-device-groups.detail', (ctx) =>
      okBody(groupJson(ctx.link, found(ctx.link.groups, pathId(ctx, 'group_id')))),
    ),
    linkRoute('PUT', one, 'link-device-groups.update', (ctx) => {
      const g = found(ctx.link.groups, pathId(ctx, 'group_id'));
      const b = bodyOf(ctx);
      const name = text(b, 'name', { min: 2, max: 64, names: true });
      const description = text(b, 'description', { max: 200 });
      const parentId = int(b, 'parent_id', { min: 0 });
      if (name !== undefined) checkGroupName(ctx.link, name, g.app_id, g.id);
      if (parentId !== undefined && parentId !== g.parent_id)
        checkParent(ctx.link, parentId, ctx.link.groupHeight(g.id), g.id);
      if (name !== undefined) g.name = name;
      if (description !== undefined) g.description = description;
      if (parentId !== undefined) g.parent_id = parentId;
      g.updated = dateOnly(ctx.nowMs);
      return okBody(groupJson(ctx.link, g));
    }),
    // 6.1.6 documents no success code: 200 with no body (ARCHITECTURE.md).
    linkRoute('POST', `${one}/devices/batch-add`, 'link-device-groups.batchAddDevices', (ctx) => {
      const g = found(ctx.link.groups, pathId(ctx, 'group_id'));
      const ids = intArray(bodyOf(ctx), 'resources');
      for (const id of ids) found(ctx.link.devices, id);
      for (const id of ids) g.devices.add(id);
      return { status: 200 };
    }),
    linkRoute('DELETE', `${one}/devices/{device_id}`, 'link-device-groups.deleteDevice', (ctx) => {
      const g = found(ctx.link.groups, pathId(ctx, 'group_id'));
      const id = pathId(ctx, 'device_id');
      if (!g.devices.delete(id)) throw notFound(id);
      return gone();
    }),
  ];
}

function productOf(ctx: LinkCtx, ref: unknown) {
  if (!ref || typeof ref !== 'object') throw invalid('product', 'must not be null');
  const r = ref as Body;
  const pid = int(r, 'product_id', { min: 1 });
  if (pid !== undefined) {
    const p = ctx.link.products.get(pid);
    if (!p) throw fail('ROMA.00110702', `The product with ID ${pid} does not exist.`);
    return p;
  }
  const mf = text(r, 'manufacturer_id');
  const model = text(r, 'model');
  if (!mf || !model) throw invalid('product', 'product_id, or manufacturer_id and model, must be given');
  for (const p of ctx.link.products.values()) if (p.manufacturer_id === mf && p.model === model) return p;
  throw fail('ROMA.00110702', `The product with ID ${mf}/${model} does not exist.`);
}

function checkDeviceUnique(link: LinkStore, nodeId: string, name: string, productId: number, self?: number) {
  const other = link.deviceByNodeId(nodeId);
  if (other && other.id !== self)
    throw fail('ROMA.00111003', `The device ID ${nodeId} already exists. Change the device ID.`);
  for (const id of link.deviceIds(productId)) {
    const d = link.devices.get(id);
    if (d && d.device_name === name && d.id !== self)
      throw fail(
        'ROMA.00111050',
        `The device name ${name} already exists in the product ${link.products.get(productId)?.name ?? productId}.`,
      );
  }
}

function checkTags(b: Body): string[] | undefined {
  const tags = b.tags;
  if (tags === undefined || tags === null) return undefined;
  if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string'))
    throw invalid('tags', 'must be an array of strings');
  for (const t of tags as string[])
    if (t.length > 64 || !/^[\u4e00-\u9fa5A-Za-z0-9_-]+$/.test(t))
      throw fail(
        'ROMA.00111002',
        `The tag ${t} is invalid: at most 64 Chinese characters, letters, digits, - and _.`,
      );
  return tags as string[];
}

function password(b: Body): string | undefined {
  const pw = text(b, 'password', { min: 8, max: 32 });
  if (pw !== undefined && !(/\d/.test(pw) && /[A-Z]/.test(pw) && /[a-z]/.test(pw) && /[^A-Za-z0-9]/.test(pw)))
    throw invalid(
      'password',
      'needs a digit, an upper-case letter, a lower-case letter and a special character',
    );
  return pw;
}

/** Online-status filter: `1,2` (C7: several values, comma-separated). */
function statusFilter(ctx: LinkCtx): Set<number> | undefined {
  const raw = queryText(ctx, 'online_status');
  if (raw === undefined) return undefined;
  const parts = raw.split(',').map((s) => s.trim());
  if (!parts.every((p) => /^[012]$/.test(p))) throw badParam(ctx.op, 'online_status', 'query');
  return new Set(parts.map(Number));
}

function deviceMatcher(ctx: LinkCtx): ((d: DeviceRec) => boolean) | undefined {
  const status = statusFilter(ctx);
  const nodeType = queryInt(ctx, 'node_type');
  const appId = queryText(ctx, 'app_id');
  const productName = queryText(ctx, 'product_name');
  const name = queryText(ctx, 'device_name');
  const clientId = queryText(ctx, 'client_id');
  const nodeId = queryText(ctx, 'node_id');
  const tag = queryText(ctx, 'tag');
  const from = queryInt(ctx, 'created_date_start');
  const to = queryInt(ctx, 'created_date_end');
  const checks: Array<(d: DeviceRec) => boolean> = [];
  if (status) checks.push((d) => status.has(d.online_status));
  if (nodeType !== undefined) checks.push((d) => d.node_type === nodeType);
  if (appId) checks.push((d) => d.app_id === appId);
  if (productName)
    checks.push((d) => (ctx.link.products.get(d.product_id)?.name ?? '').includes(productName));
  if (name) checks.push((d) => d.device_name.includes(name));
  if (clientId) checks.push((d) => d.client_id === clientId);
  if (nodeId) checks.push((d) => d.node_id.includes(nodeId));
  if (tag) checks.push((d) => d.tags.includes(tag));
  if (from !== undefined) checks.push((d) => d.created >= from);
  if (to !== undefined) checks.push((d) => d.created <= to);
  return checks.length === 0 ? undefined : (d) => checks.every((c) => c(d));
}

function* devicesOf(link: LinkStore, ids: readonly number[]): Iterable<DeviceRec> {
  for (const id of ids) {
    const d = link.devices.get(id);
    if (d) yield d;
  }
}

function listDevices(ctx: LinkCtx) {
  const ids = ctx.link.deviceIds(queryInt(ctx, 'product_id'));
  const match = deviceMatcher(ctx);
  const json = (d: DeviceRec) => deviceJson(ctx.link, d);
  if (match) return linkPage(ctx, where(devicesOf(ctx.link, ids), match), json, LINK_CONNECT);
  // Unfiltered (or by product only): a slice of the index, O(page) at any size.
  const { offset, limit } = linkPaging(ctx);
  const items = [...devicesOf(ctx.link, ids.slice(offset, offset + limit))].map(json);
  return okBody({ total: ids.length, size: items.length, ...LINK_CONNECT, items });
}

function deviceRoutes(): RouteDef[] {
  const one = '/devices/{device_id}';
  return [
    linkRoute('POST', '/devices', 'link-devices.save', (ctx) => {
      const b = bodyOf(ctx);
      const product = productOf(ctx, b.product);
      const name = text(b, 'device_name', {
        required: true,
        min: 2,
        max: 64,
        pattern: DEVICE_NAME_RE,
      }) as string;
      const nodeId = text(b, 'node_id', { required: true, min: 2, max: 64, pattern: NODE_ID_RE }) as string;
      const appId = text(b, 'app_id', { required: true, max: 36 }) as string;
      if (product.app_id !== appId)
        throw fail(
          'ROMA.00111001',
          `The product ${product.name} does not belong to the application ${appId}.`,
        );
      const status = int(b, 'status', { min: 0, max: 1 }) ?? 0;
      const tags = checkTags(b) ?? [];
      const parentId = int(b, 'parent_device_id', { min: 1 });
      if (parentId !== undefined) {
        const gw = ctx.link.devices.get(parentId);
        if (!gw)
          throw fail(
            'ROMA.00111014',
            'Failed to register the subdevice because the specified gateway does not exist.',
          );
        if (gw.node_type !== 1)
          throw fail(
            'ROMA.00111015',
            'Failed to register the subdevice because the specified gateway is invalid.',
          );
      }
      checkDeviceUnique(ctx.link, nodeId, name, product.id);
      const id = ctx.link.nextId();
      const d: DeviceRec = {
        id,
        device_name: name,
        node_id: nodeId,
        client_id: `D${product.id}${id}${userNameFor(id).slice(0, 5)}`.slice(0, 32),
        product_id: product.id,
        app_id: appId,
        status,
        online_status: 0,
        description: text(b, 'description', { max: 200 }) ?? '',
        tags,
        auth: { user_name: userNameFor(id), password: password(b) ?? secretFor(id) },
        created: ctx.nowMs,
        updated: ctx.nowMs,
        last_login: null,
        last_active: null,
        node_type: parentId !== undefined ? 2 : product.product_type === 1 ? 1 : 0,
        parent_id: parentId ?? null,
        client_ip: '',
        keep_alive: '120',
        version: '',
        shadow: new Map(),
      };
      ctx.link.addDevice(d);
      return created(deviceJson(ctx.link, d));
    }),
    linkRoute('GET', '/devices', 'link-devices.list', listDevices),
    linkRoute('POST', '/devices/force-offline', 'link-devices.forceOffline', (ctx) => {
      const ids = intArray(bodyOf(ctx), 'device_ids');
      const success: unknown[] = [];
      const failed: unknown[] = [];
      for (const id of ids) {
        const d = ctx.link.devices.get(id);
        // Only an online device can be taken offline; unknown and not-online devices are `failed`.
        if (!d || d.online_status !== 1) failed.push(d ? { id, device_name: d.device_name } : { id });
        else {
          d.online_status = 2;
          d.updated = ctx.nowMs;
          success.push({ id, device_name: d.device_name });
        }
      }
      return okBody({ success, failed });
    }),
    linkRoute('DELETE', one, 'link-devices.delete', (ctx) => {
      const d = found(ctx.link.devices, pathId(ctx, 'device_id'));
      if (d.online_status === 1)
        throw fail('ROMA.00111009', 'An online device cannot be deleted. Bring the device offline first.');
      if (ctx.link.childrenOf(d.id).some((c) => ctx.link.devices.has(c)))
        throw fail(
          'ROMA.00111011',
          'The device contains subdevices and cannot be deleted. Delete the subdevices under the device first.',
        );
      ctx.link.removeDevice(d.id);
      return gone();
    }),
    linkRoute('GET', one, 'link-devices.detail', (ctx) =>
      okBody(deviceJson(ctx.link, found(ctx.link.devices, pathId(ctx, 'device_id')))),
    ),
    linkRoute('PUT', one, 'link-devices.update', (ctx) => {
      const d = found(ctx.link.devices, pathId(ctx, 'device_id'));
      const b = bodyOf(ctx);
      const name = text(b, 'device_name', { min: 2, max: 64, pattern: DEVICE_NAME_RE });
      const nodeId = text(b, 'node_id', { min: 2, max: 64, pattern: NODE_ID_RE });
      const status = int(b, 'status', { min: 0, max: 1 });
      const tags = checkTags(b);
      const description = text(b, 'description', { max: 200 });
      const pw = password(b);
      checkDeviceUnique(ctx.link, nodeId ?? d.node_id, name ?? d.device_name, d.product_id, d.id);
      if (name !== undefined) d.device_name = name;
      if (nodeId !== undefined) ctx.link.renameNode(d, nodeId);
      if (status !== undefined) d.status = status;
      if (tags !== undefined) d.tags = tags;
      if (description !== undefined) d.description = description;
      if (pw !== undefined) d.auth.password = pw;
      d.updated = ctx.nowMs;
      return okBody(deviceJson(ctx.link, d));
    }),
    linkRoute('GET', `${one}/topics`, 'link-devices.topics', (ctx) => {
      const d = found(ctx.link.devices, pathId(ctx, 'device_id'));
      const name = queryText(ctx, 'name');
      const perm = queryInt(ctx, 'topic_permission');
      const priv = queryInt(ctx, 'is_private') ?? queryInt(ctx, 'topic_type');
      const items = deviceTopics(ctx.link, d).filter(
        (t) =>
          (name === undefined || t.name.includes(name)) &&
          (perm === undefined || t.permission === perm) &&
          (priv === undefined || t.is_private === priv),
      );
      return linkPage(ctx, items, (t) => t);
    }),
    linkRoute('POST', `${one}/subsets`, 'link-devices.addSubsets', (ctx) => {
      const gw = ctx.link.devices.get(pathId(ctx, 'device_id'));
      if (!gw)
        throw fail(
          'ROMA.00111014',
          'Failed to register the subdevice because the specified gateway does not exist.',
        );
      if (gw.node_type !== 1)
        throw fail(
          'ROMA.00111015',
          'Failed to register the subdevice because the specified gateway is invalid.',
        );
      const ids = intArray(bodyOf(ctx), 'resources');
      const subs = ids.map((id) => found(ctx.link.devices, id));
      for (const s of subs) {
        const p = ctx.link.products.get(s.product_id);
        if (p?.product_type !== 0)
          throw fail(
            'ROMA.00111016',
            'Failed to register the subdevice because the product associated with the subdevice must be of the common type.',
          );
        if (p.protocol_type === 2 || p.protocol_type === 4)
          throw fail('ROMA.00111044', 'A Modbus or OPC UA device cannot be added as a gateway subdevice.');
        if (s.node_type !== 0)
          throw fail(
            'ROMA.00111018',
            'Only a directly connected device can be added as a gateway subdevice. Check whether the type of the added device is correct.',
          );
        if (s.online_status === 1)
          throw fail(
            'ROMA.00111019',
            'An online device cannot be added as a gateway subdevice. Bring the device offline first.',
          );
      }
      for (const s of subs) {
        s.parent_id = gw.id;
        s.node_type = 2;
        s.updated = ctx.nowMs;
        ctx.link.attach(gw.id, s.id);
      }
      return created(subs.map((s) => deviceJson(ctx.link, s)));
    }),
    linkRoute('GET', `${one}/subsets`, 'link-devices.subsets', (ctx) => {
      const gw = found(ctx.link.devices, pathId(ctx, 'device_id'));
      const name = queryText(ctx, 'device_name');
      const status = queryInt(ctx, 'status');
      const online = queryInt(ctx, 'online_status');
      const items = where(
        devicesOf(ctx.link, ctx.link.childrenOf(gw.id)),
        (d) =>
          (name === undefined || d.device_name.includes(name)) &&
          (status === undefined || d.status === status) &&
          (online === undefined || d.online_status === online),
      );
      return linkPage(ctx, items, (d) => deviceJson(ctx.link, d), LINK_CONNECT);
    }),
    linkRoute('GET', `${one}/shadow`, 'link-device.getDeviceShadow', (ctx) => {
      const d = found(ctx.link.devices, pathId(ctx, 'device_id'));
      // A bare array of ShadowService (6.2.10), one per service of the device's product.
      return okBody(
        ctx.link.servicesOfProduct(d.product_id).map((s) => ({
          service_id: s.service_id,
          service_name: s.service_name,
          properties: [...(d.shadow.get(s.service_id) ?? new Map()).entries()].map(([name, c]) => ({
            property_name: name,
            property_value: c.value,
            property_updated_date: c.at,
          })),
        })),
      );
    }),
    linkRoute('PUT', `${one}/authentication`, 'link-devices.resetAuthentication', (ctx) => {
      const d = found(ctx.link.devices, pathId(ctx, 'device_id'));
      d.auth.password = secretFor(d.id + ctx.nowMs);
      d.updated = ctx.nowMs;
      return okBody({ ...d.auth });
    }),
    linkRoute('GET', `${one}/authentication`, 'link-devices.authentication', (ctx) => {
      const d = found(ctx.link.devices, pathId(ctx, 'device_id'));
      return okBody({ ...d.auth });
    }),
    linkRoute('POST', `${one}/send-command`, 'link-devices.sendCommand', sendCommand),
  ];
}

/** 6.2.13: refusals in the order a caller would fix them; the answer is the emulator's choice (no body is documented). */
function sendCommand(ctx: LinkCtx) {
  const d = found(ctx.link.devices, pathId(ctx, 'device_id'));
  const b = bodyOf(ctx);
  const serviceId = int(b, 'service_id', { required: true, min: 1 }) as number;
  const commandId = int(b, 'command_id', { required: true, min: 1 }) as number;
  const isSync = b.is_sync;
  if (typeof isSync !== 'boolean') throw invalid('is_sync', 'must be true or false');
  if (d.status === 1)
    throw fail(
      'ROMA.00111006',
      'Commands cannot be delivered to a device in disabled state. Enable the device first.',
    );
  if (d.online_status !== 1)
    throw fail(
      'ROMA.00111005',
      'Commands cannot be delivered to a device in disconnected or offline state. Bring the device online first.',
    );
  const svc = ctx.link.services.get(serviceId);
  const cmd = ctx.link.commands.get(commandId);
  if (!svc || svc.product_id !== d.product_id || !cmd || cmd.service_id !== serviceId)
    throw fail(
      'ROMA.00111033',
      'The specified service ID or command ID does not exist. Check whether the entered service ID or command ID is correct.',
    );
  const given = new Map<string, string>();
  const reqs = b.requests ?? [];
  if (!Array.isArray(reqs)) throw invalid('requests', 'must be an array');
  for (const r of reqs as Body[]) {
    const name = text(r, 'parameter_name', { required: true, min: 2, max: 32 }) as string;
    given.set(name, text(r, 'parameter_value', { max: 32 }) ?? '');
  }
  for (const p of ctx.link.propsOf(ctx.link.requests, commandId)) {
    const v = given.get(p.property_name);
    if (p.required === 1 && (v === undefined || v === '')) throw invalid(p.property_name, 'Can not be empty');
    if (v !== undefined && (p.data_type === 'integer' || p.data_type === 'number')) {
      const n = Number(v);
      if (v.trim() === '' || !Number.isFinite(n) || (p.data_type === 'integer' && !Number.isInteger(n)))
        throw invalid(p.property_name, `must be ${p.data_type === 'integer' ? 'an integer' : 'a number'}`);
      if (n < Number(p.min) || n > Number(p.max))
        throw invalid(p.property_name, `must be within ${p.min}..${p.max}`);
    }
  }
  d.last_active = ctx.nowMs;
  const response = isSync
    ? ctx.link.propsOf(ctx.link.responses, commandId).map((p) => ({
        parameter_name: p.property_name,
        parameter_value: p.data_type === 'integer' || p.data_type === 'number' ? '0' : 'success',
      }))
    : undefined;
  return okBody({
    service_id: serviceId,
    command_id: commandId,
    is_sync: isSync,
    ...(response ? { response } : {}),
  });
}

export function linkDeviceRoutes(): RouteDef[] {
  return [...groupRoutes(), ...deviceRoutes()];
}
