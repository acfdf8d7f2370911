// The debug form: what the user edits, pre-filled from an API definition (4.3.5 object).
import type { DebugApiDefinition, DebugMode, DebugReqParam, DebugScheme } from './types.ts';

export interface ParamRow {
  name: string;
  value: string;
  required: boolean;
  /** Declared in the API's `req_params`: the name is fixed, and left empty an optional one is not sent. */
  declared?: boolean;
}

export interface DebugForm {
  apiId: string;
  apiName: string;
  authType: string;
  mode: DebugMode;
  /** Environment name sent as `stage`; used only in CONSUMER mode. */
  stage: string;
  scheme: DebugScheme;
  method: string;
  /** The API's `req_uri`, with `{name}` placeholders filled from `pathParams`. */
  pathTemplate: string;
  pathParams: ParamRow[];
  query: ParamRow[];
  headers: ParamRow[];
  body: string;
  appKey: string;
  appSecret: string;
  domain: string;
}

export const DEBUG_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS'] as const;

/** `{name}` and SWA-style `{name+}` placeholders in a request path. */
const PLACEHOLDER = /\{([^{}]+?)\+?\}/g;

export function pathPlaceholders(template: string): string[] {
  const names: string[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) {
    const name = m[1];
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return names;
}

/** The path actually sent: placeholders replaced by their percent-encoded values (empty stays as `{name}`). */
export function resolvePath(template: string, params: readonly ParamRow[]): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const row = params.find((p) => p.name === name);
    return row && row.value !== '' ? encodeURIComponent(row.value) : whole;
  });
}

function paramValue(p: DebugReqParam): string {
  return p.default_value ?? p.sample_value ?? '';
}

function rowsAt(params: readonly DebugReqParam[], location: string): ParamRow[] {
  return params
    .filter((p) => (p.location ?? '').toUpperCase() === location)
    .map((p) => ({ name: p.name, value: paramValue(p), required: p.required === 1, declared: true }));
}

/** First environment name of `run_env_name`; several publications are joined by a separator the reference lost (C7). */
export function firstEnvName(runEnvName: string | undefined): string | undefined {
  const first = (runEnvName ?? '').split(/[^A-Za-z0-9_]+/).find((s) => s !== '');
  return first;
}

/** The environments CONSUMER mode can debug in: those the API is published in (else the current one). */
export function stageChoices(runEnvName: string | undefined, current: string): string[] {
  const names = (runEnvName ?? '').split(/[^A-Za-z0-9_]+/).filter((n) => n !== '');
  return names.length > 0 ? names : [current];
}

export function schemeFor(reqProtocol: string | undefined): DebugScheme {
  return (reqProtocol ?? '').toUpperCase() === 'HTTP' ? 'HTTP' : 'HTTPS';
}

export interface FormFromApiOptions {
  /** Environment to debug in; forces CONSUMER mode. Without it, a published API gets CONSUMER on its first environment. */
  stage?: string;
  mode?: DebugMode;
}

export function formFromApi(api: DebugApiDefinition, opts: FormFromApiOptions = {}): DebugForm {
  const params = api.req_params ?? [];
  const published = firstEnvName(api.run_env_name);
  const mode: DebugMode = opts.mode ?? (opts.stage || published ? 'CONSUMER' : 'DEVELOPER');
  const template = api.req_uri ?? '/';
  const declaredPath = rowsAt(params, 'PATH').map((r) => ({ ...r, required: true }));
  // Placeholders without a req_params row still need a value.
  const pathParams = pathPlaceholders(template).map(
    (name) => declaredPath.find((r) => r.name === name) ?? { name, value: '', required: true },
  );
  const method = (api.req_method ?? 'GET').toUpperCase();
  return {
    apiId: api.id,
    apiName: api.name,
    authType: (api.auth_type ?? 'NONE').toUpperCase(),
    mode,
    stage: opts.stage ?? published ?? 'RELEASE',
    scheme: schemeFor(api.req_protocol),
    method: method === 'ANY' ? 'GET' : method,
    pathTemplate: template,
    pathParams,
    query: rowsAt(params, 'QUERY'),
    headers: rowsAt(params, 'HEADER'),
    body: '',
    appKey: '',
    appSecret: '',
    domain: '',
  };
}
