// Adapts one instance of the RomaClient to the MutationPort the action runner uses.
// Success answers carry no request id in the client's return values; the transport reports it through
// `onRequest`, so a RequestIdTap plugged into the client config hands the last write's id to the port.
import type { InstanceClient, LinkClient } from '../api/client.ts';
import type { RequestEvent } from '../api/transport.ts';
import { mqsPort, mqsReadPort } from './mqs.ts';
import { POLICY_KINDS } from './policy-kinds.ts';
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

/** `link`: the device family (`InstanceClient.link`, loaded on first use); without it `port.link` is absent. */
export function clientPort(
  client: InstanceClient,
  tap?: RequestIdTap,
  link?: () => Promise<LinkClient>,
): MutationPort {
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
    bind: (kind, policyId, publishIds) => sent(POLICY_KINDS[kind].bind(client, policyId, publishIds)),
    unbind: (kind, bindingId) => sent(POLICY_KINDS[kind].unbind(client, bindingId)),
    batchUnbind(kind, ids) {
      const batch = POLICY_KINDS[kind].batchUnbind;
      if (!batch) throw new Error(`${POLICY_KINDS[kind].noun} bindings have no batch unbind`);
      return sent(batch(client, ids));
    },
    authorize: (envId, appIds, apiIds) =>
      sent(client.appAuths.authorize({ env_id: envId, app_ids: appIds, api_ids: apiIds })),
    revoke: (authId) => sent(client.appAuths.revoke(authId)),
    mqs: mqsPort(client.mqs, sent),
    ...(link
      ? {
          link: {
            forceOffline: (ids) => sent(link().then((l) => l.devices.forceOffline(ids))),
            deleteDevice: (id) => sent(link().then((l) => l.devices.remove(id))),
            sendCommand: (id, req) => sent(link().then((l) => l.devices.sendCommand(id, req))),
            resetDeviceAuth: (id) => sent(link().then((l) => l.devices.resetAuthentication(id))),
            resetProductAuth: (id) => sent(link().then((l) => l.products.resetAuthentication(id))),
            addToGroup: (gid, ids) => sent(link().then((l) => l.deviceGroups.addDevices(gid, ids))),
            removeFromGroup: (gid, id) => sent(link().then((l) => l.deviceGroups.removeDevice(gid, id))),
            importProducts: (csv, name) => sent(link().then((l) => l.products.importCsv(csv, name))),
            setDeviceStatus: (id, status) =>
              sent(
                link()
                  .then((l) => l.devices.update(id, { status }))
                  .then(() => undefined),
              ),
          },
        }
      : {}),
    send: (call) => sent(Promise.resolve().then(call)),
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
    boundPolicies: async (kind, apiId, envId) =>
      (
        await POLICY_KINDS[kind].listApiBindings(
          client,
          { api_id: apiId, env_id: envId },
          new AbortController().signal,
        )
      ).map((b) => ({ bindingId: b.bindingId, policyId: b.policy.id, policyName: b.policy.name })),
    async authorizations(appId, envId) {
      const rows = await client.appAuths.boundApis.listAll({ app_id: appId, env_id: envId });
      return rows.map((a) => ({ authId: a.id, apiId: a.api_id ?? '' }));
    },
    mqs: mqsReadPort(client.mqs),
  };
}
