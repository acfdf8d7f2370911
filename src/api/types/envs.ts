import type { Extra, PageQuery } from './common.ts';

/** EnvInfo (4.4.4). The built-in environment is `DEFAULT_ENVIRONMENT_RELEASE_ID` / `RELEASE`. */
export interface Environment extends Extra {
  id: string;
  name: string;
  remark?: string;
  create_time?: string;
}

export const RELEASE_ENV_ID = 'DEFAULT_ENVIRONMENT_RELEASE_ID';

export interface EnvListQuery extends PageQuery {
  name?: string;
}

/** EnvVariableInfo (4.5.4). */
export interface EnvVariable extends Extra {
  id: string;
  variable_name: string;
  variable_value?: string;
  env_id?: string;
  group_id?: string;
}

/** 4.5.4: `group_id` is required by the reference. */
export interface EnvVariableListQuery extends PageQuery {
  group_id: string;
  env_id?: string;
  variable_name?: string;
  precise_search?: string;
}
