// `d` on an API (list or detail): fetch its definition (4.3.5) through the store, open the debug
// console's form with it, and push the console as a view (`… › API › debug`).
import { apiDetailRequest } from '../../screens/actions/data.ts';
import { registerActions } from '../../screens/registry.ts';
import type { ResourceAction } from '../../screens/types.ts';
import type { ApiDetail, ApiSummary } from '../api/types/apis.ts';
import { readThrough } from '../store/read.ts';

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
    // read again (not the cached tab): the form is built from the definition as it is now
    let detail: ApiDetail | null;
    try {
      detail = await readThrough(store, apiDetailRequest(instanceId, item.id));
    } catch (e) {
      actions.showError(e, `debug ${item.name}`);
      return;
    }
    if (!detail) {
      actions.showError(new Error('no API definition'), `debug ${item.name}`);
      return;
    }
    await debug.getState().actions.open(instanceId, detail);
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
