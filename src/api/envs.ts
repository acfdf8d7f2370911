import {
  deleteAt,
  lister,
  optionalLister,
  seg,
  type Lister,
  type OptionalLister,
  type Scope,
} from './resource.ts';
import { normalizeEnv } from './normalize.ts';
import * as S from './schemas.ts';
import type { CallOptions } from './types/common.ts';
import type { EnvListQuery, Environment, EnvVariable, EnvVariableListQuery } from './types/envs.ts';
import { getObject, send } from './resource.ts';
import type { EnvVariableCreate, EnvVariableUpdate, EnvWrite } from './types/writes.ts';

/** 4.4.4 */
export interface EnvsClient extends OptionalLister<Environment, EnvListQuery> {
  /** 4.4.1 (name taken: 400 APIG.3205). */
  create(body: EnvWrite, opts?: CallOptions): Promise<Environment>;
  /** 4.4.2 */
  update(envId: string, body: EnvWrite, opts?: CallOptions): Promise<Environment>;
  /** 4.4.3: refused while APIs are published in it (409 APIG.3418); the emulator also refuses RELEASE. */
  remove(envId: string, opts?: CallOptions): Promise<void>;
}
/** 4.5.4 (`group_id` required) and the writes 4.5.1/4.5.2/4.5.3/4.5.5. */
export interface EnvVariablesClient extends Lister<EnvVariable, EnvVariableListQuery> {
  /** 4.5.1 (same name in the group × environment: 400 APIG.3303). */
  create(body: EnvVariableCreate, opts?: CallOptions): Promise<EnvVariable>;
  /** 4.5.3 */
  get(variableId: string, opts?: CallOptions): Promise<EnvVariable>;
  /** 4.5.5: the value only. */
  update(variableId: string, body: EnvVariableUpdate, opts?: CallOptions): Promise<EnvVariable>;
  /** 4.5.2 */
  remove(variableId: string, opts?: CallOptions): Promise<void>;
}

export function envsClient(scope: Scope): EnvsClient {
  return {
    ...optionalLister<Environment, EnvListQuery>(scope, '/envs', 'envs', S.env, normalizeEnv),
    remove: (id, opts) => deleteAt(scope, `/envs/${seg(id)}`, opts),
    create: (body, opts) =>
      send(scope, { method: 'POST', path: '/envs', body, schema: S.env, norm: normalizeEnv, ...opts }),
    update: (id, body, opts) =>
      send(scope, {
        method: 'PUT',
        path: `/envs/${seg(id)}`,
        body,
        schema: S.env,
        norm: normalizeEnv,
        ...opts,
      }),
  };
}

export function envVariablesClient(scope: Scope): EnvVariablesClient {
  const path = (id: string) => `/env-variables/${seg(id)}`;
  return {
    ...lister<EnvVariable, EnvVariableListQuery>(scope, '/env-variables', 'variables', S.envVariable),
    create: (body, opts) =>
      send(scope, { method: 'POST', path: '/env-variables', body, schema: S.envVariable, ...opts }),
    get: (id, opts) => getObject(scope, { path: path(id), schema: S.envVariable, ...opts }),
    update: (id, body, opts) =>
      send(scope, { method: 'PUT', path: path(id), body, schema: S.envVariable, ...opts }),
    remove: (id, opts) => deleteAt(scope, path(id), opts),
  };
}
