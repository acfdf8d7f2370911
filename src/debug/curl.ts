// Export a debug request as a `curl` command calling the API directly through the gateway.
import { buildQueryString, signRequest } from '../auth/signer.ts';
import { MASK, redactRequest } from './secrets.ts';
import type { DebugRequestBody } from './types.ts';

export interface CurlOptions {
  /** Host to call; defaults to the request's `domain`, then to a placeholder for the group's subdomain. */
  host?: string;
  /** Show credentials in clear. Off by default: the command is meant to be pasted into chats. */
  revealSecrets?: boolean;
  /**
   * APP authentication: sign the command with the app's key and secret (SDK-HMAC-SHA256), as the
   * gateway requires. The signature does not reveal the secret and expires with its X-Sdk-Date.
   */
  sign?: { appKey: string; appSecret: string; now?: Date };
}

/** How long the gateway accepts an X-Sdk-Date (SIGNING.md: 15 minutes off its clock). */
export const SIGNATURE_VALID_MS = 15 * 60_000;

/** POSIX shell single-quoting. */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_\-./:=@%+,]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function toCurl(sent: DebugRequestBody, opts: CurlOptions = {}): string {
  // Masked by name (headers, query parameters, body fields) unless the credentials are asked for.
  const req = opts.revealSecrets ? sent : redactRequest(sent);
  const host = opts.host ?? req.domain ?? '<group-subdomain>';
  const pairs = Object.entries(req.query ?? {}).flatMap(([k, vs]) => vs.map((v) => [k, v] as const));
  // The mask stays readable (`access_token=***`), not percent-encoded.
  const encoded = pairs.map(([k, v]) =>
    v === MASK && !opts.revealSecrets ? `${buildQueryString([[k, '']])}${MASK}` : buildQueryString([[k, v]]),
  );
  const qs = encoded.length > 0 ? `?${encoded.join('&')}` : '';
  const url = `${req.scheme.toLowerCase()}://${host}${req.path}${qs}`;
  const parts: string[] = ['curl'];
  if (req.method !== 'GET' || req.body !== undefined) parts.push('-X', req.method);
  parts.push(shellQuote(url));
  // The stage of a CONSUMER call is chosen by the X-Stage header when calling the gateway directly.
  if (req.mode === 'CONSUMER' && req.stage) parts.push('-H', shellQuote(`X-Stage: ${req.stage}`));
  for (const [name, values] of Object.entries(req.header ?? {})) {
    for (const v of values) parts.push('-H', shellQuote(`${name}: ${v}`));
  }
  if (req.body !== undefined) parts.push('--data-raw', shellQuote(req.body));
  const lines = [parts.join(' ')];
  if (req.app_key !== undefined && opts.sign !== undefined) {
    const signedAt = opts.sign.now ?? new Date();
    const auth = signedHeaders(
      sent,
      `${sent.scheme.toLowerCase()}://${host}${sent.path}`,
      opts.sign,
      signedAt,
    );
    lines[0] += ` -H ${shellQuote(`X-Sdk-Date: ${auth.date}`)} -H ${shellQuote(`Authorization: ${auth.authorization}`)}`;
    const until = new Date(signedAt.getTime() + SIGNATURE_VALID_MS).toISOString().slice(11, 19);
    lines.unshift(
      `# APP auth: signed with app_key=${req.app_key}${opts.revealSecrets && req.app_secret ? ` app_secret=${req.app_secret}` : ''} (SDK-HMAC-SHA256); valid until ${until} UTC (15 minutes)` +
        (encoded.some((e) => e.endsWith(MASK))
          ? '; put the masked *** values back first, they are signed'
          : ''),
    );
  } else if (req.app_key !== undefined) {
    // Without the app secret nothing can be signed: say so rather than print a command that cannot work.
    lines.unshift(
      `# APP auth, not signed: sign with app_key=${req.app_key} app_secret=${req.app_secret ?? MASK}`,
    );
  }
  return lines.join('\n');
}

/** The signature headers of the real (unmasked) request as curl will send it. */
function signedHeaders(
  sent: DebugRequestBody,
  base: string,
  sign: { appKey: string; appSecret: string },
  now: Date,
): { date: string; authorization: string } {
  const pairs = Object.entries(sent.query ?? {}).flatMap(([k, vs]) =>
    vs.map((v) => [k, v] as [string, string]),
  );
  const qs = pairs.length > 0 ? `?${buildQueryString(pairs)}` : '';
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(sent.header ?? {}))
    if (values[0] !== undefined) headers[name] = values[0];
  if (sent.mode === 'CONSUMER' && sent.stage) headers['X-Stage'] = sent.stage;
  const add = signRequest(
    { method: sent.method, url: base + qs, headers, ...(sent.body !== undefined ? { body: sent.body } : {}) },
    { ak: sign.appKey, sk: sign.appSecret },
    now,
  );
  return { date: add['X-Sdk-Date'] ?? '', authorization: add['Authorization'] ?? '' };
}
