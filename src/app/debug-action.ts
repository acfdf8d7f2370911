// `d` on an API (list or detail): fetch its definition (4.3.5) through the store, open the debug
// console's form with it, and push the console as a view (`… › API › debug`).
import { apiDetailRequest } from '../../screens/actions/data.ts';
import { registerActions } from '../../screens/registry.ts';
import type { ResourceAction } from '../../screens/types.ts';
import type { ApiDetail, ApiSummary } from '../api/types/apis.ts';
import { selectSlice } from '../store/selectors.ts';

const debugAction: ResourceAction<ApiSummary> = {
  command: 'debug',
  title: 'Debug the API',
  // 4.3.8 changes nothing on the gateway but calls the API's backend (a POST there may create
  // something), and the read-only client refuses it: not offered in a read-only session, where `d`
  // only says why (issue 11 point 4: the form opened and failed on send with a raw URL).
  mutating: true,
  async run({ store, item, instanceId, debug }) {
    if (!instanceId || !debug) return;
    const { actions } = store.getState();
    actions.setStatus({ level: 'progress', text: `loading ${item.name} for the debug console…` });
    const req = apiDetailRequest(instanceId, item.id);
    await actions.load(req);
    const slice = selectSlice<ApiDetail>(req.family, req.key)(store.getState());
    if (slice.error || !slice.data) {
      actions.showError(slice.error ?? new Error('no API definition'), `debug ${item.name}`);
      return;
    }
    await debug.getState().actions.open(instanceId, slice.data);
    actions.setStatus(null);
    actions.push('apis', 'debug', { itemId: item.id, label: item.name });
  },
};

let done = false;
export function registerDebugAction(): void {
  if (done) return;
  done = true;
  registerActions('apis', [debugAction as ResourceAction<unknown>]);
}
