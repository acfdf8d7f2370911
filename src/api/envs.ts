import { lister, optionalLister, type Lister, type OptionalLister, type Scope } from './resource.ts';
import { normalizeEnv } from './normalize.ts';
import * as S from './schemas.ts';
import type { EnvListQuery, Environment, EnvVariable, EnvVariableListQuery } from './types/envs.ts';

/** 4.4.4 */
export type EnvsClient = OptionalLister<Environment, EnvListQuery>;
/** 4.5.4 (`group_id` required). */
export type EnvVariablesClient = Lister<EnvVariable, EnvVariableListQuery>;

export function envsClient(scope: Scope): EnvsClient {
  return optionalLister<Environment, EnvListQuery>(scope, '/envs', 'envs', S.env, normalizeEnv);
}

export function envVariablesClient(scope: Scope): EnvVariablesClient {
  return lister<EnvVariable, EnvVariableListQuery>(scope, '/env-variables', 'variables', S.envVariable);
}
