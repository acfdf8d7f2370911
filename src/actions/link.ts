// Device-integration (LINK) mutations: force offline (6.2.3), delete devices (6.2.4), send a command
// (6.2.13), reset a device's secret (6.2.11) or a product's (6.4.11). Their confirmation texts, preconditions (the 7.4.4 rules
// the dashboard can already see) and steps, plugged into the one mutation machinery (kind 'link').
import type {
  CommandParameter,
  ForceOfflineResult,
  LinkAuthentication,
  ProductImportResult,
  SendCommandResult,
} from '../api/types/link.ts';
import type { Confirmation } from './confirm.ts';
import type { Refusal } from './preconditions.ts';
import type { Sent } from './port.ts';
import type { ItemResult } from './types.ts';

export interface DeviceRef {
  id: number;
  name: string;
  /** 0 not connected, 1 online, 2 offline (C7). */
  online?: number;
  /** 0 enabled, 1 disabled. */
  status?: number;
}

export interface NamedId {
  id: number;
  name: string;
}

export type LinkAction =
  | { kind: 'link'; op: 'force-offline'; devices: DeviceRef[]; skipped?: DeviceRef[] }
  | { kind: 'link'; op: 'delete-devices'; devices: DeviceRef[] }
  | {
      kind: 'link';
      op: 'send-command';
      device: DeviceRef;
      service: NamedId;
      command: NamedId;
      params: CommandParameter[];
      isSync: boolean;
    }
  | { kind: 'link'; op: 'reset-device-auth'; device: DeviceRef }
  /** 6.4.11: the product's "one secret per product type". */
  | { kind: 'link'; op: 'reset-product-auth'; product: NamedId }
  /** 6.1.6 (one batch) or 6.1.7 (one call per device). */
  | { kind: 'link'; op: 'group-members'; mode: 'add' | 'remove'; group: NamedId; devices: DeviceRef[] }
  /** 6.4.13: the CSV text of a file, uploaded as form data. */
  | { kind: 'link'; op: 'import-products'; fileName: string; csv: string; rows: number }
  /** 6.2.6: enable (0) or disable (1) devices; one call each. */
  | { kind: 'link'; op: 'set-device-status'; status: 0 | 1; devices: DeviceRef[] };

/** 6.2.1 */ /** The LINK calls the runner needs (client-port.ts adapts the LinkClient). */
export interface LinkPort {
  forceOffline(deviceIds: number[]): Promise<Sent<ForceOfflineResult>>;
  deleteDevice(deviceId: number): Promise<Sent<void>>;
  sendCommand(
    deviceId: number,
    req: { service_id: number; command_id: number; is_sync: boolean; requests: CommandParameter[] },
  ): Promise<Sent<SendCommandResult>>;
  resetDeviceAuth(deviceId: number): Promise<Sent<LinkAuthentication>>;
  resetProductAuth(productId: number): Promise<Sent<LinkAuthentication>>;
  addToGroup(groupId: number, deviceIds: number[]): Promise<Sent<void>>;
  removeFromGroup(groupId: number, deviceId: number): Promise<Sent<void>>;
  importProducts(csv: string, fileName: string): Promise<Sent<ProductImportResult>>;
  setDeviceStatus(deviceId: number, status: 0 | 1): Promise<Sent<void>>;
}

const MAX_LISTED = 8;
const names = (ds: DeviceRef[]): string[] => {
  const shown = ds.slice(0, MAX_LISTED).map((d) => `• ${d.name} (${d.id})`);
  if (ds.length > MAX_LISTED) shown.push(`… and ${ds.length - MAX_LISTED} more`);
  return shown;
};
const count = (n: number, noun = 'device') => `${n} ${noun}${n === 1 ? '' : 's'}`;

export function describeLinkAction(a: LinkAction): Confirmation {
  switch (a.op) {
    case 'force-offline':
      return {
        title:
          a.devices.length === 1
            ? `Force device ${a.devices[0]?.name} offline`
            : `Force ${count(a.devices.length)} offline`,
        effect: `${a.devices.length === 1 ? 'The device is' : 'The devices are'} disconnected now; each reconnects only by itself`,
        details: [
          ...names(a.devices),
          ...(a.skipped?.length ? [`left out (not online): ${a.skipped.map((d) => d.name).join(', ')}`] : []),
        ],
        destructive: true,
      };
    case 'delete-devices':
      return {
        title:
          a.devices.length === 1
            ? `Delete device ${a.devices[0]?.name}`
            : `Delete ${count(a.devices.length)}`,
        effect:
          'The devices, their credentials and shadows are removed for good; the devices can no longer connect',
        details: names(a.devices),
        destructive: true,
      };
    case 'send-command':
      return {
        title: `Send ${a.service.name}.${a.command.name} to ${a.device.name}`,
        effect: `The device executes ${a.command.name} ${a.isSync ? 'and its answer is awaited' : 'asynchronously (no answer awaited)'}`,
        details:
          a.params.length > 0
            ? a.params.map((p) => `${p.parameter_name} = ${p.parameter_value}`)
            : ['no parameters'],
        destructive: false,
      };
    case 'group-members':
      return a.mode === 'add'
        ? {
            title: `Add ${count(a.devices.length)} to group ${a.group.name}`,
            effect: `The devices become members of ${a.group.name}`,
            details: names(a.devices),
            destructive: false,
          }
        : {
            title: `Remove ${count(a.devices.length)} from group ${a.group.name}`,
            effect: `The devices stay, but are no longer members of ${a.group.name}`,
            details: names(a.devices),
            destructive: false,
          };
    case 'set-device-status':
      return a.status === 1
        ? {
            title:
              a.devices.length === 1
                ? `Disable device ${a.devices[0]?.name}`
                : `Disable ${count(a.devices.length)}`,
            effect: 'The devices can no longer connect or receive commands until enabled again',
            details: names(a.devices),
            destructive: true,
          }
        : {
            title:
              a.devices.length === 1
                ? `Enable device ${a.devices[0]?.name}`
                : `Enable ${count(a.devices.length)}`,
            effect: 'The devices may connect and receive commands again',
            details: names(a.devices),
            destructive: false,
          };
    case 'import-products':
      return {
        title: `Import products from ${a.fileName}`,
        effect: `${count(a.rows, 'product')} in the file are created; products whose name exists already are left out`,
        details: [],
        destructive: false,
      };
    case 'reset-device-auth':
      return {
        title: `Reset the secret of device ${a.device.name}`,
        effect: 'A new password is generated; the device cannot connect until it is given the new one',
        details: [],
        destructive: true,
      };
    case 'reset-product-auth':
      // 6.4.11 states no effect on connected devices; only what the reset certainly does is claimed.
      return {
        title: `Reset the secret of product ${a.product.name}`,
        effect:
          'A new product secret (one secret per product type) replaces the old one; devices that authenticate with the product secret need the new one (6.4.11 does not say whether connected devices are dropped)',
        details: [`• ${a.product.name} (${a.product.id})`],
        destructive: true,
      };
  }
}

export function linkSubject(a: LinkAction): { object: string; env: string } {
  switch (a.op) {
    case 'force-offline':
    case 'delete-devices':
      return { object: `devices:${a.devices.map((d) => d.id).join(',')}`, env: '-' };
    case 'send-command':
      return {
        object: `device:${a.device.name}(${a.device.id}) command:${a.service.name}.${a.command.name}`,
        env: '-',
      };
    case 'reset-device-auth':
      return { object: `device:${a.device.name}(${a.device.id}) authentication`, env: '-' };
    case 'reset-product-auth':
      return { object: `product:${a.product.name}(${a.product.id}) authentication`, env: '-' };
    case 'group-members':
      return {
        object: `group:${a.group.name}(${a.group.id}) ${a.mode} devices:${a.devices.map((d) => d.id).join(',')}`,
        env: '-',
      };
    case 'set-device-status':
      return {
        object: `devices:${a.devices.map((d) => d.id).join(',')} status:${a.status === 1 ? 'disabled' : 'enabled'}`,
        env: '-',
      };
    case 'import-products':
      return { object: `products:file ${a.fileName} (${a.rows} rows)`, env: '-' };
  }
}

/** ROMA.00111005 / 00111006 predicted: commands go only to online, enabled devices. */
export function checkSendCommand(d: DeviceRef): Refusal | null {
  if (d.status === 1)
    return {
      code: 'DEVICE_DISABLED',
      reason: `Device ${d.name} is disabled: commands cannot be delivered to it (ROMA.00111006)`,
      hint: 'Enable the device first.',
    };
  if (d.online !== 1)
    return {
      code: 'DEVICE_NOT_ONLINE',
      reason: `Device ${d.name} is ${d.online === 0 ? 'not connected' : 'offline'}: commands cannot be delivered to it (ROMA.00111005)`,
      hint: 'Wait until the device is online, then send the command again.',
    };
  return null;
}

/** Force offline only what is online; nothing online is refused before sending. */
export function planForceOffline(devices: DeviceRef[]): { action?: LinkAction; refusal?: Refusal } {
  const send = devices.filter((d) => d.online === 1);
  const skipped = devices.filter((d) => d.online !== 1);
  if (send.length === 0)
    return {
      refusal: {
        code: 'NOTHING_SELECTED',
        reason: `${devices.length === 1 ? `Device ${devices[0]?.name} is` : 'None of the devices is'} online: there is nothing to take offline`,
        hint: 'Only online devices can be forced offline.',
      },
    };
  return {
    action: { kind: 'link', op: 'force-offline', devices: send, ...(skipped.length ? { skipped } : {}) },
  };
}

/** ROMA.00111009 predicted: online devices cannot be deleted; the alternative forces them offline first. */
export function checkDeleteDevices(devices: DeviceRef[]): Refusal | null {
  const online = devices.filter((d) => d.online === 1);
  if (online.length === 0) return null;
  return {
    code: 'DEVICE_ONLINE',
    reason: `${online.length === 1 ? `Device ${online[0]?.name} is` : `${count(online.length)} are`} online: an online device cannot be deleted (ROMA.00111009)`,
    hint: 'Force it offline first (r), then delete it.',
    alternative: {
      label: `force ${count(online.length)} offline`,
      action: { kind: 'link', op: 'force-offline', devices: online },
    },
  };
}

interface Step {
  label: string;
  run: () => Promise<{ items: ItemResult[]; requestId?: string }>;
}

const withId = <T>(sent: Sent<T>, items: ItemResult[]) =>
  sent.requestId ? { items, requestId: sent.requestId } : { items };

/** A step for one device whose service refusal (an error with a code) is that device's result, not the end. */
function oneEach(label: string, d: DeviceRef, call: () => Promise<Sent<void>>): Step {
  return {
    label,
    async run() {
      try {
        return withId(await call(), [{ label: d.name, id: String(d.id), ok: true }]);
      } catch (e) {
        const err = e as { errorCode?: string; errorMsg?: string; requestId?: string };
        if (!err.errorCode) throw e;
        return {
          items: [
            {
              label: d.name,
              id: String(d.id),
              ok: false,
              errorCode: err.errorCode,
              errorMsg: err.errorMsg ?? '',
            },
          ],
          ...(err.requestId ? { requestId: err.requestId } : {}),
        };
      }
    },
  };
}

/** The result of a synchronous command as one line: `result=success, relay_state=off`. */
export function commandAnswer(r: SendCommandResult): string {
  const pairs = (r.response ?? []).map((p) => `${p.parameter_name}=${p.parameter_value}`);
  return pairs.length > 0 ? pairs.join(', ') : r.is_sync === false ? 'accepted (asynchronous)' : 'accepted';
}

export function linkSteps(port: LinkPort | undefined, a: LinkAction): Step[] {
  const p = (): LinkPort => {
    if (!port) throw new Error('device integration is not available for this instance');
    return port;
  };
  switch (a.op) {
    case 'force-offline':
      return [
        {
          label: `force ${count(a.devices.length)} offline`,
          async run() {
            const sent = await p().forceOffline(a.devices.map((d) => d.id));
            const failed = new Set(sent.data.failed.map((f) => f.id));
            return withId(
              sent,
              a.devices.map((d) =>
                failed.has(d.id)
                  ? {
                      label: d.name,
                      id: String(d.id),
                      ok: false,
                      errorCode: 'ROMA.00111004',
                      errorMsg: 'not taken offline',
                    }
                  : { label: d.name, id: String(d.id), ok: true, detail: 'offline' },
              ),
            );
          },
        },
      ];
    case 'delete-devices':
      // One DELETE each: a refusal (online, has sub-devices) is that device's result, the others go on.
      return a.devices.map((d) => oneEach(`delete ${d.name}`, d, () => p().deleteDevice(d.id)));
    case 'send-command':
      return [
        {
          label: `send ${a.command.name} to ${a.device.name}`,
          async run() {
            const sent = await p().sendCommand(a.device.id, {
              service_id: a.service.id,
              command_id: a.command.id,
              is_sync: a.isSync,
              requests: a.params,
            });
            return withId(sent, [
              { label: a.device.name, id: String(a.device.id), ok: true, detail: commandAnswer(sent.data) },
            ]);
          },
        },
      ];
    case 'group-members':
      if (a.mode === 'add')
        return [
          {
            label: `add ${count(a.devices.length)} to ${a.group.name}`,
            async run() {
              const sent = await p().addToGroup(
                a.group.id,
                a.devices.map((d) => d.id),
              );
              return withId(
                sent,
                a.devices.map((d) => ({ label: d.name, id: String(d.id), ok: true })),
              );
            },
          },
        ];
      // One DELETE each (6.1.7); a device that is not a member is that device's failure.
      return a.devices.map((d) =>
        oneEach(`remove ${d.name} from ${a.group.name}`, d, () => p().removeFromGroup(a.group.id, d.id)),
      );
    case 'set-device-status':
      return a.devices.map((d) =>
        oneEach(`${a.status === 1 ? 'disable' : 'enable'} ${d.name}`, d, () =>
          p().setDeviceStatus(d.id, a.status),
        ),
      );
    case 'import-products':
      return [
        {
          label: `import ${a.fileName}`,
          async run() {
            const sent = await p().importProducts(a.csv, a.fileName);
            const r = sent.data;
            const failed = (r.fail_objects_ids ?? []).map((name) => ({
              label: name,
              id: name,
              ok: false,
              errorCode: 'NOT_IMPORTED',
              errorMsg: 'already exists or invalid',
            }));
            const ok =
              r.succ_num > 0
                ? [
                    {
                      label: a.fileName,
                      id: a.fileName,
                      ok: true,
                      detail: `${count(r.succ_num, 'product')} imported`,
                    },
                  ]
                : [];
            return withId(sent, [...ok, ...failed]);
          },
        },
      ];
    case 'reset-device-auth':
      return [
        {
          label: `reset the secret of ${a.device.name}`,
          async run() {
            const sent = await p().resetDeviceAuth(a.device.id);
            // The new secret is not put in the outcome (it would reach the audit log): the detail view shows it masked.
            return withId(sent, [
              {
                label: a.device.name,
                id: String(a.device.id),
                ok: true,
                detail: 'new secret issued (x reveals it in the detail)',
              },
            ]);
          },
        },
      ];
    case 'reset-product-auth':
      return [
        {
          label: `reset the secret of ${a.product.name}`,
          async run() {
            const sent = await p().resetProductAuth(a.product.id);
            // As for devices: the secret stays out of the outcome and so out of the audit log.
            return withId(sent, [
              {
                label: a.product.name,
                id: String(a.product.id),
                ok: true,
                detail: 'new secret issued (x reveals it in the Authentication tab)',
              },
            ]);
          },
        },
      ];
  }
}
