import {
  getObject,
  lister,
  optionalLister,
  seg,
  type Lister,
  type OptionalLister,
  type Scope,
} from './resource.ts';
import * as S from './schemas.ts';
import type { CallOptions } from './types/common.ts';
import type {
  VpcChannel,
  VpcChannelDetail,
  VpcChannelListQuery,
  VpcMember,
  VpcMemberListQuery,
} from './types/vpc.ts';

export interface VpcChannelsClient extends OptionalLister<VpcChannel, VpcChannelListQuery> {
  /** 4.15.4 */
  get(channelId: string, opts?: CallOptions): Promise<VpcChannelDetail>;
  /** 4.15.7 */
  members(channelId: string): Lister<VpcMember, VpcMemberListQuery>;
}

export function vpcChannelsClient(scope: Scope): VpcChannelsClient {
  return {
    ...optionalLister<VpcChannel, VpcChannelListQuery>(scope, '/vpc-channels', 'vpc_channels', S.vpcChannel),
    get: (id, opts) =>
      getObject(scope, { path: `/vpc-channels/${seg(id)}`, schema: S.vpcChannelDetail, ...opts }),
    members: (id) =>
      lister<VpcMember, VpcMemberListQuery>(
        scope,
        `/vpc-channels/${seg(id)}/members`,
        'members',
        S.vpcMember,
      ),
  };
}
