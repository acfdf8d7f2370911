// Signature keys (4.10.4) and their bindings (4.11.1-4.11.5); ACL policies (4.12.5/4.12.6) and bindings (4.13.1-4.13.6).
import type { Acl, AclBinding, Publication, Sign, SignBinding } from '../model.ts';
import { isoSeconds, newId, type InstanceStore } from '../state.ts';
import {
  ApiError,
  asObject,
  exactFilter,
  filterIter,
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
  pubFilter,
  publishedApiPage,
  requirePublications,
  unbindMany,
  unbindOne,
  type MissingBinding,
} from './bindings.ts';
import { envName, groupName } from './views.ts';

const MISSING_SIGN_BINDING: MissingBinding = {
  code: 'APIG.3018',
  message: 'The signature key binding record does not exist',
};
const MISSING_ACL_BINDING: MissingBinding = {
  code: 'APIG.3010',
  message: 'The access control policy binding record does not exist',
};

function requireSign(store: InstanceStore, id: string): Sign {
  const s = store.data.signs.get(id);
  if (!s) throw new ApiError(404, 'APIG.3017', `Signature key ${id} does not exist`);
  return s;
}

function requireAcl(store: InstanceStore, id: string): Acl {
  const a = store.data.acls.get(id);
  if (!a) throw new ApiError(404, 'APIG.3006', `Access control policy ${id} does not exist`);
  return a;
}

function signBindingBase(store: InstanceStore, b: SignBinding, s: Sign): Record<string, unknown> {
  const pub = store.data.publications.get(b.publish_id);
  const api = pub ? store.data.apis.get(pub.api_id) : undefined;
  return {
    id: b.id,
    publish_id: b.publish_id,
    api_id: pub?.api_id ?? '',
    api_name: api?.name ?? '',
    api_type: api?.type ?? 1,
    api_remark: api?.remark ?? '',
    group_name: api ? groupName(store, api.group_id) : '',
    env_id: pub?.env_id ?? '',
    env_name: pub ? envName(store, pub.env_id) : '',
    binding_time: b.binding_time,
    sign_id: s.id,
    sign_name: s.name,
  };
}

function signBindingFull(store: InstanceStore, b: SignBinding, s: Sign): Record<string, unknown> {
  return {
    ...signBindingBase(store, b, s),
    sign_key: s.sign_key,
    sign_secret: s.sign_secret,
    sign_type: s.sign_type,
  };
}

function signByPublish(store: InstanceStore): Map<string, SignBinding> {
  const m = new Map<string, SignBinding>();
  for (const b of store.data.signBindings.values()) m.set(b.publish_id, b);
  return m;
}

function aclBindingsByPublish(store: InstanceStore): Map<string, AclBinding[]> {
  const m = new Map<string, AclBinding[]>();
  for (const b of store.data.aclBindings.values()) {
    const l = m.get(b.publish_id) ?? [];
    l.push(b);
    m.set(b.publish_id, l);
  }
  return m;
}

function aclBindApiInfo(store: InstanceStore, b: AclBinding, pub: Publication): Record<string, unknown> {
  const api = store.data.apis.get(pub.api_id);
  return {
    api_id: pub.api_id,
    api_name: api?.name ?? '',
    group_name: api ? groupName(store, api.group_id) : '',
    api_type: api?.type ?? 1,
    api_remark: api?.remark ?? '',
    env_id: pub.env_id,
    env_name: envName(store, pub.env_id),
    bind_id: b.id,
    bind_time: b.create_time,
    publish_id: pub.publish_id,
  };
}

function countBy<T>(items: Iterable<T>, pred: (t: T) => boolean): number {
  let n = 0;
  for (const it of items) if (pred(it)) n++;
  return n;
}

export const signRoutes: RouteDef[] = [
  route('GET', '/signs', ({ store, query }) =>
    listWhere(
      store.data.signs.values(),
      query,
      'signs',
      (s, { exact, text }) => exact('id', s.id) && text('name', s.name),
      (s) => ({
        ...s,
        bind_num: countBy(store.data.signBindings.values(), (b) => b.sign_id === s.id),
        ldapi_bind_num: 0,
      }),
    ),
  ),

  // 4.11.1: bind only published APIs, one signature key per API per environment.
  route('POST', '/sign-bindings', ({ store, body, nowMs }) => {
    const b = asObject(body);
    const s = requireSign(store, reqString(b, 'sign_id'));
    const pubs = requirePublications(store, b);
    const bound = signByPublish(store);
    for (const p of pubs) {
      if (bound.has(p.publish_id)) {
        throw new ApiError(
          400,
          'APIG.3317',
          `The sign binding relationship already exists,publish_id:${p.publish_id}`,
        );
      }
    }
    const out = pubs.map((p) => {
      const binding: SignBinding = {
        id: newId(),
        publish_id: p.publish_id,
        sign_id: s.id,
        binding_time: isoSeconds(nowMs),
      };
      store.data.signBindings.set(binding.id, binding);
      return signBindingFull(store, binding, s);
    });
    return ok({ bindings: out }, 201);
  }),
  route('DELETE', '/sign-bindings/{id}', ({ store, params }) =>
    unbindOne(store.data.signBindings, params['id'] ?? '', MISSING_SIGN_BINDING),
  ),
  route('GET', '/sign-bindings/binded-signs', ({ store, query }) => {
    const bindings = bindingsOfApi(store, query, store.data.signBindings);
    const exact = exactFilter(query);
    const text = textFilter(query);
    const rows = bindings.flatMap(({ binding: b }) => {
      const s = store.data.signs.get(b.sign_id);
      return s && exact('sign_id', s.id) && text('sign_name', s.name) ? [signBindingFull(store, b, s)] : [];
    });
    return page(rows, query, 'bindings', (r) => r);
  }),
  route('GET', '/sign-bindings/unbinded-apis', ({ store, query }) => {
    // 4.11.4: published APIs not bound to *this* key; `signature_name` names the key already bound, if any.
    const s = requireSign(store, requireQuery(query, 'sign_id'));
    const bound = signByPublish(store);
    return publishedApiPage(
      store,
      query,
      ({ pub }) => bound.get(pub.publish_id)?.sign_id !== s.id,
      ({ pub }) => {
        const other = bound.get(pub.publish_id);
        return { signature_name: other ? (store.data.signs.get(other.sign_id)?.name ?? '') : '' };
      },
    );
  }),
  route('GET', '/sign-bindings/binded-apis', ({ store, query }) => {
    const s = requireSign(store, requireQuery(query, 'sign_id'));
    const f = pubFilter(query);
    const items = filterIter(store.data.signBindings.values(), (b) => {
      if (b.sign_id !== s.id) return false;
      const pub = store.data.publications.get(b.publish_id);
      const api = pub ? store.data.apis.get(pub.api_id) : undefined;
      return pub !== undefined && api !== undefined && f({ pub, api });
    });
    return page(items, query, 'bindings', (b) => signBindingBase(store, b, s));
  }),
];

export const aclRoutes: RouteDef[] = [
  route('GET', '/acls', ({ store, query }) =>
    listWhere(
      store.data.acls.values(),
      query,
      'acls',
      (a, { exact, text }) =>
        exact('id', a.id) &&
        text('name', a.acl_name) &&
        exact('acl_type', a.acl_type) &&
        exact('entity_type', a.entity_type),
      (a) => ({
        ...a,
        bind_num: countBy(store.data.aclBindings.values(), (b) => b.acl_id === a.id),
      }),
    ),
  ),
  route('GET', '/acls/{acl_id}', ({ store, params }) => ok(requireAcl(store, params['acl_id'] ?? ''))),

  // 4.13.1: one ACL policy of each type (PERMIT/DENY) per API per environment.
  route('POST', '/acl-bindings', ({ store, body, nowMs }) => {
    const b = asObject(body);
    const acl = requireAcl(store, reqString(b, 'acl_id', { max: 65 }));
    const pubs = requirePublications(store, b);
    const byPub = aclBindingsByPublish(store);
    for (const p of pubs) {
      const same = (byPub.get(p.publish_id) ?? []).some(
        (x) => store.data.acls.get(x.acl_id)?.acl_type === acl.acl_type,
      );
      if (same)
        throw alreadyBound(`publication ${p.publish_id} already has a ${acl.acl_type} access control policy`);
    }
    const out = pubs.map((p) => {
      const binding: AclBinding = {
        id: newId(),
        publish_id: p.publish_id,
        acl_id: acl.id,
        create_time: isoSeconds(nowMs),
      };
      store.data.aclBindings.set(binding.id, binding);
      return {
        id: binding.id,
        api_id: p.api_id,
        env_id: p.env_id,
        acl_id: acl.id,
        create_time: binding.create_time,
      };
    });
    return ok({ acl_bindings: out }, 201);
  }),
  route('DELETE', '/acl-bindings/{id}', ({ store, params }) =>
    unbindOne(store.data.aclBindings, params['id'] ?? '', MISSING_ACL_BINDING),
  ),
  // 4.13.3: the reference's example spells the key `acl-bindings`, its table `acl_bindings`; both accepted.
  route('PUT', '/acl-bindings', ({ store, query, body }) => {
    const ids = batchDeleteIds(query, asObject(body), 'acl_bindings', 'acl-bindings');
    return unbindMany(store.data.aclBindings, ids, MISSING_ACL_BINDING);
  }),
  route('GET', '/acl-bindings/binded-apis', ({ store, query }) => {
    const acl = requireAcl(store, requireQuery(query, 'acl_id'));
    const f = pubFilter(query);
    const rows: Array<Record<string, unknown>> = [];
    for (const b of store.data.aclBindings.values()) {
      if (b.acl_id !== acl.id) continue;
      const pub = store.data.publications.get(b.publish_id);
      const api = pub ? store.data.apis.get(pub.api_id) : undefined;
      if (pub && api && f({ pub, api })) rows.push(aclBindApiInfo(store, b, pub));
    }
    return page(rows, query, 'apis', (r) => r);
  }),
  route('GET', '/acl-bindings/unbinded-apis', ({ store, query }) => {
    const acl = requireAcl(store, requireQuery(query, 'acl_id'));
    const byPub = aclBindingsByPublish(store);
    const bindingsOf = (pub: Publication) => byPub.get(pub.publish_id) ?? [];
    // 4.13.5: published APIs not bound to *this* policy; `acl_name` names "the other ACL policy of the same
    // type already bound", so such publications are listed too (binding them is refused until unbound).
    return publishedApiPage(
      store,
      query,
      ({ pub }) => !bindingsOf(pub).some((b) => b.acl_id === acl.id),
      ({ pub }) => {
        const same = bindingsOf(pub)
          .map((b) => store.data.acls.get(b.acl_id))
          .find((a) => a?.acl_type === acl.acl_type);
        return { acl_name: same?.acl_name ?? '' };
      },
    );
  }),
  route('GET', '/acl-bindings/binded-acls', ({ store, query }) => {
    const bindings = bindingsOfApi(store, query, store.data.aclBindings);
    const exact = exactFilter(query);
    const text = textFilter(query);
    const rows = bindings.flatMap(({ pub, binding: b }) => {
      const a = store.data.acls.get(b.acl_id);
      const env_name = envName(store, pub.env_id);
      if (!a || !text('env_name', env_name) || !exact('acl_id', a.id) || !text('acl_name', a.acl_name))
        return [];
      const row = {
        acl_id: a.id,
        acl_name: a.acl_name,
        entity_type: a.entity_type,
        acl_type: a.acl_type,
        acl_value: a.acl_value,
        env_id: pub.env_id,
        env_name,
        bind_id: b.id,
        bind_time: b.create_time,
      };
      return [row];
    });
    return page(rows, query, 'acls', (r) => r);
  }),
];
