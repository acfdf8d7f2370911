// The LINK client of one instance: `client.link(instanceId)` on the RomaClient facade.
import { serviceScope, type Scope } from '../resource.ts';
import { devicesClient, type DevicesClient } from './devices.ts';
import { deviceGroupsClient, type DeviceGroupsClient } from './groups.ts';
import {
  productTemplatesClient,
  productsClient,
  type ProductTemplatesClient,
  type ProductsClient,
} from './products.ts';
import { rulesClient, type RulesClient } from './rules.ts';
import { servicesClient, type ServicesClient } from './services.ts';

export interface LinkClient {
  readonly instanceId: string;
  deviceGroups: DeviceGroupsClient;
  devices: DevicesClient;
  productTemplates: ProductTemplatesClient;
  products: ProductsClient;
  rules: RulesClient;
  services: ServicesClient;
}

export function linkClient(projectScope: Scope, instanceId: string): LinkClient {
  // `/v2/{project_id}/link/instances/{instance_id}` (C1; the examples that drop `/v2` are not followed).
  const scope = serviceScope(projectScope, 'link', instanceId);
  return {
    instanceId,
    deviceGroups: deviceGroupsClient(scope),
    devices: devicesClient(scope),
    productTemplates: productTemplatesClient(scope),
    products: productsClient(scope),
    rules: rulesClient(scope),
    services: servicesClient(scope),
  };
}

// The family's 7.4.4 table travels with its code (src/api/families.ts registers it on load).
export { LINK_ERROR_CODE_HINTS } from './error-codes.ts';

export type {
  DevicesClient,
  DeviceGroupsClient,
  ProductTemplatesClient,
  ProductsClient,
  RulesClient,
  ServicesClient,
};
