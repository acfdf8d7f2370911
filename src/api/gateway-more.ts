// Issue 14's families on the instance client: one spread in client.ts keeps that shared file's edit small.
import {
  appAclClient,
  appCodesClient,
  appConfigsClient,
  boundQuota,
  type AppAclClient,
  type AppCodesClient,
  type AppConfigsClient,
} from './app-extras.ts';
import { appQuotasClient, type AppQuotasClient } from './app-quotas.ts';
import { domainsClient, type DomainsClient } from './domains.ts';
import { instanceSettingsClient, type InstanceSettingsClient } from './instance-more.ts';
import { livedataClient, type LivedataClient } from './livedata.ts';
import { openapiClient, type OpenApiClient } from './openapi.ts';
import {
  assetsClient,
  dictionariesClient,
  integrationAppsClient,
  publicScope,
  type AssetsClient,
  type DictionariesClient,
  type IntegrationAppsClient,
} from './public-resources.ts';
import type { Scope } from './resource.ts';
import type { CallOptions } from './types/common.ts';
import type { AppQuota } from './types/gateway-more.ts';

export interface GatewayMoreClients {
  domains: DomainsClient;
  openapi: OpenApiClient;
  appCodes: AppCodesClient;
  appAcl: AppAclClient;
  /** 4.16.8: null when the app has no client quota. */
  boundQuota(appId: string, opts?: CallOptions): Promise<AppQuota | null>;
  appConfigs: AppConfigsClient;
  appQuotas: AppQuotasClient;
  livedata: LivedataClient;
  settings: InstanceSettingsClient;
  /** Section 3 (`/v2/{project_id}/instances/{id}`, no `/apic/`). */
  integrationApps: IntegrationAppsClient;
  assets: AssetsClient;
  dictionaries: DictionariesClient;
}

/** `scope` is the APIC instance scope; `projectScope` is `/v2/{project_id}` (section 3 hangs off it). */
export function gatewayMoreClients(
  scope: Scope,
  projectScope: Scope,
  instanceId: string,
): GatewayMoreClients {
  const pub = publicScope(projectScope, instanceId);
  return {
    domains: domainsClient(scope),
    openapi: openapiClient(scope),
    appCodes: appCodesClient(scope),
    appAcl: appAclClient(scope),
    boundQuota: (appId, opts) => boundQuota(scope, appId, opts),
    appConfigs: appConfigsClient(scope),
    appQuotas: appQuotasClient(scope),
    livedata: livedataClient(scope),
    settings: instanceSettingsClient(scope),
    integrationApps: integrationAppsClient(pub),
    assets: assetsClient(pub),
    dictionaries: dictionariesClient(pub),
  };
}
