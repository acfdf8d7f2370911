// `Z` on an API (list or detail): push its x-ray (screens/xray/XrayView.tsx) over the current view.
import type { ApiSummary } from '../../src/api/types/apis.ts';
import type { ActionSpec } from '../types.ts';

export const xrayAction: ActionSpec<ApiSummary> = {
  command: 'xray',
  title: 'X-ray of the API: group, environments, bound policies, apps, backend, instance defaults',
  run({ store, item }) {
    store.getState().actions.push('apis', 'xray', { itemId: item.id, label: item.name });
  },
};
