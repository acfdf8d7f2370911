// Throttling policies (4.7.4/4.7.5), special settings (4.9.4) and bindings (4.8.1-4.8.6).
import type { Throttle, ThrottleBinding } from '../model.ts';
import { isoSeconds, newId, type InstanceStore } from '../state.ts';
import {
  ApiError,
  asObject,
  exactFilter,
  filterIter,
  invalidParam,
  listWhere,
  ok,
  page,
  reqString,
  requireQuery,
  route,
  textFilter,
  type RouteDef,
} from './common.ts';
import {
  alreadyBound,
  batchDeleteIds,
  bindingsOfApi,
  publishedApiPage,
  requirePublications,
  unbindMany,
  unbindOne,
  type MissingBinding,
} from './bindings.ts';
import { envName } from './views.ts';

const MISSING_BINDING: MissingBinding = {
  code: 'APIG.3012',
  message: 'The request throttling policy binding record does not exist',
};

function requireThrottle(store: InstanceStore, id: string): Throttle {
  const t = store.data.throttles.get(id);
  if (!t) throw new ApiError(404, 'APIG.3005', `Request throttling policy ${id} does not exist`);
  return t;
}

export function throttleView(store: InstanceStore, t: Throttle): Record<string, unknown> {
  let bindNum = 0;
  for (const b of store.data.throttleBindings.values()) if (b.strategy_id === t.id) bindNum++;
  let specials = false;
  for (const s of store.data.throttleSpecials.values()) if (s.throttle_id === t.id) specials = true;
  return { ...t, bind_num: bindNum, is_inclu_special_throttle: specials ? 1 : 2 };
}

function bindingByPublish(store: InstanceStore): Map<string, ThrottleBinding> {
  const m = new Map<string, ThrottleBinding>();
  for (const b of store.data.throttleBindings.values()) m.set(b.publish_id, b);
  return m;
}

export const throttleRoutes: RouteDef[] = [
  route('GET', '/throttles', ({ store, query }) =>
    listWhere(
      store.data.throttles.values(),
      query,
      'throttles',
      (t, { exact, text }) => exact('id', t.id) && text('name', t.name),
      (t) => throttleView(store, t),
    ),
  ),
  route('GET', '/throttles/{throttle_id}', ({ store, params }) =>
    ok(throttleView(store, requireThrottle(store, params['throttle_id'] ?? ''))),
  ),
  route('GET', '/throttles/{throttle_id}/throttle-specials', ({ store, params, query }) => {
    const t = requireThrottle(store, params['throttle_id'] ?? '');
    const objectType = query.get('object_type');
    if (objectType && objectType !== 'APP' && objectType !== 'USER') throw invalidParam('object_type');
    const exact = exactFilter(query);
    const text = textFilter(query);
    const items = filterIter(
      store.data.throttleSpecials.values(),
      (s) => s.throttle_id === t.id && exact('object_type', s.object_type) && text('app_name', s.app_name),
    );
    return page(items, query, 'throttle_specials', (s) => ({ ...s, apply_time: s.apply_time }));
  }),

  // 4.8.1: an API published in an environment binds at most one throttling policy.
  route('POST', '/throttle-bindings', ({ store, body, nowMs }) => {
    const b = asObject(body);
    const t = requireThrottle(store, reqString(b, 'strategy_id', { max: 65 }));
    const pubs = requirePublications(store, b);
    const bound = bindingByPublish(store);
    for (const p of pubs) {
      if (bound.has(p.publish_id)) alreadyBoundErr(p.publish_id);
    }
    const applies = pubs.map((p) => {
      const binding: ThrottleBinding = {
        id: newId(),
        publish_id: p.publish_id,
        strategy_id: t.id,
        scope: 1,
        apply_time: isoSeconds(nowMs),
      };
      store.data.throttleBindings.set(binding.id, binding);
      return binding;
    });
    return ok({ throttle_applies: applies }, 201);
  }),

  route('DELETE', '/throttle-bindings/{throttle_binding_id}', ({ store, params }) =>
    unbindOne(store.data.throttleBindings, params['throttle_binding_id'] ?? '', MISSING_BINDING),
  ),
  route('PUT', '/throttle-bindings', ({ store, query, body }) => {
    const ids = batchDeleteIds(query, asObject(body), 'throttle_bindings');
    return unbindMany(store.data.throttleBindings, ids, MISSING_BINDING);
  }),

  route('GET', '/throttle-bindings/binded-apis', ({ store, query }) => {
    const t = requireThrottle(store, requireQuery(query, 'throttle_id'));
    const bound = bindingByPublish(store);
    return publishedApiPage(
      store,
      query,
      ({ pub }) => bound.get(pub.publish_id)?.strategy_id === t.id,
      ({ pub }) => applyFields(bound.get(pub.publish_id) as ThrottleBinding, t.name),
    );
  }),

  // 4.8.4: published APIs not bound to *this* policy. ApiForThrottle carries throttle_apply_id/throttle_name/
  // apply_time, so a publication bound to another policy is listed with that binding (binding it here is
  // refused, one policy per API per env, until it is unbound: the dashboard offers "replace").
  route('GET', '/throttle-bindings/unbinded-apis', ({ store, query }) => {
    const t = requireThrottle(store, requireQuery(query, 'throttle_id'));
    const bound = bindingByPublish(store);
    return publishedApiPage(
      store,
      query,
      ({ pub }) => bound.get(pub.publish_id)?.strategy_id !== t.id,
      ({ pub }) => {
        const other = bound.get(pub.publish_id);
        return other ? applyFields(other, store.data.throttles.get(other.strategy_id)?.name ?? '') : {};
      },
    );
  }),

  route('GET', '/throttle-bindings/binded-throttles', ({ store, query }) => {
    const bindings = bindingsOfApi(store, query, store.data.throttleBindings);
    const exact = exactFilter(query);
    const text = textFilter(query);
    const rows = bindings.flatMap(({ pub, binding: b }) => {
      const t = store.data.throttles.get(b.strategy_id);
      if (!t || !exact('throttle_id', t.id) || !text('throttle_name', t.name)) return [];
      return [
        {
          ...throttleView(store, t),
          env_name: envName(store, pub.env_id),
          bind_id: b.id,
          bind_time: b.apply_time,
        },
      ];
    });
    return page(rows, query, 'throttles', (r) => r);
  }),
];

/** The binding fields of 4.8.3/4.8.4 rows. */
function applyFields(b: ThrottleBinding, throttleName: string): Record<string, unknown> {
  return { throttle_apply_id: b.id, throttle_name: throttleName, apply_time: b.apply_time };
}

function alreadyBoundErr(publishId: string): never {
  throw alreadyBound(`publication ${publishId} is already bound to a request throttling policy`);
}
