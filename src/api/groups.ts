import { RomaError } from './errors.ts';
import { deleteAt, getObject, optionalLister, seg, type OptionalLister, type Scope } from './resource.ts';
import * as S from './schemas.ts';
import type { CallOptions } from './types/common.ts';
import type { ApiGroup, GroupListQuery, GroupNameCheck } from './types/groups.ts';
import { send } from './resource.ts';
import type { GroupCreate, GroupUpdate } from './types/writes.ts';

export interface GroupsClient extends OptionalLister<ApiGroup, GroupListQuery> {
  /** 4.2.1 (name taken: 400 APIG.3201). */
  create(body: GroupCreate, opts?: CallOptions): Promise<ApiGroup>;
  /** 4.2.2: name and remark. */
  update(groupId: string, body: GroupUpdate, opts?: CallOptions): Promise<ApiGroup>;
  /** 4.2.4 */
  get(groupId: string, opts?: CallOptions): Promise<ApiGroup>;
  /** 4.2.6: true when the name is free (204), false when it exists (400 APIG.3201). */
  isNameAvailable(check: GroupNameCheck, opts?: CallOptions): Promise<boolean>;
  /** 4.2.3: refused while the group contains APIs (409 APIG.3415) or is the default group (409 APIG.3482). */
  remove(groupId: string, opts?: CallOptions): Promise<void>;
}

export function groupsClient(scope: Scope): GroupsClient {
  return {
    ...optionalLister<ApiGroup, GroupListQuery>(scope, '/api-groups', 'groups', S.group),
    get: (id, opts) => getObject(scope, { path: `/api-groups/${seg(id)}`, schema: S.group, ...opts }),
    remove: (id, opts) => deleteAt(scope, `/api-groups/${seg(id)}`, opts),
    create: (body, opts) =>
      send(scope, { method: 'POST', path: '/api-groups', body, schema: S.group, ...opts }),
    update: (id, body, opts) =>
      send(scope, { method: 'PUT', path: `/api-groups/${seg(id)}`, body, schema: S.group, ...opts }),
    async isNameAvailable(check, opts) {
      // A check, not a change: allowed in read-only mode.
      try {
        await scope.t.request({
          method: 'POST',
          path: `${scope.base}/api-groups/check`,
          body: check,
          signal: opts?.signal,
          allowInReadOnly: true,
        });
        return true;
      } catch (e) {
        if (e instanceof RomaError && e.status === 400 && e.errorCode === 'APIG.3201') return false;
        throw e;
      }
    },
  };
}
