// Throttling policies (4.7.4/4.7.5), special settings (4.9.4) and bindings (4.8.1-4.8.6).
import type { Throttle, ThrottleBinding } from '../model.ts';
import { isoSeconds, newId, type InstanceStore } from '../state.ts';
import {
  ApiError,
  asObject,
  exactFilter,
  filterIter,
  invalidParam,
  noContent,
  ok,
  page,
  reqString,
  requireQuery,
  route,
  textFilter,
  type RouteDef,
} from './common.ts';
import { alreadyBound, batchDeleteIds, pubFilter, publishedApis, requirePublications } from './bindings.ts';
import { apiOutline, envName, requireApi } from './views.ts';

function requireThrottle(store: InstanceStore, id: string): Throttle {
  const t = store.data.throttles.get(id);
  if (!t) throw new ApiError(404, 'APIG.3005', `Request throttling policy ${id} does not exist`);
  return t;
}

function throttleView(store: InstanceStore, t: Throttle): Record<string, unknown> {
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
  route('GET', '/throttles', ({ store, query }) => {
    const text = textFilter(query);
    const exact = exactFilter(query);
    const items = filterIter(store.data.throttles.values(), (t) => exact('id', t.id) && text('name', t.name));
    return page(items, query, 'throttles', (t) => throttleView(store, t));
  }),
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

  route('DELETE', '/throttle-bindings/{throttle_binding_id}', ({ store, params }) => {
    const id = params['throttle_binding_id'] ?? '';
    if (!store.data.throttleBindings.delete(id)) {
      throw new ApiError(404, 'APIG.3012', 'The request throttling policy binding record does not exist');
    }
    return noContent();
  }),

  route('PUT', '/throttle-bindings', ({ store, query, body }) => {
    const ids = batchDeleteIds(query, asObject(body), 'throttle_bindings');
    let success = 0;
    const failure: unknown[] = [];
    for (const id of ids) {
      if (store.data.throttleBindings.delete(id)) success++;
      else
        failure.push({
          bind_id: id,
          error_code: 'APIG.3012',
          error_msg: 'The request throttling policy binding record does not exist',
          api_id: '',
          api_name: '',
        });
    }
    return ok({ success_count: success, failure });
  }),

  route('GET', '/throttle-bindings/binded-apis', ({ store, query }) => {
    const t = requireThrottle(store, requireQuery(query, 'throttle_id'));
    const bound = bindingByPublish(store);
    const f = pubFilter(query);
    const items = filterIter(
      publishedApis(store),
      (x) => bound.get(x.pub.publish_id)?.strategy_id === t.id && f(x),
    );
    return page(items, query, 'apis', ({ pub, api }) => {
      const b = bound.get(pub.publish_id) as ThrottleBinding;
      return {
        ...apiOutline(store, api, pub),
        throttle_apply_id: b.id,
        throttle_name: t.name,
        apply_time: b.apply_time,
      };
    });
  }),

  // 4.8.4: published APIs not bound to *this* policy. ApiForThrottle carries throttle_apply_id/throttle_name/
  // apply_time, so a publication bound to another policy is listed with that binding (binding it here is
  // refused, one policy per API per env, until it is unbound: the dashboard offers "replace").
  route('GET', '/throttle-bindings/unbinded-apis', ({ store, query }) => {
    const t = requireThrottle(store, requireQuery(query, 'throttle_id'));
    const bound = bindingByPublish(store);
    const f = pubFilter(query);
    const items = filterIter(
      publishedApis(store),
      (x) => bound.get(x.pub.publish_id)?.strategy_id !== t.id && f(x),
    );
    return page(items, query, 'apis', ({ pub, api }) => {
      const other = bound.get(pub.publish_id);
      if (!other) return apiOutline(store, api, pub);
      return {
        ...apiOutline(store, api, pub),
        throttle_apply_id: other.id,
        throttle_name: store.data.throttles.get(other.strategy_id)?.name ?? '',
        apply_time: other.apply_time,
      };
    });
  }),

  route('GET', '/throttle-bindings/binded-throttles', ({ store, query }) => {
    const api = requireApi(store, requireQuery(query, 'api_id'));
    const exact = exactFilter(query);
    const text = textFilter(query);
    const rows: Array<Record<string, unknown>> = [];
    for (const pub of store.publicationsOfApi(api.id)) {
      if (!exact('env_id', pub.env_id)) continue;
      for (const b of store.data.throttleBindings.values()) {
        if (b.publish_id !== pub.publish_id) continue;
        const t = store.data.throttles.get(b.strategy_id);
        if (!t || !exact('throttle_id', t.id) || !text('throttle_name', t.name)) continue;
        rows.push({
          ...throttleView(store, t),
          env_name: envName(store, pub.env_id),
          bind_id: b.id,
          bind_time: b.apply_time,
        });
      }
    }
    return page(rows, query, 'throttles', (r) => r);
  }),
];

function alreadyBoundErr(publishId: string): never {
  throw alreadyBound(`publication ${publishId} is already bound to a request throttling policy`);
}
