// Form → 4.3.8 request body.
import { resolvePath, type DebugForm, type ParamRow } from './form.ts';
import { isBlankRow } from './validate.ts';
import type { DebugRequestBody } from './types.ts';

/** Rows → Map<String, Array<String>>; repeated names become several values, in order. */
export function rowsToMultiMap(rows: readonly ParamRow[]): Record<string, string[]> | undefined {
  const out: Record<string, string[]> = {};
  for (const r of rows) {
    if (isBlankRow(r)) continue;
    (out[r.name] ??= []).push(r.value);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function buildDebugBody(form: DebugForm): DebugRequestBody {
  const body: DebugRequestBody = {
    mode: form.mode,
    scheme: form.scheme,
    method: form.method,
    path: resolvePath(form.pathTemplate, form.pathParams),
  };
  const header = rowsToMultiMap(form.headers);
  const query = rowsToMultiMap(form.query);
  if (header) body.header = header;
  if (query) body.query = query;
  if (form.body !== '') body.body = form.body;
  if (form.appKey !== '') body.app_key = form.appKey;
  if (form.appSecret !== '') body.app_secret = form.appSecret;
  if (form.domain !== '') body.domain = form.domain;
  if (form.mode === 'CONSUMER') body.stage = form.stage;
  return body;
}

/** Recover `{name}` values from a sent path when it still matches the template; undefined otherwise. */
export function matchPathParams(template: string, path: string): ParamRow[] | undefined {
  const names: string[] = [];
  const source = template
    .split(/(\{[^{}]+?\+?\})/)
    .map((part) => {
      const m = /^\{([^{}]+?)(\+?)\}$/.exec(part);
      if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(m[1] ?? '');
      return m[2] ? '(.+)' : '([^/]+)';
    })
    .join('');
  const match = new RegExp(`^${source}$`).exec(path);
  if (!match) return undefined;
  try {
    return names.map((name, i) => ({ name, value: decodeURIComponent(match[i + 1] ?? ''), required: true }));
  } catch {
    return undefined;
  }
}

/** A sent request back into a form (history "edit and resend"). */
export function formFromRequest(base: DebugForm, req: DebugRequestBody): DebugForm {
  const rows = (m: Record<string, string[]> | undefined): ParamRow[] =>
    Object.entries(m ?? {}).flatMap(([name, values]) =>
      values.map((value) => ({ name, value, required: false })),
    );
  return {
    ...base,
    mode: req.mode,
    scheme: req.scheme,
    method: req.method,
    stage: req.stage ?? base.stage,
    ...pathFields(base.pathTemplate, req.path),
    query: rows(req.query),
    headers: rows(req.header),
    body: req.body ?? '',
    appKey: req.app_key ?? base.appKey,
    // History never stores secrets; keep whatever is typed now.
    appSecret: req.app_secret && !isRedacted(req.app_secret) ? req.app_secret : base.appSecret,
    domain: req.domain ?? '',
  };
}

export const REDACTED = '***';
export function isRedacted(v: string): boolean {
  return v === REDACTED;
}

function pathFields(template: string, path: string): Pick<DebugForm, 'pathTemplate' | 'pathParams'> {
  const params = matchPathParams(template, path);
  return params ? { pathTemplate: template, pathParams: params } : { pathTemplate: path, pathParams: [] };
}
