import {
  bindingWrites,
  type BindingWrites,
  deleteAt,
  lister,
  optionalLister,
  seg,
  type Lister,
  type OptionalLister,
  type Scope,
} from './resource.ts';
import * as S from './schemas.ts';
import type { CallOptions } from './types/common.ts';
import type {
  ApiForSign,
  BoundSignsQuery,
  SignApisQuery,
  SignBindRequest,
  SignBinding,
  SignatureKey,
  SignListQuery,
} from './types/signs.ts';
import { send } from './resource.ts';
import type { SignWrite } from './types/writes.ts';

/** 4.10.4 */
export interface SignsClient extends OptionalLister<SignatureKey, SignListQuery> {
  /** 4.10.1 (name taken: 400 APIG.3207); key and secret generated when omitted. */
  create(body: SignWrite, opts?: CallOptions): Promise<SignatureKey>;
  /** 4.10.2 */
  update(signId: string, body: SignWrite, opts?: CallOptions): Promise<SignatureKey>;
  /** 4.10.3: refused while bound to APIs (412 APIG.3480). */
  remove(signId: string, opts?: CallOptions): Promise<void>;
}

/** 4.11.1 binds publications (API × environment), 4.11.2 unbinds one. */
export interface SignBindingsClient extends BindingWrites<SignBindRequest, SignBinding> {
  /** 4.11.3 */
  boundSigns: Lister<SignBinding, BoundSignsQuery>;
  /** 4.11.4 */
  unboundApis: Lister<ApiForSign, SignApisQuery>;
  /** 4.11.5 */
  boundApis: Lister<SignBinding, SignApisQuery>;
}

export function signsClient(scope: Scope): SignsClient {
  return {
    ...optionalLister<SignatureKey, SignListQuery>(scope, '/signs', 'signs', S.sign),
    remove: (id, opts) => deleteAt(scope, `/signs/${seg(id)}`, opts),
    create: (body, opts) => send(scope, { method: 'POST', path: '/signs', body, schema: S.sign, ...opts }),
    update: (id, body, opts) =>
      send(scope, { method: 'PUT', path: `/signs/${seg(id)}`, body, schema: S.sign, ...opts }),
  };
}

export function signBindingsClient(scope: Scope): SignBindingsClient {
  return {
    ...bindingWrites<SignBindRequest, SignBinding>(scope, '/sign-bindings', 'bindings', S.signBinding),
    boundSigns: lister(scope, '/sign-bindings/binded-signs', 'bindings', S.signBinding),
    unboundApis: lister(scope, '/sign-bindings/unbinded-apis', 'apis', S.apiForSign),
    boundApis: lister(scope, '/sign-bindings/binded-apis', 'bindings', S.signBinding),
  };
}
