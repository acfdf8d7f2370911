// Device integration (LINK, section 6): the 72 routes under /v2/{project_id}/link/instances/{instance_id}.
import type { RouteDef } from './common.ts';
import { linkDeviceRoutes } from './link-devices.ts';
import { linkProductRoutes } from './link-products.ts';
import { linkRuleRoutes } from './link-rules.ts';
import { linkServiceRoutes } from './link-services.ts';

export function linkRoutes(): RouteDef[] {
  return [...linkDeviceRoutes(), ...linkProductRoutes(), ...linkRuleRoutes(), ...linkServiceRoutes()];
}
