// Shared formatting of the LINK screens: epoch-ms timestamps (C5), the 0/1/2 enumerations (C7) and
// the status colours. Output is raw text: the components sanitise.
import type { Device } from '../src/api/types/link.ts';
import type { ColorValue, Theme } from '../src/ui/theme.ts';
import type { LinkClient } from '../src/api/client.ts';
import { preloadViews, linkViews } from './family-views.ts';
import { ago, DASH, fmtTime } from './format.ts';
import type { Column, FetchContext } from './types.ts';

/** The LINK client of the screen's instance (LINK screens are instance-scoped); loaded on first use. */
export function linkOf(ctx: Pick<FetchContext, 'client' | 'instanceId'>): Promise<LinkClient> {
  return preloadViews(linkViews, ctx.client.link(ctx.instanceId as string));
}

/** Epoch milliseconds as the ISO instant the shared formatters read (`2024-05-06T02:00:00Z`). */
export function msIso(v: unknown): string | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v > 0
    ? new Date(v).toISOString().replace(/\.\d{3}Z$/, 'Z')
    : undefined;
}

export const msTime = (v: unknown): string => fmtTime(msIso(v));
export const msAgo = (v: unknown): string => (msIso(v) ? ago(msIso(v)) : DASH);

/** The device's state as the on-call engineer reads it: disabled wins over the connection state. */
export function deviceState(d: Pick<Device, 'status' | 'online_status'>): string {
  if (d.status === 1) return 'disabled';
  switch (d.online_status) {
    case 1:
      return 'online';
    case 2:
      return 'offline';
    case 0:
      return 'inactive';
    default:
      return DASH;
  }
}

export function deviceStateColor(d: Pick<Device, 'status' | 'online_status'>, theme: Theme): ColorValue {
  const t = theme.tokens;
  switch (deviceState(d)) {
    case 'online':
      return t.success;
    case 'offline':
      return t.warning;
    case 'disabled':
      return t.danger;
    default:
      return t.muted;
  }
}

export const NODE_TYPES = ['direct', 'gateway', 'sub-device'];
export const nodeType = (v: number | undefined): string =>
  v === undefined ? DASH : (NODE_TYPES[v] ?? String(v));
export const enabled = (v: number | undefined): string => (v === 0 ? 'enabled' : v === 1 ? 'disabled' : DASH);
export const enabledColor = (v: number | undefined, theme: Theme): ColorValue =>
  v === 0 ? theme.tokens.success : v === 1 ? theme.tokens.muted : undefined;
/** The STATUS column of the LINK lists with a 0 enabled / 1 disabled `status`. */
export function enabledColumn<T extends { status?: number }>(): Column<T> {
  return {
    id: 'status',
    title: 'STATUS',
    width: 8,
    get: (r) => enabled(r.status),
    color: (r, t) => enabledColor(r.status, t),
  };
}

/** The UPDATED column (epoch ms `last_updated_datetime`, sorted by the instant). */
export function updatedColumn<T extends { last_updated_datetime?: number }>(): Column<T> {
  return {
    id: 'updated',
    title: 'UPDATED',
    width: 9,
    align: 'right',
    get: (r) => msAgo(r.last_updated_datetime),
    sortValue: (r) => r.last_updated_datetime ?? 0,
  };
}
export const protocol = (v: number | undefined): string =>
  v === 0 ? 'MQTT' : v === 2 ? 'Modbus' : v === 4 ? 'OPC UA' : v === undefined ? DASH : String(v);
export const productType = (v: number | undefined): string =>
  v === 0 ? 'ordinary' : v === 1 ? 'gateway' : DASH;
export const permission = (v: number | undefined): string =>
  v === 0 ? 'publish' : v === 1 ? 'subscribe' : DASH;
/** 0 = yes, 1 = no for `is_base64` / `contain_device_info` (C7). */
export const zeroYes = (v: number | undefined): string => (v === 0 ? 'yes' : v === 1 ? 'no' : DASH);
export const destinationType = (v: number | undefined): string =>
  v === 0 ? 'MQS (this instance)' : v === 7 ? 'device' : v === undefined ? DASH : String(v);

/** The device-integration screens (registry ids). */
export const LINK_SCREEN_IDS: readonly string[] = [
  'devices',
  'device-groups',
  'products',
  'templates',
  'rules',
  'services',
];
