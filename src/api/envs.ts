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

/** 4.4.4 */
export interface EnvsClient extends OptionalLister<Environment, EnvListQuery> {
  /** 4.4.3: refused while APIs are published in it (409 APIG.3418); the emulator also refuses RELEASE. */
  remove(envId: string, opts?: CallOptions): Promise<void>;
}
/** 4.5.4 (`group_id` required). */
export type EnvVariablesClient = Lister<EnvVariable, EnvVariableListQuery>;

export function envsClient(scope: Scope): EnvsClient {
  return {
    ...optionalLister<Environment, EnvListQuery>(scope, '/envs', 'envs', S.env, normalizeEnv),
    remove: (id, opts) => deleteAt(scope, `/envs/${seg(id)}`, opts),
  };
}

export function envVariablesClient(scope: Scope): EnvVariablesClient {
  return lister<EnvVariable, EnvVariableListQuery>(scope, '/env-variables', 'variables', S.envVariable);
}
