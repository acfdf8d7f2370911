// The reads behind the x-ray of an API (issue 17), as dashboard-store requests: one slice per
// question, so a failed sub-request marks only its own node. No channel: they load side by side and
// moving the cursor aborts nothing. The API definition is the API detail's Definition tab (same slice,
// shared with the debug console).
import type { RomaClient } from '../api/client.ts';
import type { ApiVersion } from '../api/types/apis.ts';
import type { ApiBoundAcl } from '../api/types/acls.ts';
import type { AppAuth } from '../api/types/apps.ts';
import type { Authorizer } from '../api/types/authorizers.ts';
import type { AppAcl, AppQuota, CertificateDetail } from '../api/types/gateway-more.ts';
import type { ApiGroup } from '../api/types/groups.ts';
import type { Feature } from '../api/types/instances.ts';
import type { SignBinding } from '../api/types/signs.ts';
import type { ThrottleForApi } from '../api/types/throttles.ts';
import type { VpcChannelDetail, VpcMember } from '../api/types/vpc.ts';
import type { ResourceRequest } from '../store/slice.ts';

import { apiAppsRequest, versionsRequest } from '../../screens/actions/data.ts';
export { apiDetailRequest as xrayApiRequest } from '../../screens/actions/data.ts';

type Req<T> = ResourceRequest<T, RomaClient>;

function req<T>(
  what: string,
  key: string,
  fetch: (client: RomaClient, signal: AbortSignal) => Promise<T>,
): Req<T> {
  return { family: `xray.${what}`, key, fetch: (client, signal) => fetch(client, signal) };
}

/** 4.2.4: the group with its domains. */
export const xrayGroupRequest = (inst: string, groupId: string): Req<ApiGroup> =>
  req('group', `${inst}|${groupId}`, (c, signal) => c.instance(inst).groups.get(groupId, { signal }));

/** 4.6.6: a domain's certificate (its expiry). */
export const xrayCertificateRequest = (
  inst: string,
  groupId: string,
  domainId: string,
  certId: string,
): Req<CertificateDetail> =>
  req('certificate', `${inst}|${groupId}|${domainId}|${certId}`, (c, signal) =>
    c.instance(inst).domains.certificate(groupId, domainId, certId, { signal }),
  );

/** 4.3.12 without `env_id`: every environment's versions (the one in effect has status 1); the API
 * detail's Publications and versions tab. */
export const xrayVersionsRequest = (inst: string, apiId: string): Req<ApiVersion[]> =>
  versionsRequest(inst, apiId);

/** 4.8.5: throttling policies bound to the API, all environments. */
export const xrayThrottlesRequest = (inst: string, apiId: string): Req<ThrottleForApi[]> =>
  req('throttles', `${inst}|${apiId}`, (c, signal) =>
    c.instance(inst).throttleBindings.boundThrottles.listAll({ api_id: apiId }, { signal }),
  );

/** 4.9.4: how many special settings a policy has (the list itself is on the policy's screen). */
export const xraySpecialsRequest = (inst: string, throttleId: string): Req<number> =>
  req('specials', `${inst}|${throttleId}`, async (c, signal) => {
    const all = await c.instance(inst).throttleSpecials.of(throttleId).listAll({}, { signal });
    return all.length;
  });

/** 4.13.6: ACL policies bound to the API. */
export const xrayAclsRequest = (inst: string, apiId: string): Req<ApiBoundAcl[]> =>
  req('acls', `${inst}|${apiId}`, (c, signal) =>
    c.instance(inst).aclBindings.boundAcls.listAll({ api_id: apiId }, { signal }),
  );

/** 4.11.3: signature keys bound to the API. */
export const xraySignsRequest = (inst: string, apiId: string): Req<SignBinding[]> =>
  req('signs', `${inst}|${apiId}`, (c, signal) =>
    c.instance(inst).signBindings.boundSigns.listAll({ api_id: apiId }, { signal }),
  );

/** 4.18.6: apps authorized to call the API, all environments; the API detail's Authorized apps tab. */
export const xrayAppsRequest = (inst: string, apiId: string): Req<AppAuth[]> => apiAppsRequest(inst, apiId);

/** 4.16.8: the app's client quota (`quota: null`: none bound; a bare null would read as "not loaded"). */
export const xrayAppQuotaRequest = (inst: string, appId: string): Req<{ quota: AppQuota | null }> =>
  req('appQuota', `${inst}|${appId}`, async (c, signal) => ({
    quota: await c.instance(inst).boundQuota(appId, { signal }),
  }));

/** 4.16.10: the app's own access control. */
export const xrayAppAclRequest = (inst: string, appId: string): Req<AppAcl> =>
  req('appAcl', `${inst}|${appId}`, (c, signal) => c.instance(inst).appAcl.get(appId, { signal }));

/** 4.15.4: the backend's VPC channel. */
export const xrayChannelRequest = (inst: string, channelId: string): Req<VpcChannelDetail> =>
  req('channel', `${inst}|${channelId}`, (c, signal) =>
    c.instance(inst).vpcChannels.get(channelId, { signal }),
  );

/** 4.15.7: the channel's members and their health. */
export const xrayMembersRequest = (inst: string, channelId: string): Req<VpcMember[]> =>
  req('members', `${inst}|${channelId}`, (c, signal) =>
    c.instance(inst).vpcChannels.members(channelId).listAll({}, { signal }),
  );

/** 4.20.4: a custom authorizer (frontend or backend). */
export const xrayAuthorizerRequest = (inst: string, authorizerId: string): Req<Authorizer> =>
  req('authorizer', `${inst}|${authorizerId}`, (c, signal) =>
    c.instance(inst).authorizers.get(authorizerId, { signal }),
  );

/** 4.22.1: the instance features (ratelimit is the default throttle). */
export const xrayFeaturesRequest = (inst: string): Req<Feature[]> =>
  req('features', inst, (c, signal) => c.instance(inst).features.listAll({}, { signal }));
