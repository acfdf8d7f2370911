// The 429-storm shortcut (issue 13 point 5): on an API, `L` opens the edit form of the throttling policy
// bound to it, the cursor on the API limit. `L`, Ctrl-U, the digits, Ctrl-S, `y`: four keys plus the digits.
import type { RomaClient } from '../../src/api/client.ts';
import type { ApiSummary } from '../../src/api/types/apis.ts';
import type { ThrottlePolicy } from '../../src/api/types/throttles.ts';
import { selectSlice } from '../../src/store/selectors.ts';
import type { ResourceRequest } from '../../src/store/store.ts';
import type { ResourceAction } from '../types.ts';
import { openForm } from './open.ts';
import { throttleForm } from './policies.ts';

/** The policy protecting the API: the one bound in RELEASE if any, else the first binding. */
function boundThrottleRequest(
  instanceId: string,
  apiId: string,
): ResourceRequest<ThrottlePolicy | null, RomaClient> {
  return {
    family: 'forms.boundThrottle',
    key: `${instanceId}|${apiId}`,
    async fetch(client, signal) {
      const inst = client.instance(instanceId);
      const bound = await inst.throttleBindings.boundThrottles.listAll({ api_id: apiId }, { signal });
      const pick = bound.find((b) => b.env_name === 'RELEASE') ?? bound[0];
      // The definition itself (4.7.5), fresh: the form is pre-filled from what the gateway has now.
      return pick ? await inst.throttles.get(pick.id, { signal }) : null;
    },
  };
}

export function editBoundThrottleAction(): ResourceAction<ApiSummary> {
  return {
    command: 'editThrottle',
    title: 'Edit the throttling policy bound to the API',
    mutating: true,
    async run({ store, item, instanceId }) {
      const req = boundThrottleRequest(instanceId ?? '', item.id);
      await store.getState().actions.load(req);
      const slice = selectSlice<ThrottlePolicy | null>(req.family, req.key)(store.getState());
      if (slice.error) throw slice.error;
      if (!slice.data) {
        store.getState().actions.setStatus({
          level: 'info',
          text: `No throttling policy is bound to ${item.name}`,
          hint: 'b binds one (the API must be published).',
        });
        return;
      }
      openForm(store, {
        spec: throttleForm as never,
        mode: 'edit',
        item: slice.data,
        focusField: 'api_call_limits',
      });
    },
  };
}
