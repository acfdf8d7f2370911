import type { Extra, PageQuery } from './common.ts';

/** Instance detail (4.1.1). `create_time` is Unix seconds here (normalised to a number). */
export interface Instance extends Extra {
  id: string;
  project_id?: string;
  instance_name?: string;
  /** The instance list (OUTSIDE-SEED.md) calls it `name`; normalisation copies it to `instance_name`. */
  name?: string;
  status?: string;
  instance_statuses?: number;
  type?: string;
  spec?: string;
  create_time?: number;
  enterprise_project_id?: string;
  eip_address?: string;
  charging_mode?: number;
  cbc_metadata?: string;
  description?: string;
  vpc_id?: string;
  subnet_id?: string;
  security_group_id?: string;
  maintain_begin?: string;
  maintain_end?: string;
  ingress_ip?: string;
  user_id?: string;
  nat_eip_ipv6_cidr?: string;
  eip_ipv6_address?: string;
  nat_eip_address?: string;
  bandwidth_size?: number;
  /** Typed String in 4.1.1 (`"[region01, region02]"`), an array in the list call. */
  available_zone_ids?: string | string[];
  instance_version?: string;
  supported_features?: string[];
  ingress_ip_v6?: string;
}

/** Instance list row (`GET /v2/{project_id}/instances`, OUTSIDE-SEED.md). */
export interface InstanceSummary extends Extra {
  id: string;
  name?: string;
  description?: string;
  flavor_id?: string;
  flavor_type?: string;
  cpu_arch?: string;
  status?: string;
  charge_type?: string;
  project_id?: string;
  create_time?: string | number;
  update_time?: string;
  maintain_begin?: string;
  maintain_end?: string;
  publicip_address?: string;
  available_zone_ids?: string[];
  enterprise_project_id?: string;
}

export interface InstanceListQuery extends PageQuery {
  status?: string;
}

/** 4.1.2 */
export interface InstanceRestriction extends Extra {
  restrict_cidrs?: string[];
  resource_subnet_cidr?: string;
}

/** 4.22.1 */
export interface Feature extends Extra {
  id?: string;
  name: string;
  enable?: boolean;
  /** A JSON document inside a string. */
  config?: string;
  instance_id?: string;
  update_time?: string;
}
