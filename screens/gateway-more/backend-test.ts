// `T` on a custom backend (4.19.7): one field per request parameter, pre-filled with its default; the
// values typed are sent as the parameters' values (a test changes nothing but the test history).
import type { MutationAction } from '../../src/actions/types.ts';
import type { LdApi, LdApiParameter } from '../../src/api/types/gateway-more.ts';
import type { ResourceAction } from '../types.ts';
import { GM_MODALS } from './modals.tsx';

export function testAction(item: LdApi, values: readonly string[]): MutationAction {
  const parameters: LdApiParameter[] = (item.parameters ?? []).map((p, i) => ({
    ...p,
    default: values[i] ?? p.default ?? '',
  }));
  const shown = parameters.map((p) => `${p.name}=${p.default ?? ''}`).join(', ') || 'no parameters';
  return {
    kind: 'call',
    call: { op: 'livedata.test', id: item.id, parameters },
    title: 'Test custom backend',
    effect: `${item.name} runs once with ${shown} (recorded in its test runs)`,
    object: `backend:${item.name}(${item.id})`,
    destructive: false,
  };
}

export function backendTestAction(): ResourceAction<LdApi> {
  return {
    command: 'runTest',
    title: 'Test it: type the parameter values (defaults filled in), see the answer',
    mutating: true,
    run({ store, item }) {
      const params = item.parameters ?? [];
      if (params.length === 0)
        return store
          .getState()
          .actions.pushModal({ kind: GM_MODALS.propose, props: { action: testAction(item, []) } });
      store.getState().actions.pushModal({
        kind: GM_MODALS.form,
        props: {
          title: `Test ${item.name}`,
          fields: params.map((p) => ({
            label: `${p.name} (${p.in}${p.required ? ', required' : ''})`,
            initial: p.default ?? '',
          })),
          submit: async (values: string[]) => {
            const missing = params.filter((p, i) => p.required && (values[i] ?? '').trim() === '');
            return missing.length > 0
              ? `${missing.map((p) => p.name).join(', ')} required`
              : testAction(item, values);
          },
        },
      });
    },
  };
}
