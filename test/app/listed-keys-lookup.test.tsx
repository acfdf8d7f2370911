// The listed-keys walk (listed-keys-walk.tsx) over the APIs list of a reverse lookup (`B`, issue 17):
// the APIs list with the lookup's params. Every lookup is that same view; one is walked here.
import { test } from 'node:test';
import { listKey } from '../../src/app/data.ts';
import { resourceById } from '../../screens/registry.ts';
import { LOOKUPS, usedByParams } from '../../screens/used-by.ts';
import { walkExtraViews } from './listed-keys-walk.tsx';
import { until } from '../helpers/until.ts';

test('every key listed in the APIs list of a reverse lookup is handled there', () =>
  walkExtraViews(async (h) => {
    const inst = h.store.client.instance(h.emu.instances[0] ?? '');
    const signal = new AbortController().signal;
    const policies = await inst.throttles.listAll({});
    let params: Record<string, string> | undefined;
    for (const p of policies)
      if ((await LOOKUPS.throttle.apis(inst, p.id, { signal })).length > 0) {
        params = usedByParams('throttle', p);
        break;
      }
    const apis = resourceById('apis');
    if (!params || !apis) throw new Error('the seed binds no throttling policy');
    const p = params;
    return [
      {
        name: 'apis used by a throttling policy',
        d: apis,
        view: 'list',
        async open(h) {
          const { actions } = h.store.getState();
          actions.jump('throttles');
          actions.push('apis', 'list', { params: p, label: 'used by' });
          await until('the lookup', () => {
            const s = h.store.getState().resources['apis']?.[listKey(h.store.getState().instanceId, p)];
            return s?.data != null && !s.loading;
          });
        },
      },
    ];
  }));
