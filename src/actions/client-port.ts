// Adapts one instance of the RomaClient to the MutationPort the action runner uses.
// Success answers carry no request id in the client's return values; the transport reports it through
// `onRequest`, so a RequestIdTap plugged into the client config hands the last write's id to the port.
import type { InstanceClient, LinkClient } from '../api/client.ts';
import type { RequestEvent } from '../api/transport.ts';
import { mqsPort, mqsReadPort } from './mqs.ts';
import { runResourceCall } from './resource-calls.ts';
import type { MutationPort, ReadBackPort, Sent } from './port.ts';
import { publicationsOf } from './publications.ts';

export interface RequestIdTap {
  /** Pass as (or call from) ClientConfig.onRequest. */
  onRequest(e: RequestEvent): void;
  /** The request id of the last write (POST/PUT/DELETE) reported since the previous take. */
  take(): string | undefined;
}

export function createRequestIdTap(): RequestIdTap {
  let last: string | undefined;
  return {
    onRequest(e) {
      if (e.method !== 'GET' && e.requestId) last = e.requestId;
    },
    take() {
      const id = last;
      last = undefined;
      return id;
    },
  };
}

export function clientPort(client: InstanceClient, tap?: RequestIdTap, link?: LinkClient): MutationPort {
  const sent = async <T>(p: Promise<T>): Promise<Sent<T>> => {
    tap?.take();
    const data = await p;
    const requestId = tap?.take();
    return requestId ? { data, requestId } : { data };
  };
  return {
    readBack: readBackPort(client),
    publish: (apiId, envId, remark) =>
      sent(
        client.apis
          .action({ action: 'online', api_id: apiId, env_id: envId, ...(remark ? { remark } : {}) })
          .then((r) => r ?? {}),
      ),
    offline: (apiId, envId) =>
      sent(client.apis.action({ action: 'offline', api_id: apiId, env_id: envId }).then((r) => r ?? {})),
    batchPublish: (action, apiIds, envId, remark) =>
      sent(client.apis.batchAction(action, { apis: apiIds, env_id: envId, ...(remark ? { remark } : {}) })),
    switchVersion: (apiId, versionId) => sent(client.apis.switchVersion(apiId, versionId)),
    offlineVersion: (versionId) => sent(client.apis.offlineVersion(versionId)),
    bind(kind, policyId, publishIds) {
      switch (kind) {
        case 'throttle':
          return sent(client.throttleBindings.bind({ strategy_id: policyId, publish_ids: publishIds }));
        case 'sign':
          return sent(client.signBindings.bind({ sign_id: policyId, publish_ids: publishIds }));
        case 'acl':
          return sent(client.aclBindings.bind({ acl_id: policyId, publish_ids: publishIds }));
      }
    },
    unbind(kind, bindingId) {
      switch (kind) {
        case 'throttle':
          return sent(client.throttleBindings.unbind(bindingId));
        case 'sign':
          return sent(client.signBindings.unbind(bindingId));
        case 'acl':
          return sent(client.aclBindings.unbind(bindingId));
      }
    },
    batchUnbind: (kind, ids) =>
      sent(
        kind === 'throttle' ? client.throttleBindings.batchUnbind(ids) : client.aclBindings.batchUnbind(ids),
      ),
    authorize: (envId, appIds, apiIds) =>
      sent(client.appAuths.authorize({ env_id: envId, app_ids: appIds, api_ids: apiIds })),
    revoke: (authId) => sent(client.appAuths.revoke(authId)),
    mqs: mqsPort(client.mqs, sent),
    ...(link
      ? {
          link: {
            forceOffline: (ids) => sent(link.devices.forceOffline(ids)),
            deleteDevice: (id) => sent(link.devices.remove(id)),
            sendCommand: (id, req) => sent(link.devices.sendCommand(id, req)),
            resetDeviceAuth: (id) => sent(link.devices.resetAuthentication(id)),
            addToGroup: (gid, ids) => sent(link.deviceGroups.addDevices(gid, ids)),
            removeFromGroup: (gid, id) => sent(link.deviceGroups.removeDevice(gid, id)),
            importProducts: (csv, name) => sent(link.products.importCsv(csv, name)),
            setDeviceStatus: (id, status) => sent(link.devices.update(id, { status }).then(() => undefined)),
            createDevice: (r) =>
              sent(
                link.devices.create({
                  product: { product_id: r.productId },
                  app_id: r.appId,
                  device_name: r.name,
                  node_id: r.nodeId,
                }),
              ),
          },
        }
      : {}),
    call: (call) => sent(runResourceCall(client, call)),
  };
}

function readBackPort(client: InstanceClient): ReadBackPort {
  return {
    publications: async (apiId) => publicationsOf(await client.apis.get(apiId)),
    async versions(apiId, envId) {
      const rows = await client.apis.versions(apiId).listAll({ env_id: envId });
      return rows.map((v) => ({
        versionId: v.version_id,
        versionNo: v.version_no ?? v.version_id,
        inEffect: v.status === 1,
      }));
    },
    async boundPolicies(kind, apiId, envId) {
      const q = { api_id: apiId, env_id: envId };
      switch (kind) {
        case 'throttle':
          return (await client.throttleBindings.boundThrottles.listAll(q)).map((t) => ({
            bindingId: t.bind_id ?? '',
            policyId: t.id,
            policyName: t.name,
          }));
        case 'sign':
          return (await client.signBindings.boundSigns.listAll(q)).map((b) => ({
            bindingId: b.id,
            policyId: b.sign_id ?? '',
            policyName: b.sign_name ?? b.sign_id ?? '',
          }));
        case 'acl':
          return (await client.aclBindings.boundAcls.listAll(q)).map((a) => ({
            bindingId: a.bind_id ?? '',
            policyId: a.acl_id,
            policyName: a.acl_name ?? a.acl_id,
          }));
      }
    },
    async authorizations(appId, envId) {
      const rows = await client.appAuths.boundApis.listAll({ app_id: appId, env_id: envId });
      return rows.map((a) => ({ authId: a.id, apiId: a.api_id ?? '' }));
    },
    mqs: mqsReadPort(client.mqs),
  };
}
