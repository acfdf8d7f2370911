// Which debug-request parts are credentials, and how they are masked. The names are judged by the one
// rule of src/api/redact.ts (`isSecretName`), for headers, query parameters and body fields alike.
import { MASK, isSecretName, redactByName, redactNamedValues, secretValuesByName } from '../api/redact.ts';
import type { DebugRequestBody } from './types.ts';

export { MASK };

export function isSecretHeader(name: string): boolean {
  return isSecretName(name);
}

/**
 * The request with the app secret and every secret-named header, query parameter and body field
 * masked (the app key stays: it names the app).
 */
export function redactRequest(req: DebugRequestBody): DebugRequestBody {
  const out: DebugRequestBody = { ...req };
  if (out.app_secret !== undefined) out.app_secret = MASK;
  if (req.header) out.header = redactNamedValues(req.header);
  if (req.query) out.query = redactNamedValues(req.query);
  if (req.body !== undefined) out.body = redactByName(req.body);
  return out;
}

/**
 * The literal credentials a request carries (app secret, values of secret-named headers, query
 * parameters and body fields). A backend may echo
 * them anywhere (an echo service returns headers as JSON), so stored texts are scrubbed of these too.
 */
export function secretValuesOf(req: DebugRequestBody): string[] {
  const named = (m: Record<string, string[]> | undefined) =>
    Object.entries(m ?? {}).flatMap(([k, v]) => (isSecretName(k) ? v : []));
  const values = [...named(req.header), ...named(req.query), ...secretValuesByName(req.body ?? '')];
  if (req.app_secret !== undefined) values.push(req.app_secret);
  // Very short values would mask unrelated text; the masking of the fields themselves still covers them.
  return values.filter((v) => v.length >= 4 && v !== MASK);
}

/** Replaces every occurrence of each literal secret with the mask. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join(MASK);
  return out;
}

/**
 * Mask credentials by name inside a raw HTTP message (the gateway echoes what it sent): header lines,
 * query parameters of the request line, and fields of the body.
 */
export function redactRawMessage(raw: string): string {
  return redactByName(raw);
}

/**
 * A request from history, with the credentials it had masked taken from what is typed now
 * (history never holds secrets). A masked header with nothing typed for it is dropped.
 */
export function restoreSecrets(
  req: DebugRequestBody,
  current: {
    appKey: string;
    appSecret: string;
    headers: ReadonlyArray<{ name: string; value: string }>;
    query?: ReadonlyArray<{ name: string; value: string }>;
    body?: string;
  },
): DebugRequestBody {
  const out: DebugRequestBody = { ...req };
  if (req.app_key !== undefined || req.app_secret !== undefined) {
    if (current.appKey !== '') out.app_key = current.appKey;
    if (current.appSecret !== '') out.app_secret = current.appSecret;
    else delete out.app_secret;
  }
  if (req.header) out.header = restoreRows(req.header, current.headers, true);
  if (req.query) out.query = restoreRows(req.query, current.query ?? [], false);
  // A body with masked fields is the body typed now if that one masks to the same text.
  if (req.body !== undefined && current.body !== undefined && redactByName(current.body) === req.body)
    out.body = current.body;
  return out;
}

function restoreRows(
  stored: Record<string, string[]>,
  typed: ReadonlyArray<{ name: string; value: string }>,
  caseInsensitive: boolean,
): Record<string, string[]> {
  const same = (a: string, b: string) => (caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b);
  const out: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(stored)) {
    if (!isSecretName(name) || !values.every((v) => v === MASK)) {
      out[name] = values;
      continue;
    }
    const now = typed.filter((r) => same(r.name, name)).map((r) => r.value);
    if (now.length > 0) out[name] = now;
  }
  return out;
}
