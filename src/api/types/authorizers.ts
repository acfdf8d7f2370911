import type { Extra, PageQuery } from './common.ts';

export interface AuthorizerIdentity extends Extra {
  name: string;
  location?: string;
  validation?: string;
}

/** AuthorizerResp (4.20.4/4.20.5). Cache time `ttl`/`ttn`/`ttd` is normalised to `ttl`. */
export interface Authorizer extends Extra {
  id: string;
  name: string;
  /** FRONTEND | BACKEND */
  type?: string;
  /** LD | FUNC */
  authorizer_type?: string;
  authorizer_uri?: string;
  identities?: AuthorizerIdentity[];
  ttl?: number;
  user_data?: string;
  ld_api_id?: string;
  need_body?: boolean;
  create_time?: string;
  roma_app_id?: string;
  roma_app_name?: string;
}

export interface AuthorizerListQuery extends PageQuery {
  id?: string;
  name?: string;
  type?: string;
}
