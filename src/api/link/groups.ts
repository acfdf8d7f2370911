// 6.1 device groups: a tree per integration application, membership added/removed per device.
import { deleteAt, getObject, send, seg, type Scope } from '../resource.ts';
import type { CallOptions } from '../types/common.ts';
import type { DeviceGroup, DeviceGroupCreate, DeviceGroupNode, DeviceGroupUpdate } from '../types/link.ts';
import { atBoundary, validateObject } from '../validate.ts';
import { normalizeLink } from './base.ts';
import * as S from './schemas.ts';

export interface DeviceGroupsClient {
  /** 6.1.1 (200 "Created"); refused for a duplicate name, a missing parent or a sixth level. */
  create(req: DeviceGroupCreate, opts?: CallOptions): Promise<DeviceGroup>;
  /** 6.1.2: the whole tree of one application (no paging; `app_id` required). */
  tree(appId: string, opts?: CallOptions): Promise<DeviceGroupNode[]>;
  /** 6.1.3: refused while the group has devices (ROMA.00111302). */
  remove(groupId: number, opts?: CallOptions): Promise<void>;
  /** 6.1.4 */
  get(groupId: number, opts?: CallOptions): Promise<DeviceGroup>;
  /** 6.1.5 */
  update(groupId: number, req: DeviceGroupUpdate, opts?: CallOptions): Promise<DeviceGroup>;
  /** 6.1.6 */
  addDevices(groupId: number, deviceIds: number[], opts?: CallOptions): Promise<void>;
  /** 6.1.7 */
  removeDevice(groupId: number, deviceId: number, opts?: CallOptions): Promise<void>;
}

export function deviceGroupsClient(scope: Scope): DeviceGroupsClient {
  const one = (id: number) => `/device-groups/${seg(String(id))}`;
  return {
    create: (req, opts) =>
      send(scope, {
        method: 'POST',
        path: '/device-groups',
        body: req,
        schema: S.deviceGroup,
        norm: normalizeLink,
        ...opts,
      }),
    async tree(appId, opts) {
      const path = '/device-groups';
      const res = await scope.t.request({
        method: 'GET',
        path: scope.base + path,
        query: { app_id: appId },
        signal: opts?.signal,
      });
      return atBoundary('GET', scope.base + path, undefined, () => {
        const env = validateObject(res.body ?? {}, { fields: { items: [S.deviceGroupNode] } }, '$');
        return (env.items as DeviceGroupNode[] | undefined) ?? [];
      });
    },
    remove: (id, opts) => deleteAt(scope, one(id), opts),
    get: (id, opts) =>
      getObject(scope, { path: one(id), schema: S.deviceGroup, norm: normalizeLink, ...opts }),
    update: (id, req, opts) =>
      send(scope, {
        method: 'PUT',
        path: one(id),
        body: req,
        schema: S.deviceGroup,
        norm: normalizeLink,
        ...opts,
      }),
    addDevices: async (id, deviceIds, opts) => {
      await send(scope, {
        method: 'POST',
        path: `${one(id)}/devices/batch-add`,
        body: { resources: deviceIds },
        ...opts,
      });
    },
    removeDevice: (id, deviceId, opts) =>
      deleteAt(scope, `${one(id)}/devices/${seg(String(deviceId))}`, opts),
  };
}
