// Which debug-request parts are credentials, and how they are masked.
import type { DebugRequestBody } from './types.ts';

export const MASK = '***';

const SECRET_HEADERS = new Set([
  'authorization',
  'x-auth-token',
  'x-security-token',
  'x-apig-appcode',
  'apikey',
  'x-api-key',
  'cookie',
  'proxy-authorization',
]);

// Custom credential headers (X-Session-Token, X-Client-Secret, Private-Api-Key…) are common on backends:
// erring towards masking costs a retyped value, erring the other way leaks a credential.
const SECRET_HEADER_PATTERN = /token|secret|passw|credential|api-?key|session|auth/i;

export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase()) || SECRET_HEADER_PATTERN.test(name);
}

/** The request with the app secret and credential headers masked (app key stays: it names the app). */
export function redactRequest(req: DebugRequestBody): DebugRequestBody {
  const out: DebugRequestBody = { ...req };
  if (out.app_secret !== undefined) out.app_secret = MASK;
  if (req.header) {
    out.header = Object.fromEntries(
      Object.entries(req.header).map(([k, v]) => [k, isSecretHeader(k) ? v.map(() => MASK) : v]),
    );
  }
  return out;
}

/**
 * The literal credentials a request carries (app secret, credential header values). A backend may echo
 * them anywhere (an echo service returns headers as JSON), so stored texts are scrubbed of these too.
 */
export function secretValuesOf(req: DebugRequestBody): string[] {
  const values = Object.entries(req.header ?? {}).flatMap(([k, v]) => (isSecretHeader(k) ? v : []));
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

/** Mask credential header values inside a raw HTTP message text (the gateway echoes what it sent). */
export function redactRawMessage(raw: string): string {
  const [head = '', ...rest] = raw.split(/(\r?\n\r?\n)/);
  const masked = head.replace(
    /^([A-Za-z0-9!#$%&'*+.^_`|~-]+)(:[ \t]*)(.*)$/gm,
    (line, name: string, sep: string) => (isSecretHeader(name) ? `${name}${sep}${MASK}` : line),
  );
  return masked + rest.join('');
}

/**
 * A request from history, with the credentials it had masked taken from what is typed now
 * (history never holds secrets). A masked header with nothing typed for it is dropped.
 */
export function restoreSecrets(
  req: DebugRequestBody,
  current: { appKey: string; appSecret: string; headers: ReadonlyArray<{ name: string; value: string }> },
): DebugRequestBody {
  const out: DebugRequestBody = { ...req };
  if (req.app_key !== undefined || req.app_secret !== undefined) {
    if (current.appKey !== '') out.app_key = current.appKey;
    if (current.appSecret !== '') out.app_secret = current.appSecret;
    else delete out.app_secret;
  }
  if (req.header) {
    const header: Record<string, string[]> = {};
    for (const [name, values] of Object.entries(req.header)) {
      if (!isSecretHeader(name) || !values.every((v) => v === MASK)) {
        header[name] = values;
        continue;
      }
      const typed = current.headers
        .filter((h) => h.name.toLowerCase() === name.toLowerCase())
        .map((h) => h.value);
      if (typed.length > 0) header[name] = typed;
    }
    out.header = header;
  }
  return out;
}
