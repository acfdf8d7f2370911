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
import { deleteAt, send } from './resource.ts';
import { atBoundary, validateObject } from './validate.ts';
import type { VpcChannelWrite, VpcMemberInput } from './types/writes.ts';

export interface VpcChannelsClient extends OptionalLister<VpcChannel, VpcChannelListQuery> {
  /** 4.15.1 (name taken: 400 APIG.3208). */
  create(body: VpcChannelWrite, opts?: CallOptions): Promise<VpcChannel>;
  /** 4.15.2 */
  update(channelId: string, body: VpcChannelWrite, opts?: CallOptions): Promise<VpcChannel>;
  /** 4.15.3: refused while APIs use the channel (409 APIG.3414). */
  remove(channelId: string, opts?: CallOptions): Promise<void>;
  /** 4.15.6: answers the channel's member list. */
  addMembers(channelId: string, members: VpcMemberInput[], opts?: CallOptions): Promise<VpcMember[]>;
  /** 4.15.8 */
  removeMember(channelId: string, memberId: string, opts?: CallOptions): Promise<void>;
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
    create: (body, opts) =>
      send(scope, { method: 'POST', path: '/vpc-channels', body, schema: S.vpcChannel, ...opts }),
    update: (id, body, opts) =>
      send(scope, { method: 'PUT', path: `/vpc-channels/${seg(id)}`, body, schema: S.vpcChannel, ...opts }),
    remove: (id, opts) => deleteAt(scope, `/vpc-channels/${seg(id)}`, opts),
    async addMembers(id, members, opts) {
      const path = `/vpc-channels/${seg(id)}/members`;
      const answer = await send<unknown>(scope, { method: 'POST', path, body: { members }, ...opts });
      return atBoundary('POST', scope.base + path, undefined, () => {
        const o = validateObject(answer ?? {}, { fields: { members: [S.vpcMember] } }, '$');
        return (o['members'] as VpcMember[] | undefined) ?? [];
      });
    },
    removeMember: (id, memberId, opts) =>
      deleteAt(scope, `/vpc-channels/${seg(id)}/members/${seg(memberId)}`, opts),
    members: (id) =>
      lister<VpcMember, VpcMemberListQuery>(
        scope,
        `/vpc-channels/${seg(id)}/members`,
        'members',
        S.vpcMember,
      ),
  };
}
