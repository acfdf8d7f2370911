// The facade: one RomaClient per credentials + endpoint, `instance(id)` gives the per-instance families.
import type { AuthProvider } from '../auth/provider.ts';
import { aclBindingsClient, aclsClient, type AclBindingsClient, type AclsClient } from './acls.ts';
import { apisClient, type ApisClient } from './apis.ts';
import { appAuthsClient, appsClient, type AppAuthsClient, type AppsClient } from './apps.ts';
import { authorizersClient, type AuthorizersClient } from './authorizers.ts';
import { envsClient, envVariablesClient, type EnvsClient, type EnvVariablesClient } from './envs.ts';
import { gatewayMoreClients, type GatewayMoreClients } from './gateway-more.ts';
import { groupsClient, type GroupsClient } from './groups.ts';
import { loadLinkModule, loadMqsModule } from './families.ts';
import type { LinkClient } from './link/index.ts';
import { instanceScope, instancesClient, type InstancesClient } from './instances.ts';
import { metricsClient, type MetricsClient } from './metrics.ts';
import type { MqsClient, MqsProjectClient } from './mqs/client.ts';
import { seg, serviceScope, type OptionalLister, type Scope } from './resource.ts';
import type { ServiceFamily } from './services.ts';
import { signBindingsClient, signsClient, type SignBindingsClient, type SignsClient } from './signs.ts';
import {
  throttleBindingsClient,
  throttleSpecialsClient,
  throttlesClient,
  type ThrottleBindingsClient,
  type ThrottleSpecialsClient,
  type ThrottlesClient,
} from './throttles.ts';
import { Transport, type RequestEvent, type RetryPolicy } from './transport.ts';
import type { PageQuery } from './types/common.ts';
import type { Feature } from './types/instances.ts';
import { vpcChannelsClient, type VpcChannelsClient } from './vpc-channels.ts';
import { versionsClient, type VersionsClient } from './public-resources.ts';

export interface ClientConfig {
  /** e.g. `https://roma.cn-north-4.myhuaweicloud.com` or the emulator's `http://127.0.0.1:PORT`. */
  endpoint: string;
  projectId: string;
  auth: AuthProvider;
  /** Instance ids named in the profile: the fallback when the instance list call is unavailable. */
  instanceIds?: string[];
  timeoutMs?: number;
  insecure?: boolean;
  readOnly?: boolean;
  retry?: Partial<RetryPolicy>;
  logger?: (line: string) => void;
  onRequest?: (e: RequestEvent) => void;
  /** For tests: replaces the backoff sleep. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface InstanceClient extends GatewayMoreClients {
  readonly instanceId: string;
  groups: GroupsClient;
  apis: ApisClient;
  envs: EnvsClient;
  envVariables: EnvVariablesClient;
  throttles: ThrottlesClient;
  throttleSpecials: ThrottleSpecialsClient;
  throttleBindings: ThrottleBindingsClient;
  signs: SignsClient;
  signBindings: SignBindingsClient;
  acls: AclsClient;
  aclBindings: AclBindingsClient;
  apps: AppsClient;
  appAuths: AppAuthsClient;
  vpcChannels: VpcChannelsClient;
  authorizers: AuthorizersClient;
  metrics: MetricsClient;
  features: OptionalLister<Feature, PageQuery>;
  /**
   * Message integration of this instance (`/v2/{project_id}/mqs/instances/{id}`, section 5). Its code
   * loads on first use (src/api/families.ts), hence the promise.
   */
  mqs(): Promise<MqsClient>;
  /** Device integration of this instance (`/v2/{project_id}/link/instances/{id}`, section 6); loads on first use. */
  link(): Promise<LinkClient>;
}

export interface RomaClient {
  readonly endpoint: string;
  readonly projectId: string;
  readonly readOnly: boolean;
  readonly insecure: boolean;
  readonly authMethod: AuthProvider['method'];
  instances: InstancesClient;
  instance(instanceId: string): InstanceClient;
  /** Message integration: 5.1.1 instance list and the per-instance clients (also `instance(id).mqs()`). */
  mqs: MqsFamily;
  /** Device integration (LINK, section 6) of one instance; cached per id, its code loaded on first use. */
  link(instanceId: string): Promise<LinkClient>;
  /** The scope of one instance of a service family, for that family's client modules (MQS, LINK, …). */
  serviceScope(service: ServiceFamily, instanceId: string): Scope;
  /** 3.4: the service's API versions (served without credentials). */
  versions: VersionsClient;
}

/** {@link MqsProjectClient} behind the family's first-use load. */
export interface MqsFamily {
  /** 5.1.1 */
  instances(opts?: Parameters<MqsProjectClient['instances']>[0]): ReturnType<MqsProjectClient['instances']>;
  instance(instanceId: string): Promise<MqsClient>;
}

export function createRomaClient(cfg: ClientConfig): RomaClient {
  const t = new Transport(cfg);
  const projectScope: Scope = { t, base: `/v2/${seg(cfg.projectId)}` };
  const instances = instancesClient(projectScope, cfg.instanceIds ?? []);
  const cache = new Map<string, InstanceClient>();
  let mqsProject: MqsProjectClient | undefined;
  const mqsOf = async (): Promise<MqsProjectClient> =>
    (mqsProject ??= (await loadMqsModule()).mqsProjectClient(projectScope));
  const mqs: MqsFamily = {
    instances: async (opts) => (await mqsOf()).instances(opts),
    instance: async (instanceId) => (await mqsOf()).instance(instanceId),
  };
  const linkCache = new Map<string, LinkClient>();
  const linkOf = async (instanceId: string): Promise<LinkClient> => {
    const { linkClient } = await loadLinkModule();
    let l = linkCache.get(instanceId);
    if (!l) linkCache.set(instanceId, (l = linkClient(projectScope, instanceId)));
    return l;
  };
  return {
    endpoint: t.endpoint,
    projectId: cfg.projectId,
    readOnly: t.readOnly,
    insecure: t.insecure,
    authMethod: cfg.auth.method,
    instances,
    mqs,
    serviceScope: (service, instanceId) => serviceScope(projectScope, service, instanceId),
    versions: versionsClient(t),
    instance(instanceId) {
      let c = cache.get(instanceId);
      if (!c) {
        const scope = instanceScope(projectScope, instanceId);
        c = {
          instanceId,
          groups: groupsClient(scope),
          apis: apisClient(scope),
          envs: envsClient(scope),
          envVariables: envVariablesClient(scope),
          throttles: throttlesClient(scope),
          throttleSpecials: throttleSpecialsClient(scope),
          throttleBindings: throttleBindingsClient(scope),
          signs: signsClient(scope),
          signBindings: signBindingsClient(scope),
          acls: aclsClient(scope),
          aclBindings: aclBindingsClient(scope),
          apps: appsClient(scope),
          appAuths: appAuthsClient(scope),
          vpcChannels: vpcChannelsClient(scope),
          authorizers: authorizersClient(scope),
          metrics: metricsClient(scope),
          features: instances.features(instanceId),
          mqs: () => mqs.instance(instanceId),
          link: () => linkOf(instanceId),
          ...gatewayMoreClients(scope, projectScope, instanceId),
        };
        cache.set(instanceId, c);
      }
      return c;
    },
    link: linkOf,
  };
}

export { RomaError, isRomaError, type RomaErrorKind } from './errors.ts';
export type { RequestEvent, RetryPolicy } from './transport.ts';
export type { Lister, OptionalLister } from './resource.ts';
export { SERVICE_SEGMENTS, servicePrefix, type ServiceFamily } from './services.ts';
export type * from './types/index.ts';
export type * from './types/mqs.ts';
export type * from './types/link.ts';
export type { LinkClient } from './link/index.ts';
