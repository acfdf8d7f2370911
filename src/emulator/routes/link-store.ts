// The emulator's device-integration (LINK) state of one instance: records, integer ids (C6) and the
// indexes that keep device lists O(page) at 100,000 devices (insertion order array, per-product lists).

export interface LinkUserRec {
  user_id: string | null;
  user_name: string;
}

export interface GroupRec {
  id: number;
  name: string;
  parent_id: number;
  description: string;
  app_id: string;
  /** Date strings (6.1.1), unlike every other LINK timestamp. */
  created: string;
  updated: string;
  devices: Set<number>;
}

export interface ShadowCell {
  value: string;
  at: number;
}

export interface DeviceRec {
  id: number;
  device_name: string;
  node_id: string;
  client_id: string;
  product_id: number;
  app_id: string;
  status: number;
  online_status: number;
  description: string;
  tags: string[];
  auth: { user_name: string; password: string };
  created: number;
  updated: number;
  last_login: number | null;
  last_active: number | null;
  /** 0 directly connected, 1 gateway, 2 sub-device. */
  node_type: number;
  parent_id: number | null;
  client_ip: string;
  keep_alive: string;
  version: string;
  /** service id → property name → last reported value. */
  shadow: Map<number, Map<string, ShadowCell>>;
}

export interface ProductRec {
  id: number;
  name: string;
  product_serial: string;
  app_id: string;
  manufacturer_id: string;
  manufacturer_name: string;
  model: string;
  product_type: number;
  protocol_type: number;
  description: string;
  device_type: string;
  version: string;
  data_format: number;
  template_id: number | null;
  auth: { user_name: string; password: string };
  created: number;
}

export interface ProductTopicRec {
  topic_id: number;
  product_id: number;
  topic_name: string;
  permission: number;
  version: string;
  description: string;
}

export interface TemplateRec {
  id: number;
  name: string;
  description: string;
  status: number;
  created: number;
  updated: number;
}

export interface ServiceRec {
  service_id: number;
  product_id: number | null;
  product_template_id: number | null;
  service_name: string;
  description: string;
  status: number;
  created: number;
  updated: number;
}

export interface PropertyRec {
  property_id: number;
  /** The service (service properties) or the command (request/response properties) it belongs to. */
  owner: number;
  property_name: string;
  description: string;
  data_type: string;
  required: number;
  min: string;
  max: string;
  step: string;
  max_length: number;
  unit: string;
  enum_list: string;
}

export interface CommandRec {
  command_id: number;
  service_id: number;
  command_name: string;
  description: string;
}

export interface RuleRec {
  rule_id: number;
  name: string;
  app_id: string;
  description: string;
  status: number;
  data_parsing_status: number;
  sql_field: string;
  sql_where: string;
  created: number;
  updated: number;
}

export interface SourceRec {
  source_id: number;
  rule_id: number;
  product_id: number;
  device_id: number | null;
  topic: string;
  is_base64: number;
  contain_device_info: number;
}

export interface DestinationRec {
  destination_id: number;
  rule_id: number;
  destination_type: number;
  app_id: string;
  destination_name: string;
  topic: string;
  server: string;
  token: string;
  tag: string;
  mqs_sasl_ssl: boolean;
  user_name: string;
  password: string;
}

export const LINK_CONNECT = {
  connect_address: '192.168.0.10:1883',
  ssl_connect_address: '192.168.0.10:8883',
  ipv6_connect_address: '',
  ipv6_ssl_connect_address: '',
};

export const PERMISSIONS = ['read', 'access', 'delete', 'modify'];

export class LinkStore {
  /** Integration applications (dashed UUID → name) LINK objects belong to. */
  readonly apps = new Map<string, string>();
  readonly groups = new Map<number, GroupRec>();
  readonly devices = new Map<number, DeviceRec>();
  readonly products = new Map<number, ProductRec>();
  readonly productTopics = new Map<number, ProductTopicRec>();
  readonly templates = new Map<number, TemplateRec>();
  readonly services = new Map<number, ServiceRec>();
  readonly properties = new Map<number, PropertyRec>();
  readonly commands = new Map<number, CommandRec>();
  readonly requests = new Map<number, PropertyRec>();
  readonly responses = new Map<number, PropertyRec>();
  readonly rules = new Map<number, RuleRec>();
  readonly sources = new Map<number, SourceRec>();
  readonly destinations = new Map<number, DestinationRec>();
  readonly user: LinkUserRec = { user_id: null, user_name: 'roma_admin' };

  /** Device ids in creation order (unfiltered pages are a slice). */
  private deviceOrder: number[] = [];
  private readonly byProduct = new Map<number, number[]>();
  private readonly children = new Map<number, Set<number>>();
  private readonly nodeIds = new Map<string, number>();
  private seq = 100_000;

  nextId(): number {
    return ++this.seq;
  }

  peekSeq(): number {
    return this.seq;
  }

  restoreSeq(n: number): void {
    this.seq = Math.max(this.seq, n);
  }

  addDevice(d: DeviceRec): void {
    this.devices.set(d.id, d);
    this.deviceOrder.push(d.id);
    const list = this.byProduct.get(d.product_id);
    if (list) list.push(d.id);
    else this.byProduct.set(d.product_id, [d.id]);
    this.nodeIds.set(d.node_id, d.id);
    if (d.parent_id !== null) this.attach(d.parent_id, d.id);
  }

  removeDevice(id: number): void {
    const d = this.devices.get(id);
    if (!d) return;
    this.devices.delete(id);
    this.deviceOrder = this.deviceOrder.filter((x) => x !== id);
    const list = this.byProduct.get(d.product_id);
    if (list)
      this.byProduct.set(
        d.product_id,
        list.filter((x) => x !== id),
      );
    this.nodeIds.delete(d.node_id);
    if (d.parent_id !== null) this.children.get(d.parent_id)?.delete(id);
    for (const g of this.groups.values()) g.devices.delete(id);
  }

  renameNode(d: DeviceRec, nodeId: string): void {
    this.nodeIds.delete(d.node_id);
    d.node_id = nodeId;
    this.nodeIds.set(nodeId, d.id);
  }

  deviceByNodeId(nodeId: string): DeviceRec | undefined {
    const id = this.nodeIds.get(nodeId);
    return id === undefined ? undefined : this.devices.get(id);
  }

  attach(parentId: number, childId: number): void {
    let set = this.children.get(parentId);
    if (!set) this.children.set(parentId, (set = new Set()));
    set.add(childId);
  }

  childrenOf(parentId: number): number[] {
    return [...(this.children.get(parentId) ?? [])];
  }

  /** All device ids, or a product's, in creation order (no copy: callers only read). */
  deviceIds(productId?: number): readonly number[] {
    return productId === undefined ? this.deviceOrder : (this.byProduct.get(productId) ?? []);
  }

  /** 1 for a top-level group. */
  groupDepth(id: number): number {
    let depth = 0;
    for (let g = this.groups.get(id); g; g = g.parent_id ? this.groups.get(g.parent_id) : undefined) depth++;
    return depth;
  }

  /** Height of the subtree below a group, the group itself counting 1. */
  groupHeight(id: number): number {
    let h = 0;
    for (const g of this.groups.values()) if (g.parent_id === id) h = Math.max(h, this.groupHeight(g.id));
    return h + 1;
  }

  groupSubtree(id: number): number[] {
    const out = [id];
    for (const g of this.groups.values()) if (g.parent_id === id) out.push(...this.groupSubtree(g.id));
    return out;
  }

  servicesOfProduct(productId: number): ServiceRec[] {
    return [...this.services.values()].filter((s) => s.product_id === productId);
  }

  commandsOf(serviceId: number): CommandRec[] {
    return [...this.commands.values()].filter((c) => c.service_id === serviceId);
  }

  propsOf(map: Map<number, PropertyRec>, owner: number): PropertyRec[] {
    return [...map.values()].filter((p) => p.owner === owner);
  }
}

/** ISO date of a timestamp, as device groups show it (`2020-12-11`). */
export function dateOnly(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A LinkStore as JSON (`--state`): maps become arrays, sets and shadows become entry lists. */
export interface PersistedLink {
  seq: number;
  apps: Array<[string, string]>;
  groups: Array<Omit<GroupRec, 'devices'> & { devices: number[] }>;
  devices: Array<Omit<DeviceRec, 'shadow'> & { shadow: Array<[number, Array<[string, ShadowCell]>]> }>;
  products: ProductRec[];
  productTopics: ProductTopicRec[];
  templates: TemplateRec[];
  services: ServiceRec[];
  properties: PropertyRec[];
  commands: CommandRec[];
  requests: PropertyRec[];
  responses: PropertyRec[];
  rules: RuleRec[];
  sources: SourceRec[];
  destinations: DestinationRec[];
}

export function persistLink(s: LinkStore): PersistedLink {
  return {
    seq: s.peekSeq(),
    apps: [...s.apps],
    groups: [...s.groups.values()].map((g) => ({ ...g, devices: [...g.devices] })),
    devices: s.deviceIds().flatMap((id) => {
      const d = s.devices.get(id);
      return d
        ? [
            {
              ...d,
              shadow: [...d.shadow].map(([k, m]) => [k, [...m]] as [number, Array<[string, ShadowCell]>]),
            },
          ]
        : [];
    }),
    products: [...s.products.values()],
    productTopics: [...s.productTopics.values()],
    templates: [...s.templates.values()],
    services: [...s.services.values()],
    properties: [...s.properties.values()],
    commands: [...s.commands.values()],
    requests: [...s.requests.values()],
    responses: [...s.responses.values()],
    rules: [...s.rules.values()],
    sources: [...s.sources.values()],
    destinations: [...s.destinations.values()],
  };
}

export function restoreLink(p: PersistedLink): LinkStore {
  const s = new LinkStore();
  s.restoreSeq(p.seq);
  for (const [k, v] of p.apps ?? []) s.apps.set(k, v);
  for (const g of p.groups ?? []) s.groups.set(g.id, { ...g, devices: new Set(g.devices) });
  // Creation order is kept (device pages are slices of it); addDevice rebuilds the indexes.
  for (const d of p.devices ?? [])
    s.addDevice({ ...d, shadow: new Map(d.shadow.map(([k, m]) => [k, new Map(m)])) });
  const fill = <T>(map: Map<number, T>, list: T[] | undefined, id: (t: T) => number) => {
    for (const t of list ?? []) map.set(id(t), t);
  };
  fill(s.products, p.products, (x) => x.id);
  fill(s.productTopics, p.productTopics, (x) => x.topic_id);
  fill(s.templates, p.templates, (x) => x.id);
  fill(s.services, p.services, (x) => x.service_id);
  fill(s.properties, p.properties, (x) => x.property_id);
  fill(s.commands, p.commands, (x) => x.command_id);
  fill(s.requests, p.requests, (x) => x.property_id);
  fill(s.responses, p.responses, (x) => x.property_id);
  fill(s.rules, p.rules, (x) => x.rule_id);
  fill(s.sources, p.sources, (x) => x.source_id);
  fill(s.destinations, p.destinations, (x) => x.destination_id);
  return s;
}
