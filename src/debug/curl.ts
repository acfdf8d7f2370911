// Export a debug request as a `curl` command calling the API directly through the gateway.
import { buildQueryString } from '../auth/signer.ts';
import { MASK, redactRequest } from './secrets.ts';
import type { DebugRequestBody } from './types.ts';

export interface CurlOptions {
  /** Host to call; defaults to the request's `domain`, then to a placeholder for the group's subdomain. */
  host?: string;
  /** Show credentials in clear. Off by default: the command is meant to be pasted into chats. */
  revealSecrets?: boolean;
}

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
  if (req.app_key !== undefined) {
    const secret = req.app_secret ?? MASK;
    // APP authentication signs each request (SDK-HMAC-SHA256); curl alone cannot, so the app is named beside it.
    lines.unshift(`# APP auth: sign with app_key=${req.app_key} app_secret=${secret}`);
  }
  return lines.join('\n');
}
