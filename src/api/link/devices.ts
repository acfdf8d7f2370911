// 6.2 devices: list/detail, force offline, topics, sub-devices, shadow, authentication, commands.
import { deleteAt, getObject, lister, send, seg, type Lister, type Scope } from '../resource.ts';
import type { CallOptions } from '../types/common.ts';
import type {
  Device,
  DeviceCreate,
  DeviceListQuery,
  DeviceTopic,
  DeviceTopicQuery,
  DeviceUpdate,
  ForceOfflineResult,
  LinkAuthentication,
  SendCommandRequest,
  SendCommandResult,
  ShadowService,
  SubDeviceQuery,
} from '../types/link.ts';
import { getArray, normalizeLink, sendForArray } from './base.ts';
import * as S from './schemas.ts';

export interface DevicesClient extends Lister<Device, DeviceListQuery> {
  /** 6.2.1 (201) */
  create(req: DeviceCreate, opts?: CallOptions): Promise<Device>;
  /** 6.2.3: per-device `success` / `failed`. */
  forceOffline(deviceIds: number[], opts?: CallOptions): Promise<ForceOfflineResult>;
  /** 6.2.4: refused for an online device (ROMA.00111009) or a gateway with sub-devices (ROMA.00111011). */
  remove(deviceId: number, opts?: CallOptions): Promise<void>;
  /** 6.2.5 */
  get(deviceId: number, opts?: CallOptions): Promise<Device>;
  /** 6.2.6 */
  update(deviceId: number, req: DeviceUpdate, opts?: CallOptions): Promise<Device>;
  /** 6.2.7 */
  topics(deviceId: number): Lister<DeviceTopic, DeviceTopicQuery>;
  /** 6.2.8: answered by a bare array of the attached devices. */
  addSubDevices(gatewayId: number, deviceIds: number[], opts?: CallOptions): Promise<Device[]>;
  /** 6.2.9 */
  subDevices(gatewayId: number): Lister<Device, SubDeviceQuery>;
  /** 6.2.10: a bare array (the reference's example is `null`, read as empty). */
  shadow(deviceId: number, opts?: CallOptions): Promise<ShadowService[]>;
  /** 6.2.11 */
  resetAuthentication(deviceId: number, opts?: CallOptions): Promise<LinkAuthentication>;
  /** 6.2.12 */
  authentication(deviceId: number, opts?: CallOptions): Promise<LinkAuthentication>;
  /** 6.2.13: refused for not-connected/offline (ROMA.00111005) and disabled (ROMA.00111006) devices. */
  sendCommand(deviceId: number, req: SendCommandRequest, opts?: CallOptions): Promise<SendCommandResult>;
}

export function devicesClient(scope: Scope): DevicesClient {
  const one = (id: number) => `/devices/${seg(String(id))}`;
  const list = lister<Device, DeviceListQuery>(scope, '/devices', 'items', S.device, normalizeLink);
  return {
    ...list,
    create: (req, opts) =>
      send(scope, {
        method: 'POST',
        path: '/devices',
        body: req,
        schema: S.device,
        norm: normalizeLink,
        ...opts,
      }),
    async forceOffline(deviceIds, opts) {
      const r = await send<Partial<ForceOfflineResult> | undefined>(scope, {
        method: 'POST',
        path: '/devices/force-offline',
        body: { device_ids: deviceIds },
        schema: S.forceOffline,
        norm: normalizeLink,
        ...opts,
      });
      return { ...r, success: r?.success ?? [], failed: r?.failed ?? [] };
    },
    remove: (id, opts) => deleteAt(scope, one(id), opts),
    get: (id, opts) => getObject(scope, { path: one(id), schema: S.device, norm: normalizeLink, ...opts }),
    update: (id, req, opts) =>
      send(scope, {
        method: 'PUT',
        path: one(id),
        body: req,
        schema: S.device,
        norm: normalizeLink,
        ...opts,
      }),
    topics: (id) => lister(scope, `${one(id)}/topics`, 'items', S.deviceTopic, normalizeLink),
    addSubDevices: (id, deviceIds, opts) =>
      sendForArray<Device>(scope, 'POST', `${one(id)}/subsets`, { resources: deviceIds }, S.device, opts),
    subDevices: (id) => lister(scope, `${one(id)}/subsets`, 'items', S.device, normalizeLink),
    shadow: (id, opts) => getArray<ShadowService>(scope, `${one(id)}/shadow`, S.shadowService, opts),
    resetAuthentication: (id, opts) =>
      send(scope, { method: 'PUT', path: `${one(id)}/authentication`, schema: S.authentication, ...opts }),
    authentication: (id, opts) =>
      getObject(scope, { path: `${one(id)}/authentication`, schema: S.authentication, ...opts }),
    async sendCommand(id, req, opts) {
      const r = await send<SendCommandResult | undefined>(scope, {
        method: 'POST',
        path: `${one(id)}/send-command`,
        body: req,
        schema: S.sendCommand,
        norm: normalizeLink,
        ...opts,
      });
      return r ?? {};
    },
  };
}
