// The resource registry: palette names, aliases and completion all derive from the descriptors.
import { aclsScreen } from './acls.ts';
import { apisScreen } from './apis.ts';
import { appsScreen } from './apps.ts';
import { authorizersScreen } from './authorizers.ts';
import { envsScreen } from './envs.ts';
import { groupsScreen } from './groups.ts';
import { instancesScreen } from './instances.ts';
import { messagesScreen } from './messages.ts';
import { mqsScreen } from './mqs.ts';
import { signsScreen } from './signs.ts';
import { throttlesScreen } from './throttles.ts';
import { topicsScreen } from './topics.ts';
import type { ResourceAction, ResourceDescriptor } from './types.ts';
import { vpcsScreen } from './vpcs.ts';
import { devicesScreen } from './devices.ts';
import { deviceGroupsScreen } from './device-groups.ts';
import { productsScreen } from './products.ts';
import { templatesScreen } from './templates.ts';
import { rulesScreen } from './rules.ts';
import { servicesScreen } from './services.ts';
import { GATEWAY_MORE_SCREENS } from './gateway-more/index.ts';
import { auditScreen } from './audit.ts';
import { pulseScreen } from './pulse.ts';

export const RESOURCES: readonly ResourceDescriptor[] = [
  instancesScreen,
  groupsScreen,
  apisScreen,
  envsScreen,
  throttlesScreen,
  aclsScreen,
  signsScreen,
  appsScreen,
  vpcsScreen,
  authorizersScreen,
  mqsScreen,
  topicsScreen,
  messagesScreen,
  devicesScreen,
  deviceGroupsScreen,
  productsScreen,
  templatesScreen,
  rulesScreen,
  servicesScreen,
  ...GATEWAY_MORE_SCREENS,
  auditScreen,
  pulseScreen,
];

const byId = new Map(RESOURCES.map((r) => [r.id, r]));

export function resourceById(id: string): ResourceDescriptor | undefined {
  return byId.get(id);
}

/** Later features register extra descriptors (issue 5/6) through this. */
export function registerResource(d: ResourceDescriptor): void {
  if (byId.has(d.id)) throw new Error(`resource ${d.id} already registered`);
  (RESOURCES as ResourceDescriptor[]).push(d);
  byId.set(d.id, d);
}

// Actions are registered apart from the descriptors: the flows (screens/actions) import the modal
// registry, which imports this module, so a descriptor importing them would be an import cycle.
const extraActions = new Map<string, ResourceAction<unknown>[]>();

/** Adds actions to a resource (issue 5 flows, `d` debug); idempotent per command. */
export function registerActions(resourceId: string, actions: ReadonlyArray<ResourceAction<unknown>>): void {
  const list = extraActions.get(resourceId) ?? [];
  for (const a of actions) {
    const i = list.findIndex((x) => x.command === a.command);
    if (i >= 0) list[i] = a;
    else list.push(a);
  }
  extraActions.set(resourceId, list);
}

/** The descriptor's own actions, then the registered ones (a registered command wins). */
export function actionsOf(d: ResourceDescriptor): ReadonlyArray<ResourceAction<unknown>> {
  const extra = extraActions.get(d.id) ?? [];
  return [...(d.actions ?? []).filter((a) => !extra.some((x) => x.command === a.command)), ...extra];
}

/** Palette command: a resource, or `ctx` (switch instance/profile). */
export interface PaletteEntry {
  name: string;
  aliases: readonly string[];
  title: string;
  /** Resource id, or `ctx`. */
  target: string;
}

export function paletteEntries(): PaletteEntry[] {
  return [
    ...RESOURCES.map((r) => ({ name: r.id, aliases: r.aliases, title: r.title, target: r.id })),
    { name: 'ctx', aliases: ['context', 'instance-switch'], title: 'Switch instance', target: 'ctx' },
  ];
}

/** Resolves typed palette text (with or without the leading `:`) by name, alias, then unique prefix. */
export function resolvePalette(input: string): PaletteEntry | undefined {
  const q = input.trim().replace(/^:/, '').toLowerCase();
  if (!q) return undefined;
  const entries = paletteEntries();
  const exact = entries.find((e) => e.name === q || e.aliases.includes(q));
  if (exact) return exact;
  const prefixed = entries.filter((e) => e.name.startsWith(q) || e.aliases.some((a) => a.startsWith(q)));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** Completion candidates for palette text, best first. */
export function completePalette(input: string): PaletteEntry[] {
  const q = input.trim().replace(/^:/, '').toLowerCase();
  const entries = paletteEntries();
  if (!q) return entries;
  return entries.filter((e) => e.name.startsWith(q) || e.aliases.some((a) => a.startsWith(q)));
}
