// The listed-keys walk (listed-keys-walk.tsx) over the selectable tabs of issue 17 (Policies, Bound
// APIs, Authorized APIs / apps), each on a subject the emulator says has rows.
import { test } from 'node:test';
import { listKey } from '../../src/app/data.ts';
import { KEYMAP, type Command } from '../../src/keys/keymap.ts';
import { resourceById } from '../../screens/registry.ts';
import type { Harness } from './harness.tsx';
import { walkExtraViews, type ExtraView } from './listed-keys-walk.tsx';
import { until } from '../helpers/until.ts';

const loaded = (h: Harness, family: string, key: string) => {
  const slice = h.store.getState().resources[family]?.[key];
  return slice?.data != null && !slice.loading;
};

/** A row of `screen` for which `has` is true (asked over HTTP). */
async function rowWith(
  h: Harness,
  screen: string,
  has: (row: unknown) => Promise<boolean>,
): Promise<unknown> {
  const d = resourceById(screen);
  if (!d) throw new Error(screen);
  const rows = await d.list({
    client: h.store.client,
    instanceId: h.store.getState().instanceId,
    params: {},
    signal: new AbortController().signal,
  });
  for (const r of rows) if (await has(r)) return r;
  throw new Error(`no ${screen} row for the walk`);
}

/**
 * On a selectable tab the row keys are new (navigation, Enter, y, c); the capability and global keys
 * are the resource's own, pressed by the walk of its detail (listed-keys-*.test.tsx).
 */
const ROW_KEYS = (cmd: Command) =>
  !(KEYMAP[cmd].scopes as readonly string[]).some((s) => s === 'actions' || s === 'global');

function tabView(screen: string, partId: string, row: unknown): ExtraView {
  const d = resourceById(screen);
  if (!d) throw new Error(screen);
  const tab = (d.parts ?? []).findIndex((p) => p.id === partId) + 1;
  return {
    name: `${screen} detail ${partId}`,
    d,
    view: 'detail',
    tab,
    keys: ROW_KEYS,
    async open(h) {
      const { actions } = h.store.getState();
      const id = d.idOf(row);
      actions.jump(screen);
      await until(`${screen} list`, () => loaded(h, screen, listKey(h.store.getState().instanceId, {})));
      actions.push(screen, 'detail', { itemId: id, label: d.nameOf(row) });
      actions.setTab(tab);
      await until(`${screen} ${partId}`, () =>
        loaded(h, `${screen}.${partId}`, `${h.store.getState().instanceId ?? '-'}|${id}`),
      );
    },
  };
}

test('every row key listed in the selectable detail tabs is handled there', () =>
  walkExtraViews(async (h) => {
    const inst = h.store.client.instance(h.emu.instances[0] ?? '');
    const api = await rowWith(h, 'apis', async (r) => {
      const id = (r as { id: string }).id;
      const [t, a] = await Promise.all([
        inst.throttleBindings.boundThrottles.list({ api_id: id }),
        inst.appAuths.boundApps.list({ api_id: id }),
      ]);
      return t.items.length > 0 && a.items.length > 0;
    });
    const id = (r: unknown) => (r as { id: string }).id;
    return [
      tabView('apis', 'policies', api),
      tabView('apis', 'apps', api),
      tabView(
        'throttles',
        'bound',
        await rowWith(
          h,
          'throttles',
          async (r) => (await inst.throttleBindings.boundApis.list({ throttle_id: id(r) })).items.length > 0,
        ),
      ),
      tabView(
        'acls',
        'bound',
        await rowWith(
          h,
          'acls',
          async (r) => (await inst.aclBindings.boundApis.list({ acl_id: id(r) })).items.length > 0,
        ),
      ),
      tabView(
        'signs',
        'bound',
        await rowWith(
          h,
          'signs',
          async (r) => (await inst.signBindings.boundApis.list({ sign_id: id(r) })).items.length > 0,
        ),
      ),
      tabView(
        'apps',
        'authorized',
        await rowWith(
          h,
          'apps',
          async (r) => (await inst.appAuths.boundApis.list({ app_id: id(r) })).items.length > 0,
        ),
      ),
    ];
  }));
