// Shapes of the debug console (4.3.8). The wire request/answer mirror the reference tables; the
// API definition is the subset of the 4.3.5 API object the console reads, so the client's full
// wire type fits it structurally.

export type DebugMode = 'DEVELOPER' | 'MARKET' | 'CONSUMER';
export type DebugScheme = 'HTTP' | 'HTTPS';

/** 4.3.8 request body. */
export interface DebugRequestBody {
  mode: DebugMode;
  scheme: DebugScheme;
  method: string;
  path: string;
  body?: string;
  header?: Record<string, string[]>;
  query?: Record<string, string[]>;
  app_key?: string;
  app_secret?: string;
  domain?: string;
  stage?: string;
}

/** 4.3.8 answer. `latency` is typed String in the table but the example returns a number. */
export interface DebugAnswerWire {
  request: string;
  response: string;
  latency: string | number;
  log: string;
}

export interface DebugReqParam {
  name: string;
  type?: string;
  location?: string;
  required?: number;
  default_value?: string;
  sample_value?: string;
  remark?: string;
}

export interface DebugApiDefinition {
  id: string;
  name: string;
  req_protocol?: string;
  req_method?: string;
  req_uri?: string;
  auth_type?: string;
  backend_type?: string;
  group_id?: string;
  req_params?: DebugReqParam[];
  run_env_id?: string;
  run_env_name?: string;
  publish_id?: string;
}

/** An app the picker offers for APP-auth APIs (4.16.x `app_key` / `app_secret`). */
export interface DebugAppChoice {
  id: string;
  name: string;
  app_key: string;
  app_secret: string;
}

/** A failure of the debug call itself (not of the backend), as the console shows it. */
export interface DebugCallError {
  code: string;
  status?: number;
  message: string;
  hint: string;
}
