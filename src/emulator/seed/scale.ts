// The scale seed: N APIs (10,000+) spread over groups in one running instance, for benchmarks.
// Built in one pass with cheap definitions; every third API is published to RELEASE.
import { RELEASE_ENV_ID, type AuthType, type BackendType } from '../model.ts';
import { withIdSource, type EmulatorState } from '../state.ts';
import {
  Rng,
  addEnvs,
  addInstance,
  makeApi,
  makeGroup,
  makeInstance,
  seedPublish,
  SEED_EPOCH_MS,
} from './build.ts';
import { seedLink } from './link.ts';
import { seedGatewayMoreScale } from './gateway-more-scale.ts';

const AUTHS: AuthType[] = ['APP', 'IAM', 'NONE', 'AUTHORIZER'];
const BACKENDS: BackendType[] = ['HTTP', 'HTTP', 'MOCK', 'FUNCTION'];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];

export function seedScale(
  state: EmulatorState,
  n: number,
  backendHost: string,
  seed = 10_000,
  nowMs = SEED_EPOCH_MS,
): string[] {
  const rng = new Rng(seed);
  return withIdSource(
    () => rng.hex(32),
    () => {
      const inst = makeInstance(rng, state.projectId, {
        name: `roma-scale-${n}`,
        spec: 'ROMA_ENTERPRISE',
        status: 'RUNNING',
        detailStatus: 'Running',
        code: 6,
        description: `Scale test instance with ${n} APIs`,
        ageDays: 30,
      });
      const store = addInstance(state, inst);
      addEnvs(rng, store, [['TEST', 'test']]);
      const groupCount = Math.max(12, Math.ceil(n / 500));
      const groupIds: string[] = [];
      for (let g = 0; g < groupCount; g++) {
        const grp = makeGroup(rng, `scale_group_${String(g).padStart(3, '0')}`, `Scale group ${g}`, 30);
        store.data.groups.set(grp.id, grp);
        groupIds.push(grp.id);
      }
      for (let i = 0; i < n; i++) {
        const api = makeApi(rng, {
          name: `scale_api_${String(i).padStart(6, '0')}`,
          method: METHODS[i % METHODS.length] as string,
          uri: `/v1/scale/${i % groupCount}/items${i % 2 ? '/{item_id}' : ''}/${i}`,
          auth: AUTHS[i % AUTHS.length] as AuthType,
          backend: BACKENDS[i % BACKENDS.length] as BackendType,
          groupId: groupIds[i % groupCount] as string,
          remark: `Generated API #${i}`,
          backendHost,
          ageDays: 1 + (i % 29),
        });
        store.data.apis.set(api.id, api);
        if (i % 3 === 0)
          // a new API has no versions yet: without the flag each publication scans all of them
          seedPublish(store, api.id, RELEASE_ENV_ID, 'scale', SEED_EPOCH_MS - (i % 20) * 60_000, true);
      }
      seedLink(state, inst.id, { devices: n, rich: n <= 5000 });
      // Issue 14's families last, from a PRNG of their own: the ids above stay as they were.
      seedGatewayMoreScale(new Rng(seed + 14), store, inst.id, n, nowMs);
      return [inst.id];
    },
  );
}
